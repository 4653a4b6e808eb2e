import fc from "fast-check";
import { divRound, mulRate, mulFraction, eurosToCents, eurosToCentsByText, formatEuros, rateFromDecimal, formatRate } from "../../src/money";
import {
  serialFromIso, isoFromSerial, addMonths, firstOfNextMonth, parseDateText, formatDateFr, serialFromYmd, MIN_SERIAL,
} from "../../src/dates";

describe("money: integer cents, rounded once, half away from zero (Excel ROUND, EU Reg. 1103/97)", () => {
  test("a tie rounds away from zero: 26,50 € × 75 % = 19,875 € → 19,88 € (seed 000, code 101032)", () => {
    expect(mulRate(2650, { num: 3, den: 4 })).toBe(1988);
  });
  test("negative ties round away from zero too", () => {
    expect(divRound(-5, 2)).toBe(-3);
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(-4, 2)).toBe(-2);
  });
  test("euros to cents reads the decimal Excel shows: 1,005 € → 1,01 €, 2,675 € → 2,68 €", () => {
    expect(eurosToCents(1.005)).toBe(101);
    expect(eurosToCents(2.675)).toBe(268);
    expect(eurosToCents(-1.005)).toBe(-101);
    expect(eurosToCents(32.84)).toBe(3284);
  });
  test("the fast path for amounts with at most two decimals gives what the decimal text gives, for any amount", () => {
    const amount = fc.oneof(
      fc.integer({ min: -1e11, max: 1e11 }).map((c) => c / 100), // cents
      fc.integer({ min: -1e11, max: 1e11 }).map((m) => m / 1000), // ties and thirds decimals (x,xx5)
      fc.integer({ min: -1e9, max: 1e9 }).map((m) => m / 1e6),
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
    );
    fc.assert(fc.property(amount, (x) => eurosToCents(x) === eurosToCentsByText(x)), { numRuns: 20_000 });
    for (const x of [0.1 + 0.2, 1.005, 2.675, 1.0049999999, 1.23999999999, 123456789.125, 1e12, -0.004, 0.005]) {
      expect({ x, cents: eurosToCents(x) }).toEqual({ x, cents: eurosToCentsByText(x) });
    }
  });
  test("rates parse exactly: 16.5% = 33/200, 0.75 = 3/4", () => {
    expect(rateFromDecimal("16.5%")).toEqual({ num: 33, den: 200 });
    expect(rateFromDecimal(0.75)).toEqual({ num: 3, den: 4 });
    expect(formatRate({ num: 33, den: 200 })).toBe("16,5 %");
  });
  test("French display groups thousands", () => {
    expect(formatEuros(425600)).toBe("4 256,00 €");
    expect(formatEuros(-1988)).toBe("-19,88 €");
  });
  test("property: divRound equals Math.round on |n|/d with the sign restored", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 10000 }), (n, d) => {
        const expected = Math.sign(n) * Math.round(Math.abs(n) / d);
        expect(divRound(n, d)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
  test("property: prorata by months sums to the whole within one cent per piece", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 0, max: 12 }), (cents, m) => {
        const a = mulFraction(cents, m, 12);
        const b = mulFraction(cents, 12 - m, 12);
        expect(Math.abs(a + b - cents)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("dates: Excel serials (1900 system)", () => {
  test("30/08/2025 is Excel serial 45899; 01/03/1900 is 61", () => {
    expect(serialFromIso("2025-08-30")).toBe(45899);
    expect(serialFromYmd(1900, 3, 1)).toBe(MIN_SERIAL);
    expect(isoFromSerial(45899)).toBe("2025-08-30");
  });
  test("EDATE semantics: 31/01/2024 + 1 month = 29/02/2024; + 13 months = 28/02/2025", () => {
    expect(isoFromSerial(addMonths(serialFromIso("2024-01-31"), 1))).toBe("2024-02-29");
    expect(isoFromSerial(addMonths(serialFromIso("2024-01-31"), 13))).toBe("2025-02-28");
    expect(isoFromSerial(addMonths(serialFromIso("2025-03-15"), -3))).toBe("2024-12-15");
  });
  test("first of next month, across a year end", () => {
    expect(isoFromSerial(firstOfNextMonth(serialFromIso("2025-12-05")))).toBe("2026-01-01");
  });
  test("text dates in French and ISO forms; impossible dates are null", () => {
    expect(parseDateText("30/08/2025")).toBe(45899);
    expect(parseDateText("2025-08-30")).toBe(45899);
    expect(parseDateText("31/02/2025")).toBeNull();
    expect(formatDateFr(45899)).toBe("30/08/2025");
  });
  test("property: ISO round trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: 2958465 }), (s) => {
        expect(serialFromIso(isoFromSerial(s))).toBe(s);
      }),
    );
  });
});
