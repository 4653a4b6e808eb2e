/**
 * The one adapter between Excel custom functions (functions/functions.ts,
 * generated) and the rules catalog (src/catalog).
 *
 * - Excel passes null for an omitted optional argument: the catalog reads null
 *   as "omitted". A repeating argument (a JS array) reaches the catalog as one
 *   row of values (a 1×n range).
 * - A RuleError becomes a CustomFunctions.Error: invalid -> #VALUE!
 *   (invalidValue), unknown -> #N/A (notAvailable), with the message in Dutch
 *   when Office runs in Dutch and a Dutch text exists, else in French.
 * - Any other exception becomes #VALUE! with a French message: a cell never
 *   shows an uncaught exception or NaN.
 * - A date (MG.ACCREDITATION.DATE, MG.ECHEANCE) is returned as a formatted
 *   number value { type: "Double", basicValue: serial, numberFormat:
 *   "dd/mm/yyyy" } where the host supports CustomFunctionsRuntime 1.4
 *   (Microsoft, "Use data types with custom functions in Excel", "Output a
 *   formatted number"), so the cell shows 01/11/2025; elsewhere the plain
 *   serial (45962), which the user formats as a date. Serials are of the 1900
 *   date system (Excel's default).
 * - The quarter boundaries (MG.QUARTIER) are not in this bundle: the first
 *   call that needs them loads src/data/quartiers-limites.json as a separate
 *   file of the add-in (webpack chunk quartiers-limites.js, same folder and
 *   origin as functions.js) and answers with a Promise; later calls answer at
 *   once. If the file cannot be loaded: #N/A saying so, and the next
 *   recalculation tries again.
 * - The user's kept data (parameter files, pénurie list: ./user-data) is
 *   read from OfficeRuntime.storage at start-up; a cell called before that
 *   read has answered waits for it (a Promise), so it never shows a
 *   built-in figure the user replaced.
 */
import { catalog, evaluate, type Cell, type CellResult, type EvalContext } from "../src/catalog";
import { DATE_RESULTS } from "../src/catalog/practice-and-deadlines";
import { isDataPending, isRuleError, type DeferredData, type Lang } from "../src/errors";
import { todaySerial, type Serial } from "../src/dates";
import { provideLimits, type QuartierLimits } from "../src/rules/quartiers";
import { publishBridge, startUserDataLoad, userDataPending, whenUserDataLoaded } from "./user-data";

// The user's kept parameter files and pénurie list (OfficeRuntime.storage):
// read once at start-up; cells wait for that read (see ./user-data).
publishBridge();
void startUserDataLoad();

/** Excel truncates long custom error messages; keep ours readable. */
export const MAX_ERROR_MESSAGE = 250;

/** The last Office language tag read, and the language it gives (read on every call, decided once). */
let seenLanguage: string | undefined;
let seenLang: Lang = "fr";

/** The Office UI language: "nl" for Dutch, else "fr" (French is the default). */
export function officeLanguage(): Lang {
  let language: string;
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const ctx = office?.context;
    language = ctx?.displayLanguage || ctx?.contentLanguage || "";
  } catch {
    return "fr";
  }
  if (language !== seenLanguage) {
    seenLanguage = language;
    seenLang = typeof language === "string" && language.toLowerCase().startsWith("nl") ? "nl" : "fr";
  }
  return seenLang;
}

/** Whitespace that truncateMessage rewrites: leading/trailing, doubled, or other than a plain space. */
const MESSY_SPACE = /^\s|\s$|\s\s|[^\S ]/;

/** Cuts a message to `max` characters at a word boundary, with an ellipsis. */
export function truncateMessage(message: string, max = MAX_ERROR_MESSAGE): string {
  // Most messages are short, single-spaced lines: nothing to rewrite.
  if (message.length <= max && !MESSY_SPACE.test(message)) return message;
  const text = message.replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "") + "…";
}

