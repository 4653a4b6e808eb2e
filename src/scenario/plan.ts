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
import { columnLetter, cutText, type CellPlan, type PrintPlan, type SheetPlan, type ValidationPlan, type WorkbookPlan } from "../workbook/plan";
import { keptPenurieList } from "../rules/penurie";
import { resolveQuartier } from "../rules/quartiers";
import { serialFromIso } from "../dates";
import { parseScenario, formatProblems, yearsOf, type Language, type Scenario } from "./schema";
import { simulate, type Simulation } from "./simulate";
import { figures, head, lab, ParIndex, Sheet, startYearSheet, tr, Y0_COL, type PlanCtx, type Tr } from "./layout";
import { CERCLE_LABELS, CONVENTION_LABELS, hypothesesSheet, PRACTICE_LABELS } from "./hypotheses";
import { revenueSheet } from "./revenues";
import { costSheet } from "./costs";
import { primeSheet } from "./primes";
import { netProfessionalRow, ownBaseF, receiptRows, taxRows } from "./income-tax";
import { socialDefinitiveRows, socialPaidRows } from "./social-contributions";
import { cashSheet } from "./cash";
import { synthesisSheet } from "./synthesis";
import { calendarSheet } from "./calendar";
import { summarySheet } from "./summary";
import { parametersSheet } from "./parameters";
import { comparisonSheet } from "./comparison";

export { EUR, DATE, INT, PCT, RATE } from "./layout";

const SHEET_NAMES: Record<string, Tr> = {
  res: ["Résumé", "Samenvatting", "Summary"],
  syn: ["Synthèse", "Overzicht", "Overview"],
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
export const SHEET_KEYS = ["res", "syn", "hyp", "rev", "chg", "pri", "fis", "cash", "ech", "par"] as const;

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
  const lang0 = opts.language ?? checked[0].language;
  const pen = penurieSheet(lang0);
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
    const make = (par: ParIndex) =>
      buildScenarioSheets({ s, sim, m: sim.model, lang, k: (key) => prefix + key, par, years: yearsOf(s), col: (i) => columnLetter(Y0_COL + i), L: (t) => tr(lang, t), f: figures(yearsOf(s)[0]), ...(pen ? { penurieRange: pen.range } : {}) }, names);
    const par = new ParIndex(prefix + "par", s.extrapolation.indexPercent);
    make(par);
    const built = make(par);
    sheets.push(...built.sheets);
    syntheses.push({ s, sim, synKey: prefix + "syn", syn: built.syn });
  });
  if (many) sheets.push(comparisonSheet(syntheses, lang0));
  if (pen) sheets.push(pen.sheet);
  return pen ? { sheets, names: [{ name: PENURIE_NAME, sheetKey: "pen", range: pen.codes }] } : { sheets };
}

/** The workbook name of the kept pénurie list's codes. */
export const PENURIE_NAME = "QuartiersPenurie";

/**
 * The official list of the quartiers en pénurie that the user entered once
 * (pane, or --penurie): one sheet for the whole workbook, its codes a named
 * range (QuartiersPenurie) that each Hypothèses pénurie cell counts in.
 */
