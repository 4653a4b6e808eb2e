/**
 * A small in-memory fake of the Excel JavaScript API (Office.js), enough for
 * the Office writer (src/workbook/office-writer.ts) and the task pane:
 *
 *   Excel.run(batch) -> RequestContext { workbook.worksheets, application, sync() }
 *   worksheets: add / getItem / getItemOrNullObject / getActiveWorksheet / items / load
 *   worksheet: getRange(address) / getRangeByIndexes / getRanges("A1,B2:C3"),
 *              freezePanes.freezeRows, charts.add, notes.add, activate, delete, name/id/position
 *   range: formulas / values / numberFormat / address (set, or load + sync then read),
 *          format.fill.color, format.font.{bold,italic,color,size}, format.columnWidth
 *
 * Like the real API, calls are QUEUED and run at `context.sync()`, in order;
 * reading a property before `load()` + `sync()` throws PropertyNotLoaded; a
 * failing command fails the sync, the commands before it in the batch stay
 * applied (Excel does not roll back) and the rest of the batch is dropped.
 *
 * Failure injection: `failAtSync: n` (the n-th sync fails before running
 * anything), `failAtOperation: n` (the n-th command fails, counted over the
 * whole life of the fake), `failWhen(op)` (a command whose description
 * matches). The fake does not calculate: `values` of a formula cell is null,
 * except DATE(y,m,d) (the date-system probe).
 *
 * What real Excel does and the fake reproduces, each with its source
 * (../shared/research/excel-fidelity-audit-2026-12.md, "audit" below):
 *  - text written through `range.formulas` is parsed as if typed: numbers,
 *    percentages, dates ("1-5", "2025-12-01", "mars 2025"), times, booleans
 *    (EN/FR/NL), error literals (#N/A, #VALEUR!, #WAARDE!, #BUSY!...) become
 *    values, "+x"/"@x" formulas; a leading apostrophe keeps the text
 *    (audit §2.1, office-js#6687). The cell records what it became in `coerced`.
 *  - sheet and defined names are compared case-insensitively (audit §2.8).
 *  - a chart sheet holds a name `worksheets.items` does not list, and `add`
 *    of that name fails with ItemAlreadyExists (option `chartSheets`, audit §2.8).
 *  - `charts.add(type, range, "Rows")` guesses headers like Excel: a
 *    non-blank top-left cell over a numeric first row makes that row a
 *    series, and the categories are then 1, 2, 3... (audit §2.2).
 *  - another workbook taking the focus makes add / activate / delete /
 *    freezeRows fail with GeneralException (option `loseFocusWhen`,
 *    excel-add-ins-troubleshooting.md "API limitations when the active
 *    workbook switches", audit §2.9).
 *  - a 1904 date-system workbook gives DATE(1904,1,1) = 0 instead of 1462
 *    (option `date1904`, audit §2.7).
 *  - `workbook.names.add` refuses an existing name (never overwrites).
 *
 * No Node APIs: it is also bundled into the browser harness (tests/e2e).
 */

export type FakeScalar = number | string | boolean | null;

export interface FakeCell {
  value: FakeScalar;
  formula?: string;
  /** Written with Excel's text prefix (an apostrophe). */
  quotePrefix?: boolean;
  /** A string Excel converted when it was written (see `parseTyped`): what it became; `typed` keeps the text written. */
  coerced?: "number" | "date" | "time" | "boolean" | "error" | "formula";
  typed?: string;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
}

export interface FakeChart {
  name: string;
  type: string;
  /** Source range, "Sheet!A1:B3". */
  source: string;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
  /** The series as Excel built them (from the source's guessed headers, then add/setValues/setXAxisValues). */
  series?: FakeSeries[];
}

export interface FakeSeries {
  name: string;
  /** "Sheet!B4:F4" */
  values: string;
  /** The categories: "Sheet!B3:F3", or null for Excel's default 1, 2, 3... */
  xValues: string | null;
}

export interface FakePageLayout {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  printArea?: string;
  leftFooter?: string;
  centerFooter?: string;
  rightFooter?: string;
}

export interface FakeValidation {
  /** The range, "B7:B9". */
  range: string;
  rule: Record<string, unknown>;
  errorAlert?: { message: string; showAlert: boolean; style: string; title: string };
}

export interface FakeName {
  name: string;
  /** "='Sheet'!$A$1:$A$3", or "=#REF!..." once the sheet is deleted. */
  reference: string;
  sheetId: string | null;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  charts: FakeChart[] = [];
  notes = new Map<string, string>();
  pageLayout: FakePageLayout = {};
  validations: FakeValidation[] = [];
  constructor(
    public id: string,
    public name: string,
  ) {}

  /** The cell at an A1 address (created empty if absent). */
  cell(a1: string): FakeCell {
    const { row, col } = parseCellAddress(a1);
    return this.cellAt(row, col);
  }
  cellAt(row: number, col: number): FakeCell {
    const key = cellKey(row, col);
    let c = this.cells.get(key);
    if (!c) {
      c = { value: null };
      this.cells.set(key, c);
    }
    return c;
  }
  /** The cell at an A1 address, or undefined if never touched. */
  peek(a1: string): FakeCell | undefined {
    const { row, col } = parseCellAddress(a1);
    return this.cells.get(cellKey(row, col));
  }
  /** What getUsedRange().values gives (0-based rows and columns; a formula cell's value is not computed here: null). */
  valuesGrid(): unknown[][] {
    const grid: unknown[][] = [];
    for (const [key, c] of this.cells) {
      const [row, col] = key.split(",").map(Number);
      (grid[row] ??= [])[col] = c.formula !== undefined ? null : c.value;
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    return grid;
  }
  /** A user typing a value into a cell (0-based). */
  setValue(row: number, col: number, value: FakeScalar): void {
    const c = this.cellAt(row, col);
    c.value = value;
    delete c.formula;
  }
}

export interface FakeExcelOptions {
  /** The n-th context.sync() (1-based, over the fake's life) fails before running its batch. */
  failAtSync?: number;
  /** The n-th queued command (1-based, over the fake's life) fails when it runs. */
  failAtOperation?: number;
  /** Fails a command whose description matches (e.g. /^charts\.add/). */
  failWhen?: (operation: string) => boolean;
  /** Sheet names to start with (default: one sheet "Feuil1"). */
  sheets?: string[];
  /** Names of chart sheets: they share the sheet name space but are not in `worksheets.items` (audit §2.8). */
  chartSheets?: string[];
  /** Workbook-level names to start with, e.g. { name: "Taux", reference: "='Feuil1'!$A$1" }. */
  names?: { name: string; reference: string }[];
  /** The workbook uses the 1904 date system (old Mac workbooks; audit §2.7). */
  date1904?: boolean;
  /**
   * Another workbook takes the focus just before a command whose description
   * matches: from then on add / activate / delete / freezeRows fail with
   * GeneralException (Windows/Mac behaviour, audit §2.9).
   */
  loseFocusWhen?: (operation: string) => boolean;
  /** The focus comes back when this many more Excel.run calls have started (default: never). */
  focusReturnsAfterRuns?: number;
}

/** The error objects the fake throws, shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  constructor(
    public code: string,
    message: string,
    public debugInfo: { code: string; message: string; errorLocation?: string } = { code, message },
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Operation {
  description: string;
  run: () => void;
}

// ---------------------------------------------------------------------------
// Addresses

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function columnName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function parseCellAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.trim());
  if (!m) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (adresse « ${a} »)`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** Whole columns ("A:C") or whole rows ("2:4"). */
  whole?: "columns" | "rows";
}

