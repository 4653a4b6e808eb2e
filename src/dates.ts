/**
 * Dates as Excel serial numbers (1900 date system) internally: a day is an
 * integer, comparisons are number comparisons, and cells need no conversion.
 * Serial 1 = 1900-01-01; Excel's fictitious 1900-02-29 is serial 60, so every
 * real date from 1900-03-01 (serial 61) is days since 1899-12-30.
 */

export type Serial = number;

const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);
/** First serial this product accepts: 1900-03-01 (before it Excel's calendar is wrong). */
export const MIN_SERIAL = 61;
/** Last serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2_958_465;

export function serialFromYmd(year: number, month: number, day: number): Serial {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_UTC) / MS_PER_DAY);
}

export function ymdFromSerial(serial: Serial): { year: number; month: number; day: number } {
  const d = new Date(EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2025-08-30" -> serial; throws RangeError on a malformed or impossible date. */
export function serialFromIso(iso: string): Serial {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`date ISO attendue (AAAA-MM-JJ) : ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(y, mo, d)) throw new RangeError(`date impossible : ${iso}`);
  return serialFromYmd(y, mo, d);
}

export function isoFromSerial(serial: Serial): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

/** French display dd/mm/yyyy. */
export function formatDateFr(serial: Serial): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** "30/08/2025", "30.08.2025", "2025-08-30" -> serial, or null when not a date. */
export function parseDateText(text: string): Serial | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return ymdOrNull(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return ymdOrNull(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

function ymdOrNull(y: number, mo: number, d: number): Serial | null {
  return isValidYmd(y, mo, d) ? serialFromYmd(y, mo, d) : null;
}

export function todaySerial(now: Date = new Date()): Serial {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function yearOf(serial: Serial): number {
  return ymdFromSerial(serial).year;
}

export function addDays(serial: Serial, days: number): Serial {
  return serial + days;
}

/**
 * Adds calendar months; a day that does not exist in the target month is
 * clamped to its last day (31/01 + 1 month = 28/02 or 29/02), as Excel's EDATE.
 */
export function addMonths(serial: Serial, months: number): Serial {
  const { year, month, day } = ymdFromSerial(serial);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return serialFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Adds calendar years (29/02 + 1 year = 28/02), as EDATE(date; 12 × years). */
export function addYears(serial: Serial, years: number): Serial {
  return addMonths(serial, 12 * years);
}

/** First day of the month following the given date. */
export function firstOfNextMonth(serial: Serial): Serial {
  const { year, month } = ymdFromSerial(serial);
  return month === 12 ? serialFromYmd(year + 1, 1, 1) : serialFromYmd(year, month + 1, 1);
}

const yearStarts = new Map<number, Serial>();

/** 1 January of `year` (memoised: yearly lookups are on the hot path). */
export function startOfYear(year: number): Serial {
  let s = yearStarts.get(year);
  if (s === undefined) {
    s = serialFromYmd(year, 1, 1);
    yearStarts.set(year, s);
  }
  return s;
}

/** 31 December of `year`. */
export function endOfYear(year: number): Serial {
  return startOfYear(year + 1) - 1;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
