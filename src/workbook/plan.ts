/**
 * A sheet plan: the whole workbook as a pure value, built from a scenario
 * (src/scenario) and applied by a writer (Office.js or ExcelJS).
 *
 * Cross-sheet references in formulas are written with the sheet KEY in
 * braces, e.g. "={hyp}!B4*{par}!C7". A writer first chooses real sheet names
 * that do not clash with the user's sheets (see `chooseSheetNames`), then
 * replaces each "{key}" by the quoted real name ('Hypothèses (2)').
 *
 * Workbook-level names (`WorkbookPlan.names`) are referred to the same way:
 * "{name:QuartiersPenurie}" in a formula becomes the name a writer actually
 * created (the wanted name, or "QuartiersPenurie_2" when the user's workbook
 * already has a "QuartiersPenurie"; see `chooseDefinedNames`).
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

/**
 * A chart of one sheet, its data named explicitly: the categories (x axis)
 * and each series (its name cell and its values), so that Excel does not have
 * to guess which row or column holds headers (with a non-blank top-left cell
 * and years as numbers, Excel plots the years as one more series and numbers
 * the axis 1, 2, 3…: see ../shared/research/excel-fidelity-audit-2026-12.md §2.2).
 * All addresses are A1 ranges on the chart's own sheet.
 */
export interface ChartPlan {
  kind: "columnClustered" | "line";
  title: string;
  /** The categories of the x axis, e.g. the years "B3:F3" (one row or one column). */
  categories: string;
  /** The series, in order: each a name cell ("A4") and a values range the shape of `categories` ("B4:F4"). */
  series: ChartSeriesPlan[];
  /** Top-left cell where the chart is placed. */
  anchor: string;
}

export interface ChartSeriesPlan {
  /** The cell holding the series name (legend text). */
  name: string;
  /** The values, one per category. */
  values: string;
}

/** Text for headers and footers: literal text, with {page}, {pages} and {date} replaced by the page number, the page count and the print date. */
export type FooterText = string;

/**
 * How a sheet prints. A4 always. Writers: ExcelJS `ws.pageSetup` and
 * `ws.headerFooter`; Office.js `worksheet.pageLayout` (ExcelApi 1.9).
 */
export interface PrintPlan {
  orientation: "portrait" | "landscape";
  /** Scale to one page wide (any number of pages tall). */
  fitToWidth?: boolean;
  /** Repeat the first N rows at the top of every printed page. */
  titleRows?: number;
  /** Footer texts (left, centre, right), tokens {page} {pages} {date}. */
  footer?: { left?: FooterText; center?: FooterText; right?: FooterText };
  /** Printed range (A1, e.g. "A1:H40"): long notes spilling to the right are not printed past it. */
  printArea?: string;
  /**
   * An annex (e.g. the legal parameters): printable, but not one of the
   * client pages. Writers print it like any sheet (same page setup); the flag
   * is for whatever selects or counts the client pages.
   */
  annex?: boolean;
}

/**
 * Data validation on a range of the sheet: Excel refuses (Stop alert) a value
 * outside the rule and shows `message`. Writers: ExcelJS `cell.dataValidation`,
 * Office.js `range.dataValidation` (ExcelApi 1.8).
 */
export interface ValidationPlan {
  /** A1 range on this sheet ("B7", "B7:B9"). */
  range: string;
  rule: ValidationRule;
  /** Error text shown when a value is refused (in the sheet's language). */
  message: string;
}

export type ValidationRule =
  /** A drop-down of these texts (each ≤ 255 chars in all, no comma and no double quote: Excel's inline list separates by commas). */
  | { kind: "list"; values: string[] }
  /** A whole number between min and max (inclusive). */
  | { kind: "whole"; min: number; max: number }
  /** A number between min and max (inclusive). */
  | { kind: "decimal"; min: number; max: number }
  /** A date between min and max (inclusive), as Excel serials (1900 date system). */
  | { kind: "date"; min: number; max: number };

/** A workbook-level name for a range of one of the plan's sheets. */
export interface DefinedNamePlan {
  /** Wanted name (letters, digits, "_" and "."; not like a cell address); formulas write {name:<this>}. */
  name: string;
  /** The plan key of the sheet the range is on. */
  sheetKey: string;
  /** A1 range on that sheet ("A2:A146"); written absolute ($A$2:$A$146). */
  range: string;
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
  /** Row ids of the plan builder (0-based row index): for reading a built sheet back; writers ignore them. */
  rowIds?: Record<string, number>;
  /** Page setup (A4). */
  print?: PrintPlan;
  /** Data validation rules. */
  validations?: ValidationPlan[];
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** Workbook-level names (see DefinedNamePlan); real names chosen by the writer, never a user's existing name. */
  names?: DefinedNamePlan[];
}