export function parseRangeAddress(address: string): Rect {
  const a = address.trim().replace(/^.*!/, "");
  let m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(a);
  if (m) {
    const c1 = columnIndex(m[1]);
    const c2 = columnIndex(m[2]);
    return { row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1, whole: "columns" };
  }
  m = /^\$?(\d+):\$?(\d+)$/.exec(a);
  if (m) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    return { row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLS, whole: "rows" };
  }
  const parts = a.split(":");
  if (parts.length > 2) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (plage « ${address} »)`);
  const p1 = parseCellAddress(parts[0]);
  const p2 = parts.length === 2 ? parseCellAddress(parts[1]) : p1;
  const rect = { row: Math.min(p1.row, p2.row), col: Math.min(p1.col, p2.col), rows: Math.abs(p2.row - p1.row) + 1, cols: Math.abs(p2.col - p1.col) + 1 };
  if (rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLS) throw new FakeOfficeError("InvalidArgument", `plage hors de la feuille : ${address}`);
  return rect;
}

export function rectAddress(r: Rect): string {
  if (r.whole === "columns") return `${columnName(r.col)}:${columnName(r.col + r.cols - 1)}`;
  if (r.whole === "rows") return `${r.row + 1}:${r.row + r.rows}`;
  const start = a1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? start : `${start}:${a1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** Excel's sheet-name rules. */
function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (nom de feuille « ${name} »)`);
  }
}

// ---------------------------------------------------------------------------
// Cell input, as Excel reads a value set through range.formulas / range.values

function writeInput(cell: FakeCell, input: unknown, date1904 = false): void {
  if (input === null || input === undefined) return; // null: leave the cell as it is
  delete cell.formula;
  delete cell.quotePrefix;
  delete cell.coerced;
  delete cell.typed;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. (nombre non fini)");
    cell.value = input;
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${typeof input})`);
  if (input === "") {
    cell.value = null;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (input.startsWith("=")) {
    if (input.length === 1) throw new FakeOfficeError("InvalidArgument", "formule vide");
    cell.formula = input;
    cell.value = evaluateDate(input, date1904);
    // Excel formats a General cell on entry of a DATE() formula as a date (audit §2.4: formats inherited on entry).
    if (cell.value !== null && (cell.numberFormat === undefined || cell.numberFormat === "General")) cell.numberFormat = "m/d/yyyy";
    return;
  }
  const typed = parseTyped(input, date1904);
  if (!typed) {
    cell.value = input;
    return;
  }
  cell.typed = input;
  cell.coerced = typed.kind;
  if (typed.kind === "formula") {
    cell.formula = `=${input.trim().replace(/^=/, "")}`;
    cell.value = null;
  } else cell.value = typed.value;
}

/** DATE(y,m,d) as Excel computes it in the workbook's date system (the only formula the fake evaluates). */
function evaluateDate(formula: string, date1904: boolean): FakeScalar {
  const m = /^=DATE\((\d{1,4}),(\d{1,2}),(\d{1,2})\)$/i.exec(formula.replace(/\s+/g, ""));
  return m ? serialOf(Number(m[1]), Number(m[2]), Number(m[3]), date1904) : null;
}

/** Excel's serial of a date (1900 system: 1900-01-01 = 1, with its phantom 29/02/1900; 1904 system: 1904-01-01 = 0). */
export function serialOf(y: number, m: number, d: number, date1904 = false): number {
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return date1904 ? days - 1462 : days;
}

const FAKE_MONTHS: [number, RegExp][] = [
  [1, /^(jan|janv|janvier|january|januari)$/i],
  [2, /^(feb|fév|fev|févr|février|fevrier|february|februari)$/i],
  [3, /^(mar|mars|march|maart|mrt)$/i],
  [4, /^(apr|avr|avril|april)$/i],
  [5, /^(may|mai|mei)$/i],
  [6, /^(jun|juin|june|juni)$/i],
  [7, /^(jul|juil|juillet|july|juli)$/i],
  [8, /^(aug|aoû|août|aout|august|augustus)$/i],
  [9, /^(sep|sept|septembre|september)$/i],
  [10, /^(oct|octobre|october|okt|oktober)$/i],
  [11, /^(nov|novembre|november)$/i],
  [12, /^(dec|déc|décembre|decembre|december)$/i],
];
const monthOf = (word: string) => FAKE_MONTHS.find(([, re]) => re.test(word.replace(/\.$/, "")))?.[0];

/** Error literals Excel recognises when typed, in English, French and Dutch (Microsoft's localized function/error lists). */
const ERROR_LITERALS = new Set(
  [
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BUSY!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!",
    "#NUL!", "#VALEUR!", "#NOM?", "#NOMBRE!", "#PROPAGATION!", "#CHAMP!", "#CALCUL!",
    "#LEEG!", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!", "#N/B", "#OVERLOOP!", "#VELD!", "#BEZIG!",
  ].map((e) => e.toUpperCase()),
);

/**
 * What Excel makes of a text typed in a cell (or written through
 * `range.formulas`), or null when it stays text. Locale-agnostic: the fake
 * accepts what a French (Belgium), Dutch (Belgium) or English Excel would
 * parse, so that a writer that lets any of it through fails a test.
 */
