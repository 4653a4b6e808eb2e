/**
 * A sheet plan: the whole workbook as a pure value, built from a scenario
 * (src/scenario) and applied by a writer (Office.js or ExcelJS).
 *
 * Cross-sheet references in formulas are written with the sheet KEY in
 * braces, e.g. "={hyp}!B4*{par}!C7". A writer first chooses real sheet names
 * that do not clash with the user's sheets (see `chooseSheetNames`), then
 * replaces each "{key}" by the quoted real name ('Hypothèses (2)').
 */

export type Scalar = number | string | boolean | null;

export type CellStyle = "title" | "subtitle" | "header" | "label" | "input" | "formula" | "total" | "note" | "source" | "check";

export interface CellPlan {
  /** A literal value (labels, inputs, parameter values). */
  value?: Scalar;
  /** An English-syntax Excel formula starting with "=", sheet refs as {key}. */
  formula?: string;
  /** For a formula cell: the value the rules core computed (tests check they agree). */
  result?: Scalar;
  /** Excel number format, e.g. '#,##0.00 "€"', 'dd/mm/yyyy', '0.00%'. */
  format?: string;
  style?: CellStyle;
  /** A comment/note shown on the cell (source of a figure, explanation). */
  note?: string;
}

export interface ChartPlan {
  kind: "columnClustered" | "line";
  title: string;
  /** Data range on the same sheet, A1 notation, first row = series names when seriesBy = "rows". */
  range: string;
  seriesBy: "rows" | "columns";
  /** Top-left cell where the chart is placed. */
  anchor: string;
}

export interface SheetPlan {
  /** Stable key used in formulas ({key}) and tests: "hyp", "par", "rev", ... */
  key: string;
  /** Wanted name (may be suffixed by a writer to avoid a clash). */
  name: string;
  /** Rows of cells from A1; null = empty cell. */
  rows: (CellPlan | null)[][];
  /** Column widths in characters. */
  columnWidths?: number[];
  charts?: ChartPlan[];
  /** Freeze the first N rows. */
  freezeRows?: number;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
}

/** Excel's rules for sheet names: ≤ 31 chars, none of : \ / ? * [ ], not blank, not quoted at ends. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/**
 * Real names for the plan's sheets, never equal (case-insensitively, as
 * Excel compares) to an existing sheet: "Synthèse", then "Synthèse (2)", ...
 */
export function chooseSheetNames(plan: WorkbookPlan, existing: readonly string[]): Map<string, string> {
  const taken = new Set(existing.map((n) => n.toLocaleLowerCase()));
  const out = new Map<string, string>();
  for (const sheet of plan.sheets) {
    let candidate = sheet.name.slice(0, 31);
    for (let i = 2; taken.has(candidate.toLocaleLowerCase()); i++) {
      const suffix = ` (${i})`;
      candidate = sheet.name.slice(0, 31 - suffix.length) + suffix;
    }
    taken.add(candidate.toLocaleLowerCase());
    out.set(sheet.key, candidate);
  }
  return out;
}

/** 'Name' quoted for a formula reference (always quoted: safe for spaces and accents). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Replaces {key} sheet references by the quoted real names. */
export function resolveFormula(formula: string, names: Map<string, string>): string {
  return formula.replace(/\{([a-z0-9_-]+)\}/gi, (m, key: string) => {
    const n = names.get(key);
    if (!n) throw new Error(`feuille inconnue dans une formule : ${m}`);
    return quoteSheet(n);
  });
}

/** Column letters of a 0-based index: 0 -> A, 27 -> AB. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 address of 0-based row/column. */
export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}
