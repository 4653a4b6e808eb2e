/**
 * Communal surcharge on personal income tax (taxe communale additionnelle à
 * l'IPP) of the Brussels communes, by income year (exercice = year + 1).
 * Figures: src/params/taxe-communale.json (sources seen 01/12/2026), each
 * test named after the source it checks.
 */
import { communalRate, communes, resolveCommune, closestCommunes } from "../../src/rules/taxe-communale";
import { params } from "../../src/params";
import { formatRate, rateFromDecimal } from "../../src/money";
import { refusal } from "../helpers/refusal";

const pct = (text: string) => rateFromDecimal(`${text}%`);

describe("taxe communale : taux publiés (année de revenus = exercice d'imposition − 1)", () => {
  test.each([
    // [source, commune, income year, rate %]
    ["Commune d'Etterbeek 15/01/2026 et BX1 15/12/2025 : exercice 2026 « de 6 % à 5,8 % »", "Etterbeek", 2025, "5.8"],
    ["Commune d'Etterbeek 15/01/2026 : exercice 2025 à 6 % (avant la baisse)", "Etterbeek", 2024, "6"],
    ["L'Echo (Nouvelles du Monde), fin 2023 : Etterbeek exercice 2024 « de 6,3 % à 6 % »", "Etterbeek", 2023, "6"],
    ["L'Echo (Nouvelles du Monde), fin 2023 : Berchem-Sainte-Agathe exercice 2024 « de 6,8 % à 6,5 % »", "Berchem-Sainte-Agathe", 2023, "6.5"],
    ["BX1 fin 2024 : Ixelles 7,5 % en 2024", "Ixelles", 2023, "7.5"],
    ["BX1 fin 2024 : Woluwe-Saint-Lambert 5,4 % en 2024", "Woluwe-Saint-Lambert", 2023, "5.4"],
    ["BX1 fin 2024 : Woluwe-Saint-Pierre 6 % en 2024", "Woluwe-Saint-Pierre", 2023, "6"],
    ["BX1 fin 2024 : Woluwe-Saint-Pierre 5,7 % pour 2025", "Woluwe-Saint-Pierre", 2024, "5.7"],
    ["Ville de Bruxelles (Parlons Finance 08/01/2026) : exercice 2025 à 6 %", "Bruxelles", 2024, "6"],
    ["Ville de Bruxelles (Parlons Finance 08/01/2026) : exercice 2026 à 4,9 %", "Bruxelles", 2025, "4.9"],
    ["Le Vif fin 2025 : Koekelberg exercice 2025 à 6 %", "Koekelberg", 2024, "6"],
    ["Le Vif fin 2025 et VRT NWS 13/01/2026 : Koekelberg exercice 2026 à 7 %", "Koekelberg", 2025, "7"],
    ["VRT NWS 13/01/2026 : Molenbeek exercice 2025 à 6,3 %", "Molenbeek-Saint-Jean", 2024, "6.3"],
    ["VRT NWS 13/01/2026 : Molenbeek exercice 2026 à 7 %", "Molenbeek-Saint-Jean", 2025, "7"],
    ["VRT NWS 13/01/2026 : Evere « hanteert al 7 % » (exercice 2026)", "Evere", 2025, "7"],
    ["BX1 16/09/2025 : Schaerbeek exercice 2025 à 4,6 %", "Schaerbeek", 2024, "4.6"],
    ["BX1 16/09/2025 : Schaerbeek exercice 2026 à 5 %", "Schaerbeek", 2025, "5"],
  ])("%s", (_source, commune, year, rate) => {
    expect(communalRate(commune, year).value).toEqual(pct(rate));
  });

  test("Etterbeek, revenus 2025 : 5,8 % = 29/500, exercice 2026 expliqué, sources de la commune et de BX1", () => {
    const r = communalRate("Etterbeek", 2025);
    expect(r.value).toEqual({ num: 29, den: 500 });
    expect(formatRate(r.value)).toBe("5,8 %");
    expect(r.steps.join("\n")).toContain("Revenus 2025 = exercice d'imposition 2026");
    expect(r.steps.join("\n")).toContain("5,8 % de l'impôt des personnes physiques dû à l'État");
    expect(r.steps.join("\n")).toContain("code INS 21005");
    expect(r.steps.join("\n")).toContain("1er janvier 2026");
    const urls = r.sources.map((s) => s.url);
    expect(urls).toContain("https://etterbeek.brussels/fr/actualites/fiscalite/2026-01-15/un-tax-shift-cible-pour-equilibrer-les-finances-communales");
    expect(urls).toContain("https://auderghem.be/node/9409");
    for (const s of r.sources) {
      expect(s.seen).toBe("2026-12-01");
      expect(s.url).toMatch(/^https:\/\//);
    }
  });

  test("every encoded rate lies between 0 % and 10 %, covers exactly one income year and cites a public URL", () => {
    const rates = params.all().filter((p) => p.family === "taxe-communale" && p.kind === "rate");
    expect(rates.length).toBe(10);
    for (const p of rates) {
      expect(p.id).toMatch(/^taxe-communale\.[a-z-]+$/);
      expect(communes().some((c) => `taxe-communale.${c.id}` === p.id)).toBe(true);
      for (const v of p.versions) {
        const r = v.value as { num: number; den: number };
        expect(r.num / r.den).toBeGreaterThan(0.03);
        expect(r.num / r.den).toBeLessThan(0.1);
        expect(v.to - v.from).toBeGreaterThanOrEqual(364);
        expect(v.to - v.from).toBeLessThanOrEqual(365);
        for (const s of v.sources) expect(s.url).toMatch(/^https:\/\//);
      }
    }
  });
});

describe("taxe communale : année non publiée → #N/A", () => {
  test("Woluwe-Saint-Lambert, revenus 2024 (exercice 2025) : non publié, nomme le dernier taux connu sans le reprendre", () => {
    const e = refusal(() => communalRate("Woluwe-Saint-Lambert", 2024));
    expect(e.kind).toBe("unknown");
    expect(e.message).toContain("revenus 2024 (exercice d'imposition 2025) : non publié dans les sources consultées");
    expect(e.message).toContain("dernier taux connu : 5,4 % (revenus 2023, exercice d'imposition 2024)");
    expect(e.message).toContain("Années de revenus connues : 2023.");
    expect(e.messageIn("nl")).toContain("niet gepubliceerd in de geraadpleegde bronnen");
  });
  test("Etterbeek, revenus 2026 (exercice 2027) : pas encore publié", () => {
    const e = refusal(() => communalRate("Etterbeek", 2026));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/revenus 2026 \(exercice d'imposition 2027\) : non publié dans les sources consultées ; dernier taux connu : 5,8 %/);
  });
  test("Schaerbeek, revenus 2023 : avant le premier taux lu, #N/A nommant le premier connu", () => {
    const e = refusal(() => communalRate("Schaerbeek", 2023));
    expect(e.kind).toBe("unknown");
    expect(e.message).toContain("premier taux connu : 4,6 % (revenus 2024, exercice d'imposition 2025)");
  });
  test.each(["Anderlecht", "Auderghem", "Forest", "Ganshoren", "Jette", "Saint-Gilles", "Saint-Josse-ten-Noode", "Uccle", "Watermael-Boitsfort"])(
    "%s : aucun taux encodé, #N/A pour chaque année 2023 à 2027",
    (name) => {
      for (const year of [2023, 2024, 2025, 2026, 2027]) {
        const e = refusal(() => communalRate(name, year));
        expect(e.kind).toBe("unknown");
        expect(e.message).toContain("non publié dans les sources consultées");
      }
    },
  );
  test("French elision in the message: « d'Uccle », « de Jette »", () => {
    expect(refusal(() => communalRate("Uccle", 2025)).message).toContain("additionnelle d'Uccle (Ukkel) pour les revenus 2025");
    expect(refusal(() => communalRate("Jette", 2025)).message).toContain("additionnelle de Jette pour");
  });
  test("an impossible year is bad input (#VALUE!), not an unknown rate", () => {
    for (const y of [2025.5, 1900, NaN]) expect(refusal(() => communalRate("Evere", y)).kind).toBe("invalid");
  });
});

describe("taxe communale : résolution du nom de la commune", () => {
  test("19 communes, codes INS 21001 à 21019 dans l'ordre, noms FR et NL", () => {
    const list = communes();
    expect(list).toHaveLength(19);
    expect(list.map((c) => c.nis)).toEqual(Array.from({ length: 19 }, (_, i) => String(21001 + i)));
    expect(list.find((c) => c.id === "uccle")).toEqual({ id: "uccle", fr: "Uccle", nl: "Ukkel", nis: "21016" });
    expect(new Set(list.map((c) => c.id)).size).toBe(19);
  });
  test.each([
    ["Uccle", "uccle"],
    ["UKKEL", "uccle"],
    ["Elsene", "ixelles"],
    ["Vorst", "forest"],
    ["Oudergem", "auderghem"],
    ["Sint-Agatha-Berchem", "berchem-sainte-agathe"],
    ["berchem ste agathe", "berchem-sainte-agathe"],
    ["Sint Jans Molenbeek", "molenbeek-saint-jean"],
    ["Molenbeek", "molenbeek-saint-jean"],
    ["St-Gilles", "saint-gilles"],
    ["sint-gillis", "saint-gilles"],
    ["Saint Josse ten Noode", "saint-josse-ten-noode"],
    ["Sint-Joost-ten-Node", "saint-josse-ten-noode"],
    ["Schaarbeek", "schaerbeek"],
    ["  schaerbeek  ", "schaerbeek"],
    ["Watermaal-Bosvoorde", "watermael-boitsfort"],
    ["Boitsfort", "watermael-boitsfort"],
    ["Sint-Lambrechts-Woluwe", "woluwe-saint-lambert"],
    ["woluwé saint pierre", "woluwe-saint-pierre"],
    ["Bruxelles-Ville", "bruxelles"],
    ["Brussel", "bruxelles"],
    ["21016", "uccle"],
    ["21004", "bruxelles"],
  ])("« %s » → %s", (text, id) => {
    expect(resolveCommune(text).id).toBe(id);
  });
  test("a NIS code given as a number resolves", () => {
    expect(resolveCommune(21009).id).toBe("ixelles");
    expect(communalRate(21009, 2023).value).toEqual(pct("7.5"));
  });
  test("unknown name → #VALUE! with close names (FR, NL, EN)", () => {
    const e = refusal(() => resolveCommune("Uccl"));
    expect(e.kind).toBe("invalid");
    expect(e.message).toMatch(/commune bruxelloise inconnue « Uccl »\. Noms proches : Uccle \(Ukkel\)/);
    expect(e.messageIn("nl")).toMatch(/onbekende Brusselse gemeente « Uccl »\. Gelijkaardige namen: Ukkel \(Uccle\)/);
    expect(e.messageIn("en")).toMatch(/unknown Brussels municipality "Uccl"/);
  });
  test("an ambiguous short name is refused with both candidates, never guessed", () => {
    const e = refusal(() => resolveCommune("Woluwe"));
    expect(e.kind).toBe("invalid");
    expect(e.message).toContain("Woluwe-Saint-Lambert (Sint-Lambrechts-Woluwe) ; Woluwe-Saint-Pierre (Sint-Pieters-Woluwe)");
    expect(closestCommunes("Woluwe", 2).map((c) => c.id)).toEqual(["woluwe-saint-lambert", "woluwe-saint-pierre"]);
  });
  test("a commune outside the Region, an unknown NIS code, an empty text and a too long text are #VALUE!", () => {
    expect(refusal(() => resolveCommune("Liège")).kind).toBe("invalid");
    expect(refusal(() => resolveCommune("Zaventem")).message).toContain("commune bruxelloise inconnue");
    expect(refusal(() => resolveCommune("21020")).message).toContain("code INS inconnu 21020");
    expect(refusal(() => resolveCommune("   ")).message).toContain("nom ou code INS d'une commune bruxelloise attendu");
    expect(refusal(() => resolveCommune("x".repeat(200))).message).toContain("trop long");
    expect(refusal(() => resolveCommune(21016.5)).kind).toBe("invalid");
  });
  test("an unknown commune passed to communalRate is #VALUE! before any year check", () => {
    expect(refusal(() => communalRate("Namur", 2025)).kind).toBe("invalid");
  });
});
