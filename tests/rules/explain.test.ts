import fc from "fast-check";
import { catalog, evaluate, type Cell } from "../../src/catalog";
import { RuleError } from "../../src/errors";
import { practiceAndDeadlineFunctions } from "../../src/catalog/practice-and-deadlines";
import { explainFunctions } from "../../src/catalog/explain-mode";
import { ctx, d } from "./helpers";

function explain(...args: Cell[]): string[] {
  const [id, ...rest] = args;
  const v = evaluate("EXPLAIN", [id, [rest]], ctx).value as string[][];
  for (const row of v) {
    expect(row).toHaveLength(1);
    expect(typeof row[0]).toBe("string");
  }
  return v.map((r) => r[0]);
}

describe("MG.EXPLAIN — steps, conditions and sources as a spilled column", () => {
  test("R4 (seed 000): EXPLAIN of ACCREDITATION.FORFAIT 2025 gives the result, the step and the source", () => {
    const lines = explain("ACCREDITATION.FORFAIT", 2025);
    expect(lines[0]).toBe("Résultat : MG.ACCREDITATION.FORFAIT = 757,23 €");
    expect(lines.some((l) => l.startsWith("Étape : Honoraire forfaitaire annuel d'accréditation 2025"))).toBe(true);
    // The public citation (publisher, title, URL), never the project's file name.
    expect(lines.some((l) => l.startsWith("Source : GBO/Cartel, « Vos débuts en médecine générale »") && l.includes("https://www.le-gbo.be/devenir-medecin-generaliste"))).toBe(true);
    expect(lines.some((l) => l.includes("000_3a813b6de0dc6b5c.txt"))).toBe(false);
  });
  test("R7: EXPLAIN shows every condition, met or not, of DMG.DEBUTANT", () => {
    const lines = explain("MG.DMG.DEBUTANT", 2024, true, true, 31);
    expect(lines[0]).toBe("Résultat : MG.DMG.DEBUTANT = 0,00 €");
    expect(lines).toContain("Condition remplie : Prime de pratique intégrée obtenue pour 2024 (déclaré : oui)");
    expect(lines.some((l) => l.startsWith("Condition non remplie : Travail à l'acte"))).toBe(true);
  });
  test("an inner #N/A becomes the first line, followed by the conditions it carries (the accountant sees WHY)", () => {
    const lines = explain("DMG.DEBUTANT", 2024, true);
    expect(lines[0]).toMatch(/^Erreur #N\/A : Prime DMG débutant : conditions inconnues/);
    expect(lines).toContain("Condition inconnue : Dossiers médicaux (DMG) gérés électroniquement (non renseigné)");
    expect(lines.some((l) => l.startsWith("Source : "))).toBe(true);
  });
  test("an inner #VALUE! and an unknown function are lines too, never a crash", () => {
    expect(explain("STATUT.SOCIAL", 2024, "peut-être")[0]).toMatch(/^Erreur #VALUE! : « convention »/);
    expect(explain("NOPE")[0]).toMatch(/^Erreur #VALUE! : Fonction inconnue : NOPE/);
    expect(explain("EXPLAIN", "EXPLAIN")[0]).toMatch(/^Erreur #VALUE!/);
    const plainNA = explain("ACCREDITATION.FORFAIT", 2030);
    expect(plainNA).toHaveLength(1);
    expect(plainNA[0]).toMatch(/^Erreur #N\/A : Pas de valeur connue/);
  });
  test("dates are shown as dates; fee and prime functions are explained too", () => {
    expect(explain("ECHEANCE", "agrement.commission", d("2025-10-01"))[0]).toBe(`Résultat : MG.ECHEANCE = 30/12/2025 (${d("2025-12-30")})`);
    expect(explain("PRIME.INTEGREE", 2024, "acte", 6)[0]).toBe("Résultat : MG.PRIME.INTEGREE = 4 500,00 €");
    expect(explain("DEDUCTIBLE", "reception")[0]).toBe("Résultat : MG.DEDUCTIBLE = 0,5");
  });
  test("arguments given as a column (command line) are read in order; omitted middle arguments stay omitted", () => {
    const v = evaluate("EXPLAIN", ["DMG.DEBUTANT", [[2024], [true], [true], [0]]], ctx).value as string[][];
    expect(v[0][0]).toBe("Résultat : MG.DMG.DEBUTANT = 4 256,00 €");
    const w = evaluate("EXPLAIN", ["INSTALLATION.SUBSIDY", [["structure", 300000, false, null, d("2025-03-01")]]], ctx).value as string[][];
    expect(w[0][0]).toBe("Résultat : MG.INSTALLATION.SUBSIDY = 150 000,00 €");
  });
  test("prefixes follow the language (nl)", () => {
    const v = evaluate("EXPLAIN", ["ACCREDITATION.FORFAIT", [[2025]]], { ...ctx, lang: "nl" }).value as string[][];
    expect(v[0][0]).toBe("Resultaat : MG.ACCREDITATION.FORFAIT = 757,23 €");
    expect(v.some((r) => r[0].startsWith("Bron : "))).toBe(true);
  });
  test("EXPLAIN without a function id is #VALUE!", () => {
    expect(() => evaluate("EXPLAIN", [null], ctx)).toThrow(RuleError);
  });
});

describe("catalog contract of the remaining functions", () => {
  const mine = [...practiceAndDeadlineFunctions, ...explainFunctions];
  test("every function and argument has FR/NL/EN descriptions, and is registered", () => {
    for (const f of mine) {
      expect(catalog).toContain(f);
      for (const l of ["fr", "nl", "en"] as const) {
        expect(f.description[l].length).toBeGreaterThan(10);
        for (const a of f.args) expect(a.description[l].length).toBeGreaterThan(3);
      }
    }
    expect(explainFunctions[0].args[1].repeating).toBe(true);
    expect(explainFunctions[0].result).toBe("matrix");
  });
  test("no input makes a remaining function throw anything but a RuleError, nor return NaN (property)", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -5, max: 50000 }),
      fc.double({ noNaN: false }),
      fc.constantFrom("jeune", "structure", "debut", "fin", "conventionne", "partiel", "min", "max", "voiture", "impulseo", "abc", "", "2025", "01/10/2025"),
    );
    fc.assert(
      fc.property(fc.constantFrom(...mine.map((f) => f.id)), fc.array(cell, { maxLength: 9 }), (id, args) => {
        try {
          const v = evaluate(id, args, ctx).value;
          if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(RuleError);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
