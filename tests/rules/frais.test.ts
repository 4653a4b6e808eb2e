import { run, errorOf, explained, d } from "./helpers";
import { deductibleShares } from "../../src/rules/frais";

describe("R13 cercle dues (seed 001)", () => {
  test("R13 (seed 001): « payer en direct à la FAMGB (pour 2025, le montant est de 550 euros) »", () => {
    expect(run("COTISATION.CERCLE", 2025)).toBe(550);
    expect(run("COTISATION.CERCLE", 2025, false)).toBe(550);
  });
  test("R13 (seed 001): via a local association, Cercle/Garde 350 € (2024) + the association's own fee given by the user", () => {
    expect(run("COTISATION.CERCLE", 2024, true, 120)).toBe(470);
    expect(run("COTISATION.CERCLE", 2024, true, 0)).toBe(350);
  });
  test("R13: the association's own fee is not published — omitted, it is #N/A saying so (with the 350 € part)", () => {
    const e = errorOf("COTISATION.CERCLE", 2024, true);
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/350,00 €.*non publiée dans les sources consultées/);
  });
  test("R13: years not in the guide are #N/A (direct 2024, association 2025)", () => {
    expect(errorOf("COTISATION.CERCLE", 2024).message).toMatch(/première connue : 550,00 €/);
    expect(errorOf("COTISATION.CERCLE", 2025, true, 100).message).toMatch(/dernière connue : 350,00 €/);
    expect(errorOf("COTISATION.CERCLE", 2025, false, 100).kind).toBe("invalid");
  });
});

describe("R13 deductible costs (seed 001)", () => {
  test("R13 (seed 001): fully deductible — small consumables, cabinet rent or mortgage costs, PLCI, professional literature", () => {
    for (const c of ["consommables", "loyer", "frais hypothécaires", "plci", "VAPZ", "littérature"]) expect(run("DEDUCTIBLE", c)).toBe(1);
  });
  test("R13 (seed 001): « Frais de réception (50%) »", () => {
    expect(run("DEDUCTIBLE", "reception")).toBe(0.5);
    expect(run("DEDUCTIBLE", "receptiekosten", "max")).toBe(0.5);
  });
  test("R13 (seed 001): « Frais de déplacement (entre 50% et 100%) selon les émissions de CO2 » — #N/A without a bound, min 0,5, max 1", () => {
    const e = errorOf("DEDUCTIBLE", "voiture");
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/50 % à 100 %.*CO2/);
    expect(run("DEDUCTIBLE", "voiture", "min")).toBe(0.5);
    expect(run("DEDUCTIBLE", "car", "max")).toBe(1);
  });
  test("R13 (seed 001): investments are depreciated over their life — 5 years gives 1/5 a year; no life is #N/A", () => {
    expect(run("DEDUCTIBLE", "investissement", null, 5)).toBe(0.2);
    expect(run("DEDUCTIBLE", "investment", null, 4)).toBe(0.25);
    expect(errorOf("DEDUCTIBLE", "investissement").message).toMatch(/durée de vie/);
    expect(explained("DEDUCTIBLE", "investissement", null, 5).steps.join(" ")).toMatch(/Amortissement linéaire sur 5 ans : 20 %/);
  });
  test("R13: bad input is #VALUE! (unknown category, life on a non-investment, life 0)", () => {
    expect(errorOf("DEDUCTIBLE", "vacances").kind).toBe("invalid");
    expect(errorOf("DEDUCTIBLE", "loyer", null, 5).kind).toBe("invalid");
    expect(errorOf("DEDUCTIBLE", "investissement", null, 0).kind).toBe("invalid");
    expect(errorOf("DEDUCTIBLE", "voiture", "moyen").kind).toBe("invalid");
  });
  test("deductibleShares() gives the scenario builder every category with exact rates and the source", () => {
    const s = deductibleShares(d("2025-06-01"));
    expect(s.map((x) => x.category)).toEqual(["consommables", "loyer", "plci", "litterature", "deplacement", "reception", "investissement"]);
    const car = s.find((x) => x.category === "deplacement")!;
    expect(car.min).toEqual({ num: 1, den: 2 });
    expect(car.max).toEqual({ num: 1, den: 1 });
    expect(s.find((x) => x.category === "investissement")!.depreciated).toBe(true);
    expect(s[0].sources[0].seed).toBe("001_38c2d1dc6a241e9a.txt");
    expect(() => deductibleShares(d("2024-12-31"))).toThrow(/première connue/);
  });
});
