/**
 * Laying out a scenario's sheets: the Sheet under construction (rows, row ids
 * for references), the Paramètres index (which legal figure of which year a
 * formula reads), the plan context shared by the concern modules, and the
 * row helpers (one formula per simulated year, carrying the core's value).
 */
import { columnLetter, type CellPlan, type CellStyle, type ChartPlan, type SheetPlan } from "../workbook/plan";
import { centsToEuros, formatEuros, formatRate } from "../money";
import { yearOf } from "../dates";
import { params } from "../params";
import { splitKey, yearValue } from "./year-params";
import type { Language, Scenario } from "./schema";
import type { Model, Tri } from "./model";
import type { Simulation } from "./simulate";

export const EUR = '#,##0.00 "€"';
export const DATE = "dd/mm/yyyy";
export const INT = "#,##0";
export const PCT = "0.00%";
export const RATE = "0.0%";

export type Tr = [fr: string, nl: string, en: string];

export function tr(lang: Language, t: Tr): string {
  return t[lang === "fr" ? 0 : lang === "nl" ? 1 : 2];
}

/** One sheet under construction: rows of cells, row ids for references. */
export class Sheet {
  readonly rows: (CellPlan | null)[][] = [];
  private readonly ids = new Map<string, number>();
  constructor(
    readonly key: string,
    readonly name: string,
  ) {}
  add(cells: (CellPlan | null)[], id?: string): number {
    const r = this.rows.length;
    this.rows.push(cells);
    if (id) {
      if (this.ids.has(id)) throw new Error(`ligne en double ${this.key}.${id}`);
      this.ids.set(id, r);
    }
    return r;
  }
  blank(): void {
    this.rows.push([]);
  }
  /** A note across the sheet, cut into lines of at most `chars` characters on word boundaries (one row each: it prints inside the table's width). */
  note(text: string, chars = 120): void {
    for (const line of noteLines(text, chars)) this.rows.push([lab(line, "note")]);
  }
  has(id: string): boolean {
    return this.ids.has(id);
  }
  row(id: string): number {
    const r = this.ids.get(id);
    if (r === undefined) throw new Error(`ligne inconnue ${this.key}.${id}`);
    return r;
  }
  /** A1 reference of a row's cell in column `col` (letters), row absolute. */
  ref(id: string, col: string, absCol = false): string {
    return `${absCol ? "$" : ""}${col}$${this.row(id) + 1}`;
  }
  /** Reference from another sheet. */
  xref(id: string, col: string, absCol = false): string {
    return `{${this.key}}!${this.ref(id, col, absCol)}`;
  }
  plan(columnWidths: number[], freezeRows?: number, charts?: ChartPlan[]): SheetPlan {
    return { key: this.key, name: this.name, rows: this.rows, columnWidths, rowIds: Object.fromEntries(this.ids), ...(freezeRows ? { freezeRows } : {}), ...(charts ? { charts } : {}) };
  }
}

/** A text cut into lines of at most `chars` characters, on word boundaries. */
export function noteLines(text: string, chars: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > chars) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

export const lab = (value: string, style: CellStyle = "label", note?: string): CellPlan => ({ value, style, ...(note ? { note } : {}) });
export const head = (value: string | number): CellPlan => ({ value, style: "header" });

/**
 * The Paramètres rows: (key, year) pairs registered while the other sheets
 * are built (first pass), then laid out sorted (second pass).
 */
export class ParIndex {
  private readonly wanted = new Map<string, Set<number>>();
  private layout: Map<string, number> | null = null;
  constructor(
    private readonly sheetKey: string,
    private readonly indexPercent: number,
  ) {}
  /** Absolute reference to the value cell (column D) of `key` for `year`, or to another column (F = valid from). */
  ref(key: string, year: number, col = "D"): string {
    if (!this.layout) {
      let years = this.wanted.get(key);
      if (!years) this.wanted.set(key, (years = new Set()));
      years.add(year);
      return `{${this.sheetKey}}!$${col}$1`;
    }
    const r = this.layout.get(`${key}|${year}`);
    if (r === undefined) throw new Error(`paramètre non préparé : ${key} ${year}`);
    return `{${this.sheetKey}}!$${col}$${r + 1}`;
  }
  /** Fixes the layout: keys in first-use order, years ascending; extrapolated years add the years from their reference year. */
  fix(firstRow: number): { key: string; year: number }[] {
    const out: { key: string; year: number }[] = [];
    const layout = new Map<string, number>();
    for (const [key, set] of this.wanted) {
      const years = new Set(set);
      for (const y of set) {
        const v = yearValue(key, y, this.indexPercent);
        // An extrapolated year reads the year before it: every year from the reference year is laid out.
        if (!v.published && !v.unknown) for (let k = v.refYear; k < y; k++) years.add(k);
      }
      for (const y of [...years].sort((a, b) => a - b)) {
        layout.set(`${key}|${y}`, firstRow + out.length);
        out.push({ key, year: y });
      }
    }
    this.layout = layout;
    return out;
  }
}

