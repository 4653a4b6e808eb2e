/**
 * R11 (seed 001; RULES.md public sources): quartiers en pénurie. The official
 * list of the arrêté ministériel of 13 May 2019 is not encoded: without a
 * list the answer is #N/A naming the arrêté; with a list, TRUE/FALSE.
 */
import fc from "fast-check";
import { isPenurie, resolveList } from "../../src/rules/penurie";
import { params } from "../../src/params";
import { serialFromIso } from "../../src/dates";
import { evaluate } from "../../src/catalog";
import { RuleError } from "../../src/errors";
import { refusal } from "../helpers/refusal";

const d = serialFromIso;
const ctx = { today: d("2025-09-01"), lang: "fr" as const };


describe("R11 (seed 001): the built-in list of quartiers en pénurie stays empty, with its legal basis", () => {
  test("the parameter is a dated, sourced, empty set", () => {
    const p = params.get<string[]>("penurie.quartiers");
    expect(p.kind).toBe("set");
    expect(p.family).toBe("penurie");
    for (const v of p.versions) expect(v.value).toEqual([]);
    const found = params.at<string[]>("penurie.quartiers", d("2025-09-01"));
    const titles = found.version.sources.map((s) => s.title).join(" | ");
    expect(titles).toMatch(/13 mai 2019/);
    expect(titles).toMatch(/2019012722/);
    expect(titles).toMatch(/19\/12\/2024/);
    expect(found.version.sources.some((s) => s.url === "https://etaamb.openjustice.be/fr/arrete-ministeriel-du-13-mai-2019_n2019012722.html")).toBe(true);
    expect(found.version.sources.some((s) => s.seed === "001_38c2d1dc6a241e9a.txt")).toBe(true);
    const note = found.version.note ?? "";
    for (const commune of ["Anderlecht", "Berchem-Sainte-Agathe", "Bruxelles-Ville", "Forest", "Koekelberg", "Molenbeek-Saint-Jean", "Saint-Josse-ten-Noode", "Woluwe-Saint-Lambert"]) {
      expect(note).toContain(commune);
    }
    expect(note).toMatch(/trentaine/);
  });

  test("without a list: #N/A naming the arrêté of 13 May 2019 and how to pass the official list", () => {
    const e = refusal(() => isPenurie(12, d("2025-09-01")));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/arrêté ministériel du 13 mai 2019/);
    expect(e.message).toMatch(/numac 2019012722/);
    expect(e.message).toMatch(/art\. 19/);
    expect(e.message).toMatch(/3e argument/);
    expect(e.messageIn("nl")).toMatch(/3e argument/);
    // Same through the catalog, with the date omitted (today).
    expect(() => evaluate("IS.PENURIE", ["Cureghem Vétérinaire"], ctx)).toThrow(/13 mai 2019/);
  });

  test("without a list, before the arrêté was published (13/06/2019): #N/A, no known list at that date", () => {
    const e = refusal(() => isPenurie(12, d("2018-01-01")));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/Pas de valeur connue/);
    expect(e.message).toMatch(/01\/01\/2018/);
  });

  test("the quarter is still checked first: an unknown quarter is #VALUE!, not #N/A", () => {
    expect(refusal(() => isPenurie("Atlantis", d("2025-09-01"))).kind).toBe("invalid");
  });
});

describe("R11: MG.IS.PENURIE with the list passed as a range", () => {
  const range = [[11], ["Cureghem Vétérinaire"], ["KUREGEM DAUW"], [null], ["  "]];

  test("a quarter in the list (by code or by name) is TRUE, with the condition met", () => {
    const r = evaluate("IS.PENURIE", [12, 45900, range], ctx);
    expect(r.value).toBe(true);
    expect(r.conditions?.[0]).toMatchObject({ id: "quartier-en-penurie", status: "met" });
    expect(evaluate("IS.PENURIE", ["kuregem bara", null, range], ctx).value).toBe(true);
    expect(evaluate("IS.PENURIE", ["13", null, range], ctx).value).toBe(true);
  });

  test("a quarter not in the list is FALSE, with the condition not met", () => {
    const r = evaluate("IS.PENURIE", ["Grand Place", null, range], ctx);
    expect(r.value).toBe(false);
    expect(r.conditions?.[0].status).toBe("not_met");
    expect(r.steps.join(" ")).toMatch(/ne figure pas/);
  });

  test("the explanation lists the codes used, the date and the legal basis", () => {
    const r = isPenurie(12, d("2025-09-01"), ["11", 12, "Cureghem Rosée"]);
    const text = r.steps.join(" ");
    expect(text).toContain("codes 11, 12, 13");
    expect(text).toContain("01/09/2025");
    expect(text).toMatch(/13 mai 2019/);
    expect(r.sources.some((s) => /Monitoring des Quartiers/.test(s.title))).toBe(true);
    expect(r.sources.some((s) => /2019012722/.test(s.title))).toBe(true);
  });

  test("dates: an Excel serial, a date text, or today when omitted; a bad date is #VALUE!", () => {
    expect(evaluate("IS.PENURIE", [12, "01/09/2025", range], ctx).steps.join(" ")).toContain("01/09/2025");
    expect(evaluate("IS.PENURIE", [12, null, range], ctx).steps.join(" ")).toContain("01/09/2025");
    expect(evaluate("IS.PENURIE", [12, d("2024-03-15"), range], ctx).steps.join(" ")).toContain("15/03/2024");
    expect(() => evaluate("IS.PENURIE", [12, "demain", range], ctx)).toThrow(/date/);
    expect(() => evaluate("IS.PENURIE", [12, -5, range], ctx)).toThrow(/date/);
  });

  test("bad entries in the list are #VALUE! naming each of them", () => {
    const e = refusal(() => evaluate("IS.PENURIE", [12, null, [[11], ["Cureghem"], ["Atlantis"], [999]]], ctx));
    expect(e.kind).toBe("invalid");
    expect(e.message).toContain("« Cureghem »");
    expect(e.message).toContain("« Atlantis »");
    expect(e.message).toContain("« 999 »");
    expect(e.message).not.toContain("« 11 »");
    expect(e.message).toMatch(/3 entrée\(s\) non reconnue\(s\)/);
  });

  test("a range with no code nor name is #VALUE!, not silently FALSE", () => {
    expect(refusal(() => evaluate("IS.PENURIE", [12, null, [[null], [""]]], ctx)).kind).toBe("invalid");
  });

  test("duplicates in the list count once", () => {
    expect(resolveList([12, "12", "Kuregem Veeartsenij"]).map((q) => q.code)).toEqual([12]);
  });
});

describe("R11 properties (fast-check): MG.IS.PENURIE never crashes", () => {
  test("any quarter, date and list: a boolean, or #VALUE!/#N/A", () => {
    const cell = fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.string(), fc.constantFrom("Sablon", "ZAVEL", "12", "Cureghem"), fc.constant(null), fc.double());
    const range = fc.oneof(fc.constant(null), fc.array(fc.array(cell, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(cell, fc.oneof(fc.constant(null), fc.integer({ min: -10, max: 3_000_000 }), fc.string()), range, (q, date, lst) => {
        try {
          expect(typeof evaluate("IS.PENURIE", [q, date, lst], ctx).value).toBe("boolean");
        } catch (e) {
          expect(e).toBeInstanceOf(RuleError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
