/** R14 catalog entries MG.IPP and MG.COTISATIONS.SOCIALES: Excel-like arguments, parts, errors. */
import { evaluate } from "../../src/catalog";
import { RuleError } from "../../src/errors";
import type { Cell, EvalContext } from "../../src/catalog";

const ctx: EvalContext = { today: 46349, lang: "fr" };
const run = (id: string, args: Cell[]) => evaluate(id, args, ctx).value;
function kindOf(id: string, args: Cell[]): string {
  try {
    evaluate(id, args, ctx);
  } catch (e) {
    if (e instanceof RuleError) return e.kind;
    throw e;
  }
  return "none";
}

describe("MG.IPP (R14)", () => {
  test("=MG.IPP(40000; 2024; 0; 7%) = 12 399,70 € (README example, hand-checked in tests/tax/ipp.test.ts)", () => {
    expect(run("IPP", [40000, 2024, 0, 0.07])).toBe(12399.7);
  });
  test("the communal rate as text \"7 %\" and the parts \"etat\" / \"communale\"", () => {
    expect(run("IPP", [40000, 2024, null, "7 %", "etat"])).toBe(11588.5);
    expect(run("IPP", [40000, 2024, null, "7 %", "communale"])).toBe(811.2);
    expect(run("MG.IPP", [40000, 2024, null, "7%", "gemeentelijk"])).toBe(811.2);
  });
  test("without a communal rate the surcharge is not included", () => {
    expect(run("IPP", [40000, 2024])).toBe(11588.5);
  });
  test("2025 with two children (reduction scale 2025): federal part 19 387,00 €", () => {
    expect(run("IPP", [60000, 2025, 2, null, "etat"])).toBe(19387);
  });
  test("#N/A for 2026 (no published scale) and for 2024 with children; #VALUE! for 7 as a rate or a word part", () => {
    expect(kindOf("IPP", [40000, 2026])).toBe("unknown");
    expect(kindOf("IPP", [40000, 2024, 1])).toBe("unknown");
    expect(kindOf("IPP", [40000, 2024, 0, 7])).toBe("invalid");
    expect(kindOf("IPP", [40000, 2024, 0, 0.07, "brut"])).toBe("invalid");
    expect(kindOf("IPP", [-1, 2024])).toBe("invalid");
    expect(kindOf("IPP", ["abc", 2024])).toBe("invalid");
  });
});

describe("MG.COTISATIONS.SOCIALES (R14)", () => {
  test("=MG.COTISATIONS.SOCIALES(10000; 2025) = 3 486,84 € (4 × minimum 871,71 €)", () => {
    expect(run("COTISATIONS.SOCIALES", [10000, 2025])).toBe(3486.84);
  });
  test("quarterly with UCM's 4,05 %: 907,01 €; fees part: 4 × 35,30 = 141,20 €", () => {
    expect(run("COTISATIONS.SOCIALES", [10000, 2025, false, 0.0405, "trimestriel"])).toBe(907.01);
    expect(run("COTISATIONS.SOCIALES", [10000, 2025, 0, "4,05 %", "frais"])).toBe(141.2);
  });
  test("a starter (year 1, 2024, 30 000 €): 3 456,60 € paid, 6 150,00 € definitive, 2 693,40 € regularisation", () => {
    expect(run("COTISATIONS.SOCIALES", [30000, 2024, 1])).toBe(3456.6);
    expect(run("COTISATIONS.SOCIALES", [30000, 2024, true, null, "definitif"])).toBe(6150);
    expect(run("COTISATIONS.SOCIALES", [30000, 2024, 1, null, "regularisation"])).toBe(2693.4);
  });
  test("errors: 2026 #N/A; starter 9, fee 10 %, text year #VALUE!", () => {
    expect(kindOf("COTISATIONS.SOCIALES", [30000, 2026])).toBe("unknown");
    expect(kindOf("COTISATIONS.SOCIALES", [30000, 2025, 9])).toBe("invalid");
    expect(kindOf("COTISATIONS.SOCIALES", [30000, 2025, 0, 0.1])).toBe("invalid");
    expect(kindOf("COTISATIONS.SOCIALES", [30000, "deux mille"])).toBe("invalid");
  });
});
