/**
 * The speed-ups of the hot path (npm run bench) keep the behaviour: today's
 * date still changes at local midnight, whole euros convert as before, dated
 * lookups answer the same (now shared, frozen) objects, and the memo of
 * quarter names keeps successes only (an unknown name is refused every time).
 */
import fc from "fast-check";
import { installFakeCustomFunctions } from "../helpers/fake-custom-functions";
import { eurosToCents } from "../../src/money";
import { todaySerial, serialFromIso } from "../../src/dates";
import { params } from "../../src/params";
import { resolveQuartier } from "../../src/rules/quartiers";

installFakeCustomFunctions();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { currentToday } = require("../../functions/runtime") as typeof import("../../functions/runtime");

test("runtime: today is cached within a day and changes at local midnight", () => {
  const evening = new Date(2025, 7, 30, 23, 59, 59).getTime();
  expect(currentToday(evening)).toBe(todaySerial(new Date(evening)));
  expect(currentToday(evening)).toBe(serialFromIso("2025-08-30"));
  expect(currentToday(evening + 2000)).toBe(serialFromIso("2025-08-31"));
  // a clock set back (tests, time zones) is followed too
  expect(currentToday(new Date(2024, 0, 15, 12).getTime())).toBe(serialFromIso("2024-01-15"));
});

test("money: whole euros give the same cents as the decimal path (n × 100), signs and zero included", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e14, max: 1e14 }), (n) => {
      expect(eurosToCents(n)).toBe(n * 100 || 0);
      // the decimal path (a tenth of a cent, rounded away) agrees
      expect(eurosToCents(n + 0.001)).toBe(n * 100 || 0);
    }),
    { numRuns: 2000 },
  );
  expect(Object.is(eurosToCents(-0), 0)).toBe(true);
  expect(eurosToCents(12000)).toBe(1_200_000);
});

test("registry: a dated lookup answers the same frozen object each time, equal to its version", () => {
  const d = serialFromIso("2025-08-30");
  const a = params.at<number>("honoraire.101076", d);
  const b = params.at<number>("honoraire.101076", d);
  expect(a).toBe(b);
  expect(Object.isFrozen(a)).toBe(true);
  expect(a.value).toBe(a.version.value);
  expect(a.param).toBe(params.get("honoraire.101076"));
  expect(params.latest("stage.taux").version).toBe(params.get("stage.taux").versions.at(-1));
});

test("quarters: a resolved name is remembered; an unknown name is refused every time with its message", () => {
  const q = resolveQuartier("Cureghem Vétérinaire");
  expect(q.code).toBe(12);
  expect(resolveQuartier("Cureghem Vétérinaire")).toBe(q);
  for (let i = 0; i < 2; i++) expect(() => resolveQuartier("Nulle Part", "list")).toThrow(/« list » : quartier inconnu/);
});

test("runtime: error messages are cut exactly as before the fast path (whitespace folded, ≤ 250 characters)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { truncateMessage } = require("../../functions/runtime") as typeof import("../../functions/runtime");
  const reference = (message: string, max = 250): string => {
    const text = message.replace(/\s+/g, " ").trim();
    if (text.length <= max) return text;
    const cut = text.slice(0, max - 1);
    const space = cut.lastIndexOf(" ");
    return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "") + "…";
  };
  const piece = fc.oneof(fc.string(), fc.constantFrom(" ", "  ", "\n", "\t", "\u00a0", "\u202f", "é", "Code de nomenclature invalide"));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const message = parts.join("");
      expect(truncateMessage(message)).toBe(reference(message));
    }),
    { numRuns: 3000 },
  );
});