export function parseTyped(input: string, date1904 = false): { kind: NonNullable<FakeCell["coerced"]>; value: FakeScalar } | null {
  const t = input.trim();
  if (t === "") return null;
  if (/^[=+@]/.test(t) || (/^-/.test(t) && !/^-[\d\s.,]+%?$/.test(t))) return { kind: "formula", value: null };
  const upper = t.toUpperCase();
  if (ERROR_LITERALS.has(upper)) return { kind: "error", value: upper };
  if (/^(TRUE|VRAI|WAAR)$/.test(upper)) return { kind: "boolean", value: true };
  if (/^(FALSE|FAUX|ONWAAR)$/.test(upper)) return { kind: "boolean", value: false };
  const year = new Date().getFullYear();
  const date = (y: number, m: number, d: number) => {
    if (y < 100) y += y < 30 ? 2000 : 1900;
    if (m < 1 || m > 12 || d < 1 || d > 31) return null;
    return { kind: "date" as const, value: serialOf(y, m, d, date1904) };
  };
  let m: RegExpExecArray | null;
  // Dates with digits: y-m-d, d-m-y, d/m/y, d.m.y, y-m, m-y, d-m ("2025-12-01", "01/10/2025", "2025-12", "12-2025", "1-5")
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t))) return date(+m[1], +m[2], +m[3]);
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t))) return date(+m[3], +m[2], +m[1]);
  if ((m = /^(\d{4})[-/](\d{1,2})$/.exec(t))) return date(+m[1], +m[2], 1);
  if ((m = /^(\d{1,2})[-/](\d{4})$/.exec(t))) return date(+m[2], +m[1], 1);
  if ((m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t))) return date(year, +m[2], +m[1]);
  // Dates with a month name: "1 mars 2025", "mars 2025", "Jan-25", "1 janv"
  if ((m = /^(\d{1,2})[\s/-]*([\p{L}]+\.?)(?:[\s/-]*(\d{2,4}))?$/u.exec(t)) && monthOf(m[2])) return date(m[3] ? +m[3] : year, monthOf(m[2])!, +m[1]);
  if ((m = /^([\p{L}]+\.?)[\s/-]*(\d{1,4})$/u.exec(t)) && monthOf(m[1])) {
    const n = +m[2];
    return n > 31 || m[2].length > 2 ? date(n, monthOf(m[1])!, 1) : date(year, monthOf(m[1])!, n);
  }
  // Times: "12:30", "12:30:15", "10 am", "1:30 PM"
  if ((m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm|a|p)?$/i.exec(t)) && (m[2] !== undefined || m[4] !== undefined)) {
    let h = +m[1];
    if (m[4] && /^p/i.test(m[4]) && h < 12) h += 12;
    return { kind: "time", value: (h * 3600 + (m[2] ? +m[2] : 0) * 60 + (m[3] ? +m[3] : 0)) / 86400 };
  }
  // Numbers: "2025", "-5", "1 000,50 €", "$1,000.50", "(12)", "75%", "1,5 %", "1e5"
  let body = t;
  let negative = false;
  let percent = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  body = body.replace(/^[€$£]\s*|\s*[€$£]$/g, "");
  if (body.endsWith("%")) {
    percent = true;
    body = body.slice(0, -1).trim();
  }
  if (body.startsWith("-")) {
    negative = !negative;
    body = body.slice(1).trim();
  }
  let n: number | null = null;
  if (/^\d+([.,]\d+)?e[+-]?\d+$/i.test(body)) n = Number(body.replace(",", "."));
  else if (/^\d{1,3}([\s\u00a0.]\d{3})+(,\d+)?$/.test(body)) n = Number(body.replace(/[\s\u00a0.]/g, "").replace(",", ".")); // 1 000,50 / 1.000,50
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) n = Number(body.replace(/,/g, "")); // 1,000.50
  else if (/^\d+([.,]\d+)?$/.test(body) || /^[.,]\d+$/.test(body)) n = Number(body.replace(",", "."));
  if (n === null || !Number.isFinite(n)) return null;
  if (percent) n /= 100;
  return { kind: "number", value: negative ? -n : n };
}

// ---------------------------------------------------------------------------

function notLoaded(property: string): never {
  throw new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function parseLoad(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return [];
  const text = Array.isArray(props) ? props.join(",") : typeof props === "string" ? props : (props.select ?? "");
  return text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

class Loadable {
  protected loaded = new Map<string, unknown>();
  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) notLoaded(property);
    return this.loaded.get(property) as T;
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplicationProxy;
  /** Set by Excel.run when the batch is over: further calls are refused. */
  closed = false;
  private queue: Operation[] = [];
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplicationProxy(this);
  }

  enqueue(description: string, run: () => void): void {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", `objet utilisé hors de son Excel.run : ${description}`);
    this.queue.push({ description, run });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidRequestContext", "contexte utilisé après la fin de son Excel.run");
    const excel = this.excel;
    const batch = this.queue;
    this.queue = [];
    await Promise.resolve();
    excel.syncs++;
    excel.syncLog.push(batch.map((o) => o.description));
    if (excel.options.failAtSync === excel.syncs) {
      throw new FakeOfficeError("GeneralException", `Échec simulé de la synchronisation n° ${excel.syncs}.`);
    }
    try {
      for (const op of batch) {
        excel.operations++;
        if (excel.options.failAtOperation === excel.operations || excel.options.failWhen?.(op.description)) {
          throw new FakeOfficeError("GeneralException", `Échec simulé de l'opération n° ${excel.operations} (${op.description}).`);
        }
        if (!excel.focusLost && excel.options.loseFocusWhen?.(op.description)) {
          excel.focusLost = true;
          excel.focusLostAtRun = excel.runs;
        }
        const needsFocus = focusLocation(op.description);
        if (excel.focusLost && needsFocus) {
          // Windows/Mac: the API writes to the active workbook only (excel-add-ins-troubleshooting.md).
          throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.", {
            code: "GeneralException",
            message: "There was an internal error while processing the request.",
            errorLocation: needsFocus,
          });
        }
        op.run();
        excel.log.push(op.description);
      }
    } finally {
      excel.suspendedCalculation = false;
      excel.suspendedScreenUpdating = false;
    }
  }
}

