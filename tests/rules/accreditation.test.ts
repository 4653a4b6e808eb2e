import { run, errorOf, explained, d } from "./helpers";
import { params } from "../../src/params";

describe("R4 accreditation (seeds 000, 001)", () => {
  test("R4 (seed 000): honoraire forfaitaire annuel d'accréditation 757,23 € en 2025", () => {
    expect(run("ACCREDITATION.FORFAIT", 2025)).toBe(757.23);
  });
  test("R4 (public source ABSyM): 733,61 € in 2024", () => {
    expect(run("ACCREDITATION.FORFAIT", 2024)).toBe(733.61);
    expect(explained("ACCREDITATION.FORFAIT", 2024).sources[0].title).toMatch(/ABSyM/);
    // conditions are attested from 2025: with facts, 2024 is #N/A
    expect(errorOf("ACCREDITATION.FORFAIT", 2024, 20).kind).toBe("unknown");
  });
  test("R4: 2026 and 2023 are #N/A naming the nearest known fee", () => {
    expect(errorOf("ACCREDITATION.FORFAIT", 2026).message).toMatch(/dernière connue : 757,23 €/);
    expect(errorOf("ACCREDITATION.FORFAIT", 2023).message).toMatch(/première connue : 733,61 €/);
    expect(errorOf("ACCREDITATION.FORFAIT", "x").kind).toBe("invalid");
  });
  test("R4 (seed 000): the period starts « le 1er jour du mois qui suit la réception de votre reconnaissance et de votre demande »", () => {
    expect(run("ACCREDITATION.DATE", "debut", d("2025-10-15"))).toBe(d("2025-11-01"));
    expect(run("ACCREDITATION.DATE", "debut", d("2025-10-31"))).toBe(d("2025-11-01"));
    expect(run("ACCREDITATION.DATE", "debut", d("2025-11-01"))).toBe(d("2025-12-01"));
    // request after the recognition: the later of the two counts
    expect(run("ACCREDITATION.DATE", "debut", d("2025-10-15"), d("2025-11-20"))).toBe(d("2025-12-01"));
    expect(run("ACCREDITATION.DATE", "debut", d("2025-12-15"))).toBe(d("2026-01-01"));
  });
  test("R4 (seeds 000, 001): valid 1 year; renewal requested at the latest 2 months before the end, for 3 years", () => {
    expect(run("ACCREDITATION.DATE", "fin", d("2025-10-15"))).toBe(d("2026-10-31"));
    expect(run("ACCREDITATION.DATE", "renouvellement", d("2025-10-15"))).toBe(d("2026-08-31"));
    expect(run("ACCREDITATION.DATE", "prolongation", d("2025-10-15"))).toBe(d("2029-10-31"));
    expect(run("ACCREDITATION.DATE", "verlenging", d("2025-10-15"), d("2025-11-20"))).toBe(d("2026-09-30"));
  });
  test("R4 (seed 000): request « à partir du jour de votre demande d'agrément, et pendant les 3 mois qui suivent votre agrément »", () => {
    expect(run("ACCREDITATION.DATE", "demande-fin", d("2025-10-15"))).toBe(d("2026-01-15"));
    expect(run("ACCREDITATION.DATE", "demande-debut", d("2025-10-15"), null, d("2025-08-01"))).toBe(d("2025-08-01"));
    // last day of the window works, the day after is refused with the reason
    expect(run("ACCREDITATION.DATE", "debut", d("2025-10-15"), d("2026-01-15"))).toBe(d("2026-02-01"));
    const late = errorOf("ACCREDITATION.DATE", "debut", d("2025-10-15"), d("2026-01-16"));
    expect(late.kind).toBe("unknown");
    expect(late.message).toMatch(/hors délai/);
    // before the agrément request: out of the window too
    expect(errorOf("ACCREDITATION.DATE", "debut", d("2025-10-15"), d("2025-07-31"), d("2025-08-01")).kind).toBe("unknown");
    expect(run("ACCREDITATION.DATE", "debut", d("2025-10-15"), d("2025-08-01"), d("2025-08-01"))).toBe(d("2025-11-01"));
  });
  test("R4: the window condition and the GLEM condition are listed", () => {
    const r = explained("ACCREDITATION.DATE", "debut", d("2025-10-15"));
    expect(r.conditions?.map((c) => [c.id, c.status])).toEqual([["fenetre", "met"], ["glem", "unknown"], ["en-ligne", "unknown"]]);
    expect(r.steps.join(" ")).toMatch(/supposée/);
  });
  test("R4: demande-debut needs the agrément request date; an agrément request after the agrément is #VALUE!", () => {
    expect(errorOf("ACCREDITATION.DATE", "demande-debut", d("2025-10-15")).kind).toBe("unknown");
    expect(errorOf("ACCREDITATION.DATE", "debut", d("2025-10-15"), null, d("2025-10-16")).kind).toBe("invalid");
    expect(errorOf("ACCREDITATION.DATE", "bientôt", d("2025-10-15")).kind).toBe("invalid");
  });
  test("R4: procedural durations are attested from 2025 only — an agrément in 2024 is #N/A with the first known value", () => {
    const e = errorOf("ACCREDITATION.DATE", "fin", d("2024-10-15"));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/première connue/);
  });
});

describe("R4 accreditation conditions (seed 001, « Conditions d'octroi »)", () => {
  const F = "ACCREDITATION.FORFAIT";
  test("R4 (seed 001): 20 CP in 12 months incl. 3 CP ethics & economics, 2 GLEM sessions — all met gives the fee", () => {
    expect(run(F, 2025, 20, 3, 2)).toBe(757.23);
  });
  test("R4 (seed 001): each threshold just missed gives 0 with the reason", () => {
    expect(run(F, 2025, 19, 3, 2)).toBe(0);
    expect(run(F, 2025, 20, 2, 2)).toBe(0);
    expect(run(F, 2025, 20, 3, 1)).toBe(0);
  });
  test("R4 (seed 001): after the first 4 years, at least 1 250 contacts a year (5 per working day)", () => {
    expect(run(F, 2025, 20, 3, 2, 1250, 4)).toBe(757.23);
    expect(run(F, 2025, 20, 3, 2, 1249, 4)).toBe(0);
    expect(run(F, 2025, 20, 3, 2, 800, 3)).toBe(757.23);
    // contacts below the threshold, years unknown: listed to check, not blocking
    const r = explained(F, 2025, 20, 3, 2, 800);
    expect(r.value).toBe(757.23);
    expect(r.conditions?.find((c) => c.id === "contacts")?.status).toBe("unknown");
  });
  test("R4: bad facts are #VALUE! (negative, decimals, ethics CP above the total)", () => {
    expect(errorOf(F, 2025, -1).kind).toBe("invalid");
    expect(errorOf(F, 2025, 20.5).kind).toBe("invalid");
    expect(errorOf(F, 2025, 20, 21).kind).toBe("invalid");
  });
});

describe("accreditation forfait: public sources", () => {
  test("ABSyM/BVAS « Accrediteringsforfait huisartsen »: « € 733,61* (2024) »; Domus Medica: the amount depends on adherence to the agreement (said in the note)", () => {
    const r = explained("ACCREDITATION.FORFAIT", 2024);
    expect(r.value).toBe(733.61);
    expect(r.sources.map((s) => s.url)).toContain("https://www.absym-bvas.be/financiele-topics/tegemoetkomingen-huisartsen/accrediteringsforfait-huisartsen");
    expect(params.forYear("accreditation.forfait", 2024).version.note).toMatch(/dépend de l'adhésion à l'accord/);
  });
});