/** Longest sheet name Excel accepts (UTF-16 code units, as Excel counts). */
export const MAX_SHEET_NAME = 31;

/** Excel's rules for sheet names: ≤ 31 chars, none of : \\ / ? * [ ], not blank, not quoted at ends. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_SHEET_NAME && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'") && !hasLoneSurrogate(name);
}

/** A UTF-16 string with half of a surrogate pair (what `.slice` can leave of an emoji). */
export function hasLoneSurrogate(text: string): boolean {
  return dropLoneSurrogates(text) !== text;
}

/** Drops any half surrogate pair (an emoji cut in two by an earlier `.slice`). No lookbehind: older Safari (Mac) webviews lack it. */
export function dropLoneSurrogates(text: string): string {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (m) => (m.length === 2 ? m : ""));
}

/** The first `max` UTF-16 units of `text`, without cutting a surrogate pair in two (an emoji is kept whole or dropped). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Excel compares sheet and defined names case-insensitively. */
export function nameKey(name: string): string {
  return name.normalize("NFC").toLocaleUpperCase("en-US").toLocaleLowerCase("en-US");
}

/**
 * Real names for the plan's sheets, never equal (case-insensitively, as
 * Excel compares) to an existing sheet: "Synthèse", then "Synthèse (2)", ...
 * `fixed` keeps names already given (sheets already created by a build that
 * is retrying after a clash with a name `existing` did not list, such as a
 * chart sheet's).
 */
export function chooseSheetNames(plan: Pick<WorkbookPlan, "sheets">, existing: readonly string[], fixed: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const taken = new Set(existing.map(nameKey));
  for (const n of fixed.values()) taken.add(nameKey(n));
  const out = new Map<string, string>();
  for (const sheet of plan.sheets) {
    const given = fixed.get(sheet.key);
    if (given !== undefined) {
      out.set(sheet.key, given);
      continue;
    }
    const base = dropLoneSurrogates(sheet.name);
    let candidate = cutText(base, MAX_SHEET_NAME);
    for (let i = 2; taken.has(nameKey(candidate)); i++) {
      const suffix = ` (${i})`;
      candidate = cutText(base, MAX_SHEET_NAME - suffix.length).replace(/[\s']+$/, "") + suffix;
    }
    taken.add(nameKey(candidate));
    out.set(sheet.key, candidate);
  }
  return out;
}

/** Longest defined name Excel accepts. */
export const MAX_DEFINED_NAME = 255;

/**
 * Excel's rules for a defined name: starts with a letter, "_" or "\\";
 * then letters, digits, "_", "."; no space; ≤ 255 chars; not a cell
 * reference in A1 ("AB12", "XFD1048576") or R1C1 style ("R", "C", "R2C3").
 */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_DEFINED_NAME) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) && isA1Cell(name)) return false;
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[Rr]\d+$/.test(name) || /^[Cc]\d+$/.test(name)) return false;
  return true;
}

function isA1Cell(name: string): boolean {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (!m) return false;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return col <= 16384 && row >= 1 && row <= 1048576;
}

/**
 * Real defined names for the plan's names: the wanted name, or "<name>_2",
 * "<name>_3"... when the workbook already has it (case-insensitively). A
 * user's existing name is never reused nor overwritten.
 */
export function chooseDefinedNames(plan: Pick<WorkbookPlan, "names">, existing: readonly string[]): Map<string, string> {
  const taken = new Set(existing.map(nameKey));
  const out = new Map<string, string>();
  for (const n of plan.names ?? []) {
    if (out.has(n.name)) throw new Error(`nom défini en double : ${n.name}`);
    if (!isValidDefinedName(n.name)) throw new Error(`nom défini invalide : « ${n.name} »`);
    let candidate = n.name;
    for (let i = 2; taken.has(nameKey(candidate)); i++) {
      const suffix = `_${i}`;
      candidate = cutText(n.name, MAX_DEFINED_NAME - suffix.length) + suffix;
    }
    taken.add(nameKey(candidate));
    out.set(n.name, candidate);
  }
  return out;
}

/** 'Name' quoted for a formula reference (always quoted: safe for spaces and accents). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Replaces {key} sheet references by the quoted real names, and
 * {name:Wanted} defined-name references by the names the writer created.
 */
