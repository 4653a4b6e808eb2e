import { run, errorOf, explained, d } from "./helpers";
import { deadlines, EVENTS } from "../../src/rules/echeances";
import { params } from "../../src/params";

const E = (event: string, date: number | string) => run("ECHEANCE", event, date);

describe("ECHEANCE — deadlines of R3, R4, R5, R6, R7, R8, R9, R10", () => {
  test("R3 (seed 000): the Commission decides within 90 days of the complete file — 01/10/2025 -> 30/12/2025", () => {
    expect(E("agrement.commission", d("2025-10-01"))).toBe(d("2025-12-30"));
    expect(E("agrement.commission", d("2025-09-30"))).toBe(d("2025-12-29"));
    expect(E("agrement.commission", d("2025-10-02"))).toBe(d("2025-12-31"));
  });
  test("R3 (seed 000): incomplete file to complete within 3 months of the notice (EDATE: 30/11 -> 28/02)", () => {
    expect(E("agrement.incomplet", d("2025-11-15"))).toBe(d("2026-02-15"));
    expect(E("dossier incomplet", d("2025-11-30"))).toBe(d("2026-02-28"));
  });
  test("R3 (seed 000): favourable decision and unfavourable opinion notified within 30 days", () => {
    expect(E("agrement.decision", d("2025-12-01"))).toBe(d("2025-12-31"));
    expect(E("avis défavorable", d("2025-12-01"))).toBe(d("2025-12-31"));
  });
  test("R3 (seed 000): early request from 1 August, carnet de stage up to 30/09, file completed from 1 October", () => {
    expect(E("agrement.demande-anticipee", d("2025-09-30"))).toBe(d("2025-08-01"));
    expect(E("carnet de stage", d("2025-09-30"))).toBe(d("2025-09-30"));
    expect(E("agrement.complement", d("2025-09-30"))).toBe(d("2025-10-01"));
  });
  test("R4 (seed 000): accreditation dates through ECHEANCE (base = day recognition and request are both received)", () => {
    expect(E("accreditation.debut", d("2025-10-15"))).toBe(d("2025-11-01"));
    expect(E("accreditation.renouvellement", d("2025-10-15"))).toBe(d("2026-08-31"));
    expect(E("accreditation.demande-fin", d("2025-10-15"))).toBe(d("2026-01-15"));
  });
  test("R5 (seeds 000, 001): refusal or partial adherence within 30 days of the publication in the Moniteur belge", () => {
    expect(E("convention.refus", d("2025-02-10"))).toBe(d("2025-03-12"));
    expect(E("statut-social.contrat", 2024)).toBe(d("2024-12-31"));
  });
  test("R6 (seed 002): contest the PPI within 60 days", () => {
    expect(E("ppi.contestation", d("2024-09-01"))).toBe(d("2024-10-31"));
    expect(E("betwisting", d("2024-09-02"))).toBe(d("2024-11-01"));
  });
  test("R7 (seed 000): the forfait window of the DMG débutant prime runs 1 January – 31 May of the year after the PPI year", () => {
    expect(E("dmg.forfait-debut", 2024)).toBe(d("2025-01-01"));
    expect(E("dmg.forfait-fin", 2024)).toBe(d("2025-05-31"));
  });
  test("R8 (seed 001): subsidy request within 6 months of installation; spending from 6 months before to 3 years after", () => {
    expect(E("installation.demande", d("2025-03-15"))).toBe(d("2025-09-15"));
    expect(E("installation.demande", d("2025-08-31"))).toBe(d("2026-02-28"));
    expect(E("installation.depenses-debut", d("2025-03-15"))).toBe(d("2024-09-15"));
    expect(E("installation.depenses-fin", d("2025-03-15"))).toBe(d("2028-03-15"));
    expect(E("installation.jeune-limite", d("2020-03-01"))).toBe(d("2025-03-01"));
  });
  test("R8: a young-GP limit falling before the arrêté (14/01/2025) is #N/A", () => {
    expect(errorOf("ECHEANCE", "installation.jeune-limite", d("2019-12-31")).kind).toBe("unknown");
  });
  test("R9 (seed 001): Impulseo request between 1 January and 30 June of the year after the costs", () => {
    expect(E("impulseo", 2025)).toBe(d("2026-06-30"));
    expect(E("impulseo", d("2025-06-01"))).toBe(d("2026-06-30"));
    expect(E("impulseo.demande-debut", "2025")).toBe(d("2026-01-01"));
    expect(errorOf("ECHEANCE", "impulseo", 2023).kind).toBe("unknown");
  });
  test("R10 (seed 004): continuité by 31 October; gestion from 4 November to 31 December; gestion paid by 31 March", () => {
    expect(E("continuite", 2025)).toBe(d("2025-10-31"));
    expect(E("continuity of care", 2025)).toBe(d("2025-10-31"));
    expect(E("continuite.contrat-debut", 2025)).toBe(d("2024-09-01"));
    expect(E("continuite.contrat-fin", 2025)).toBe(d("2025-08-31"));
    expect(E("gestion.demande-debut", 2025)).toBe(d("2025-11-04"));
    expect(E("praktijkbeheer", 2025)).toBe(d("2025-12-31"));
    expect(E("gestion.paiement", 2025)).toBe(d("2026-03-31"));
    expect(errorOf("ECHEANCE", "continuite", 2026).message).toMatch(/2025/);
  });
  test("every deadline names its source and the computation", () => {
    const r = explained("ECHEANCE", "agrement.commission", d("2025-10-01"));
    expect(r.steps[0]).toMatch(/01\/10\/2025 \+ 90 jours = 30\/12\/2025/);
    expect(r.sources[0].seed).toBe("000_3a813b6de0dc6b5c.txt");
  });
  test("every duration is a dated parameter of kind days/months or a calendar date, with sources", () => {
    for (const e of EVENTS) {
      // each event computes at a date where its rule is known
      const base = e.base === "agrement" && e.id === "installation.jeune-limite" ? d("2021-01-01") : d("2025-06-01");
      expect(() => e.compute(base)).not.toThrow();
    }
    for (const id of ["agrement.commission.delai", "agrement.incomplet.delai", "installation.demande.delai", "ppi.contestation.delai", "accreditation.renouvellement.preavis"]) {
      expect(["days", "months"]).toContain(params.get(id).kind);
    }
  });
  test("bad input: unknown event is #VALUE! listing the events; a non-date is #VALUE!", () => {
    const e = errorOf("ECHEANCE", "pâques", d("2025-01-01"));
    expect(e.kind).toBe("invalid");
    expect(e.message).toMatch(/agrement\.commission/);
    expect(errorOf("ECHEANCE", "agrement.commission", "demain").kind).toBe("invalid");
    expect(errorOf("ECHEANCE", "agrement.commission", 2025).kind).toBe("unknown"); // serial 2025 = 1905: before the rule
  });
  test("R3: a complete file received before 2025 is #N/A (the delays are attested from 2025 only)", () => {
    expect(errorOf("ECHEANCE", "agrement.commission", d("2024-12-31")).message).toMatch(/première connue : 90 jours/);
  });
});

