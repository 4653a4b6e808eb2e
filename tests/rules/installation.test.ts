import { params } from "../../src/params";
import { installationSubsidy } from "../../src/rules/installation";
import { RuleError } from "../../src/errors";
import { run, errorOf, statuses, explained, d, carriedStatuses } from "./helpers";

describe("R8 Brussels installation subsidy (seed 001; arrêté COCOM 19/12/2024, MB 14/01/2025)", () => {
  const agr = d("2022-10-01");
  const inst = d("2025-03-01");
  test("R8 (seed 001): young GP in a quartier en pénurie — up to 15 000 €: a 20 000 € budget is capped at 15 000 €", () => {
    expect(run("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, inst)).toBe(15000);
  });
  test("R8 (seed 001): the amount is the lesser of the cap and the budget — 12 000 € budget gives 12 000 €, exactly 15 000 € gives 15 000 €, 15 000,01 € gives 15 000 €", () => {
    expect(run("INSTALLATION.SUBSIDY", "jeune", 12000, true, agr, inst)).toBe(12000);
    expect(run("INSTALLATION.SUBSIDY", "jeune", 15000, true, agr, inst)).toBe(15000);
    expect(run("INSTALLATION.SUBSIDY", "jeune", 15000.01, true, agr, inst)).toBe(15000);
  });
  test("R8 (seed 001): outside a quartier en pénurie the young GP grant is 0, with the reason", () => {
    expect(run("INSTALLATION.SUBSIDY", "jeune", 20000, false, agr, inst)).toBe(0);
    expect(statuses("INSTALLATION.SUBSIDY", "jeune", 20000, false, agr, inst).penurie).toBe("not_met");
  });
  test("R8 (seed 001): « agréé·e depuis un délai de maximum 5 ans à la date d'installation » — exactly 5 years is young, one day more is not", () => {
    expect(run("INSTALLATION.SUBSIDY", "jeune", 10000, true, d("2020-03-01"), d("2025-03-01"))).toBe(10000);
    expect(run("INSTALLATION.SUBSIDY", "jeune", 10000, true, d("2020-03-01"), d("2025-03-02"))).toBe(0);
    expect(run("INSTALLATION.SUBSIDY", "jeune", 10000, true, d("2025-04-01"), d("2025-03-02"))).toBe(0);
  });
  test("R8: without the agrément and installation dates the young-GP condition is unknown -> #N/A naming it", () => {
    const e = errorOf("INSTALLATION.SUBSIDY", "jeune", 20000, true);
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/Jeune médecin/);
    expect(carriedStatuses(e).jeune).toBe("unknown");
  });
  test("R8 (seed 001): request « dans les 6 mois suivant la date d'installation » — 15/03 -> 15/09 is in time, 16/09 is late (0)", () => {
    expect(run("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, d("2025-03-15"), d("2025-09-15"))).toBe(15000);
    expect(run("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, d("2025-03-15"), d("2025-09-16"))).toBe(0);
  });
  test("R8: without a request date the 6-month deadline is listed to respect, not blocking", () => {
    const r = explained("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, d("2025-03-15"));
    const c = r.conditions?.find((x) => x.id === "delai");
    expect(c?.status).toBe("unknown");
    expect(c?.label).toMatch(/au plus tard le 15\/09\/2025/);
    expect(r.value).toBe(15000);
  });
  test("R8 (seed 001): multidisciplinary structure — up to 225 000 € in a quartier en pénurie, 150 000 € elsewhere", () => {
    expect(run("INSTALLATION.SUBSIDY", "structure", 300000, true, null, inst)).toBe(225000);
    expect(run("INSTALLATION.SUBSIDY", "structure", 300000, false, null, inst)).toBe(150000);
    expect(run("INSTALLATION.SUBSIDY", "multidisciplinaire structuur", 100000, false, null, inst)).toBe(100000);
  });
  test("R8 (seed 001): the guide prints « maximum 225.00€ » once — a typo: the cap is 225 000 €, and the note says so", () => {
    const p = params.get("installation.structure.plafond.penurie");
    expect(p.versions[0].value).toBe(22_500_000); // cents
    expect(p.versions[0].note).toMatch(/225\.00€/);
    expect(p.versions[0].note).toMatch(/coquille/);
    expect(run("INSTALLATION.SUBSIDY", "structure", 1000000, true, null, inst)).not.toBe(225);
  });
  test("R8: a structure whose pénurie status is unknown is #N/A giving both caps (rule level)", () => {
    let err: unknown;
    try {
      installationSubsidy({ kind: "structure", budget: 100, penurie: null, agrement: null, installation: inst, request: null, fallbackDate: inst });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RuleError);
    expect((err as RuleError).message).toMatch(/225 000,00 €.*150 000,00 €/);
  });
  test("Arrêté du Collège réuni du 19/12/2024 (M.B. 14/01/2025): installed on 14/01/2025, 15 000 €, with the arrêté itself as the first source", () => {
    expect(run("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, d("2025-01-14"))).toBe(15000);
    const r = explained("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, d("2025-01-14"));
    expect(r.sources[0].title).toMatch(/^Arrêté du Collège réuni de la Commission communautaire commune du 19\/12\/2024/);
    expect(r.sources[0].url).toBe("https://etaamb.openjustice.be/fr/nl/arrete-de-la-commission-communautaire-commune-du-19-de_n2024011767.html");
    // The FAMGB guide is cited for what it is: a summary of the annulled 2022 arrêté.
    expect(r.sources.some((s) => /résumé de l'arrêté du Collège réuni du 27\/01\/2022 \(annulé par le Conseil d'État le 18\/09\/2024\)/.test(s.title))).toBe(true);
  });
  test("before 14/01/2025 (the 2022 arrêté annulled by the Conseil d'État on 18/09/2024): #N/A whose message says why", () => {
    const e = errorOf("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, d("2025-01-13"));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/annulé par le Conseil d'État le 18\/09\/2024/);
    expect(errorOf("INSTALLATION.SUBSIDY", "structure", 100000, true, null, d("2023-06-01")).kind).toBe("unknown");
  });
  test("FAMGB: « Prester ses activités moyennant la facturation du tarif conventionné » — FALSE gives 0, TRUE the amount, omitted « à vérifier »", () => {
    expect(run("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, inst, null, false)).toBe(0);
    expect(statuses("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, inst, null, false).convention).toBe("not_met");
    expect(run("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, inst, null, true)).toBe(15000);
    expect(statuses("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, inst).convention).toBe("unknown");
  });
  test("Le Spécialiste (2025): « rester dans le même quartier au moins cinq ans » — listed, cited to Le Spécialiste", () => {
    const r = explained("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, inst);
    expect(r.conditions?.find((c) => c.id === "sejour")?.label).toBe("Rester installé au moins 5 ans dans le même quartier");
    expect(r.sources.some((s) => s.title.startsWith("Le Spécialiste, « Primes à l'installation"))).toBe(true);
  });
  test("R8: bad input is #VALUE!", () => {
    expect(errorOf("INSTALLATION.SUBSIDY", "hôpital", 20000, true).kind).toBe("invalid");
    expect(errorOf("INSTALLATION.SUBSIDY", "jeune", -1, true, agr, inst).kind).toBe("invalid");
    expect(errorOf("INSTALLATION.SUBSIDY", "jeune", 20000, null, agr, inst).kind).toBe("invalid");
    expect(errorOf("INSTALLATION.SUBSIDY", "jeune", 20000, true, agr, null, d("2025-04-01")).kind).toBe("invalid");
  });
});