/** What the concern modules need to lay out their rows. */
export interface PlanCtx {
  s: Scenario;
  m: Model;
  sim: Simulation;
  lang: Language;
  /** Sheet key with the scenario prefix. */
  k: (key: string) => string;
  par: ParIndex;
  years: number[];
  /** Column letter of the i-th year (B, C, ...). */
  col: (i: number) => string;
  L: (t: Tr) => string;
  /** The Hypothèses sheet (built first). */
  hyp: Sheet;
  /** Legal figures quoted in labels (read from src/params, never written in code). */
  f: Figures;
  /** The codes range of the Quartiers en pénurie sheet ("{pen}!$A$5:$A$34"), when the user kept the official list. */
  penurieRange?: string;
}

/** Legal figures quoted in labels, at the first simulated year (or the first published value). */
export interface Figures {
  stage: string;
  impRate: string;
  taxRate: string;
  youngYears: string;
  instDelay: string;
  stayYears: string;
  quota: string;
  dmiMin: string;
  remMin: string;
  hMin: string;
  exYears: string;
  contFrom: string;
  contTo: string;
  contMin: string;
  contMax: string;
}

export function figures(y0: number): Figures {
  const v = (id: string) => {
    const x = yearValue(id, y0, 0);
    return x.unknown ? yearValue(id, yearOf(params.get(splitKey(id).paramId).versions[0].from), 0) : x;
  };
  const rate = (id: string) => formatRate(v(id).rate!);
  const n = (id: string) => String(v(id).value);
  const money = (id: string) => formatEuros(v(id).value);
  const years = (id: string) => String(v(id).value / 12);
  const dayMonth = (id: string) => `${n(`${id}.jour`)}/${n(`${id}.mois`)}`;
  return {
    stage: rate("stage.taux"),
    impRate: rate("impulseo.taux"),
    taxRate: rate("impulseo.taux-distinct"),
    youngYears: years("installation.jeune.agrement-max"),
    instDelay: n("installation.demande.delai"),
    stayYears: years("installation.sejour-min"),
    quota: n("installation.jeune.octrois-max"),
    dmiMin: n("soutien.dmi-min"),
    remMin: money("soutien.remboursements-min"),
    hMin: n("soutien.heures-min"),
    exYears: n("soutien.exemption.annees"),
    contFrom: dayMonth("continuite.contrat.debut"),
    contTo: dayMonth("continuite.contrat.fin"),
    contMin: money("continuite.montant.min"),
    contMax: money("continuite.montant.max"),
  };
}

export const Y0_COL = 1;

/** A core value as a cell result: cents to euros, NaN/null to #N/A. */
export function euroResult(cents: number): CellPlan["result"] {
  return Number.isNaN(cents) ? "#N/A" : centsToEuros(cents);
}
export function numResult(n: number): CellPlan["result"] {
  return Number.isNaN(n) ? "#N/A" : n;
}
export function triResult(b: Tri): CellPlan["result"] {
  return b === null ? "#N/A" : b;
}

export type YearCell = { formula: string; result: CellPlan["result"] };

/** Absolute reference to a Hypothèses scalar. */
export function H(ctx: PlanCtx, id: string): string {
  return ctx.hyp.xref(id, "B", true);
}
/** Reference to the year-i activity cell of Hypothèses. */
export function HA(ctx: PlanCtx, id: string, i: number): string {
  return ctx.hyp.xref(id, ctx.col(i));
}
/** Reference to the Paramètres value of `key` for the i-th simulated year. */
export function P(ctx: PlanCtx, key: string, i: number): string {
  return ctx.par.ref(key, ctx.years[i]);
}

/** A row with one formula per year. */
export function yearRow(ctx: PlanCtx, sh: Sheet, id: string, label: string, cell: (i: number, col: string, yearRef: string) => YearCell, format: string | undefined, style: CellStyle = "formula", note?: string): void {
  sh.add(
    [
      lab(label, style === "total" ? "total" : "label", note),
      ...ctx.years.map((_, i) => {
        const col = ctx.col(i);
        const c = cell(i, col, sh.ref("year", col));
        return { formula: c.formula, result: c.result, style, ...(format ? { format } : {}) } as CellPlan;
      }),
    ],
    id,
  );
}

