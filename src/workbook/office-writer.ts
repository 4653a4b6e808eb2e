/**
 * Office.js writer: applies a WorkbookPlan to the open Excel workbook.
 *
 * The only module of src/ that knows Office.js, and only its TYPES: the
 * `Excel` object is passed in (the real global in the task pane, an in-memory
 * fake in tests and in the browser harness).
 *
 * How it writes (see DESIGN.md §5, Microsoft's "Performance optimization using
 * the Excel JavaScript API"):
 *  1. sync 1 — load the names and ids of the existing sheets; choose new names
 *     that clash with none of them (`chooseSheetNames`: "Synthèse (2)"...).
 *     Every formula is resolved BEFORE anything is written: a bad plan fails
 *     with the workbook untouched.
 *  2. sync 2 — with API calculation and screen updating suspended: add the new
 *     sheets and write each of them with ONE range write of formulas/values,
 *     ONE number-format write, one format write per style used (multi-area
 *     ranges), column widths, frozen rows, notes, charts.
 *  3. sync 3 — recalculate (calculation was suspended, so Excel leaves it to
 *     us) and activate the first new sheet.
 * So a whole plan takes 3 `context.sync()` calls, whatever its size.
 *
 * Never destroys user data: nothing existing is written to. If anything fails
 * after the first sync, a new `Excel.run` removes exactly the sheets this
 * build added (same name AND an id that did not exist before) and the error is
 * rethrown in French, saying what happened.
 */
import type { CellPlan, ChartPlan, Scalar, SheetPlan, WorkbookPlan } from "./plan";
import { address, chooseSheetNames, columnLetter, isValidSheetName, resolveFormula } from "./plan";
import { STYLE_LOOKS, STYLE_ORDER, columnWidthPoints } from "./styles";

// ---------------------------------------------------------------------------
// The subset of the Excel JavaScript API used here (checked against the real
// @types/office-js below), so that a small fake can stand in for Excel.

export interface RangeFormatLike {
  fill: { color: string };
  font: { bold: boolean; italic: boolean; color: string; size: number };
  columnWidth: number;
}

export interface RangeLike {
  formulas: unknown[][];
  numberFormat: unknown[][];
  format: RangeFormatLike;
}

export interface RangeAreasLike {
  format: RangeFormatLike;
}

export interface ChartLike {
  title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
}

export interface WorksheetLike {
  readonly name: string;
  readonly id: string;
  getRange(address?: string): RangeLike;
  getRanges(address?: string): RangeAreasLike;
  freezePanes: { freezeRows(count?: number): void };
  charts: { add(type: "ColumnClustered" | "Line", sourceData: RangeLike, seriesBy?: "Auto" | "Columns" | "Rows"): ChartLike };
  notes: { add(cellAddress: string, content: string): unknown };
  activate(): void;
  delete(): void;
}

export interface WorksheetCollectionLike {
  readonly items: WorksheetLike[];
  load(propertyNames?: string): unknown;
  add(name?: string): WorksheetLike;
}

export interface ApplicationLike {
  suspendApiCalculationUntilNextSync(): void;
  suspendScreenUpdatingUntilNextSync(): void;
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void;
}

export interface RequestContextLike {
  readonly workbook: { readonly worksheets: WorksheetCollectionLike };
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

export type WriteStep = "read" | "write" | "calculate" | "done" | "rollback";

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
}

