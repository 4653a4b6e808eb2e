import { RuleError } from "../../src/errors";

/** The RuleError (#VALUE!/#N/A) that `f` throws; fails the test if it answers or throws anything else. */
export function refusal(f: () => unknown): RuleError {
  try {
    f();
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw e;
  }
  throw new Error("no refusal: the call answered a value");
}