/** A money row: one formula per year and the core's cents. */
export function moneyRow(ctx: PlanCtx, sh: Sheet, id: string, t: Tr, f: (i: number, c: string, yr: string) => string, cents: (i: number) => number, style: CellStyle = "formula", note?: string): void {
  yearRow(ctx, sh, id, ctx.L(t), (i, c, yr) => ({ formula: `=${f(i, c, yr)}`, result: euroResult(cents(i)) }), EUR, style, note);
}
/** A count row. */
export function countRow(ctx: PlanCtx, sh: Sheet, id: string, t: Tr, f: (i: number, c: string, yr: string) => string, n: (i: number) => number, note?: string): void {
  yearRow(ctx, sh, id, ctx.L(t), (i, c, yr) => ({ formula: `=${f(i, c, yr)}`, result: numResult(n(i)) }), INT, "formula", note);
}
/** A condition row (TRUE/FALSE per year), indented under its prime. */
export function checkRow(ctx: PlanCtx, sh: Sheet, id: string, t: Tr, f: (i: number, c: string, yr: string) => string, b: (i: number) => Tri, note?: string): void {
  yearRow(ctx, sh, id, `  ${ctx.L(t)}`, (i, c, yr) => ({ formula: `=${f(i, c, yr)}`, result: triResult(b(i)) }), undefined, "check", note);
}

/** A year sheet: title, note, the header row of years ("year" row id). */
export function startYearSheet(ctx: PlanCtx, key: string, name: string, title: Tr, extrapolatedOf?: (i: number) => string[]): Sheet {
  const L = ctx.L;
  const sh = new Sheet(ctx.k(key), name);
  sh.add([lab(`${L(title)} — ${ctx.s.name}`, "title")]);
  sh.note(L(["Formules sur Hypothèses et Paramètres ; montants en euros.", "Formules op Hypothesen en Parameters; bedragen in euro.", "Formulas over Assumptions and Parameters; amounts in euros."]));
  sh.add([head(L(["Année", "Jaar", "Year"])), ...ctx.years.map((y) => head(y))], "year");
  if (extrapolatedOf) addFlagRow(ctx, sh, extrapolatedOf);
  return sh;
}

/** The row saying, per year, whether the legal figures used are published, extrapolated or unknown. */
export function addFlagRow(ctx: PlanCtx, sh: Sheet, extrapolatedOf: (i: number) => string[], unknownOf?: (i: number) => string[]): void {
  const L = ctx.L;
  sh.add(
    [
      lab(L(["Montants légaux de l'année", "Wettelijke bedragen van het jaar", "Legal amounts of the year"])),
      ...ctx.years.map((_, i) => {
        const unknown = unknownOf?.(i) ?? [];
        if (unknown.length) return lab(L(["NON PUBLIÉS (#N/A)", "NIET GEPUBLICEERD (#N/A)", "NOT PUBLISHED (#N/A)"]), "note", unknown.join(", "));
        const ex = extrapolatedOf(i);
        return ex.length === 0
          ? lab(L(["publiés", "gepubliceerd", "published"]), "check")
          : lab(L(["EXTRAPOLÉS", "GEËXTRAPOLEERD", "EXTRAPOLATED"]), "note", `${L(["Dernier montant publié reconduit (indexation : Hypothèses)", "Laatst gepubliceerd bedrag behouden (indexering: Hypothesen)", "Last published amount carried over (indexation: Assumptions)"])} : ${ex.join(", ")}`);
      }),
    ],
    "flag",
  );
}

export const yEnd = (yr: string): string => `DATE(${yr},12,31)`;
export const yStart = (yr: string): string => `DATE(${yr},1,1)`;
/** Complete months of year `yr` from a date cell (12 if before the year, 0 after). */
export const monthsFromF = (date: string, yr: string): string => `IF(YEAR(${date})<${yr},12,IF(YEAR(${date})>${yr},0,12-MONTH(${date})+IF(DAY(${date})=1,1,0)))`;

/**
 * The workbook formula of `receivedIn`: the accrued row `acc` of the year,
 * and of the one and two years before when their payment offset (row `off`)
 * brings them into this year.
 */
export function receivedF(ctx: PlanCtx, sh: Sheet, i: number, acc: string, off: string): string {
  const parts: string[] = [];
  for (let k = 0; k <= 2; k++) {
    const j = i - k;
    if (j < 0) continue;
    const c = ctx.col(j);
    parts.push(`IF(${sh.ref(off, c)}=${k},${sh.ref(acc, c)},0)`);
  }
  return parts.join("+");
}
/** The workbook formula of `receivedAfterHorizon` for an accrued row and its offsets (a "après l'horizon" cell). */
export function afterHorizonF(ctx: PlanCtx, sh: Sheet, acc: string, off: string): string {
  const n = ctx.years.length;
  return ctx.years.map((_, j) => `IF(${sh.ref(off, ctx.col(j))}>=${n - j},${sh.ref(acc, ctx.col(j))},0)`).join("+");
}

export { columnLetter };