export function resolveFormula(formula: string, names: ReadonlyMap<string, string>, definedNames: ReadonlyMap<string, string> = new Map()): string {
  return formula.replace(/\{(?:([a-z0-9_-]+)|name:([^{}\s]+))\}/gi, (m, key: string | undefined, defined: string | undefined) => {
    if (defined !== undefined) {
      const d = definedNames.get(defined);
      if (!d) throw new Error(`nom défini inconnu dans une formule : ${m}`);
      return d;
    }
    const n = names.get(key as string);
    if (!n) throw new Error(`feuille inconnue dans une formule : ${m}`);
    return quoteSheet(n);
  });
}

/** "B7:B9" -> "$B$7:$B$9" (a range on one sheet, for names and print titles). */
export function absoluteRange(range: string): string {
  return range
    .split(":")
    .map((part) => {
      const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(part.trim());
      if (!m) throw new Error(`adresse de plage invalide : ${range}`);
      return `$${m[1].toUpperCase()}$${m[2]}`;
    })
    .join(":");
}

/** Header/footer codes: {page} -> &P, {pages} -> &N, {date} -> &D; a literal "&" is doubled (as Excel and ExcelJS expect). */
export function footerCodes(text: string): string {
  return text.replace(/&/g, "&&").replace(/\{page\}/g, "&P").replace(/\{pages\}/g, "&N").replace(/\{date\}/g, "&D");
}

/** Checks a plan's print setups, validations and names (pure; writers call it before writing anything). */
export function checkPlanExtras(plan: WorkbookPlan): void {
  const keys = new Set(plan.sheets.map((s) => s.key));
  for (const sheet of plan.sheets) {
    const p = sheet.print;
    if (p) {
      if (p.orientation !== "portrait" && p.orientation !== "landscape") throw new Error(`orientation d'impression invalide dans ${sheet.name} : ${String(p.orientation)}`);
      if (p.titleRows !== undefined && !(Number.isInteger(p.titleRows) && p.titleRows >= 1 && p.titleRows <= 100)) throw new Error(`lignes de titre à imprimer invalides dans ${sheet.name} : ${p.titleRows}`);
      for (const t of Object.values(p.footer ?? {})) {
        if (typeof t !== "string") throw new Error(`pied de page invalide dans ${sheet.name}`);
        const unknown = /\{(?!page\}|pages\}|date\})[^}]*\}/.exec(t);
        if (unknown) throw new Error(`code de pied de page inconnu dans ${sheet.name} : ${unknown[0]} (connus : {page}, {pages}, {date})`);
        if (footerCodes(t).length > 255) throw new Error(`pied de page trop long dans ${sheet.name} (255 caractères au plus)`);
      }
    }
    for (const v of sheet.validations ?? []) checkValidation(v, sheet.name);
  }
  for (const n of plan.names ?? []) {
    if (!keys.has(n.sheetKey)) throw new Error(`nom défini ${n.name} : feuille inconnue ${n.sheetKey}`);
    absoluteRange(n.range);
  }
}

/** Longest inline list Excel accepts in a validation (its formula, commas included). */
export const MAX_INLINE_LIST = 255;

function checkValidation(v: ValidationPlan, sheet: string): void {
  absoluteRange(v.range);
  const r = v.rule;
  if (typeof v.message !== "string" || v.message.length === 0 || v.message.length > 255) throw new Error(`validation ${v.range} de ${sheet} : message vide ou de plus de 255 caractères`);
  if (r.kind === "list") {
    if (r.values.length === 0) throw new Error(`validation ${v.range} de ${sheet} : liste vide`);
    for (const value of r.values) {
      // Excel's inline list is one comma-separated text: a comma would split a value, a quote would end the formula's string.
      if (/[,"]/.test(value) || value.trim() === "") throw new Error(`validation ${v.range} de ${sheet} : « ${value} » ne peut pas figurer dans une liste déroulante (virgule, guillemet ou vide)`);
    }
    if (r.values.join(",").length > MAX_INLINE_LIST) throw new Error(`validation ${v.range} de ${sheet} : liste de plus de ${MAX_INLINE_LIST} caractères`);
    return;
  }
  if (r.kind !== "whole" && r.kind !== "decimal" && r.kind !== "date") throw new Error(`validation ${v.range} de ${sheet} : type inconnu`);
  if (!Number.isFinite(r.min) || !Number.isFinite(r.max) || r.min > r.max) throw new Error(`validation ${v.range} de ${sheet} : bornes invalides (${r.min} à ${r.max})`);
  if ((r.kind === "whole" || r.kind === "date") && !(Number.isInteger(r.min) && Number.isInteger(r.max))) throw new Error(`validation ${v.range} de ${sheet} : bornes entières attendues`);
}

/** An Excel date serial (1900 system) as "YYYY-MM-DD". */
export function isoOfSerial(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
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