/** The commands that fail while another workbook has the focus, with the errorLocation Excel reports. */
function focusLocation(description: string): string | null {
  if (description.startsWith("worksheets.add(")) return "WorksheetCollection.add";
  if (description.startsWith("activate()")) return "Worksheet.activate";
  if (description.startsWith("delete()")) return "Worksheet.delete";
  if (description.startsWith("freezePanes.freezeRows")) return "FreezePanes.freezeRows";
  return null;
}

export class FakeApplicationProxy {
  constructor(private ctx: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue("application.suspendApiCalculationUntilNextSync", () => {
      this.ctx.excel.suspendedCalculation = true;
      this.ctx.excel.calculationSuspensions++;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue("application.suspendScreenUpdatingUntilNextSync", () => {
      this.ctx.excel.suspendedScreenUpdating = true;
      this.ctx.excel.screenSuspensions++;
    });
  }
  calculate(calculationType: string): void {
    this.ctx.enqueue(`application.calculate(${calculationType})`, () => {
      this.ctx.excel.calculations.push(calculationType);
    });
  }
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollectionProxy;
  readonly names: FakeNamedItemCollectionProxy;
  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollectionProxy(ctx);
    this.names = new FakeNamedItemCollectionProxy(ctx);
  }
}

/** Excel's rules for a defined name (letters, digits, "_", ".", "\\"; not a cell reference). */
function checkDefinedName(name: string): void {
  const cellLike = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[Rr]\d+$/.test(name) || /^[Cc]\d+$/.test(name);
  if (name.length === 0 || name.length > 255 || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || cellLike) {
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (nom « ${name} »)`);
  }
}

export class FakeNamedItemProxy extends Loadable {
  constructor(
    private ctx: FakeRequestContext,
    private item: FakeName,
  ) {
    super();
    this.loaded.set("name", item.name);
  }
  get name(): string {
    return this.read("name");
  }
  delete(): void {
    this.ctx.enqueue(`names.delete(${this.item.name})`, () => {
      const list = this.ctx.excel.names;
      const i = list.indexOf(this.item);
      if (i < 0) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (nom ${this.item.name})`);
      list.splice(i, 1);
    });
  }
}

export class FakeNamedItemCollectionProxy extends Loadable {
  constructor(private ctx: FakeRequestContext) {
    super();
  }
  get items(): FakeNamedItemProxy[] {
    return this.read("items");
  }
  load(props?: string | string[] | { select?: string }): this {
    this.ctx.enqueue(`names.load(${parseLoad(props).join(",")})`, () => {
      this.loaded.set("items", this.ctx.excel.names.map((n) => new FakeNamedItemProxy(this.ctx, n)));
    });
    return this;
  }
  add(name: string, reference: FakeRangeProxy | string): void {
    this.ctx.enqueue(`names.add(${name})`, () => {
      checkDefinedName(name);
      // Excel refuses an existing name (case-insensitively): a name is never overwritten.
      if (this.ctx.excel.names.some((n) => n.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (nom ${name})`);
      }
      if (typeof reference === "string") {
        this.ctx.excel.names.push({ name, reference: reference.startsWith("=") ? reference : `=${reference}`, sheetId: null });
        return;
      }
      const sheet = reference.resolveSheet();
      const abs = reference.rects.map((r) => rectAddress(r).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")).join(",");
      this.ctx.excel.names.push({ name, reference: `='${sheet.name.replace(/'/g, "''")}'!${abs}`, sheetId: sheet.id });
    });
  }
}

type SheetResolver = () => FakeSheet | null;

export class FakeWorksheetCollectionProxy extends Loadable {
  constructor(private ctx: FakeRequestContext) {
    super();
  }
  get items(): FakeWorksheetProxy[] {
    return this.read("items");
  }
  load(props?: string | string[] | { select?: string }): this {
    const wanted = parseLoad(props);
    const sub = wanted.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    this.ctx.enqueue(`worksheets.load(${wanted.join(",")})`, () => {
      const items = this.ctx.excel.sheets.map((s) => {
        const proxy = new FakeWorksheetProxy(this.ctx, () => s, `worksheets[${s.name}]`);
        proxy.fill(sub.length ? sub : ["name", "id", "position"]);
        return proxy;
      });
      this.loaded.set("items", items);
    });
    return this;
  }
  add(name?: string): FakeWorksheetProxy {
    let created: FakeSheet | null = null;
    const proxy = new FakeWorksheetProxy(this.ctx, () => created, `worksheets.add(${name ?? ""})`);
    this.ctx.enqueue(`worksheets.add(${name ?? ""})`, () => {
      const excel = this.ctx.excel;
      let n = name;
      if (n === undefined) {
        let i = excel.sheets.length + 1;
        while (excel.findSheet(`Feuil${i}`)) i++;
        n = `Feuil${i}`;
      }
      checkSheetName(n);
      if (excel.findSheet(n) || excel.isChartSheetName(n)) throw new FakeOfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${n})`);
      created = excel.createSheet(n);
    });
    return proxy;
  }
  getItem(key: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(
      this.ctx,
      () => {
        const s = this.ctx.excel.findSheet(key);
        if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (feuille « ${key} »)`);
        return s;
      },
      `worksheets.getItem(${key})`,
    );
  }
  getItemOrNullObject(key: string): FakeWorksheetProxy {
    const proxy = new FakeWorksheetProxy(this.ctx, () => this.ctx.excel.findSheet(key) ?? null, `worksheets.getItemOrNullObject(${key})`, true);
    return proxy;
  }
  getActiveWorksheet(): FakeWorksheetProxy {
    return new FakeWorksheetProxy(
      this.ctx,
      () => this.ctx.excel.sheets.find((s) => s.id === this.ctx.excel.activeSheetId) ?? this.ctx.excel.sheets[0] ?? null,
      "worksheets.getActiveWorksheet()",
    );
  }
}

export class FakeWorksheetProxy extends Loadable {
  readonly freezePanes: { freezeRows: (count?: number) => void; unfreeze: () => void };
  readonly charts: { add: (type: string, sourceData: FakeRangeProxy, seriesBy?: string) => FakeChartProxy };
  readonly notes: { add: (cellAddress: string, content: string) => void };
  readonly pageLayout: FakePageLayoutProxy;

