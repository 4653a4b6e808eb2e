import { evaluate, type Cell } from "../../src/catalog";
import { serialFromIso } from "../../src/dates";
import { RuleError, type Lang } from "../../src/errors";
import { explanationOf } from "../../src/rules/eligibility";

export const d = serialFromIso;
export const ctx = { today: serialFromIso("2025-08-30"), lang: "fr" as Lang };

export function run(id: string, ...args: Cell[]) {
  return evaluate(id, args, ctx).value;
}

export function explained(id: string, ...args: Cell[]) {
  return evaluate(id, args, ctx);
}

export function errorOf(id: string, ...args: Cell[]): RuleError {
  try {
    evaluate(id, args, ctx);
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw e;
  }
  throw new Error(`MG.${id} did not refuse`);
}

/** The conditions carried by a #N/A of an eligibility rule, by id -> status. */
export function carriedStatuses(e: RuleError): Record<string, string> {
  const x = explanationOf(e);
  if (!x) throw new Error("no explanation carried");
  return Object.fromEntries((x.conditions ?? []).map((c) => [c.id, c.status]));
}

export function statuses(id: string, ...args: Cell[]): Record<string, string> {
  return Object.fromEntries((evaluate(id, args, ctx).conditions ?? []).map((c) => [c.id, c.status]));
}
