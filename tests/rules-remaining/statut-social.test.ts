import { run, errorOf, statuses, explained } from "./helpers";

describe("R5 statut social (seeds 000, 001, 003; public source ABSyM)", () => {
  test("R5 (seed 001): montants pour 2024 — 5 881,81 € conventionné, 2 774,59 € partiellement conventionné", () => {
    expect(run("STATUT.SOCIAL", 2024, "conventionne")).toBe(5881.81);
    expect(run("STATUT.SOCIAL", 2024, "partiel")).toBe(2774.59);
    expect(run("STATUT.SOCIAL", 2024, "Conventionné")).toBe(5881.81);
    expect(run("STATUT.SOCIAL", 2024, "gedeeltelijk")).toBe(2774.59);
  });
  test("R5 (public source ABSyM): 2023 — 5 546,26 € / 2 616,30 €; MG en formation 7 916,68 € (2024) and 7 465,04 € (2023)", () => {
    expect(run("STATUT.SOCIAL", 2023, "conventionne")).toBe(5546.26);
    expect(run("STATUT.SOCIAL", 2023, "partiel")).toBe(2616.3);
    expect(run("STATUT.SOCIAL", 2024, "formation")).toBe(7916.68);
    expect(run("STATUT.SOCIAL", 2023, "in opleiding")).toBe(7465.04);
  });
  test("R5: other years are #N/A naming the last known amount", () => {
    expect(errorOf("STATUT.SOCIAL", 2025, "conventionne").message).toMatch(/dernière connue : 5 881,81 €/);
    expect(errorOf("STATUT.SOCIAL", 2022, "partiel").kind).toBe("unknown");
  });
  test("R5 (seed 001): « attribué aux prestataires conventionnés » — a non-conventioned doctor gets 0", () => {
    expect(run("STATUT.SOCIAL", 2024, "non")).toBe(0);
    expect(statuses("STATUT.SOCIAL", 2024, "niet geconventioneerd").adhesion).toBe("not_met");
  });
  test("R5 (seed 001): seuil d'activité minimal de 13 h/semaine — 13 h qualifies, 12,5 h gives 0", () => {
    expect(run("STATUT.SOCIAL", 2024, "partiel", 13)).toBe(2774.59);
    expect(run("STATUT.SOCIAL", 2024, "partiel", 12.5)).toBe(0);
    expect(statuses("STATUT.SOCIAL", 2024, "partiel", 12.5).heures).toBe("not_met");
  });
  test("R5 (seed 001): the other conditions are listed to check (full year, agrément, activity, contract by 31/12)", () => {
    const r = explained("STATUT.SOCIAL", 2024, "conventionne");
    const ids = (r.conditions ?? []).map((c) => c.id);
    expect(ids).toEqual(["heures", "annee-complete", "agrement", "actif", "contrat"]);
    expect(r.conditions?.find((c) => c.id === "contrat")?.label).toMatch(/31\/12\/2024/);
    expect((r.conditions ?? []).every((c) => c.status === "unknown")).toBe(true);
  });
  test("R5: bad input is #VALUE!", () => {
    expect(errorOf("STATUT.SOCIAL", 2024, "peut-être").kind).toBe("invalid");
    expect(errorOf("STATUT.SOCIAL", 2024, "partiel", -1).kind).toBe("invalid");
    expect(errorOf("STATUT.SOCIAL", 2024, "partiel", 200).kind).toBe("invalid");
  });
});
