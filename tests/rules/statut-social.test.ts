import { run, errorOf, statuses, explained, carriedStatuses } from "./helpers";
import { DATE } from "./date";

describe("statut social: amounts as published", () => {
  test("Vlaams Artsensyndicaat, « Al dan niet conventioneren? »: « een sociaal statuut van € 6.243,59 (2026) » for a conventioned doctor", () => {
    expect(run("STATUT.SOCIAL", 2026, "conventionne")).toBe(6243.59);
  });
  test("FAMGB guide and ABSyM « Statut social INAMI »: 2024 — 5 881,81 € conventionné, 2 774,59 € partiellement conventionné, 7 916,68 € MG en formation", () => {
    expect(run("STATUT.SOCIAL", 2024, "conventionne")).toBe(5881.81);
    expect(run("STATUT.SOCIAL", 2024, "partiel")).toBe(2774.59);
    expect(run("STATUT.SOCIAL", 2024, "Conventionné")).toBe(5881.81);
    expect(run("STATUT.SOCIAL", 2024, "gedeeltelijk")).toBe(2774.59);
    expect(run("STATUT.SOCIAL", 2024, "formation")).toBe(7916.68);
  });
  test("GBO Flash-info 91/23 (06/11/2023): MG en formation « 7.465,04 € (et donc à partir de l'année de prime 2023 »", () => {
    expect(run("STATUT.SOCIAL", 2023, "in opleiding")).toBe(7465.04);
  });
  test("2023 conventionné / partiel and 2025: not published in the sources consulted -> #N/A naming the nearest known amount", () => {
    expect(errorOf("STATUT.SOCIAL", 2023, "conventionne").message).toMatch(/première connue : 5 881,81 €.*n'est publié dans aucune des sources consultées/);
    expect(errorOf("STATUT.SOCIAL", 2023, "partiel").kind).toBe("unknown");
    expect(errorOf("STATUT.SOCIAL", 2025, "conventionne").message).toMatch(/dernière connue : 5 881,81 €/);
    expect(errorOf("STATUT.SOCIAL", 2026, "partiel").kind).toBe("unknown");
  });
  test("FAMGB guide: « attribué aux prestataires conventionnés » — a non-conventioned doctor gets 0", () => {
    expect(run("STATUT.SOCIAL", 2024, "non")).toBe(0);
    expect(statuses("STATUT.SOCIAL", 2024, "niet geconventioneerd").adhesion).toBe("not_met");
  });
});

describe("statut social: the activity threshold (VAS « minimumactiviteitsdrempel », Domus Medica « Nieuwe voorwaarden sociaal statuut »)", () => {
  test("« Voor een huisarts bedraagt de drempel 25 000 euro », profile of year x−2: 25 000,00 € in 2022 qualifies for 2024", () => {
    expect(run("STATUT.SOCIAL", 2024, "conventionne", null, 25000)).toBe(5881.81);
    const c = explained("STATUT.SOCIAL", 2024, "conventionne", null, 25000).conditions?.find((x) => x.id === "activite");
    expect(c?.status).toBe("met");
    expect(c?.label).toMatch(/25 000,00 € en 2022 \(année x−2\)/);
  });
  test("Artsenkrant 2017: between the reduced threshold (12 500 €) and the threshold, a conventioned GP gets the partial amount", () => {
    expect(run("STATUT.SOCIAL", 2024, "conventionne", null, 24999.99)).toBe(2774.59);
    expect(run("STATUT.SOCIAL", 2024, "conventionne", null, 12500)).toBe(2774.59);
  });
  test("under the reduced threshold: 0, whatever the convention", () => {
    expect(run("STATUT.SOCIAL", 2024, "conventionne", null, 12499.99)).toBe(0);
    expect(run("STATUT.SOCIAL", 2024, "partiel", null, 12499.99)).toBe(0);
  });
  test("a partially conventioned GP between the two thresholds: the sources disagree (Artsenkrant 2017 / Domus Medica 2018) -> #N/A saying so", () => {
    const e = errorOf("STATUT.SOCIAL", 2024, "partiel", null, 20000);
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/les sources consultées divergent/);
    expect(carriedStatuses(e).activite).toBe("unknown");
    expect(run("STATUT.SOCIAL", 2024, "partiel", null, 25000)).toBe(2774.59);
  });
  test("VAS: « minder dan 5 jaar een RIZIV-nummer … erkende huisarts » on 1 January of x−2 — no minimum", () => {
    // 2024: reference year 2022; recognised on 02/01/2017 = less than 5 years on 01/01/2022.
    expect(run("STATUT.SOCIAL", 2024, "conventionne", null, 1000, DATE(2017, 1, 2))).toBe(5881.81);
    // Recognised on 01/01/2017: exactly 5 years, the threshold applies.
    expect(run("STATUT.SOCIAL", 2024, "conventionne", null, 1000, DATE(2017, 1, 1))).toBe(0);
  });
  test("the guide's 13 h a week apply to partial conventionnement only: 13 h qualifies, 12,5 h gives 0; for a conventioned doctor the hours do not decide", () => {
    expect(run("STATUT.SOCIAL", 2024, "partiel", 13)).toBe(2774.59);
    expect(run("STATUT.SOCIAL", 2024, "partiel", 12.5)).toBe(0);
    expect(statuses("STATUT.SOCIAL", 2024, "partiel", 12.5).heures).toBe("not_met");
    expect(run("STATUT.SOCIAL", 2024, "conventionne", 10)).toBe(5881.81);
    expect(explained("STATUT.SOCIAL", 2024, "conventionne", 10).steps.join(" ")).toMatch(/pas un nombre d'heures/);
  });
  test("without the reimbursements the activity condition is listed to check, not blocking; the other conditions too", () => {
    const r = explained("STATUT.SOCIAL", 2024, "conventionne");
    expect((r.conditions ?? []).map((c) => c.id)).toEqual(["activite", "annee-complete", "agrement", "actif", "contrat"]);
    expect(r.conditions?.find((c) => c.id === "contrat")?.label).toMatch(/31\/12\/2024/);
    expect((r.conditions ?? []).every((c) => c.status === "unknown")).toBe(true);
  });
});

describe("statut social: the first year", () => {
  test("FAMGB: « Adhérer … pour une année complète (sauf si vous avez reçu votre 1er numéro INAMI) » and GBO: « proportionnelle à la durée de votre adhésion » — first number on 01/07/2024: 184/366 × 5 881,81 € = 2 956,98 €", () => {
    expect(run("STATUT.SOCIAL", 2024, "conventionne", null, null, null, DATE(2024, 7, 1))).toBe(2956.98);
    const r = explained("STATUT.SOCIAL", 2024, "conventionne", null, null, null, DATE(2024, 7, 1));
    expect(r.conditions?.find((c) => c.id === "annee-complete")?.status).toBe("met");
    expect(r.steps.join(" ")).toMatch(/184\/366 jours × 5 881,81 € = 2 956,98 €/);
  });
  test("GBO: « proportionnelle à la durée de votre adhésion » — adherence from 01/10/2024 the year of the first number: 92/366 × 5 881,81 € = 1 478,49 €", () => {
    expect(run("STATUT.SOCIAL", 2024, "conventionne", null, null, null, DATE(2024, 3, 15), DATE(2024, 10, 1))).toBe(1478.49);
  });
  test("2026, first number on 01/07/2026: 184/365 × 6 243,59 € = 3 147,45 €", () => {
    expect(run("STATUT.SOCIAL", 2026, "conventionne", null, null, null, DATE(2026, 7, 1))).toBe(3147.45);
  });
  test("FAMGB: after the year of the first number, adherence for the whole year is required — adherence from 01/03/2024 gives 0", () => {
    expect(run("STATUT.SOCIAL", 2024, "conventionne", null, null, null, DATE(2020, 9, 1), DATE(2024, 3, 1))).toBe(0);
    expect(run("STATUT.SOCIAL", 2024, "conventionne", null, null, null, DATE(2020, 9, 1))).toBe(5881.81);
  });
  test("a first number after the year: not eligible that year; an adherence date outside the year is #VALUE!", () => {
    expect(run("STATUT.SOCIAL", 2024, "conventionne", null, null, null, DATE(2025, 1, 2))).toBe(0);
    expect(errorOf("STATUT.SOCIAL", 2024, "conventionne", null, null, null, DATE(2024, 7, 1), DATE(2025, 1, 1)).kind).toBe("invalid");
  });
});

describe("statut social: bad input", () => {
  test("#VALUE! for an unknown convention, hours out of range, negative reimbursements", () => {
    expect(errorOf("STATUT.SOCIAL", 2024, "peut-être").kind).toBe("invalid");
    expect(errorOf("STATUT.SOCIAL", 2024, "partiel", -1).kind).toBe("invalid");
    expect(errorOf("STATUT.SOCIAL", 2024, "partiel", 200).kind).toBe("invalid");
    expect(errorOf("STATUT.SOCIAL", 2024, "conventionne", null, -5).kind).toBe("invalid");
  });
});