function penurieSheet(lang: Language): { sheet: SheetPlan; range: string; codes: string } | null {
  const list = keptPenurieList();
  if (!list) return null;
  const L = (t: Tr) => tr(lang, t);
  const rows: (CellPlan | null)[][] = [
    [lab(L(["Quartiers en pénurie (liste officielle saisie par l'utilisateur)", "Tekortwijken (officiële lijst ingevoerd door de gebruiker)", "Quarters in shortage (official list entered by the user)"]), "title")],
    [lab(`${L(["Référence", "Referentie", "Reference"])} : ${list.reference} ; ${L(["saisie le", "ingevoerd op", "entered on"])} ${list.enteredOn.split("-").reverse().join("/")}. ${L(["Modifiez la liste ici : les cellules « pénurie » des Hypothèses suivent.", "Wijzig de lijst hier: de cellen « tekort » van Hypothesen volgen.", "Edit the list here: the Assumptions shortage cells follow."])}`, "note")],
    [],
    [head(L(["Code", "Code", "Code"])), head(L(["Quartier (FR)", "Wijk (FR)", "Quarter (FR)"])), head(L(["Quartier (NL)", "Wijk (NL)", "Quarter (NL)"]))],
  ];
  for (const code of list.codes) {
    const q = resolveQuartier(code);
    rows.push([{ value: code, style: "input" }, lab(q.fr), lab(q.nl)]);
  }
  const first = 5;
  const last = Math.max(first, rows.length);
  const codes = `A${first}:A${last}`;
  const name = L(["Quartiers en pénurie", "Tekortwijken", "Quarters in shortage"]);
  return {
    sheet: { key: "pen", name, rows, columnWidths: [10, 40, 40], freezeRows: 4, print: { orientation: "portrait", fitToWidth: true, titleRows: 4, footer: { center: "{date}", right: "{page} / {pages}" }, printArea: `A1:C${rows.length}` } },
    range: `{pen}!$A$${first}:$A$${last}`,
    codes,
  };
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
  fis.note(ctx.L([
        "Revenus d'une profession libérale imposés l'année de leur encaissement ; cotisations sociales déductibles l'année de leur paiement. Impulseo II/III au taux distinct hors base progressive (règle du guide FAMGB ; les sources publiques ne l'attachent qu'à Impulseo I : voir la note de Paramètres).",
        "Inkomsten uit een vrij beroep belast in het jaar van inning; sociale bijdragen aftrekbaar in het jaar van betaling. Impulseo II/III tegen het afzonderlijk tarief buiten de progressieve grondslag (regel van de FAMGB-gids; openbare bronnen verbinden het enkel aan Impulseo I: zie de opmerking in Parameters).",
        "Liberal-profession income taxed in the year it is collected; social contributions deductible in the year paid. Impulseo II/III at the separate rate outside the progressive base (the FAMGB guide's rule; public sources attach it to Impulseo I only: see the note in Parameters).",
      ]));
  const cash = cashSheet(ctx, names("cash"), rev, pri, chg, fis);
  const { sheet: syn, chart } = synthesisSheet(ctx, names("syn"), { rev, chg, pri, fis, cash });
  const { sheet: ech, events } = calendarSheet(ctx, names("ech"));
  const res = summarySheet(ctx, names("res"), { hyp, syn, ech, pri }, events);
  const par = parametersSheet(ctx, names("par"));
  const w = (first: number) => [first, ...ctx.years.map(() => 15), 15];
  const print = (orientation: PrintPlan["orientation"], annex = false): PrintPlan => ({
    orientation,
    fitToWidth: true,
    titleRows: 3,
    footer: { left: ctx.s.name, center: "{date}", right: `${ctx.L(["Page", "Pagina", "Page"])} {page} / {pages}` },
    ...(annex ? { annex: true } : {}),
  });
  const wide = ctx.years.length > 3 ? "landscape" : "portrait";
  // The printed area: the table's columns (a long note in column A wraps instead of widening the page).
  const withPrint = (sheet: SheetPlan, p: PrintPlan): SheetPlan => {
    const cols = Math.max(...sheet.rows.map((r) => r.length));
    return { ...sheet, print: { printArea: `A1:${columnLetter(cols - 1)}${sheet.rows.length}`, ...p } };
  };
  return {
    sheets: [
      withPrint(res.plan([46, ...ctx.years.map(() => 14), 16], 3), { ...print("portrait"), titleRows: 1 }),
      withPrint(syn.plan(w(58).concat([15]), 3, [chart]), print("landscape")),
      { ...withPrint(hyp.plan([52, 18, ...ctx.years.slice(1).map(() => 15), 100], 3), { ...print("landscape"), printArea: `A1:${columnLetter(ctx.years.length + 1)}${hyp.row("scenarioJson") - 1}` }), validations: hypothesesValidations(ctx, hyp) },
      withPrint(rev.plan(w(58), 3), print(wide)),
      withPrint(chg.plan(w(58), 3), print(wide)),
      withPrint(pri.plan(w(64), 3), print(wide)),
      withPrint(fis.plan(w(64), 3), print(wide)),
      withPrint(cash.plan(w(58), 3), print(wide)),
      withPrint(ech.plan([14, 90, 60], 3), print("landscape")),
      withPrint(par, print("landscape", true)),
    ],
    syn,
  };
}