export interface WriteResult {
  /** Real sheet name for each plan key. */
  names: Record<string, string>;
  /** Names of the sheets created, in plan order. */
  created: string[];
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
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, "-")
    .replace(/^[\s']+|[\s']+$/g, "")
    .slice(0, 31)
    .replace(/[\s']+$/, "");
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

export function needsTextPrefix(text: string): boolean {
  const t = text.trim();
  if (t === "") return text !== "";
  if (/^[=+\-@']/.test(t)) return true;
  // Only digits, separators, currency/percent signs: Excel would parse a number, a date or a time.
  if (/^[\d\s.,:/%€$()]+$/.test(t) && /\d/.test(t)) return true;
  // Scientific notation ("1e5"), booleans and error literals in any Excel language we serve.
  if (/^\d+([.,]\d+)?e[+-]?\d+$/i.test(t)) return true;
  if (/^(true|false|vrai|faux|waar|onwaar)$/i.test(t)) return true;
  if (/^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)$/i.test(t)) return true;
  // A month name with a number ("mars 2025", "Jan-25", "1 janv"): Excel may read a date.
  if (DAY_MONTH.test(t) || MONTH_YEAR.test(t)) return true;
  return false;
}

/** The value written through `range.formulas` for one planned cell. */
export function cellInput(cell: CellPlan | null | undefined, names: Map<string, string>, where = ""): Scalar {
  if (!cell) return "";
  if (cell.formula !== undefined) {
    if (!cell.formula.startsWith("=")) throw new Error(`formule sans « = » en ${where} : ${cell.formula}`);
    return resolveFormula(cell.formula, names);
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
  charts: { type: "ColumnClustered" | "Line"; range: string; seriesBy: "Rows" | "Columns"; title: string; start: string; end: string }[];
}

/** Resolves every cell of a sheet (pure: runs before anything is written). */
export function prepareSheet(sheet: SheetPlan, names: Map<string, string>): PreparedSheet {
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
      f.push(cellInput(cell, names, `${name}!${address(r, c)}`));
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
  const charts = (sheet.charts ?? []).map((c) => {
    const { row, col } = parseCell(c.anchor);
    return {
      type: CHART_TYPES[c.kind],
      range: c.range,
      seriesBy: c.seriesBy === "rows" ? ("Rows" as const) : ("Columns" as const),
      title: c.title,
      start: c.anchor,
      end: address(row + 17, col + 7),
    };
  });
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
  };
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
  const m = /^([A-Z]{1,3})(\d+)$/.exec(a1.trim().toUpperCase());
  if (!m) throw new Error(`adresse de cellule invalide : ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Queues the writes of one sheet (no sync here). */
function queueSheet(ws: WorksheetLike, s: PreparedSheet, options: WriteOptions): void {
  if (s.area) {
    const range = ws.getRange(s.area);
    range.formulas = s.formulas;
    range.numberFormat = s.numberFormats;
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
    const chart = ws.charts.add(c.type, ws.getRange(c.range), c.seriesBy);
    chart.title.text = c.title;
    chart.setPosition(c.start, c.end);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

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
  const report = (step: WriteStep, message: string, fraction: number) => onProgress?.({ step, message, fraction });
  let syncs = 0;
  let existingIds: Set<string> | null = null;
  let names = new Map<string, string>();

  try {
    return await excel.run(async (context) => {
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      const worksheets = context.workbook.worksheets;
      report("read", "Lecture des feuilles existantes…", 0.05);
      worksheets.load("items/name,items/id");
      await sync();
      existingIds = new Set(worksheets.items.map((w) => w.id));
      names = chooseSheetNames(
        { sheets: plan.sheets.map((sheet) => ({ ...sheet, name: sanitizeSheetName(sheet.name) })) },
        worksheets.items.map((w) => w.name),
      );
      let prepared: PreparedSheet[];
      try {
        prepared = plan.sheets.map((s) => prepareSheet(s, names));
      } catch (e) {
        existingIds = null; // nothing was written: nothing to remove
        throw new WriteError(`Plan invalide : ${describe(e)}. Rien n'a été écrit.`, e);
      }

      report("write", `Écriture de ${prepared.length} feuilles…`, 0.2);
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      const added = prepared.map((s) => worksheets.add(s.name));
      prepared.forEach((s, i) => queueSheet(added[i], s, options));
      await sync();

      report("calculate", "Recalcul du classeur…", 0.8);
      context.application.calculate("Full");
      const activateKey = options.activate && names.has(options.activate) ? options.activate : prepared[0].key;
      added[prepared.findIndex((s) => s.key === activateKey)].activate();
      await sync();

      report("done", "Terminé.", 1);
      const out: Record<string, string> = {};
      for (const [k, v] of names) out[k] = v;
      return { names: out, created: prepared.map((s) => s.name), syncs };
    });
  } catch (error) {
    if (error instanceof WriteError && existingIds === null) throw error;
    if (existingIds === null) {
      throw new WriteError(`Impossible de lire le classeur : ${describe(error)}. Rien n'a été modifié.`, error);
    }
    report("rollback", "Échec : suppression des feuilles ajoutées…", 1);
    const ours = new Set([...names.values()].map((n) => n.toLocaleLowerCase()));
    const before = existingIds as Set<string>;
    let removed: string[] = [];
    let leftOver: string[] = [];
    try {
      removed = await excel.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name,items/id");
        await context.sync();
        const mine = worksheets.items.filter((w) => !before.has(w.id) && ours.has(w.name.toLocaleLowerCase()));
        for (const w of mine) w.delete();
        if (mine.length > 0) await context.sync();
        return mine.map((w) => w.name);
      });
    } catch (cleanupError) {
      leftOver = [...names.values()];
      throw new WriteError(
        `La création du classeur a échoué (${describe(error)}) et les feuilles ajoutées n'ont pas pu être supprimées ` +
          `(${describe(cleanupError)}). Vos feuilles existantes n'ont pas été modifiées ; supprimez à la main celles-ci si elles existent : ${leftOver.join(", ")}.`,
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
    throw new WriteError(
      `La création du classeur a échoué : ${describe(error)}. Le classeur est revenu à son état initial : ${what} ; vos feuilles existantes n'ont pas été modifiées.`,
      error,
    );
  }
}
