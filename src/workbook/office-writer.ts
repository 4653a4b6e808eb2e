/**
 * Office.js writer: applies a WorkbookPlan to the open Excel workbook.
 *
 * The only module of src/ that knows Office.js, and only its TYPES: the
 * `Excel` object is passed in (the real global in the task pane, an in-memory
 * fake in tests and in the browser harness).
 *
 * How it writes (see DESIGN.md §5, Microsoft's "Performance optimization using
 * the Excel JavaScript API"):
 *  1. sync 1 — load the names and ids of the existing sheets and the
 *     workbook's defined names; choose new names that clash with none of them
 *     (`chooseSheetNames`: "Synthèse (2)"..., `chooseDefinedNames`: "X_2"...).
 *     Every formula is resolved BEFORE anything is written: a bad plan fails
 *     with the workbook untouched.
 *  2. sync 2 — add the new (empty) sheets, and in the first one probe the
 *     workbook's date system: "=DATE(1904,1,1)" is 1462 in the 1900 system and
 *     0 in the 1904 one (no API property tells; audit §2.7). A 1904 workbook is
 *     refused (the dates written and the MG.* functions assume 1900 serials)
 *     and the new sheets are removed. A name `worksheets` did not list (a chart
 *     sheet's: audit §2.8) makes `add` fail with ItemAlreadyExists: the
 *     sheets not yet added get the next free suffix and sync 2 is retried.
 *  3. sync 3 — with API calculation and screen updating suspended: write each
 *     sheet with ONE range write of formulas/values, ONE number-format write,
 *     one format write per style used (multi-area ranges), column widths,
 *     frozen rows, notes, charts (categories and series named one by one),
 *     page setup (ExcelApi 1.9), data validation (ExcelApi 1.8); add the
 *     workbook-level names.
 *  4. sync 4 — recalculate what was written ("Recalculate": the dirty cells,
 *     not "Full", which recalculates every open workbook) and activate the
 *     first new sheet.
 * So a whole plan takes 4 `context.sync()` calls, whatever its size.
 *
 * Never destroys user data: nothing existing is written to. If anything fails
 * after the first sync, a new `Excel.run` removes exactly the names and sheets
 * this build added (same name AND, for sheets, an id that did not exist
 * before) and the error is rethrown in French, saying what happened. When
 * another workbook took the focus (Windows/Mac: `add`, `activate`, `delete`
 * then fail with InvalidSelection or GeneralException), the message says so
 * and the clean-up is tried again a few times.
 */
import type { CellPlan, ChartPlan, PrintPlan, Scalar, SheetPlan, ValidationPlan, WorkbookPlan } from "./plan";
import {
  absoluteRange,
  address,
  checkPlanExtras,
  chooseDefinedNames,
  chooseSheetNames,
  columnLetter,
  cutText,
  dropLoneSurrogates,
  footerCodes,
  isValidSheetName,
  isoOfSerial,
  MAX_SHEET_NAME,
  nameKey,
  resolveFormula,
} from "./plan";
import { STYLE_LOOKS, STYLE_ORDER, columnWidthPoints } from "./styles";

// ---------------------------------------------------------------------------
// The subset of the Excel JavaScript API used here (checked against the real
// @types/office-js below), so that a small fake can stand in for Excel.

export interface RangeFormatLike {
  fill: { color: string };
  font: { bold: boolean; italic: boolean; color: string; size: number };
  columnWidth: number;
}

export interface DataValidationLike {
  rule: {
    list?: { inCellDropDown: boolean; source: unknown };
    wholeNumber?: { formula1: unknown; formula2?: unknown; operator: string };
    decimal?: { formula1: unknown; formula2?: unknown; operator: string };
    date?: { formula1: unknown; formula2?: unknown; operator: string };
  };
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  ignoreBlanks: boolean;
}

export interface RangeLike {
  formulas: unknown[][];
  numberFormat: unknown[][];
  format: RangeFormatLike;
  readonly values: unknown[][];
  /** ExcelApi 1.8. */
  dataValidation: DataValidationLike;
  /** ExcelApi 1.6. */
  calculate(): void;
  load(propertyNames?: string): unknown;
}

export interface RangeAreasLike {
  format: RangeFormatLike;
}

export interface ChartSeriesLike {
  name: string;
  /** ExcelApi 1.7. */
  setValues(sourceData: RangeLike): void;
  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: RangeLike): void;
}

export interface ChartLike {
  title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
  series: { getItemAt(index: number): ChartSeriesLike; add(name?: string): ChartSeriesLike };
}