  constructor(
    private ctx: FakeRequestContext,
    private resolver: SheetResolver,
    private path: string,
    nullable = false,
  ) {
    super();
    if (nullable) {
      ctx.enqueue(`${path}.isNullObject`, () => {
        this.loaded.set("isNullObject", this.resolver() === null);
        if (this.resolver()) this.fill(["name", "id", "position"], false);
      });
    }
    this.freezePanes = {
      freezeRows: (count = 1) => this.op(`freezePanes.freezeRows(${count})`, (s) => (s.frozenRows = count)),
      unfreeze: () => this.op("freezePanes.unfreeze()", (s) => (s.frozenRows = 0)),
    };
    this.pageLayout = new FakePageLayoutProxy((d, run) => this.op(d, run));
    this.charts = {
      add: (type, sourceData, seriesBy = "Auto") => {
        let chart: FakeChart | null = null;
        const proxy = new FakeChartProxy(this.ctx, () => chart, `${this.path}.charts.add`);
        this.op(`charts.add(${type}, ${sourceData.addressText}, ${seriesBy})`, (s) => {
          const source = sourceData.resolveSheet();
          chart = {
            name: `Graphique ${s.charts.length + 1}`,
            type,
            source: `${source.name}!${sourceData.addressText}`,
            seriesBy,
            title: "",
            series: guessSeries(source, sourceData.rects[0], seriesBy),
          };
          s.charts.push(chart);
        });
        return proxy;
      },
    };
    this.notes = {
      add: (cellAddress, content) =>
        this.op(`notes.add(${cellAddress})`, (s) => {
          const r = parseRangeAddress(cellAddress);
          if (r.rows !== 1 || r.cols !== 1) throw new FakeOfficeError("InvalidCellAddress", `not a single cell: ${cellAddress}`);
          const key = a1(r.row, r.col);
          if (s.notes.has(key)) throw new FakeOfficeError("InvalidArgument", `a note already exists on ${key}`);
          s.notes.set(key, String(content));
        }),
    };
  }

