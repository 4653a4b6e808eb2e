/**
 * All custom functions, by permanent id, and one entry point to evaluate any
 * of them with Excel-like arguments (used by Excel, the CLI and the tests).
 */
import { feesPrimesInamiFunctions } from "./fees-primes-inami";
import { quartierFunctions } from "./quartiers";
import { taxFunctions } from "./tax";
import { practiceAndDeadlineFunctions } from "./practice-and-deadlines";
import { explainFunctions } from "./explain-mode";
import { invalid, isDataPending, isRuleError } from "../errors";
import { todaySerial } from "../dates";
import type { Explained } from "../explain";
import type { Cell } from "./args";
import type { CellResult, EvalContext, FunctionSpec } from "./types";

export const catalog: FunctionSpec[] = [...feesPrimesInamiFunctions, ...quartierFunctions, ...taxFunctions, ...practiceAndDeadlineFunctions, ...explainFunctions];

const byId = new Map(catalog.map((f) => [f.id, f]));

export function getFunction(id: string): FunctionSpec {
  const f = byId.get(id) ?? byId.get(id.toUpperCase().replace(/^MG\./, ""));
  if (!f) throw invalid(`Fonction inconnue : ${id}. Fonctions : ${catalog.map((c) => c.id).join(", ")}.`);
  return f;
}

export function defaultContext(): EvalContext {
  return { today: todaySerial(), lang: "fr" };
}

/**
 * Evaluates a function by id; throws RuleError (#VALUE!/#N/A) on refusal, or
 * DataPending when deferred data (the quarter boundaries) is not loaded yet.
 */
export function evaluate(id: string, args: Cell[], ctx: EvalContext = defaultContext()): Explained<CellResult> {
  const f = getFunction(id);
  if (args.length > f.args.length) {
    throw invalid(`MG.${f.id} accepte au plus ${f.args.length} arguments (${args.length} reçus).`);
  }
  let padded = args;
  if (args.length < f.args.length) {
    padded = args.slice();
    while (padded.length < f.args.length) padded.push(null);
  }
  let result: Explained<CellResult>;
  try {
    result = f.run(ctx, ...padded);
  } catch (e) {
    // A refusal, or deferred data to load before evaluating again (functions/runtime.ts).
    if (isRuleError(e) || isDataPending(e)) throw e;
    // A bug or an input outside every range we thought of: still a clear #VALUE!, never a crash.
    throw invalid(`MG.${f.id} : calcul impossible avec ces arguments (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (typeof result.value === "number" && !Number.isFinite(result.value)) {
    throw invalid(`MG.${f.id} : résultat non numérique avec ces arguments.`);
  }
  return result;
}

export type { FunctionSpec, EvalContext, CellResult } from "./types";
export type { Cell } from "./args";