describe("deadlines(): the scenario's Échéancier", () => {
  test("lists every event derivable from the given dates, sorted, with label and source", () => {
    const rows = deadlines({ installation: d("2025-03-15"), agrement: d("2024-10-15"), years: [2025] });
    const dates = rows.map((r) => r.date ?? Infinity);
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
    const byEvent = Object.fromEntries(rows.map((r) => [r.event, r]));
    expect(byEvent["installation.demande"].date).toBe(d("2025-09-15"));
    expect(byEvent["installation.demande"].label).toMatch(/Subvention d'installation/);
    expect(byEvent["installation.demande"].source).toMatch(/Arrêté du Collège réuni de la Commission communautaire commune du 19\/12\/2024/);
    expect(byEvent["impulseo.demande"].date).toBe(d("2026-06-30"));
    expect(byEvent["impulseo.demande"].year).toBe(2025);
    expect(byEvent["gestion.paiement"].date).toBe(d("2026-03-31"));
    expect(byEvent["installation.jeune-limite"].date).toBe(d("2029-10-15"));
    // the accreditation request window after a 2024 agrément is not attested: kept with the reason
    expect(byEvent["accreditation.demande-fin"].date).toBeNull();
    expect(byEvent["accreditation.demande-fin"].error).toMatch(/première connue/);
    expect(byEvent["agrement.commission"]).toBeUndefined();
  });
  test("labels in Dutch", () => {
    const rows = deadlines({ installation: d("2025-03-15") }, "nl");
    expect(rows.find((r) => r.event === "installation.demande")?.label).toMatch(/Installatiesubsidie/);
  });
});