  /** The sheet this proxy points to, at execution time. */
  resolveSheet(): FakeSheet {
    const s = this.resolver();
    if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${this.path})`);
    if (!this.ctx.excel.sheets.includes(s)) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${this.path}, feuille supprimée)`);
    return s;
  }

  private op(description: string, run: (s: FakeSheet) => void): void {
    this.ctx.enqueue(`${description} @${this.path}`, () => run(this.resolveSheet()));
  }

  /** Fills loaded properties now (used by collection loads). */
  fill(props: string[], strict = true): void {
    const s = strict ? this.resolveSheet() : this.resolver();
    if (!s) return;
    for (const p of props) {
      if (p === "name") this.loaded.set("name", s.name);
      else if (p === "id") this.loaded.set("id", s.id);
      else if (p === "position") this.loaded.set("position", this.ctx.excel.sheets.indexOf(s));
      else if (p === "visibility") this.loaded.set("visibility", "Visible");
    }
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.op(`name = ${value}`, (s) => {
      checkSheetName(value);
      const other = this.ctx.excel.findSheet(value);
      if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${value})`);
      s.name = value;
    });
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  load(props?: string | string[] | { select?: string }): this {
    const wanted = parseLoad(props);
    this.ctx.enqueue(`${this.path}.load(${wanted.join(",")})`, () => this.fill(wanted.length ? wanted : ["name", "id", "position", "visibility"]));
    return this;
  }
  delete(): void {
    this.op("delete()", (s) => {
      const excel = this.ctx.excel;
      if (excel.sheets.length === 1) throw new FakeOfficeError("InvalidOperation", "Un classeur doit contenir au moins une feuille visible.");
      excel.sheets.splice(excel.sheets.indexOf(s), 1);
      if (excel.activeSheetId === s.id) excel.activeSheetId = excel.sheets[0].id;
      // Names that referred to the sheet now refer to #REF! (Excel keeps them).
      for (const n of excel.names) {
        if (n.sheetId === s.id) {
          n.reference = n.reference.replace(/^=.*!/, "=#REF!");
          n.sheetId = null;
        }
      }
    });
  }
  activate(): void {
    this.op("activate()", (s) => (this.ctx.excel.activeSheetId = s.id));
  }
  getRange(address?: string): FakeRangeProxy {
    return new FakeRangeProxy(this.ctx, this, [parseRangeAddress(address ?? "A1:XFD1048576")]);
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRangeProxy {
    if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) throw new FakeOfficeError("InvalidArgument", "getRangeByIndexes: indices invalides");
    return new FakeRangeProxy(this.ctx, this, [{ row: startRow, col: startColumn, rows: rowCount, cols: columnCount }]);
  }
  getRanges(address?: string): FakeRangeProxy {
    const rects = (address ?? "").split(",").map((a) => parseRangeAddress(a));
    if (rects.length === 0) throw new FakeOfficeError("InvalidArgument", "getRanges: adresse vide");
    return new FakeRangeProxy(this.ctx, this, rects);
  }
  /** Used by FakeRangeProxy. */
  enqueueOn(description: string, run: (s: FakeSheet) => void): void {
    this.op(description, run);
  }
}

type CellProp = "fill" | "bold" | "italic" | "fontColor" | "fontSize";

/** A Range (one rectangle) or RangeAreas (several rectangles, from getRanges). */
export class FakeRangeProxy extends Loadable {
  readonly format: FakeRangeFormatProxy;
  constructor(
    private ctx: FakeRequestContext,
    private sheet: FakeWorksheetProxy,
    readonly rects: Rect[],
  ) {
    super();
    this.format = new FakeRangeFormatProxy(this);
  }
  get addressText(): string {
    return this.rects.map(rectAddress).join(",");
  }
  resolveSheet(): FakeSheet {
    return this.sheet.resolveSheet();
  }
  private single(what: string): Rect {
    if (this.rects.length !== 1) throw new FakeOfficeError("InvalidOperation", `${what} n'existe pas sur des plages multiples (RangeAreas)`);
    return this.rects[0];
  }
  private bounded(what: string): Rect {
    const r = this.single(what);
    if (r.whole) throw new FakeOfficeError("InvalidOperation", `le faux Excel n'écrit pas ${what} sur des lignes ou colonnes entières`);
    return r;
  }
  /** Queues an operation over every cell of every rectangle. */
  eachCell(description: string, run: (cell: FakeCell) => void): void {
    for (const r of this.rects) {
      if (r.whole) throw new FakeOfficeError("InvalidOperation", `le faux Excel n'applique pas ${description} à des lignes ou colonnes entières`);
    }
    this.sheet.enqueueOn(`${description} ${this.addressText}`, (s) => {
      for (const r of this.rects) for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) run(s.cellAt(r.row + i, r.col + j));
    });
  }
  setCellProp(prop: CellProp, value: unknown): void {
    this.eachCell(`format.${prop} = ${JSON.stringify(value)}`, (c) => {
      (c as unknown as Record<string, unknown>)[prop] = value;
    });
  }
  setColumnWidth(points: number): void {
    if (!(points >= 0)) throw new FakeOfficeError("InvalidArgument", "largeur de colonne invalide");
    this.sheet.enqueueOn(`format.columnWidth = ${points} ${this.addressText}`, (s) => {
      for (const r of this.rects) for (let j = 0; j < r.cols; j++) s.columnWidths.set(r.col + j, points);
    });
  }

  private write2d(property: "formulas" | "values" | "numberFormat", data: unknown): void {
    const r = this.bounded(property);
    const grid: unknown[][] = Array.isArray(data) ? (data as unknown[][]) : Array.from({ length: r.rows }, () => Array.from({ length: r.cols }, () => data));
    if (grid.length !== r.rows || grid.some((row) => !Array.isArray(row) || row.length !== r.cols)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${property} ${rectAddress(r)})`,
      );
    }
    const copy = grid.map((row) => row.slice());
    this.sheet.enqueueOn(`range.${property} ${rectAddress(r)}`, (s) => {
      copy.forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = s.cellAt(r.row + i, r.col + j);
          if (property === "numberFormat") {
            if (v !== null && v !== undefined) cell.numberFormat = String(v);
          } else writeInput(cell, v, this.ctx.excel.options.date1904);
        }),
      );
    });
  }
  set formulas(data: unknown[][]) {
    this.write2d("formulas", data);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set values(data: unknown[][]) {
    this.write2d("values", data);
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set numberFormat(data: unknown[][]) {
    this.write2d("numberFormat", data);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  get address(): string {
    return this.read("address");
  }
  /** Range.calculate (ExcelApi 1.6): the fake evaluates DATE() cells only, which it does on entry already. */
  calculate(): void {
    const r = this.bounded("calculate");
    this.sheet.enqueueOn(`range.calculate ${rectAddress(r)}`, () => undefined);
  }
  /** Range.dataValidation (ExcelApi 1.8): rule and errorAlert are set as whole objects, as the API requires. */
  get dataValidation(): { rule: Record<string, unknown>; errorAlert: NonNullable<FakeValidation["errorAlert"]>; ignoreBlanks: boolean } {
    const r = this.bounded("dataValidation");
    const where = rectAddress(r);
    const find = (s: FakeSheet) => {
      let v = s.validations.find((x) => x.range === where);
      if (!v) {
        v = { range: where, rule: {} };
        s.validations.push(v);
      }
      return v;
    };
    const unreadable = (p: string) => () => notLoaded(`dataValidation.${p}`);
    return Object.defineProperties({} as { rule: Record<string, unknown>; errorAlert: NonNullable<FakeValidation["errorAlert"]>; ignoreBlanks: boolean }, {
      rule: {
        get: unreadable("rule"),
        set: (rule: Record<string, unknown>) => {
          const kinds = Object.keys(rule ?? {});
          if (kinds.length !== 1) throw new FakeOfficeError("InvalidArgument", "une règle de validation a exactement un critère");
          const c = rule[kinds[0]] as Record<string, unknown>;
          if (kinds[0] === "list") {
            if (typeof c.source !== "string" || c.source.length > 255) throw new FakeOfficeError("InvalidArgument", "source de liste invalide (255 caractères au plus)");
          } else if (kinds[0] === "date") {
            for (const f of [c.formula1, c.formula2]) if (f !== undefined && !(typeof f === "string" && /^(=|\d{4}-\d{2}-\d{2})/.test(f))) throw new FakeOfficeError("InvalidArgument", `date de validation invalide : ${String(f)}`);
          } else if (c.operator === undefined) throw new FakeOfficeError("InvalidArgument", "opérateur de validation manquant");
          const copy = JSON.parse(JSON.stringify(rule)) as Record<string, unknown>;
          this.sheet.enqueueOn(`dataValidation.rule ${where}`, (s) => (find(s).rule = copy));
        },
        enumerable: true,
      },
      errorAlert: {
        get: unreadable("errorAlert"),
        set: (alert: NonNullable<FakeValidation["errorAlert"]>) => {
          const copy = { ...alert };
          this.sheet.enqueueOn(`dataValidation.errorAlert ${where}`, (s) => (find(s).errorAlert = copy));
        },
        enumerable: true,
      },
      ignoreBlanks: { get: unreadable("ignoreBlanks"), set: () => {}, enumerable: true },
    });
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  load(props?: string | string[] | { select?: string }): this {
    const wanted = parseLoad(props);
    const all = wanted.length ? wanted : ["formulas", "values", "numberFormat", "address", "rowCount", "columnCount"];
    const r = this.bounded("load");
    this.sheet.enqueueOn(`range.load(${all.join(",")}) ${rectAddress(r)}`, (s) => {
      const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] =>
        Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(s.cells.get(cellKey(r.row + i, r.col + j)))));
      for (const p of all) {
        if (p === "formulas") this.loaded.set(p, grid((c) => c?.formula ?? (c?.value === null || c?.value === undefined ? "" : c.value)));
        else if (p === "values") this.loaded.set(p, grid((c) => (c?.formula ? (c.value ?? null) : (c?.value ?? ""))));
        else if (p === "numberFormat") this.loaded.set(p, grid((c) => c?.numberFormat ?? "General"));
        else if (p === "address") this.loaded.set(p, `${quoteIfNeeded(s.name)}!${rectAddress(r)}`);
        else if (p === "rowCount") this.loaded.set(p, r.rows);
        else if (p === "columnCount") this.loaded.set(p, r.cols);
      }
    });
    return this;
  }
}

function quoteIfNeeded(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export class FakeRangeFormatProxy {
  readonly fill: { color: string; clear: () => void };
  readonly font: { bold: boolean; italic: boolean; color: string; size: number };
  constructor(private range: FakeRangeProxy) {
    const setter = (prop: CellProp) => (value: unknown) => range.setCellProp(prop, value);
    const unreadable = (p: string) => () => notLoaded(`format.${p}`);
    this.fill = Object.defineProperties({} as { color: string; clear: () => void }, {
      color: { get: unreadable("fill.color"), set: setter("fill"), enumerable: true },
      clear: { value: () => range.setCellProp("fill", undefined) },
    });
    this.font = Object.defineProperties({} as { bold: boolean; italic: boolean; color: string; size: number }, {
      bold: { get: unreadable("font.bold"), set: setter("bold"), enumerable: true },
      italic: { get: unreadable("font.italic"), set: setter("italic"), enumerable: true },
      color: { get: unreadable("font.color"), set: setter("fontColor"), enumerable: true },
      size: { get: unreadable("font.size"), set: setter("fontSize"), enumerable: true },
    });
  }
  get columnWidth(): number {
    return notLoaded("format.columnWidth");
  }
  set columnWidth(points: number) {
    this.range.setColumnWidth(points);
  }
}

export class FakeChartProxy extends Loadable {
  readonly title: { text: string };
  constructor(
    private ctx: FakeRequestContext,
    private resolver: () => FakeChart | null,
    private path: string,
  ) {
    super();
    const chart = () => {
      const c = this.resolver();
      if (!c) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${this.path})`);
      return c;
    };
    this.title = Object.defineProperty({} as { text: string }, "text", {
      get: () => notLoaded("title.text"),
      set: (text: string) => {
        this.ctx.enqueue(`chart.title.text = ${text}`, () => (chart().title = text));
      },
      enumerable: true,
    });
    this.setPosition = (start: string, end?: string) => {
      parseCellAddress(start);
      if (end !== undefined) parseCellAddress(end);
      this.ctx.enqueue(`chart.setPosition(${start}, ${end ?? ""})`, () => (chart().position = end === undefined ? { start } : { start, end }));
    };
  }
  setPosition: (startCell: string, endCell?: string) => void;
  get series(): { getItemAt: (index: number) => FakeSeriesProxy; add: (name?: string) => FakeSeriesProxy } {
    const chart = () => {
      const c = this.resolver();
      if (!c) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${this.path})`);
      return c;
    };
    return {
      getItemAt: (index: number) =>
        new FakeSeriesProxy(this.ctx, () => {
          const s = chart().series?.[index];
          if (!s) throw new FakeOfficeError("ItemNotFound", `pas de série n° ${index}`);
          return s;
        }),
      add: (name?: string) => {
        let created: FakeSeries | null = null;
        this.ctx.enqueue(`chart.series.add(${name ?? ""})`, () => {
          const c = chart();
          c.series = c.series ?? [];
          created = { name: name ?? `Série${c.series.length + 1}`, values: "", xValues: null };
          c.series.push(created);
        });
        return new FakeSeriesProxy(this.ctx, () => {
          if (!created) throw new FakeOfficeError("ItemNotFound", "série non créée");
          return created;
        });
      },
    };
  }
}

export class FakeSeriesProxy {
  constructor(
    private ctx: FakeRequestContext,
    private resolver: () => FakeSeries,
  ) {}
  get name(): string {
    return notLoaded("series.name");
  }
  set name(text: string) {
    this.ctx.enqueue(`series.name = ${text}`, () => (this.resolver().name = text));
  }
  setValues(range: FakeRangeProxy): void {
    this.ctx.enqueue(`series.setValues(${range.addressText})`, () => (this.resolver().values = `${range.resolveSheet().name}!${range.addressText}`));
  }
  setXAxisValues(range: FakeRangeProxy): void {
    this.ctx.enqueue(`series.setXAxisValues(${range.addressText})`, () => (this.resolver().xValues = `${range.resolveSheet().name}!${range.addressText}`));
  }
}

/**
 * The series Excel makes of a source range (audit §2.2, Peltier's
 * "top-left cell" rule): the first column gives the series names if it is
 * text; the first row gives the categories only if the top-left cell is
 * blank or that row is text; otherwise the first row is one more series and
 * the categories are 1, 2, 3... (xValues null).
 */
function guessSeries(sheet: FakeSheet, r: Rect, seriesBy: string): FakeSeries[] {
  const at = (i: number, j: number) => sheet.cells.get(cellKey(r.row + i, r.col + j));
  const byRows = seriesBy !== "Columns";
  const lines = byRows ? r.rows : r.cols;
  const points = byRows ? r.cols : r.rows;
  const get = (line: number, point: number) => (byRows ? at(line, point) : at(point, line));
  const isText = (c: FakeCell | undefined) => typeof c?.value === "string" && !c.formula;
  const blank = (c: FakeCell | undefined) => !c || (c.value === null && !c.formula);
  const namesColumn = points > 1 && (lines > 1 ? Array.from({ length: lines - 1 }, (_, i) => i + 1).every((i) => isText(get(i, 0))) : isText(get(0, 0)));
  const corner = get(0, 0);
  const headerLine = lines > 1 && (blank(corner) || Array.from({ length: points - 1 }, (_, j) => get(0, j + 1)).every(isText));
  const first = namesColumn ? 1 : 0;
  const addr = (line: number, from: number, to: number) => {
    const a = byRows ? a1(r.row + line, r.col + from) : a1(r.row + from, r.col + line);
    const b = byRows ? a1(r.row + line, r.col + to) : a1(r.row + to, r.col + line);
    return `${sheet.name}!${a === b ? a : `${a}:${b}`}`;
  };
  const out: FakeSeries[] = [];
  for (let line = headerLine ? 1 : 0; line < lines; line++) {
    const nameCell = namesColumn ? get(line, 0) : undefined;
    out.push({
      name: nameCell && nameCell.value !== null ? String(nameCell.value) : `Série${out.length + 1}`,
      values: addr(line, first, points - 1),
      xValues: headerLine ? addr(0, first, points - 1) : null,
    });
  }
  return out;
}

/** Worksheet.pageLayout (ExcelApi 1.9): what the writer sets, recorded on the sheet. */
export class FakePageLayoutProxy {
  readonly headersFooters: { defaultForAllPages: { leftFooter: string; centerFooter: string; rightFooter: string } };
  constructor(private op: (description: string, run: (s: FakeSheet) => void) => void) {
    const footer = (key: "leftFooter" | "centerFooter" | "rightFooter") => ({
      get: () => notLoaded(`headersFooters.defaultForAllPages.${key}`),
      set: (text: string) => {
        if (typeof text !== "string" || text.length > 255) throw new FakeOfficeError("InvalidArgument", "pied de page de plus de 255 caractères");
        this.op(`pageLayout.${key} = ${text}`, (s) => (s.pageLayout[key] = text));
      },
      enumerable: true,
    });
    this.headersFooters = {
      defaultForAllPages: Object.defineProperties({} as { leftFooter: string; centerFooter: string; rightFooter: string }, {
        leftFooter: footer("leftFooter"),
        centerFooter: footer("centerFooter"),
        rightFooter: footer("rightFooter"),
      }),
    };
  }
  set paperSize(size: string) {
    this.op(`pageLayout.paperSize = ${size}`, (s) => (s.pageLayout.paperSize = size));
  }
  get paperSize(): string {
    return notLoaded("pageLayout.paperSize");
  }
  set orientation(o: string) {
    if (o !== "Portrait" && o !== "Landscape") throw new FakeOfficeError("InvalidArgument", `orientation invalide : ${o}`);
    this.op(`pageLayout.orientation = ${o}`, (s) => (s.pageLayout.orientation = o));
  }
  get orientation(): string {
    return notLoaded("pageLayout.orientation");
  }
  set zoom(z: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    const copy = { ...z };
    this.op(`pageLayout.zoom = ${JSON.stringify(copy)}`, (s) => (s.pageLayout.zoom = copy));
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return notLoaded("pageLayout.zoom");
  }
  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new FakeOfficeError("InvalidArgument", `lignes de titre invalides : ${rows}`);
    this.op(`pageLayout.setPrintTitleRows(${rows})`, (s) => (s.pageLayout.printTitleRows = rows));
  }
  /** PageLayout.setPrintArea (ExcelApi 1.9): an A1 range of the sheet. */
  setPrintArea(area: string): void {
    if (!/^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(area)) throw new FakeOfficeError("InvalidArgument", `zone d'impression invalide : ${area}`);
    this.op(`pageLayout.setPrintArea(${area})`, (s) => (s.pageLayout.printArea = area));
  }
}

