/**
 * MG.EXPLAIN(function_id, args...): evaluates any MG function by id and
 * spills its explanation as one column — the result, the steps, each
 * condition (met / not met / unknown) and the sources.
 *
 * Design choice: EXPLAIN never fails because the explained function refuses.
 * An inner #VALUE! or #N/A becomes the first line ("Erreur #N/A : ..."),
 * followed by whatever explanation the refusal carries (conditions inconnues,
 * steps and sources of the eligibility rules): the accountant sees WHY in the
 * cell, which an Excel error value cannot show. Only EXPLAIN's own misuse
 * (no function id) is a #VALUE!.
 */
import { evaluate, getFunction } from "./index";
import { isRuleError, invalid, type Lang } from "../errors";
import { formatSource, type Explained } from "../explain";
import { eurosToCents, formatEuros } from "../money";
import { formatDateFr } from "../dates";
import { text, type Cell } from "./args";
import type { CellResult, EvalContext, FunctionSpec } from "./types";
import { explanationOf } from "../rules/eligibility";
import { DATE_RESULTS } from "./practice-and-deadlines";

const WORDS: Record<Lang, Record<string, string>> = {
  fr: { result: "Résultat", step: "Étape", met: "Condition remplie", not_met: "Condition non remplie", unknown: "Condition inconnue", source: "Source", error: "Erreur", true: "VRAI", false: "FAUX" },
  nl: { result: "Resultaat", step: "Stap", met: "Voorwaarde vervuld", not_met: "Voorwaarde niet vervuld", unknown: "Voorwaarde onbekend", source: "Bron", error: "Fout", true: "WAAR", false: "ONWAAR" },
  en: { result: "Result", step: "Step", met: "Condition met", not_met: "Condition not met", unknown: "Condition unknown", source: "Source", error: "Error", true: "TRUE", false: "FALSE" },
};

/** The inner arguments: a repeating argument arrives as one row (Excel) or a column (CLI); both are read in order. */
function innerArgs(v: Cell): Cell[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) return [v];
  const out: Cell[] = [];
  for (const row of v) {
    if (Array.isArray(row)) for (const c of row) out.push(c);
    else out.push(row);
  }
  // Trailing omitted arguments are dropped (Excel may pass them as null).
  while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
  return out;
}

function display(spec: FunctionSpec, value: CellResult, w: Record<string, string>): string {
  if (typeof value === "boolean") return value ? w.true : w.false;
  if (typeof value === "number") {
    if (spec.result === "euros") return formatEuros(eurosToCents(value));
    if (DATE_RESULTS.has(spec.id) && Number.isInteger(value)) return `${formatDateFr(value)} (${value})`;
    return String(value).replace(".", ",");
  }
  if (Array.isArray(value)) return value.map((row) => row.join(" | ")).join(" / ");
  return value;
}

function lines(r: Explained<unknown>, w: Record<string, string>): string[] {
  const out: string[] = [];
  for (const s of r.steps) out.push(`${w.step} : ${s}`);
  for (const c of r.conditions ?? []) out.push(`${w[c.status]} : ${c.label}${c.detail ? ` (${c.detail})` : ""}`);
  for (const s of r.sources) out.push(`${w.source} : ${formatSource(s)}`);
  return out;
}

/** The explanation of MG.<id>(args) as lines; never throws for a refusal of the inner function. */
export function explainLines(id: string, args: Cell[], ctx: EvalContext): { lines: string[]; sources: Explained<unknown>["sources"] } {
  const w = WORDS[ctx.lang] ?? WORDS.fr;
  let spec: FunctionSpec;
  try {
    spec = getFunction(id.trim());
  } catch (e) {
    return { lines: [`${w.error} #VALUE! : ${isRuleError(e) ? e.messageIn(ctx.lang) : String(e)}`], sources: [] };
  }
  if (spec.id === "EXPLAIN") return { lines: [`${w.error} #VALUE! : MG.EXPLAIN ne s'explique pas lui-même.`], sources: [] };
  try {
    const r = evaluate(spec.id, args, ctx);
    return { lines: [`${w.result} : MG.${spec.id} = ${display(spec, r.value, w)}`, ...lines(r, w)], sources: r.sources };
  } catch (e) {
    if (!isRuleError(e)) throw e;
    const code = e.kind === "invalid" ? "#VALUE!" : "#N/A";
    const head = `${w.error} ${code} : ${e.messageIn(ctx.lang)}`;
    const carried = explanationOf(e);
    return { lines: carried ? [head, ...lines(carried, w)] : [head], sources: carried?.sources ?? [] };
  }
}

export const explainFunctions: FunctionSpec[] = [
  {
    id: "EXPLAIN",
    description: {
      fr: "Explique le calcul d'une fonction MG : résultat, étapes, conditions (remplies, non remplies, inconnues) et sources, en une colonne ; une erreur de la fonction expliquée est affichée avec sa raison.",
      nl: "Legt de berekening van een MG-functie uit: resultaat, stappen, voorwaarden (vervuld, niet vervuld, onbekend) en bronnen, in één kolom; een fout van de uitgelegde functie wordt met de reden getoond.",
      en: "Explains an MG function's result: value, steps, conditions (met, not met, unknown) and sources, as one column; an error of the explained function is shown with its reason.",
    },
    args: [
      { name: "function_id", description: { fr: "Nom de la fonction, par ex. « DMG.DEBUTANT » ou « MG.PRIME.INTEGREE ».", nl: "Naam van de functie, bv. « DMG.DEBUTANT » of « MG.PRIME.INTEGREE ».", en: "Function name, e.g. \"DMG.DEBUTANT\" or \"MG.PRIME.INTEGREE\"." } },
      { name: "args", optional: true, repeating: true, description: { fr: "Les arguments de la fonction, dans son ordre (les plages ne sont pas transmises).", nl: "De argumenten van de functie, in haar volgorde (bereiken worden niet doorgegeven).", en: "The function's arguments, in its order (ranges are not passed through)." } },
    ],
    result: "matrix",
    example: { formula: "=MG.EXPLAIN(\"ACCREDITATION.FORFAIT\"; 2025)", value: "Résultat : MG.ACCREDITATION.FORFAIT = 757,23 € / Étape : … / Source : …" },
    run: (ctx, fid, rest) => {
      const id = text(fid, "function_id");
      if (!id) throw invalid("« function_id » est requis.");
      const r = explainLines(id, innerArgs(rest), ctx);
      return { value: r.lines.map((l) => [l]), steps: [], sources: r.sources };
    },
  },
];
