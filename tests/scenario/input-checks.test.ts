/**
 * Scenario input that cannot silently go wrong, and the eligibility fixes of
 * the projection, each named after the document's sentence.
 */
import { parseScenario } from "../../src/scenario/schema";
import { simulate } from "../../src/scenario/simulate";
import { exampleInput, variant } from "./helpers";

const problems = (patch: Record<string, unknown>) => {
  const base = JSON.parse(JSON.stringify(exampleInput)) as Record<string, unknown>;
  const r = parseScenario({ ...base, ...patch });
  return r.ok ? [] : r.problems.map((p) => `${p.path} : ${p.message}`);
};

describe("scenario files: unknown keys, quarters and the accreditation start are checked", () => {
  test("an unknown key is refused with the closest known key (installationBudjet → installationBudget)", () => {
    expect(problems({ installationBudjet: 15000 })).toEqual(["installationBudjet : clé inconnue — vouliez-vous dire installationBudget ?"]);
  });
  test("a nested typo too (activity[0].consultationPerWeek → consultationsPerWeek)", () => {
    const a = JSON.parse(JSON.stringify(exampleInput.activity)) as Record<string, unknown>[];
    a[0].consultationPerWeek = 10;
    expect(problems({ activity: a }).join("\n")).toMatch(/activity\[0\]\.consultationPerWeek : clé inconnue — vouliez-vous dire consultationsPerWeek \?/);
  });
  test("the removed share of accredited consultations says what replaced it", () => {
    const a = JSON.parse(JSON.stringify(exampleInput.activity)) as Record<string, unknown>[];
    a[1].accreditedSharePercent = 80;
    expect(problems({ activity: a }).join("\n")).toMatch(/accreditedSharePercent : clé supprimée : l'accréditation est un statut du médecin/);
  });
  test("quarter code 999 is refused; a code that does not match the quarter name is refused", () => {
    expect(problems({ quartier: { code: 999, penurie: false } }).join("\n")).toMatch(/quartier\.code : code de quartier inconnu 999/);
    expect(problems({ quartier: { code: 11, name: "Flagey - Malibran", penurie: false } }).join("\n")).toMatch(/quartier\.name : le nom ne correspond pas au code/);
  });
  test("accreditation: « la période commence le 1er jour du mois qui suit » the recognition and the request — an earlier start is refused", () => {
    expect(problems({ accreditation: { accredited: true, from: "2025-12-01" } }).join("\n")).toMatch(/l'accréditation ne peut commencer qu'au 01\/01\/2026/);
    expect(problems({ accreditation: { accredited: true, from: "2026-03-01" } })).toEqual([]);
  });
  test("a maison médicale works à l'acte or au forfait: the old single type is refused with both choices", () => {
    expect(problems({ practice: { type: "maison-medicale", gps: 3 } }).join("\n")).toMatch(/maison-medicale-acte ou maison-medicale-forfait/);
  });
  test("no silent 0 % communal surcharge: without a commune, the scenario asks for one", () => {
    expect(problems({ household: { dependants: 0 } }).join("\n")).toMatch(/household\.commune : indiquez la commune de résidence/);
    expect(problems({ household: { commune: "Anderlecht" } }).join("\n")).toMatch(/taux de la taxe communale de Anderlecht non publié/);
    expect(problems({ household: { commune: "Anderlecht", communalRatePercent: 5.9 } })).toEqual([]);
  });
});

describe("eligibility, in real money", () => {
  const pen = { quartier: { code: 11, penurie: true }, dates: { endOfTraining: "2025-06-30", agrement: "2025-07-01", inamiNumber: "2025-07-15", installation: "2025-10-01" } };
  test("installation subsidy: « Prester ses activités moyennant la facturation du tarif conventionné » (FAMGB) — a non-conventionné GP gets 0", () => {
    expect(simulate(variant({ ...pen, conventionnement: "total" })).years[0].primes.accrued.installation).toBe(1500000);
    expect(simulate(variant({ ...pen, conventionnement: "aucun" })).years[0].primes.accrued.installation).toBe(0);
  });
  test("« une maison médicale travaille à l'acte ou au forfait » (FAMGB): au forfait, no per-act fees, the forfait income hypothesis instead", () => {
    const sim = simulate(variant({ practice: { type: "maison-medicale-forfait", gps: 4 }, activity: [{ consultationsPerWeek: 80, visitsPerWeek: 10, weeksWorked: 46, forfaitIncome: 60000, dmgCount: 600, eServicesCriteria: 5, acceptedSoftware: true }] }));
    expect(sim.years[1].revenues.actFees).toBe(0);
    expect(sim.years[1].revenues.forfaitIncome).toBe(6000000);
    expect(sim.years[1].primes.ppi.status).toBe("forfait");
    // « vous n'avez pas droit à cette prime DMG débutant si vous avez travaillé au forfait » (GBO)
    expect(sim.years[0].primes.dmg.amount).toBe(0);
  });
  test("« une seule fois par numéro d'entreprise et par adresse de travail » (Journal du Médecin): 3 GPs share one gestion de cabinet", () => {
    const staff = { telesecretariat: { months: 0, yearlyCost: 0 }, employee: { months: 12, yearlyCost: 6000, hoursPerWeek: 20, contractStart: "2025-10-01" } };
    const sim = simulate(variant({ practice: { type: "regroupement", gps: 3 }, staff }));
    const y = sim.years[2].primes;
    // Impulseo II: 6 000 × 50 % = 3 000 for the practice, 1 000 for this GP; gestion 3 796 / 3 = 1 265,33 → the INAMI option is better.
    expect(y.choice.support).toBe(true);
    expect(y.accrued.gestion).toBe(126533);
    expect(y.accrued.impulseo).toBe(0);
  });
});
