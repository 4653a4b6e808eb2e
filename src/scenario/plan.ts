/**
 * Scenario -> sheet plan: a pure value (no I/O) that a writer applies
 * (src/workbook/xlsx-writer.ts offline, the Office.js writer in Excel).
 *
 * Sheets (French names; Dutch/English when the scenario's language says so):
 * Synthèse (the two views of each year), Hypothèses (every input, editable),
 * Revenus, Charges, Primes (conditions, amounts, when each is received),
 * Impôt et cotisations (the fiscal year), Trésorerie (the cash year),
 * Échéancier, Paramètres (annex: every legal figure used, per year). Each
 * sheet is laid out by the module of its concern, next to the computation of
 * the same rows (revenues.ts, costs.ts, primes.ts, social-contributions.ts,
 * income-tax.ts, cash.ts, calendar.ts). Several scenarios: each gets its own
 * sheets (prefixed by its name) and a Comparaison sheet.
 *
 * Every computed cell is a native Excel formula (English syntax) over
 * Hypothèses and Paramètres — no legal figure is written in a formula — and
 * carries the value the core computed in `result`; tests check that both
 * agree to the cent (HyperFormula, LibreOffice).
 */
import { columnLetter, cutText, type SheetPlan, type WorkbookPlan } from "../workbook/plan";
import { parseScenario, formatProblems, yearsOf, type Language, type Scenario } from "./schema";
import { simulate, type Simulation } from "./simulate";
import { figures, lab, ParIndex, Sheet, startYearSheet, tr, Y0_COL, type PlanCtx, type Tr } from "./layout";
import { hypothesesSheet } from "./hypotheses";
import { revenueSheet } from "./revenues";
import { costSheet } from "./costs";
import { primeSheet } from "./primes";
import { netProfessionalRow, ownBaseF, receiptRows, taxRows } from "./income-tax";
import { socialDefinitiveRows, socialPaidRows } from "./social-contributions";
import { cashSheet } from "./cash";
import { synthesisSheet } from "./synthesis";
import { calendarSheet } from "./calendar";
import { parametersSheet } from "./parameters";
import { comparisonSheet } from "./comparison";

export { EUR, DATE, INT, PCT, RATE } from "./layout";

const SHEET_NAMES: Record<string, Tr> = {
  syn: ["Synthèse", "Overzicht", "Summary"],
  hyp: ["Hypothèses", "Hypothesen", "Assumptions"],
  rev: ["Revenus", "Inkomsten", "Revenue"],
  chg: ["Charges", "Kosten", "Costs"],
  pri: ["Primes", "Premies", "Grants"],
  fis: ["IPP et cotisations", "PB en bijdragen", "Tax, contributions"],
  cash: ["Trésorerie", "Thesaurie", "Cash"],
  ech: ["Échéancier", "Kalender", "Deadlines"],
  par: ["Paramètres", "Parameters", "Parameters"],
  cmp: ["Comparaison", "Vergelijking", "Comparison"],
};

/** The sheets of one scenario, in workbook order. */
export const SHEET_KEYS = ["syn", "hyp", "rev", "chg", "pri", "fis", "cash", "ech", "par"] as const;

export interface PlanOptions {
  /** Language of names and labels; default: each scenario's own. */
  language?: Language;
}