/** ExcelApi 1.9. */
export interface PageLayoutLike {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  setPrintTitleRows(printTitleRows: string): void;
  setPrintArea(printArea: string): void;
  headersFooters: { defaultForAllPages: { leftFooter: string; centerFooter: string; rightFooter: string } };
}

export interface WorksheetLike {
  readonly name: string;
  readonly id: string;
  getRange(address?: string): RangeLike;
  getRanges(address?: string): RangeAreasLike;
  freezePanes: { freezeRows(count?: number): void };
  charts: { add(type: "ColumnClustered" | "Line", sourceData: RangeLike, seriesBy?: "Auto" | "Columns" | "Rows"): ChartLike };
  notes: { add(cellAddress: string, content: string): unknown };
  pageLayout: PageLayoutLike;
  activate(): void;
  delete(): void;
}

export interface WorksheetCollectionLike {
  readonly items: WorksheetLike[];
  load(propertyNames?: string): unknown;
  add(name?: string): WorksheetLike;
  getItem(key: string): WorksheetLike;
}

export interface ApplicationLike {
  suspendApiCalculationUntilNextSync(): void;
  suspendScreenUpdatingUntilNextSync(): void;
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void;
}

export interface NamedItemCollectionLike {
  readonly items: { readonly name: string; delete(): void }[];
  load(propertyNames?: string): unknown;
  /** ExcelApi 1.4. */
  add(name: string, reference: RangeLike | string, comment?: string): unknown;
}

export interface RequestContextLike {
  readonly workbook: { readonly worksheets: WorksheetCollectionLike; readonly names: NamedItemCollectionLike };
  readonly application: ApplicationLike;
  sync(): Promise<unknown>;
}

/** What `writePlan` needs of the `Excel` namespace: `Excel.run(batch)`. */
export interface ExcelLike {
  run<T>(batch: (context: RequestContextLike) => Promise<T>): Promise<T>;
}

// Compile-time check: the real Office.js request context offers everything used here.
type Assert<T extends true> = T;
export type OfficeContextFits = Assert<Excel.RequestContext extends RequestContextLike ? true : false>;

// ---------------------------------------------------------------------------

export type WriteStep = "read" | "check" | "write" | "calculate" | "done" | "rollback";

export interface WriteProgress {
  step: WriteStep;
  /** Short French sentence for the user. */
  message: string;
  /** 0..1 */
  fraction: number;
}

export interface WriteOptions {
  /** Add the cells' notes (ExcelApi 1.18, `worksheet.notes`). Default false. */
  notes?: boolean;
  /** Sheet to activate at the end (a plan key); default: the first sheet of the plan. */
  activate?: string;
  /**
   * The host's requirement sets (`Office.context.requirements`): without
   * ExcelApi 1.9 the page setup is not written, without 1.8 the data
   * validation; each is then listed in `WriteResult.skipped`. Default: all
   * supported (the task pane builds only on ExcelApi 1.9).
   */
  requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  /** Wait between two clean-up attempts after a failure (ms, default 1000). */
  retryDelayMs?: number;
}

export interface WriteResult {
  /** Real sheet name for each plan key. */
  names: Record<string, string>;
  /** Names of the sheets created, in plan order. */
  created: string[];
  /** Real workbook-level name for each wanted name of the plan (`WorkbookPlan.names`). */
  definedNames: Record<string, string>;
  /** What the host could not do (French sentences), e.g. the page setup without ExcelApi 1.9. */
  skipped: string[];
  /** Number of context.sync() calls made. */
  syncs: number;
}

/** A failed build: the message says what happened to the workbook; `cause` is the Excel error. */
export class WriteError extends Error {
  readonly cause: unknown;
  /** Sheets this build created that could NOT be removed (normally empty). */
  readonly leftOver: string[];
  constructor(message: string, cause: unknown, leftOver: string[] = []) {
    super(message);
    this.name = "WriteError";
    this.cause = cause;
    this.leftOver = leftOver;
  }
}

/**
 * A name Excel accepts for a sheet: the characters it forbids (: \\ / ? * [ ])
 * become "-", leading/trailing apostrophes and blanks are dropped (a scenario
 * named "Dr A / Dr B" gives "Dr A - Dr B - Synthèse").
 */