/** Excel's arguments as catalog cells, in place (the array is the one the generated wrapper just built). */
function toCells(args: unknown[]): Cell[] {
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    // numbers, texts, booleans and null (the usual arguments) pass as they are
    if (v === undefined || (typeof v === "object" && v !== null)) args[i] = toCell(v);
  }
  return args as Cell[];
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) {
    // A range of plain values (the usual case) is passed as it is.
    if (isPlainRange(value)) return value as Cell;
    // A range (2-D), a repeating parameter (1-D, read as one row) or repeating ranges (3-D, rows joined).
    if (value.every((row) => Array.isArray(row))) {
      const rows = value as unknown[][];
      if (rows.every((row) => row.every((c) => Array.isArray(c)))) {
        return (rows as unknown as unknown[][][]).flatMap((range) => range.map((row) => row.map(scalarOf)));
      }
      return rows.map((row) => row.map(scalarOf));
    }
    return [value.map(scalarOf)];
  }
  return scalarOf(value);
}

/** A 2-D array of numbers, texts, booleans and nulls only. */
function isPlainRange(value: unknown[]): boolean {
  // Indexed loops: this runs on every call with a range, before any optimisation.
  for (let i = 0; i < value.length; i++) {
    const row = value[i];
    if (!Array.isArray(row)) return false;
    for (let j = 0; j < row.length; j++) {
      const c: unknown = row[j];
      if (c === undefined || (typeof c === "object" && c !== null)) return false;
    }
  }
  return true;
}

/** Values Excel may send inside ranges (entities, errors) are read as text or empty. */
function scalarOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.length ? scalarOf(value[0]) : null;
  if (typeof value === "object" && "basicValue" in (value as object)) {
    return scalarOf((value as { basicValue: unknown }).basicValue);
  }
  return String(value);
}

/**
 * Errors already made, by code and message: a column of the same #N/A throws
 * the same CustomFunctions.Error (Excel reads only its code and message),
 * instead of cutting the message and capturing a stack trace for every cell.
 */
const madeErrors = new Map<string, CustomFunctions.Error>();
const MAX_MADE_ERRORS = 256;

function excelError(code: CustomFunctions.ErrorCode, message: string): CustomFunctions.Error {
  const key = `${code}\u0000${message}`;
  let error = madeErrors.get(key);
  if (error === undefined) {
    error = new CustomFunctions.Error(code, truncateMessage(message));
    if (madeErrors.size >= MAX_MADE_ERRORS) madeErrors.clear();
    madeErrors.set(key, error);
  }
  return error;
}

/**
 * Today's serial, recomputed only after local midnight: `new Date()` and its
 * local-time getters cost more than a whole rule evaluation.
 */
let todayCache: { serial: Serial; until: number } = { serial: 0, until: -Infinity };
export function currentToday(now: number = Date.now()): Serial {
  if (now >= todayCache.until || now < todayCache.until - 86_400_000 * 2) {
    const d = new Date(now);
    todayCache = { serial: todaySerial(d), until: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() };
  }
  return todayCache.serial;
}

/** One context per language; `today` is read only by the functions that default a date to today. */
const contexts: Record<Lang, EvalContext> = {
  fr: { lang: "fr", get today() { return currentToday(); } },
  nl: { lang: "nl", get today() { return currentToday(); } },
  en: { lang: "en", get today() { return currentToday(); } },
} as Record<Lang, EvalContext>;

/** Functions whose number is a date (shown formatted where the host allows). */
const DATE_IDS = new Set(catalog.filter((f) => DATE_RESULTS.has(f.id)).map((f) => f.id));

/** The number format of a returned date. */
export const DATE_FORMAT = "dd/mm/yyyy";

/** CustomFunctionsRuntime 1.4 (formatted number values), asked once Office can tell. */
let formattedNumbers: boolean | undefined;
export function supportsFormattedNumbers(): boolean {
  if (formattedNumbers !== undefined) return formattedNumbers;
  try {
    const req = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
    if (!req) return false; // not known yet (or no Office): plain serials, ask again next time
    formattedNumbers = req.isSetSupported("CustomFunctionsRuntime", "1.4");
  } catch {
    return false;
  }
  return formattedNumbers;
}

/** For tests: forget what the host said. */
export function resetHostSupport(): void {
  formattedNumbers = undefined;
}

