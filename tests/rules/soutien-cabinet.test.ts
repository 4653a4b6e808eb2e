import { run, errorOf, statuses, explained, carriedStatuses, d } from "./helpers";

const C = "CONTINUITE.SOINS";
const G = "GESTION.CABINET";

describe("R10 continuité des soins and gestion de cabinet (seed 004; AR 4 juillet 2024)", () => {
  test("R10 (seed 004): continuité des soins — « minimum 5.000 euros et maximum 7.500 euros »: the minimum by default, the maximum on request", () => {
    expect(run(C, 2025, 600, 40000, 19, d("2025-03-01"))).toBe(5000);
    expect(run(C, 2025, 600, 40000, 19, d("2025-03-01"), null, null, null, "max")).toBe(7500);
    expect(explained(C, 2025, 600, 40000, 19, d("2025-03-01")).steps[0]).toMatch(/5 000,00 € à 7 500,00 €/);
  });
  test("R10 (seed 004): gestion de cabinet — « minimum 3.796 euros », paid by 31 March of the next year", () => {
    expect(run(G, 2025, 600, 40000, 19, d("2025-01-01"))).toBe(3796);
    expect(explained(G, 2025, 600, 40000, 19, d("2025-01-01")).steps[0]).toMatch(/31\/03\/2026/);
  });
  test("R10 (seed 004): thresholds 500 DMI and 25 000 € — exactly at the threshold qualifies, just below gives 0", () => {
    expect(run(C, 2025, 500, 25000, 13, d("2025-03-01"))).toBe(5000);
    expect(run(C, 2025, 499, 25000, 13, d("2025-03-01"))).toBe(0);
    expect(run(C, 2025, 500, 24999.99, 13, d("2025-03-01"))).toBe(0);
    expect(run(G, 2025, 499, 40000, 13, d("2025-01-01"))).toBe(0);
  });
  test("R10 (seed 004): individual doctors with a recognised number < 5 years are exempt from the thresholds", () => {
    expect(run(C, 2025, 0, 0, 13, d("2025-03-01"), true)).toBe(5000);
    expect(run(G, 2025, null, null, 13, d("2025-01-01"), true)).toBe(3796);
    expect(statuses(G, 2025, null, null, 13, d("2025-01-01"), true).dmi).toBe("met");
  });
  test("R10 (seed 004): « au moins 13 heures par semaine » — 13 h qualifies, 12,99 h gives 0", () => {
    expect(run(C, 2025, 600, 40000, 13, d("2025-03-01"))).toBe(5000);
    expect(run(C, 2025, 600, 40000, 12.99, d("2025-03-01"))).toBe(0);
    expect(run(G, 2025, 600, 40000, 12.99, d("2025-01-01"))).toBe(0);
  });
  test("R10 (seed 004): continuité — contract effective between 1 September of the previous year and 31 August of the prime year (boundaries)", () => {
    expect(run(C, 2025, 600, 40000, 19, d("2024-09-01"))).toBe(5000);
    expect(run(C, 2025, 600, 40000, 19, d("2024-08-31"))).toBe(0);
    expect(run(C, 2025, 600, 40000, 19, d("2025-08-31"))).toBe(5000);
    expect(run(C, 2025, 600, 40000, 19, d("2025-09-01"))).toBe(0);
  });
  test("R10 (seed 004): gestion — the contract covers a period between 1 January and 31 December of the prime year", () => {
    expect(run(G, 2025, 600, 40000, 19, d("2025-12-31"))).toBe(3796);
    expect(run(G, 2025, 600, 40000, 19, d("2026-01-01"))).toBe(0);
  });
  test("R10 (seed 004): not cumulable with Maribel social, local subsidies or the other intervention; not for a practice that already had a contract", () => {
    expect(run(C, 2025, 600, 40000, 19, d("2025-03-01"), false, true, true)).toBe(0);
    expect(run(G, 2025, 600, 40000, 19, d("2025-01-01"), false, true)).toBe(0);
    expect(run(C, 2025, 600, 40000, 19, d("2025-03-01"), false, false)).toBe(0);
    expect(statuses(C, 2025, 600, 40000, 19, d("2025-03-01"), false, false).premier).toBe("not_met");
    expect(run(C, 2025, 600, 40000, 19, d("2025-03-01"), false, true, false)).toBe(5000);
  });
  test("R10: omitted hours or contract date -> #N/A naming them; the request deadline (31/10) is listed", () => {
    const e = errorOf(C, 2025, 600, 40000);
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/13 h\/semaine/);
    expect(carriedStatuses(e)).toMatchObject({ dmi: "met", remboursements: "met", heures: "unknown", contrat: "unknown", demande: "unknown" });
    const r = explained(C, 2025, 600, 40000, 19, d("2025-03-01"));
    expect(r.conditions?.find((c) => c.id === "demande")?.label).toMatch(/31\/10\/2025/);
    expect(explained(G, 2025, 600, 40000, 19, d("2025-03-01")).conditions?.find((c) => c.id === "demande")?.label).toMatch(/04\/11\/2025 au 31\/12\/2025/);
  });
  test("R10: prime year 2026 is #N/A (amounts depend on each year's requests; not published yet)", () => {
    expect(errorOf(C, 2026, 600, 40000, 19, d("2026-03-01")).message).toMatch(/dernière connue : 5 000,00 €/);
    expect(errorOf(G, 2026, 600, 40000, 19, d("2026-03-01")).kind).toBe("unknown");
    expect(errorOf(C, 2023, 600, 40000, 19, d("2023-03-01")).kind).toBe("unknown");
  });
  test("Medi-Sphere (08/2024), prime year 2024: continuité « entre 5.000 et 7.500 euros », request « du 1er septembre au 31 octobre 2024 »", () => {
    expect(run(C, 2024, 600, 40000, 19, d("2024-03-01"))).toBe(5000);
    expect(run(C, 2024, 600, 40000, 19, d("2024-03-01"), null, null, null, "max")).toBe(7500);
    expect(explained(C, 2024, 600, 40000, 19, d("2024-03-01")).conditions?.find((c) => c.id === "demande")?.label).toMatch(/31\/10\/2024/);
  });
  test("AGEF (30/08/2024): « entre le 01/01/2024 et le 31/08/2024 pour l'année de prime 2024 » — a contract of 01/01/2024 qualifies, one of 01/09/2023 or 01/09/2024 does not", () => {
    expect(run(C, 2024, 600, 40000, 19, d("2024-01-01"))).toBe(5000);
    expect(run(C, 2024, 600, 40000, 19, d("2024-08-31"))).toBe(5000);
    expect(run(C, 2024, 600, 40000, 19, d("2023-09-01"))).toBe(0);
    expect(run(C, 2024, 600, 40000, 19, d("2024-09-01"))).toBe(0);
    // Prime year 2025: 01/09/2024–31/08/2025; AGEF: « à partir de 2026 : entre le 01/09 de l'année précédente et le 31/08 ».
    expect(run(C, 2025, 600, 40000, 19, d("2024-09-01"))).toBe(5000);
  });
  test("Medi-Sphere (08/2024), prime year 2024: gestion « 3.796 euros », request from 1 November 2024; the 2024 payment date is not published (said in the steps)", () => {
    expect(run(G, 2024, 600, 40000, 19, d("2024-03-01"))).toBe(3796);
    const r = explained(G, 2024, 600, 40000, 19, d("2024-03-01"));
    expect(r.conditions?.find((c) => c.id === "demande")?.label).toMatch(/01\/11\/2024 au 31\/12\/2024/);
    expect(r.steps.join(" ")).toMatch(/date de versement de l'année 2024 non publiée/);
  });
  test("R10: bad input is #VALUE!", () => {
    expect(errorOf(C, 2025, -5).kind).toBe("invalid");
    expect(errorOf(C, 2025, 10.5).kind).toBe("invalid");
    expect(errorOf(C, 2025, 600, -1).kind).toBe("invalid");
    expect(errorOf(C, 2025, 600, 40000, 19, d("2025-03-01"), null, null, null, "médian").kind).toBe("invalid");
  });
});