/**
 * Data validation of the Hypothèses inputs, so that an accountant editing
 * the workbook cannot type a value the formulas would misread: the
 * enumerated codes as drop-down lists, whole numbers and dates in range,
 * percentages as decimals (7 % is 0,07).
 */
function hypothesesValidations(ctx: PlanCtx, hyp: Sheet): ValidationPlan[] {
  const { L } = ctx;
  const out: ValidationPlan[] = [];
  const B = (id: string) => `B${hyp.row(id) + 1}`;
  const yearsRange = (id: string) => `${ctx.col(0)}${hyp.row(id) + 1}:${ctx.col(ctx.years.length - 1)}${hyp.row(id) + 1}`;
  const list = (id: string, values: readonly string[]) => out.push({ range: B(id), rule: { kind: "list", values: [...values] }, message: `${L(["Valeurs possibles", "Mogelijke waarden", "Possible values"])} : ${values.join(", ")}` });
  const whole = (range: string, min: number, max: number) => out.push({ range, rule: { kind: "whole", min, max }, message: `${L(["Nombre entier de", "Geheel getal van", "Whole number from"])} ${min} ${L(["à", "tot", "to"])} ${max}` });
  const decimal = (range: string, min: number, max: number, what: string) => out.push({ range, rule: { kind: "decimal", min, max }, message: what });
  const date = (id: string) => out.push({ range: B(id), rule: { kind: "date", min: serialFromIso("1990-01-01"), max: serialFromIso("2100-12-31") }, message: L(["Date entre le 01/01/1990 et le 31/12/2100", "Datum tussen 01/01/1990 en 31/12/2100", "Date between 01/01/1990 and 31/12/2100"]) });
  const labels = (m: Record<string, Tr>) => Object.values(m).map((t) => L(t));
  list("practiceTypeLabel", labels(PRACTICE_LABELS));
  list("conventionnementLabel", labels(CONVENTION_LABELS));
  list("cercleLabel", labels(CERCLE_LABELS));
  whole(B("gps"), 1, 50);
  whole(B("teleMonths"), 0, 12);
  whole(B("empMonths"), 0, 12);
  for (const id of ["endOfTraining", "agrement", "inamiNumber", "installation", "accreditationRequest", "accreditationFrom", "empContractStart"]) date(id);
  const euros = L(["Montant en euros, positif", "Bedrag in euro, positief", "Amount in euros, positive"]);
  for (const id of ["teleCost", "empCost", "rent", "other", "associationFee", "installationBudget"]) decimal(B(id), 0, 100_000_000, euros);
  decimal(B("empHours"), 0, 60, L(["Heures par semaine, de 0 à 60", "Uren per week, van 0 tot 60", "Hours per week, 0 to 60"]));
  decimal(B("indexRate"), -0.1, 0.2, L(["Pourcentage de −10 % à 20 % (tapez 2 % ou 0,02)", "Percentage van −10 % tot 20 % (typ 2 % of 0,02)", "Percentage from −10 % to 20 % (type 2 % or 0.02)"]));
  decimal(B("communalRate"), 0, 0.15, L(["Pourcentage de 0 % à 15 % (tapez 7 % ou 0,07)", "Percentage van 0 % tot 15 % (typ 7 % of 0,07)", "Percentage from 0 % to 15 % (type 7 % or 0.07)"]));
  decimal(B("advancePct"), 0, 1, L(["Pourcentage de 0 % à 100 %", "Percentage van 0 % tot 100 %", "Percentage from 0 % to 100 %"]));
  whole(yearsRange("cons"), 0, 500);
  whole(yearsRange("visits"), 0, 200);
  whole(yearsRange("weeks"), 0, 53);
  whole(yearsRange("dmg"), 0, 100_000);
  whole(yearsRange("criteria"), 0, 20);
  decimal(yearsRange("forfaitIncome"), 0, 100_000_000, euros);
  return out;
}