// ---------------------------------------------------------------------------

export interface SheetSnapshot {
  name: string;
  id: string;
  cells: Record<string, FakeCell>;
  columnWidths: Record<string, number>;
  frozenRows: number;
  charts: FakeChart[];
  notes: Record<string, string>;
  pageLayout: FakePageLayout;
  validations: FakeValidation[];
}

export interface WorkbookSnapshot {
  active: string | null;
  sheets: SheetSnapshot[];
  names: FakeName[];
}

/** The fake Excel namespace: `run`, plus the workbook state and counters for tests. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  activeSheetId: string | null = null;
  /** context.sync() calls so far (all Excel.run together). */
  syncs = 0;
  /** Commands run so far. */
  operations = 0;
  /** Excel.run calls so far. */
  runs = 0;
  /** Descriptions of the commands that ran, in order. */
  log: string[] = [];
  /** The commands of each sync, as queued (including those that failed or were dropped). */
  syncLog: string[][] = [];
  calculations: string[] = [];
  calculationSuspensions = 0;
  screenSuspensions = 0;
  suspendedCalculation = false;
  suspendedScreenUpdating = false;
  /** Workbook-level names. */
  names: FakeName[] = [];
  /** Another workbook has the focus (see `loseFocusWhen`). */
  focusLost = false;
  focusLostAtRun = 0;
  private nextId = 1;

  constructor(public options: FakeExcelOptions = {}) {
    for (const name of options.sheets ?? ["Feuil1"]) this.createSheet(name);
    for (const n of options.names ?? []) this.names.push({ name: n.name, reference: n.reference, sheetId: null });
    this.activeSheetId = this.sheets[0]?.id ?? null;
    this.run = this.run.bind(this);
  }

  createSheet(name: string): FakeSheet {
    checkSheetName(name);
    if (this.findSheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${name})`);
    const id = `{${String(this.nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`;
    const s = new FakeSheet(id, name);
    this.sheets.push(s);
    return s;
  }

  /** A chart sheet holds this name (case-insensitive). */
  isChartSheetName(name: string): boolean {
    const k = name.toLocaleLowerCase();
    return (this.options.chartSheets ?? []).some((n) => n.toLocaleLowerCase() === k);
  }

  /** A sheet by name (case-insensitive, as Excel) or id. */
  findSheet(key: string): FakeSheet | undefined {
    const k = key.toLocaleLowerCase();
    return this.sheets.find((s) => s.name.toLocaleLowerCase() === k || s.id === key);
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`pas de feuille « ${name} » dans le faux classeur (feuilles : ${this.sheets.map((x) => x.name).join(", ")})`);
    return s;
  }

  get sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Excel.run: runs the batch with a new context; pending commands are synced at the end, as Office.js does. */
  async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    this.runs++;
    if (this.focusLost && this.options.focusReturnsAfterRuns !== undefined && this.runs - this.focusLostAtRun > this.options.focusReturnsAfterRuns) this.focusLost = false;
    const context = new FakeRequestContext(this);
    try {
      const result = await batch(context);
      if (context.pending > 0) await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  }

  /** A deep, JSON-comparable copy of the workbook's state. */
  snapshot(): WorkbookSnapshot {
    return {
      active: this.sheets.find((s) => s.id === this.activeSheetId)?.name ?? null,
      sheets: this.sheets.map((s) => ({
        name: s.name,
        id: s.id,
        cells: Object.fromEntries(
          [...s.cells.entries()]
            .map(([k, c]) => {
              const [r, col] = k.split(",").map(Number);
              return [a1(r, col), JSON.parse(JSON.stringify(c)) as FakeCell] as const;
            })
            .sort(([a], [b]) => a.localeCompare(b)),
        ),
        columnWidths: Object.fromEntries([...s.columnWidths.entries()].sort(([a], [b]) => a - b).map(([c, w]) => [columnName(c), w])),
        frozenRows: s.frozenRows,
        charts: JSON.parse(JSON.stringify(s.charts)) as FakeChart[],
        notes: Object.fromEntries([...s.notes.entries()].sort()),
        pageLayout: JSON.parse(JSON.stringify(s.pageLayout)) as FakePageLayout,
        validations: JSON.parse(JSON.stringify(s.validations)) as FakeValidation[],
      })),
      names: JSON.parse(JSON.stringify(this.names)) as FakeName[],
    };
  }
}
