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
 * matches). The fake does not calculate: `values` of a formula cell is null.
 *
 * No Node APIs: it is also bundled into the browser harness (tests/e2e).
 */

export type FakeScalar = number | string | boolean | null;

export interface FakeCell {
  value: FakeScalar;
  formula?: string;
  /** Written with Excel's text prefix (an apostrophe). */
  quotePrefix?: boolean;
  /** A string Excel would have converted (a date, a time): the fake keeps the text and flags it. */
  coerced?: "date" | "time";
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
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  charts: FakeChart[] = [];
  notes = new Map<string, string>();
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

function writeInput(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // null: leave the cell as it is
  delete cell.formula;
  delete cell.quotePrefix;
  delete cell.coerced;
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
    cell.value = null;
    return;
  }
  const t = input.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) {
    cell.value = Number(t);
    return;
  }
  if (/^[-+]?\d+(\.\d+)?%$/.test(t)) {
    cell.value = Number(t.slice(0, -1)) / 100;
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === "true";
    return;
  }
  cell.value = input;
  if (/^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/.test(t)) cell.coerced = "date";
  else if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(t)) cell.coerced = "time";
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
        op.run();
        excel.log.push(op.description);
      }
    } finally {
      excel.suspendedCalculation = false;
      excel.suspendedScreenUpdating = false;
    }
  }
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
  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollectionProxy(ctx);
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
      if (excel.findSheet(n)) throw new FakeOfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists. (${n})`);
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
    this.charts = {
      add: (type, sourceData, seriesBy = "Auto") => {
        let chart: FakeChart | null = null;
        const proxy = new FakeChartProxy(this.ctx, () => chart, `${this.path}.charts.add`);
        this.op(`charts.add(${type}, ${sourceData.addressText}, ${seriesBy})`, (s) => {
          const source = sourceData.resolveSheet();
          chart = { name: `Graphique ${s.charts.length + 1}`, type, source: `${source.name}!${sourceData.addressText}`, seriesBy, title: "" };
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
          } else writeInput(cell, v);
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
        else if (p === "values") this.loaded.set(p, grid((c) => (c?.formula ? null : (c?.value ?? ""))));
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
      set: (text: string) => this.ctx.enqueue(`chart.title.text = ${text}`, () => (chart().title = text)),
      enumerable: true,
    });
    this.setPosition = (start: string, end?: string) => {
      parseCellAddress(start);
      if (end !== undefined) parseCellAddress(end);
      this.ctx.enqueue(`chart.setPosition(${start}, ${end ?? ""})`, () => (chart().position = end === undefined ? { start } : { start, end }));
    };
  }
  setPosition: (startCell: string, endCell?: string) => void;
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
}

export interface WorkbookSnapshot {
  active: string | null;
  sheets: SheetSnapshot[];
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
  private nextId = 1;

  constructor(public options: FakeExcelOptions = {}) {
    for (const name of options.sheets ?? ["Feuil1"]) this.createSheet(name);
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
      })),
    };
  }
}
