/**
 * Money in integer cents. Every multiplication by a rate is exact (rates are
 * rationals) and rounded once, half away from zero, like Excel's ROUND and
 * EU Regulation 1103/97.
 */

/** An amount in euro cents (an integer). */
export type Cents = number;

/** An exact rate num/den (den > 0). 75 % = {num: 3, den: 4}. */
export interface Rate {
  readonly num: number;
  readonly den: number;
}

/** Integer division of n by d (d > 0), rounded half away from zero. */
export function divRound(n: number, d: number): number {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0) {
    throw new RangeError(`divRound: entiers attendus (${n} / ${d})`);
  }
  const q = Math.floor((2 * Math.abs(n) + d) / (2 * d));
  return n < 0 && q !== 0 ? -q : q;
}

/** cents × rate, rounded once to the cent, half away from zero. */
export function mulRate(cents: Cents, rate: Rate): Cents {
  return divRound(cents * rate.num, rate.den);
}

/** cents × (num/den) for a plain fraction (prorata of months, shares). */
export function mulFraction(cents: Cents, num: number, den: number): Cents {
  return divRound(cents * num, den);
}

/**
 * Euros (a JS number such as 24.63 or a user's 1234.5678) to cents, rounded
 * half away from zero. Uses the decimal representation to avoid binary
 * artefacts (1.005 is 1.01, as Excel's ROUND(1.005;2) gives).
 */
export function eurosToCents(euros: number): Cents {
  if (!Number.isFinite(euros)) throw new RangeError("montant non fini");
  const abs = Math.abs(euros);
  // Amounts with at most two decimals (the usual input: 12000, 9000.5, 24.63):
  // ×100 lands within float noise of the whole number of cents, no rounding
  // decision to make. The same result as the decimal path below, without text.
  const scaled = abs * 100;
  const whole = Math.round(scaled);
  if (whole < 1e15 && Math.abs(scaled - whole) < 1e-7) return (euros < 0 ? -whole : whole) || 0;
  return eurosToCentsByText(euros);
}

/** eurosToCents through the decimal text Excel would display (every amount; the reference of the fast path). */
export function eurosToCentsByText(euros: number): Cents {
  if (!Number.isFinite(euros)) throw new RangeError("montant non fini");
  const sign = euros < 0 ? -1 : 1;
  const abs = Math.abs(euros);
  // toPrecision(15) gives the decimal Excel would display; then round at 2 decimals.
  const text = Number(abs.toPrecision(15)).toFixed(10);
  const [int, frac = ""] = text.split(".");
  const padded = (frac + "000").slice(0, 3);
  let cents = Number(int) * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) cents += 1;
  return sign * cents || 0;
}

/** Cents to euros as a JS number (for a cell). Exact to the cent in display. */
export function centsToEuros(cents: Cents): number {
  return cents / 100;
}

/** French display: 4 256,00 € (narrow no-break space avoided for plain text). */
export function formatEuros(cents: Cents): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const int = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, "0");
  const grouped = String(int).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${sign}${grouped},${frac} €`;
}

/** French display of a rate: 75 %, 16,5 %. */
export function formatRate(rate: Rate): string {
  const pct = (rate.num * 100) / rate.den;
  const text = Number(pct.toPrecision(12)).toString().replace(".", ",");
  return `${text} %`;
}

/** Parse a decimal rate written as "0.75", "16.5%" or a number into an exact rational. */
export function rateFromDecimal(value: number | string): Rate {
  let text = typeof value === "number" ? String(value) : value.trim();
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`taux illisible : ${value}`);
  const [int, frac = ""] = text.split(".");
  let den = 10 ** frac.length;
  let num = Number(int + frac);
  if (percent) den *= 100;
  const g = gcd(Math.abs(num), den);
  num /= g;
  den /= g;
  return { num, den };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a || 1;
}
