/**
 * Coercion of Excel-like argument values (what a custom function receives:
 * numbers, strings, booleans, null for an omitted argument, 2-D arrays for
 * ranges) into typed values, with French #VALUE! messages.
 */
import { invalid } from "../errors";
import { MIN_SERIAL, MAX_SERIAL, parseDateText, type Serial } from "../dates";
import { eurosToCents, type Cents } from "../money";
import { matchWord } from "../text";

export type Cell = number | string | boolean | null | undefined | Cell[][];

/** A single cell given as a 1×1 range is read as its value. */
function scalar(v: Cell, name: string): Exclude<Cell, Cell[][]> {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && !Array.isArray(v[0][0])) return v[0][0] as Exclude<Cell, Cell[][]>;
    throw invalid(`« ${name} » : une seule valeur attendue, pas une plage.`);
  }
  return v;
}

/** Omitted: null, undefined or blank text (a range, even of blanks, is given). */
export function isMissing(v: Cell): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function show(v: unknown): string {
  if (typeof v === "string") return `« ${v.length > 40 ? v.slice(0, 40) + "…" : v} »`;
  return String(v);
}

/** A finite number; numeric text ("1 234,50", "1234.5") is accepted. */
export function num(v: Cell, name: string): number {
  const s = scalar(v, name);
  if (typeof s === "number") {
    if (!Number.isFinite(s)) throw invalid(`« ${name} » : nombre attendu.`);
    return s;
  }
  if (typeof s === "string") {
    const t = s.trim().replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "").replace(",", ".");
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  }
  if (s === null || s === undefined || s === "") throw invalid(`« ${name} » est requis.`);
  throw invalid(`« ${name} » : nombre attendu, reçu ${show(s)}.`);
}

export function optNum(v: Cell, name: string, fallback: number): number {
  return isMissing(v) ? fallback : num(v, name);
}

export function int(v: Cell, name: string, min: number, max: number): number {
  const n = num(v, name);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalid(`« ${name} » : nombre entier de ${min} à ${max} attendu, reçu ${show(n)}.`);
  }
  return n;
}

export function optInt(v: Cell, name: string, min: number, max: number, fallback: number): number {
  return isMissing(v) ? fallback : int(v, name, min, max);
}

/** A calendar year 1900–9999. */
export function year(v: Cell, name = "année"): number {
  return int(v, name, 1900, 9999);
}

/** Euros (≥ 0 unless `allowNegative`) to cents. */
export function euros(v: Cell, name: string, allowNegative = false): Cents {
  const n = num(v, name);
  if (!allowNegative && n < 0) throw invalid(`« ${name} » : montant positif attendu, reçu ${show(n)}.`);
  if (Math.abs(n) > 1e12) throw invalid(`« ${name} » : montant hors limites (${show(n)}).`);
  return eurosToCents(n);
}

/** An Excel date (serial number, 1900 system) or a date written as text. */
export function date(v: Cell, name: string): Serial {
  const s = scalar(v, name);
  if (typeof s === "number") {
    if (!Number.isFinite(s) || s < MIN_SERIAL || s > MAX_SERIAL) {
      throw invalid(`« ${name} » : date Excel attendue (numéro de série entre ${MIN_SERIAL} et ${MAX_SERIAL}), reçu ${show(s)}.`);
    }
    return Math.floor(s);
  }
  if (typeof s === "string") {
    const parsed = parseDateText(s);
    if (parsed !== null && parsed >= MIN_SERIAL && parsed <= MAX_SERIAL) return parsed;
  }
  if (s === null || s === undefined || s === "") throw invalid(`« ${name} » est requise.`);
  throw invalid(`« ${name} » : date attendue (par ex. 30/08/2025), reçu ${show(s)}.`);
}

/** A date, or `fallback` when omitted: a serial, or a context whose `today` is read only then. */
export function optDate(v: Cell, name: string, fallback: Serial | { readonly today: Serial }): Serial {
  if (!isMissing(v)) return date(v, name);
  return typeof fallback === "number" ? fallback : fallback.today;
}

/** TRUE/FALSE, 1/0, or VRAI/FAUX, WAAR/ONWAAR, OUI/NON, JA/NEE, YES/NO. */
export function bool(v: Cell, name: string): boolean {
  const s = scalar(v, name);
  if (typeof s === "boolean") return s;
  if (typeof s === "number" && (s === 0 || s === 1)) return s === 1;
  if (typeof s === "string") {
    const w = matchWord(s, BOOL_WORDS);
    if (w) return w === "true";
  }
  throw invalid(`« ${name} » : VRAI ou FAUX attendu, reçu ${show(s)}.`);
}

const BOOL_WORDS = {
  true: ["vrai", "oui", "waar", "ja", "yes", "1"],
  false: ["faux", "non", "onwaar", "nee", "no", "0"],
} as const satisfies Record<string, readonly string[]>;

export function optBool(v: Cell, name: string, fallback: boolean): boolean {
  return isMissing(v) ? fallback : bool(v, name);
}

/** Text (numbers are read as their digits). */
export function text(v: Cell, name: string): string {
  const s = scalar(v, name);
  if (typeof s === "string") {
    const t = s.trim();
    if (t !== "") return t;
  }
  if (typeof s === "number" && Number.isFinite(s)) return String(s);
  if (s === null || s === undefined || s === "") throw invalid(`« ${name} » est requis.`);
  throw invalid(`« ${name} » : texte attendu, reçu ${show(s)}.`);
}

/** An enumerated word in FR/NL/EN, case- and accent-insensitive. */
export function word<T extends string>(v: Cell, name: string, choices: Record<T, readonly string[]>): T {
  const t = text(v, name);
  const w = matchWord(t, choices);
  if (w === null) {
    throw invalid(`« ${name} » : ${show(t)} n'est pas reconnu ; valeurs possibles : ${Object.keys(choices).join(", ")}.`);
  }
  return w;
}

export function optWord<T extends string>(v: Cell, name: string, choices: Record<T, readonly string[]>, fallback: T): T {
  return isMissing(v) ? fallback : word(v, name, choices);
}

/** The non-empty cells of a range (or a single value): texts trimmed, finite numbers as they are. */
export function list(v: Cell): (string | number)[] {
  const out: (string | number)[] = [];
  listCells(v, out);
  return out;
}

function listCells(x: unknown, out: (string | number)[]): void {
  if (typeof x === "string") {
    const t = x.trim();
    if (t !== "") out.push(t);
  } else if (typeof x === "number" && Number.isFinite(x)) out.push(x);
  // Indexed loop: runs on every call with a range, before any optimisation.
  else if (Array.isArray(x)) for (let i = 0; i < x.length; i++) listCells(x[i], out);
}