/** A scenario name cut for a sheet-name prefix: at most `max` characters, on a word boundary when there is one. */
export function shortName(name: string, max: number): string {
  const clean = name.replace(/[:\\/?*[\]']/g, "-").trim();
  const chars = [...clean];
  if (chars.length <= max) return clean;
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return (space >= 4 ? cut.slice(0, space) : cut).trim();
}

/**
 * Builds the workbook plan of one or several scenarios. Throws an Error
 * listing the problems for an invalid scenario; a legal figure missing for a
 * year makes only the cells that need it #N/A.
 */
export function buildPlan(scenarios: Scenario[] | Scenario, opts: PlanOptions = {}): WorkbookPlan {
  const list = Array.isArray(scenarios) ? scenarios : [scenarios];
  if (list.length === 0) throw new Error("aucun scénario");
  const checked = list.map((s, i) => {
    const r = parseScenario(s);
    if (!r.ok) throw new Error(`Scénario ${i + 1} invalide :\n${formatProblems(r.problems)}`);
    return r.scenario;
  });
  const many = checked.length > 1;
  const sheets: SheetPlan[] = [];
  const syntheses: { s: Scenario; sim: Simulation; synKey: string; syn: Sheet }[] = [];
  checked.forEach((s, n) => {
    const lang = opts.language ?? s.language;
    const prefix = many ? `s${n + 1}-` : "";
    // Prefixes of at most 10 characters keep every sheet name within Excel's 31.
    const short = shortName(s.name, 10);
    const clash = checked.some((o, m) => m !== n && shortName(o.name, 10) === short);
    const namePrefix = many ? `${clash ? `${n + 1}. ${shortName(s.name, 7)}` : short} - ` : "";
    const names = (key: string) => cutText(namePrefix + tr(lang, SHEET_NAMES[key]), 31);
    const sim = simulate(s);
    // Two passes: the first registers the Paramètres rows the formulas need, the second lays them out.
    const make = (par: ParIndex) => buildScenarioSheets({ s, sim, m: sim.model, lang, k: (key) => prefix + key, par, years: yearsOf(s), col: (i) => columnLetter(Y0_COL + i), L: (t) => tr(lang, t), f: figures(yearsOf(s)[0]) }, names);
    const par = new ParIndex(prefix + "par", s.extrapolation.indexPercent);
    make(par);
    const built = make(par);
    sheets.push(...built.sheets);
    syntheses.push({ s, sim, synKey: prefix + "syn", syn: built.syn });
  });
  if (many) sheets.push(comparisonSheet(syntheses, opts.language ?? checked[0].language));
  return { sheets };
}

function buildScenarioSheets(base: Omit<PlanCtx, "hyp">, names: (key: string) => string): { sheets: SheetPlan[]; syn: Sheet } {
  const hyp = hypothesesSheet(base, names("hyp"));
  const ctx: PlanCtx = { ...base, hyp };
  const rev = revenueSheet(ctx, names("rev"));
  const chg = costSheet(ctx, names("chg"), rev);
  const pri = primeSheet(ctx, names("pri"), rev, chg);
  const fis = startYearSheet(ctx, "fis", names("fis"), ["Impôt et cotisations : l'année fiscale", "Belasting en bijdragen: het fiscale jaar", "Tax and contributions: the fiscal year"], (i) => ctx.sim.years[i].extrapolated.filter((e) => e.startsWith("ipp.") || e.startsWith("cotisations.") || e.startsWith("taxe-communale.")));
  receiptRows(ctx, fis, rev, pri, chg);
  socialPaidRows(ctx, fis, ownBaseF(fis));
  netProfessionalRow(ctx, fis);
  socialDefinitiveRows(ctx, fis, "netProf", ownBaseF(fis));
  taxRows(ctx, fis);
  fis.add([
    lab(
      ctx.L([
        "Revenus d'une profession libérale imposés l'année de leur encaissement ; cotisations sociales déductibles l'année de leur paiement. Impulseo II/III au taux distinct hors base progressive (règle du guide FAMGB ; les sources publiques ne l'attachent qu'à Impulseo I : voir la note de Paramètres).",
        "Inkomsten uit een vrij beroep belast in het jaar van inning; sociale bijdragen aftrekbaar in het jaar van betaling. Impulseo II/III tegen het afzonderlijk tarief buiten de progressieve grondslag (regel van de FAMGB-gids; openbare bronnen verbinden het enkel aan Impulseo I: zie de opmerking in Parameters).",
        "Liberal-profession income taxed in the year it is collected; social contributions deductible in the year paid. Impulseo II/III at the separate rate outside the progressive base (the FAMGB guide's rule; public sources attach it to Impulseo I only: see the note in Parameters).",
      ]),
      "note",
    ),
  ]);
  const cash = cashSheet(ctx, names("cash"), rev, pri, chg, fis);
  const { sheet: syn, chart } = synthesisSheet(ctx, names("syn"), { rev, chg, pri, fis, cash });
  const ech = calendarSheet(ctx, names("ech"));
  const par = parametersSheet(ctx, names("par"));
  const w = (first: number) => [first, ...ctx.years.map(() => 15), 15];
  return {
    sheets: [
      syn.plan(w(58).concat([15]), 3, [chart]),
      hyp.plan([52, 18, ...ctx.years.slice(1).map(() => 15), 60], 3),
      rev.plan(w(58), 3),
      chg.plan(w(58), 3),
      pri.plan(w(64), 3),
      fis.plan(w(64), 3),
      cash.plan(w(58), 3),
      ech.plan([14, 90, 60], 3),
      par,
    ],
    syn,
  };
}