export function sanitizeSheetName(name: string): string {
  const cleaned = cutText(
    dropLoneSurrogates(name)
      .replace(/[:\\/?*[\]]/g, "-")
      .replace(/^[\s']+|[\s']+$/g, ""),
    MAX_SHEET_NAME,
  ).replace(/[\s']+$/, "");
  return isValidSheetName(cleaned) ? cleaned : "Feuille";
}

/** Number format written where the plan gives none. */
export const GENERAL_FORMAT = "General";

const CHART_TYPES: Record<ChartPlan["kind"], "ColumnClustered" | "Line"> = {
  columnClustered: "ColumnClustered",
  line: "Line",
};

/** Longest multi-area address sent in one getRanges() call. */
const MAX_AREAS_ADDRESS = 2000;

/**
 * Text that Excel would read as something else when written through
 * `range.formulas` (a formula, a number, a date, a boolean, an error) gets an
 * apostrophe, Excel's "this is text" prefix, which is not part of the value.
 */
export function escapeText(text: string): string {
  return needsTextPrefix(text) ? `'${text}` : text;
}

/** Month names and abbreviations Excel may recognise in a date typed in English, French or Dutch. */
const MONTHS = [
  "jan|janv|janvier|january|januari",
  "feb|fev|fév|févr|fevr|février|fevrier|february|februari",
  "mar|mars|march|maart|mrt",
  "apr|avr|avril|april",
  "may|mai|mei",
  "jun|juin|june|juni",
  "jul|juil|juillet|july|juli",
  "aug|aou|aoû|août|aout|august|augustus",
  "sep|sept|septembre|september",
  "oct|octobre|october|okt|oktober",
  "nov|novembre|november",
  "dec|déc|décembre|decembre|december",
].join("|");
const DAY_MONTH = new RegExp(`^\\d{1,2}[\\s/-]*(${MONTHS})\\.?([\\s/-]*\\d{2,4})?$`, "i");
const MONTH_YEAR = new RegExp(`^(${MONTHS})\\.?[\\s/-]*\\d{1,4}$`, "i");

/**
 * Whether Excel would read `text`, written through `range.formulas`, as
 * something other than this text (it parses it as if typed: office-js#6687,
 * audit §2.1). Escaping a text Excel would have kept is harmless (the prefix
 * is not part of the value), so every rule errs on the side of escaping.
 */
export function needsTextPrefix(text: string): boolean {
  const t = text.trim();
  if (t === "") return text !== "";
  // A formula ("=", "+", "-", "@") or Excel's own text prefix.
  if (/^[=+\-@']/.test(t)) return true;
  // Only digits, separators, currency and percent signs: a number ("1 000,50 €", "(12)", "75%"),
  // a date ("1-5", "2025-12", "12-2025", "2025-12-01", "01/10/2025", "1.5.25") or a time ("12:30").
  if (/^[\d\s.,:/%€$£()-]+$/.test(t) && /\d/.test(t)) return true;
  // Scientific notation ("1e5", "2,5E-3").
  if (/^\d+([.,]\d+)?e[+-]?\d+$/i.test(t)) return true;
  // A time with AM/PM ("10 am", "1:30 PM") or an ISO date-time ("2025-12-01T10:00").
  if (/^\d{1,2}(:\d{2}){0,2}\s*(am|pm|a|p)$/i.test(t) || /^\d{4}-\d{1,2}-\d{1,2}[T\s]\d/.test(t)) return true;
  // Booleans in the languages we serve (English, French, Dutch).
  if (/^(true|false|vrai|faux|waar|onwaar)$/i.test(t)) return true;
  // Error literals, English and localized, old and new: #N/A #VALUE! #VALEUR! #WAARDE! #NUM! #NOMBRE! #GETAL!
  // #NAME? #NOM? #NAAM? #REF! #VERW! #NULL! #NUL! #LEEG! #DIV/0! #DEEL/0! #N/B #SPILL! #CALC! #BUSY! #FIELD!
  // #GETTING_DATA #BLOCKED! #CONNECT! #UNKNOWN!... : any "#" word without a space.
  if (/^#[^\s]{1,24}$/u.test(t)) return true;
  // A month name with a number ("mars 2025", "Jan-25", "1 janv"): Excel may read a date.
  if (DAY_MONTH.test(t) || MONTH_YEAR.test(t)) return true;
  return false;
}

/** The value written through `range.formulas` for one planned cell. */
export function cellInput(cell: CellPlan | null | undefined, names: ReadonlyMap<string, string>, where = "", definedNames: ReadonlyMap<string, string> = new Map()): Scalar {
  if (!cell) return "";
  if (cell.formula !== undefined) {
    if (!cell.formula.startsWith("=")) throw new Error(`formule sans « = » en ${where} : ${cell.formula}`);
    return resolveFormula(cell.formula, names, definedNames);
  }
  const v = cell.value;
  if (v === undefined || v === null) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`valeur non finie en ${where}`);
    return v;
  }
  if (typeof v === "boolean") return v;
  return escapeText(v);
}

/** A chart, laid out for the Office.js calls: added on the first series, then each series named and given the categories. */
export interface PreparedChart {
  type: "ColumnClustered" | "Line";
  title: string;
  categories: string;
  series: { name: string; values: string }[];
  start: string;
  end: string;
}

/** The page setup for `worksheet.pageLayout` (ExcelApi 1.9). */
export interface PreparedPrint {
  orientation: "Portrait" | "Landscape";
  fitToWidth: boolean;
  /** "$1:$3", or null. */
  titleRows: string | null;
  /** "A1:H40", or null. */
  printArea: string | null;
  /** Footer texts with Excel's codes (&P, &N, &D). */
  footer: { left: string; center: string; right: string };
}

/** A data-validation rule for `range.dataValidation` (ExcelApi 1.8). */
export interface PreparedValidation {
  range: string;
  rule: DataValidationLike["rule"];
  message: string;
}

/** A sheet of the plan, resolved and laid out for the Office.js calls. */
export interface PreparedSheet {
  key: string;
  name: string;
  /** Data rectangle A1:<lastCol><lastRow>, or null for an empty sheet. */
  area: string | null;
  formulas: Scalar[][];
  numberFormats: string[][];
  /** Multi-area addresses per style ("A1:C1,B4"), chunked. */
  styles: { style: keyof typeof STYLE_LOOKS; addresses: string[] }[];
  widths: { columns: string; points: number }[];
  freezeRows: number;
  notes: { cell: string; text: string }[];
  charts: PreparedChart[];
  print: PreparedPrint | null;
  validations: PreparedValidation[];
}

/** The page setup of a sheet as Office.js takes it. */
export function preparePrint(p: PrintPlan | undefined): PreparedPrint | null {
  if (!p) return null;
  return {
    orientation: p.orientation === "landscape" ? "Landscape" : "Portrait",
    fitToWidth: !!p.fitToWidth,
    titleRows: p.titleRows ? `$1:$${p.titleRows}` : null,
    printArea: p.printArea ?? null,
    footer: { left: footerCodes(p.footer?.left ?? ""), center: footerCodes(p.footer?.center ?? ""), right: footerCodes(p.footer?.right ?? "") },
  };
}

/** A validation as Office.js takes it: bounds Between min and max; dates as ISO 8601 (as the API documents); a Stop alert with the plan's message. */
export function prepareValidation(v: ValidationPlan): PreparedValidation {
  const r = v.rule;
  let rule: DataValidationLike["rule"];
  if (r.kind === "list") rule = { list: { inCellDropDown: true, source: r.values.join(",") } };
  else if (r.kind === "whole") rule = { wholeNumber: { formula1: r.min, formula2: r.max, operator: "Between" } };
  else if (r.kind === "decimal") rule = { decimal: { formula1: r.min, formula2: r.max, operator: "Between" } };
  else rule = { date: { formula1: isoOfSerial(r.min), formula2: isoOfSerial(r.max), operator: "Between" } };
  return { range: v.range, rule, message: v.message };
}

/** Resolves every cell of a sheet (pure: runs before anything is written). */
export function prepareSheet(sheet: SheetPlan, names: ReadonlyMap<string, string>, definedNames: ReadonlyMap<string, string> = new Map()): PreparedSheet {
  const name = names.get(sheet.key);
  if (!name) throw new Error(`feuille sans nom : ${sheet.key}`);
  const height = sheet.rows.length;
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  const formulas: Scalar[][] = [];
  const numberFormats: string[][] = [];
  const runs = new Map<string, string[]>();
  const notes: { cell: string; text: string }[] = [];
  for (let r = 0; r < height; r++) {
    const row = sheet.rows[r];
    const f: Scalar[] = [];
    const n: string[] = [];
    let runStyle: string | undefined;
    let runStart = 0;
    const closeRun = (end: number) => {
      if (runStyle === undefined) return;
      const a = runStart === end - 1 ? address(r, runStart) : `${address(r, runStart)}:${address(r, end - 1)}`;
      const list = runs.get(runStyle) ?? [];
      list.push(a);
      runs.set(runStyle, list);
    };
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? null;
      f.push(cellInput(cell, names, `${name}!${address(r, c)}`, definedNames));
      n.push(cell?.format ?? GENERAL_FORMAT);
      const style = cell?.style;
      if (style !== runStyle) {
        closeRun(c);
        runStyle = style;
        runStart = c;
      }
      if (cell?.note) notes.push({ cell: address(r, c), text: cell.note });
    }
    closeRun(width);
    formulas.push(f);
    numberFormats.push(n);
  }
  const styles: PreparedSheet["styles"] = [];
  for (const style of STYLE_ORDER) {
    const list = runs.get(style);
    if (!list || !hasLook(style)) continue;
    styles.push({ style, addresses: chunkAddresses(list) });
  }
  for (const style of runs.keys()) {
    if (!(style in STYLE_LOOKS)) throw new Error(`style inconnu « ${style} » dans la feuille ${name}`);
  }
  const bands: { start: number; end: number; points: number }[] = [];
  (sheet.columnWidths ?? []).forEach((chars, i) => {
    if (!(chars > 0)) return;
    const points = columnWidthPoints(chars);
    const last = bands[bands.length - 1];
    if (last && last.points === points && last.end === i - 1) last.end = i;
    else bands.push({ start: i, end: i, points });
  });
  const widths = bands.map((b) => ({ columns: `${columnLetter(b.start)}:${columnLetter(b.end)}`, points: b.points }));
  const charts = (sheet.charts ?? []).map((c) => prepareChart(c, sheet, name));
  return {
    key: sheet.key,
    name,
    area: height > 0 && width > 0 ? `A1:${address(height - 1, width - 1)}` : null,
    formulas,
    numberFormats,
    styles,
    widths,
    freezeRows: sheet.freezeRows ?? 0,
    notes,
    charts,
    print: preparePrint(sheet.print),
    validations: (sheet.validations ?? []).map(prepareValidation),
  };
}

/** Cells of a one-row or one-column range ("B3:F3" -> 5). */
function lineLength(range: string, what: string): number {
  const [a, b = a] = range.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  if (p.row !== q.row && p.col !== q.col) throw new Error(`${what} « ${range} » : une seule ligne ou colonne attendue`);
  return Math.abs(q.row - p.row) + Math.abs(q.col - p.col) + 1;
}

function prepareChart(c: ChartPlan, sheet: SheetPlan, sheetName: string): PreparedChart {
  const what = `graphique « ${c.title} » de ${sheetName}`;
  if (c.series.length === 0) throw new Error(`${what} : aucune série`);
  const n = lineLength(c.categories, `${what}, catégories`);
  const series = c.series.map((s) => {
    if (lineLength(s.values, `${what}, série`) !== n) throw new Error(`${what} : la série ${s.values} n'a pas autant de valeurs que les catégories ${c.categories}`);
    // Office.js names a series with a text: the plan's literal in the name cell.
    const { row, col } = parseCell(s.name);
    const cell = sheet.rows[row]?.[col];
    if (!cell || cell.formula !== undefined || cell.value === undefined || cell.value === null) throw new Error(`${what} : le nom de série ${s.name} doit être une cellule de texte`);
    return { name: String(cell.value), values: s.values };
  });
  const { row, col } = parseCell(c.anchor);
  return { type: CHART_TYPES[c.kind], title: c.title, categories: c.categories, series, start: c.anchor, end: address(row + 17, col + 7) };
}

function hasLook(style: string): boolean {
  const look = STYLE_LOOKS[style as keyof typeof STYLE_LOOKS];
  return !!look && Object.keys(look).length > 0;
}

function chunkAddresses(list: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of list) {
    if (current && current.length + 1 + a.length > MAX_AREAS_ADDRESS) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a1.trim().toUpperCase());
  if (!m) throw new Error(`adresse de cellule invalide : ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** What the host can do, from its requirement sets. */
interface Capabilities {
  pageLayout: boolean;
  dataValidation: boolean;
}

/** Queues the writes of one sheet (no sync here). */
function queueSheet(ws: WorksheetLike, s: PreparedSheet, options: WriteOptions, can: Capabilities): void {
  if (s.area) {
    const range = ws.getRange(s.area);
    range.formulas = s.formulas;
    range.numberFormat = s.numberFormats;
  } else {
    // the date-system probe, on an empty sheet: cleared, with the date format Excel gave it on entry
    const probe = ws.getRange(PROBE_CELL);
    probe.formulas = [[""]];
    probe.numberFormat = [[GENERAL_FORMAT]];
  }
  for (const { style, addresses } of s.styles) {
    const look = STYLE_LOOKS[style];
    for (const a of addresses) {
      const format = ws.getRanges(a).format;
      if (look.fill) format.fill.color = look.fill;
      if (look.bold) format.font.bold = true;
      if (look.italic) format.font.italic = true;
      if (look.color) format.font.color = look.color;
      if (look.size) format.font.size = look.size;
    }
  }
  for (const w of s.widths) ws.getRange(w.columns).format.columnWidth = w.points;
  if (s.freezeRows > 0) ws.freezePanes.freezeRows(s.freezeRows);
  if (options.notes) for (const n of s.notes) ws.notes.add(n.cell, n.text);
  for (const c of s.charts) {
    const first = c.series[0];
    const chart = ws.charts.add(c.type, ws.getRange(first.values), "Rows");
    chart.title.text = c.title;
    c.series.forEach((serie, i) => {
      const item = i === 0 ? chart.series.getItemAt(0) : chart.series.add(serie.name);
      if (i === 0) item.name = serie.name;
      else item.setValues(ws.getRange(serie.values));
      item.setXAxisValues(ws.getRange(c.categories));
    });
    chart.setPosition(c.start, c.end);
  }
  if (s.print && can.pageLayout) {
    const layout = ws.pageLayout;
    layout.paperSize = "A4";
    layout.orientation = s.print.orientation;
    if (s.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (s.print.titleRows) layout.setPrintTitleRows(s.print.titleRows);
    if (s.print.printArea) layout.setPrintArea(s.print.printArea);
    const f = s.print.footer;
    if (f.left || f.center || f.right) {
      const footer = layout.headersFooters.defaultForAllPages;
      if (f.left) footer.leftFooter = f.left;
      if (f.center) footer.centerFooter = f.center;
      if (f.right) footer.rightFooter = f.right;
    }
  }
  if (can.dataValidation) {
    for (const v of s.validations) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = v.rule;
      dv.errorAlert = { message: v.message, showAlert: true, style: "Stop", title: "MG Bruxelles" };
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** The cell of the first new sheet where the date system is probed (overwritten by the plan's data right after). */
const PROBE_CELL = "A1";
/** =DATE(1904,1,1) in the 1900 date system (0 in the 1904 one). */
const PROBE_1900 = 1462;
/** Retries of sync 2 after a name clash with a sheet `worksheets` does not list. */
const MAX_NAME_RETRIES = 5;
/** Attempts of the clean-up after a failure. */
const CLEANUP_ATTEMPTS = 3;

/** A refusal decided by the writer itself (not an Excel failure): the message is the whole story. */
class Refusal extends Error {}

/**
 * The error a host gives when another workbook took the focus during the
 * build (Windows/Mac: excel-add-ins-troubleshooting.md, "API limitations when
 * the active workbook switches"): InvalidSelection, or GeneralException on
 * add/activate/delete/freezePanes.
 */
export function isFocusLost(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; debugInfo?: { errorLocation?: unknown } };
  if (e.code === "InvalidSelection") return true;
  const where = typeof e.debugInfo?.errorLocation === "string" ? e.debugInfo.errorLocation : "";
  return e.code === "GeneralException" && /(Worksheet(Collection)?\.(add|activate|delete)|FreezePanes)/i.test(where);
}

export const FOCUS_LOST_MESSAGE =
  "Un autre classeur est devenu actif pendant la création (Excel n'écrit que dans le classeur actif) : restez sur ce classeur jusqu'à la fin de la création, puis réessayez.";

export const DATE_1904_MESSAGE =
  "Ce classeur utilise le calendrier depuis 1904 (option « Utiliser le calendrier depuis 1904 » des anciens classeurs Mac). " +
  "Les dates de la simulation et les fonctions MG.* supposent le calendrier depuis 1900 : toutes les dates seraient décalées de 4 ans et 1 jour. " +
  "Créez la simulation dans un nouveau classeur (ou décochez l'option dans Fichier > Options > Options avancées, « Lors du calcul de ce classeur », si le classeur ne contient pas encore de dates).";

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Writes the plan into NEW sheets of the workbook behind `excel`.
 * Resolves with the names chosen; rejects with a WriteError (French) after
 * removing whatever it had added.
 */
export async function writePlan(
  plan: WorkbookPlan,
  excel: ExcelLike,
  onProgress?: (p: WriteProgress) => void,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const keys = new Set<string>();
  for (const s of plan.sheets) {
    if (keys.has(s.key)) throw new WriteError(`Plan invalide : la clé de feuille « ${s.key} » est utilisée deux fois. Rien n'a été écrit.`, null);
    keys.add(s.key);
  }
  if (plan.sheets.length === 0) throw new WriteError("Plan vide : aucune feuille à écrire. Rien n'a été écrit.", null);
  try {
    checkPlanExtras(plan);
  } catch (e) {
    throw new WriteError(`Plan invalide : ${describe(e)}. Rien n'a été écrit.`, e);
  }
  const req = options.requirements;
  const can: Capabilities = {
    pageLayout: !req || req.isSetSupported("ExcelApi", "1.9"),
    dataValidation: !req || req.isSetSupported("ExcelApi", "1.8"),
  };
  const skipped: string[] = [];
  if (!can.pageLayout && plan.sheets.some((s) => s.print)) skipped.push("Mise en page (A4, pied de page, lignes répétées) non écrite : cette version d'Excel n'offre pas ExcelApi 1.9.");
  if (!can.dataValidation && plan.sheets.some((s) => s.validations?.length)) skipped.push("Validation des données non écrite : cette version d'Excel n'offre pas ExcelApi 1.8.");
  const report = (step: WriteStep, message: string, fraction: number) => onProgress?.({ step, message, fraction });
  const sanitized = { sheets: plan.sheets.map((sheet) => ({ ...sheet, name: sanitizeSheetName(sheet.name) })) };
  let syncs = 0;
  let existingIds: Set<string> | null = null;
  let existingNameKeys = new Set<string>();
  let names = new Map<string, string>();
  let definedNames = new Map<string, string>();
  const triedNames = new Set<string>();

  try {
    return await excel.run(async (context) => {
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      const worksheets = context.workbook.worksheets;
      const workbookNames = context.workbook.names;
      report("read", "Lecture des feuilles existantes…", 0.05);
      worksheets.load("items/name,items/id");
      workbookNames.load("items/name");
      await sync();
      existingIds = new Set(worksheets.items.map((w) => w.id));
      const existingNames = workbookNames.items.map((n) => n.name);
      existingNameKeys = new Set(existingNames.map(nameKey));
      let prepared: PreparedSheet[];
      const prepareAll = (fixed: ReadonlyMap<string, string>, hidden: readonly string[], current: readonly string[]) => {
        names = chooseSheetNames(sanitized, [...current, ...hidden], fixed);
        for (const n of names.values()) triedNames.add(nameKey(n));
        prepared = plan.sheets.map((s) => prepareSheet(s, names, definedNames));
      };
      try {
        definedNames = chooseDefinedNames(plan, existingNames);
        prepareAll(new Map(), [], worksheets.items.map((w) => w.name));
      } catch (e) {
        existingIds = null; // nothing was written: nothing to remove
        throw new WriteError(`Plan invalide : ${describe(e)}. Rien n'a été écrit.`, e);
      }

      // sync 2: the (empty) sheets, and the date-system probe in the first one.
      report("check", "Ajout des feuilles et vérification du calendrier du classeur…", 0.15);
      const added = new Map<string, WorksheetLike>();
      const hidden: string[] = [];
      for (let attempt = 0; ; attempt++) {
        for (const s of prepared!) if (!added.has(s.key)) added.set(s.key, worksheets.add(s.name));
        const probe = added.get(prepared![0].key)!.getRange(PROBE_CELL);
        probe.formulas = [["=DATE(1904,1,1)"]];
        probe.calculate();
        probe.load("values");
        try {
          await sync();
        } catch (e) {
          if ((e as { code?: unknown })?.code !== "ItemAlreadyExists" || attempt >= MAX_NAME_RETRIES) throw e;
          // A name worksheets did not list (a chart sheet's): which of ours are there, and which one clashed.
          worksheets.load("items/name,items/id");
          await sync();
          const before = existingIds as Set<string>;
          const mine = new Map(worksheets.items.filter((w) => !before.has(w.id)).map((w) => [nameKey(w.name), w] as const));
          const fixed = new Map<string, string>();
          added.clear();
          let clash: string | null = null;
          for (const s of prepared!) {
            const w = mine.get(nameKey(s.name));
            if (w) {
              fixed.set(s.key, w.name);
              added.set(s.key, worksheets.getItem(w.id));
            } else if (clash === null) clash = s.name;
          }
          if (clash === null) throw e;
          hidden.push(clash);
          try {
            prepareAll(fixed, hidden, worksheets.items.map((w) => w.name));
          } catch (planError) {
            throw new WriteError(`Plan invalide : ${describe(planError)}.`, planError);
          }
          continue;
        }
        // Read after the successful sync above, which ran probe.load("values") (the linter cannot follow the loop).
        // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
        const v = probe.values?.[0]?.[0];
        if (v !== PROBE_1900) {
          throw new Refusal(v === 0 ? DATE_1904_MESSAGE : `Impossible de vérifier le calendrier des dates de ce classeur (DATE(1904;1;1) donne ${String(v)}) : création refusée.`);
        }
        break;
      }

      report("write", `Écriture de ${prepared!.length} feuilles…`, 0.3);
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      for (const s of prepared!) queueSheet(added.get(s.key)!, s, options, can);
      for (const n of plan.names ?? []) {
        workbookNames.add(definedNames.get(n.name)!, added.get(n.sheetKey)!.getRange(absoluteRange(n.range)));
      }
      await sync();

      report("calculate", "Recalcul des feuilles écrites…", 0.8);
      context.application.calculate("Recalculate");
      const activateKey = options.activate && names.has(options.activate) ? options.activate : prepared![0].key;
      added.get(activateKey)!.activate();
      await sync();

      report("done", "Terminé.", 1);
      return {
        names: Object.fromEntries(names),
        created: prepared!.map((s) => s.name),
        definedNames: Object.fromEntries(definedNames),
        skipped,
        syncs,
      };
    });
  } catch (error) {
    if (error instanceof WriteError && existingIds === null) throw error;
    if (existingIds === null) {
      throw new WriteError(`Impossible de lire le classeur : ${describe(error)}. Rien n'a été modifié.`, error);
    }
    const focus = isFocusLost(error);
    report("rollback", "Échec : suppression des feuilles ajoutées…", 1);
    const ours = triedNames;
    const ourDefined = new Set([...definedNames.values()].map(nameKey).filter((k) => !existingNameKeys.has(k)));
    const before = existingIds as Set<string>;
    let removed: string[] = [];
    let cleanupError: unknown = null;
    for (let attempt = 1; attempt <= CLEANUP_ATTEMPTS; attempt++) {
      try {
        removed = await excel.run(async (context) => {
          const worksheets = context.workbook.worksheets;
          const workbookNames = context.workbook.names;
          worksheets.load("items/name,items/id");
          workbookNames.load("items/name");
          await context.sync();
          const namesToDelete = workbookNames.items.filter((n) => ourDefined.has(nameKey(n.name)));
          for (const n of namesToDelete) n.delete();
          const mine = worksheets.items.filter((w) => !before.has(w.id) && ours.has(nameKey(w.name)));
          for (const w of mine) w.delete();
          if (mine.length > 0 || namesToDelete.length > 0) await context.sync();
          return mine.map((w) => w.name);
        });
        cleanupError = null;
        break;
      } catch (e) {
        cleanupError = e;
        if (attempt < CLEANUP_ATTEMPTS) {
          report("rollback", isFocusLost(e) ? "Un autre classeur est actif : nouvel essai de suppression des feuilles ajoutées…" : "Nouvel essai de suppression des feuilles ajoutées…", 1);
          await wait(options.retryDelayMs ?? 1000);
        }
      }
    }
    const hint = focus || isFocusLost(cleanupError) ? ` ${FOCUS_LOST_MESSAGE}` : "";
    if (cleanupError !== null) {
      const leftOver = [...names.values()];
      throw new WriteError(
        `La création du classeur a échoué (${describe(error)}) et les feuilles ajoutées n'ont pas pu être supprimées ` +
          `(${describe(cleanupError)}). Vos feuilles existantes n'ont pas été modifiées ; supprimez à la main celles-ci si elles existent : ${leftOver.join(", ")}.${hint}`,
        error,
        leftOver,
      );
    }
    const what =
      removed.length === 0
        ? "aucune feuille n'avait été ajoutée"
        : removed.length === 1
          ? `la feuille ajoutée (${removed[0]}) a été supprimée`
          : `les ${removed.length} feuilles ajoutées (${removed.join(", ")}) ont été supprimées`;
    if (error instanceof Refusal) {
      throw new WriteError(`Création refusée : ${error.message} Le classeur est revenu à son état initial : ${what} ; vos feuilles existantes n'ont pas été modifiées.`, error);
    }
    throw new WriteError(
      `La création du classeur a échoué : ${describe(error)}. Le classeur est revenu à son état initial : ${what} ; vos feuilles existantes n'ont pas été modifiées.${hint}`,
      error,
    );
  }
}
