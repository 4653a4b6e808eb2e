/**
 * R11: a quarter from its code or its French or Dutch name (Monitoring des
 * Quartiers, ../shared/data/monitoring-quartiers.csv).
 */
import { resolveQuartier, quartierName, codeRanges, suggestions } from "../../src/rules/quartiers";
import { evaluate } from "../../src/catalog";
import { refusal } from "../helpers/refusal";

const ctx = { today: 45900, lang: "fr" as const };


describe("R11 (Monitoring des Quartiers): resolving a quarter", () => {
  test("by code, as a number or as text", () => {
    expect(resolveQuartier(12).fr).toBe("Cureghem Vétérinaire");
    expect(resolveQuartier("12").fr).toBe("Cureghem Vétérinaire");
    expect(resolveQuartier(" 904 ").fr).toBe("Parc Léopold");
    expect(resolveQuartier(1).nlOfficial).toBe("GROTE MARKT");
  });

  test("by French name, ignoring case, accents, hyphens, apostrophes and extra spaces", () => {
    expect(resolveQuartier("saint-josse centre").code).toBe(25);
    expect(resolveQuartier("SAINT JOSSE   CENTRE").code).toBe(25);
    expect(resolveQuartier("cureghem veterinaire").code).toBe(12);
    expect(resolveQuartier("Gare de l’Ouest").code).toBe(15);
    expect(resolveQuartier("gare de louest").code).toBe(15);
    expect(resolveQuartier("Hôpital Etterbeek - Ixelles").code).toBe(38);
    expect(resolveQuartier("bizet roue ceria").code).toBe(53);
  });

  test("by Dutch name, official upper case or usual casing", () => {
    expect(resolveQuartier("SINT-JOOST CENTRUM").code).toBe(25);
    expect(resolveQuartier("sint joost centrum").code).toBe(25);
    expect(resolveQuartier("Kuregem Veeartsenij").code).toBe(12);
    expect(resolveQuartier("villa's van ganshoren").code).toBe(68);
    expect(resolveQuartier("Zuidstation").code).toBe(804);
  });

  test("an unknown code is #VALUE! listing the codes that exist", () => {
    const e = refusal(() => resolveQuartier(119));
    expect(e.kind).toBe("invalid");
    expect(e.message).toMatch(/1 à 118, 700 à 702, 800 à 805, 900 à 917/);
    expect(codeRanges()).toBe("1 à 118, 700 à 702, 800 à 805, 900 à 917");
    expect(refusal(() => resolveQuartier(12.5)).kind).toBe("invalid");
    expect(refusal(() => resolveQuartier(0)).kind).toBe("invalid");
  });

  test("part of several names is ambiguous: #VALUE! naming the candidates, never a guess", () => {
    const e = refusal(() => resolveQuartier("Cureghem"));
    expect(e.kind).toBe("invalid");
    expect(e.message).toMatch(/ambigu/);
    for (const c of ["11 Cureghem Bara", "12 Cureghem Vétérinaire", "13 Cureghem Rosée"]) expect(e.message).toContain(c);
  });

  test("a commune name is not a quarter: #VALUE! with the closest names", () => {
    const e = refusal(() => resolveQuartier("Anderlecht"));
    expect(e.kind).toBe("invalid");
    expect(e.message).toMatch(/quartier inconnu « Anderlecht »/);
    expect(e.message).toContain("58 Anderlecht - Centre - Wayez");
  });

  test("a misspelt name suggests the closest ones", () => {
    expect(suggestions("Sant Josse Centr")[0].code).toBe(25);
    expect(suggestions("Marolle")[0].code).toBe(8);
    const e = refusal(() => resolveQuartier("Sablonn"));
    expect(e.message).toContain("7 Sablon (Zavel)");
  });

  test("MG.QUARTIER.NOM returns the official names (FR by default, NL usual or as published)", () => {
    expect(evaluate("QUARTIER.NOM", [25], ctx).value).toBe("Saint-Josse Centre");
    expect(evaluate("QUARTIER.NOM", [25, "nl"], ctx).value).toBe("Sint-Joost Centrum");
    expect(evaluate("QUARTIER.NOM", ["Sint-Joost Centrum", "néerlandais"], ctx).value).toBe("Sint-Joost Centrum");
    expect(evaluate("QUARTIER.NOM", ["saint-josse centre", "nl-officiel"], ctx).value).toBe("SINT-JOOST CENTRUM");
    expect(evaluate("QUARTIER.NOM", ["ZAVEL", "FR"], ctx).value).toBe("Sablon");
    expect(quartierName(1, "nl").steps.join(" ")).toMatch(/GROTE MARKT/);
    expect(() => evaluate("QUARTIER.NOM", [25, "de"], ctx)).toThrow(/langue/);
    expect(() => evaluate("QUARTIER.NOM", [null], ctx)).toThrow(/requis/);
  });
});