/** A date serial as Excel shows it best: a formatted number value, or the serial. */
function dateValue(serial: number): CellResult {
  return supportsFormattedNumbers() ? ({ type: "Double", basicValue: serial, numberFormat: DATE_FORMAT } as unknown as CellResult) : serial;
}

/** The functions declared as returning a matrix (a spilled range). */
const MATRIX_IDS = new Set(catalog.filter((f) => f.result === "matrix").map((f) => f.id));

/** Each deferred data: what it is called in messages, and how it is loaded (a separate file of the add-in, fetched once). */
const DEFERRED: Record<DeferredData, { name: string; load: () => Promise<void> }> = {
  "quartiers-limites": {
    name: "les limites des quartiers (quartiers-limites.js)",
    load: () =>
      import(/* webpackChunkName: "quartiers-limites" */ "../src/data/quartiers-limites.json").then((m: { default?: QuartierLimits } & QuartierLimits) => provideLimits(m.default ?? m)),
  },
};

/** Loads in progress or done; a failed load is forgotten so that the next call tries again. */
const loads = new Map<DeferredData, Promise<void>>();

function load(data: DeferredData): Promise<void> {
  let p = loads.get(data);
  if (!p) {
    p = DEFERRED[data].load().catch((e: unknown) => {
      loads.delete(data);
      throw e;
    });
    loads.set(data, p);
  }
  return p;
}

/**
 * Evaluates catalog function `id` with the raw Excel arguments. Throws
 * CustomFunctions.Error; returns a Promise (rejected with a
 * CustomFunctions.Error on refusal) when deferred data must load first.
 */
export function call(id: string, args: unknown[]): CellResult | Promise<CellResult> {
  if (userDataPending()) return whenUserDataLoaded().then(() => evaluateCell(id, args, true));
  return evaluateCell(id, args, true);
}

/**
 * One try/catch for the whole cell (each rethrow costs a column of #N/A
 * time). With `mayLoad`, missing deferred data is loaded and the cell
 * evaluated once more; without, it is #N/A saying what is missing.
 */
function evaluateCell(id: string, args: unknown[], mayLoad: boolean): CellResult | Promise<CellResult> {
  const lang = officeLanguage();
  let value: CellResult;
  try {
    value = evaluate(id, toCells(args), contexts[lang] ?? contexts.fr).value;
  } catch (e) {
    if (mayLoad && isDataPending(e)) return loadAndEvaluate(id, args, e.data);
    throw toExcelError(id, e, lang);
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw excelError(CustomFunctions.ErrorCode.invalidValue, `MG.${id} : résultat non numérique.`);
  }
  // A function declared as returning a matrix always gives Excel a 2-D array.
  if (!Array.isArray(value) && MATRIX_IDS.has(id)) return [[value]];
  if (typeof value === "number" && DATE_IDS.has(id)) return dateValue(value);
  return value;
}

function loadAndEvaluate(id: string, args: unknown[], data: DeferredData): Promise<CellResult> {
  return load(data).then(
    () => evaluateCell(id, args, false),
    (err: unknown) => {
      const detail = err instanceof Error ? err.message : String(err);
      throw excelError(CustomFunctions.ErrorCode.notAvailable, `MG.${id} : impossible de charger ${DEFERRED[data].name} (${detail}) ; recalculez pour réessayer.`);
    },
  );
}

/** A refusal as Excel shows it: invalid -> #VALUE!, unknown -> #N/A; anything else is #VALUE! with a French message. */
function toExcelError(id: string, e: unknown, lang: Lang): CustomFunctions.Error {
  if (isRuleError(e)) {
    const code = e.kind === "unknown" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return excelError(code, e.messageIn(lang));
  }
  if (isDataPending(e)) return excelError(CustomFunctions.ErrorCode.notAvailable, `MG.${id} : ${e.message}`);
  const detail = e instanceof Error ? e.message : String(e);
  return excelError(CustomFunctions.ErrorCode.invalidValue, `MG.${id} : erreur inattendue (${detail}).`);
}
