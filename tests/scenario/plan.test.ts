/**
 * The sheet plan of the example scenario (examples/scenario-exemple.json),
 * checked against values computed by hand from the seeds.
 *
 * The example: end of training 30/09/2025, installed alone on 01/10/2025,
 * agréé on 01/12/2025, agréé INAMI number on 15/12/2025, conventionné,
 * accredited from 01/01/2026, telesecretariat 12 months for 6 000 €/year,
 * rent 9 600 €, other costs 8 000 €, FAMGB cercle, 12 000 € of equipment over
 * 5 years, horizon 2025–2029, no indexation.
 */
import { buildPlan } from "../../src/scenario/plan";
import { simulate } from "../../src/scenario/simulate";
import { parseScenario, formatProblems } from "../../src/scenario/schema";
import { isRuleError } from "../../src/errors";
import { isValidSheetName } from "../../src/workbook/plan";
import { exampleScenario, exampleInput, variant, sheet, yearResults, rowByLabel } from "./helpers";

describe("buildPlan — the example scenario", () => {
  const plan = buildPlan(exampleScenario());

  test("the seven sheets, in French, in order", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(["Hypothèses", "Paramètres", "Revenus", "Primes", "Charges", "Synthèse", "Échéancier"]);
    expect(plan.sheets.map((s) => s.key)).toEqual(["hyp", "par", "rev", "pri", "chg", "syn", "ech"]);
  });

  test("R1 (seed 000): 2025 is split at the agrément — 61 days at 75 %, 31 days at the full fee", () => {
    const rev = sheet(plan, "rev");
    // 01/10/2025 → 31/12/2025 = 31 + 30 + 31 = 92 days; before 01/12: 31 + 30 = 61; after: 31.
    expect(yearResults(rev, "Jours d'activité dans l'année", 2)).toEqual([92, 365]);
    expect(yearResults(rev, "dont avant l'agrément", 2)).toEqual([61, 0]);
    expect(yearResults(rev, "dont après l'agrément", 2)).toEqual([31, 365]);
  });

  test("R1 (seed 000): 2025 fees — 461 consultations at 19,88 € and 62 visits at 35,46 € before agrément", () => {
    const rev = sheet(plan, "rev");
    // 60 consultations × 46 weeks = 2 760 a year; × 61/365 = 461,26 → 461; × 31/365 = 234,41 → 234.
    // 8 visits × 46 = 368; × 61/365 = 61,50 → 62; × 31/365 = 31,25 → 31. No accredited act in 2025.
    const rows = rev.rows.filter((r) => r[0]?.value === "Consultations (nombre, arrondi)");
    expect(rows.map((r) => r[1]?.result)).toEqual([461, 234]);
    const visits = rev.rows.filter((r) => r[0]?.value === "Visites à domicile (103132)");
    expect(visits.map((r) => r[1]?.result)).toEqual([62, 31]);
    // 75 % of 26,50 = 19,875 → 19,88 (the seed prints 19,86: a slip); 75 % of 47,28 = 35,46.
    expect(yearResults(rev, "Consultation, médecin non accrédité (101032) — à 75 %", 1)).toEqual([19.88]);
    expect(yearResults(rev, "Visite à domicile (103132) — à 75 %", 1)).toEqual([35.46]);
    // 461 × 19,88 + 62 × 35,46 = 9 164,68 + 2 198,52 = 11 363,20
    expect(yearResults(rev, "Honoraires avant l'agrément", 1)).toEqual([11363.2]);
    // 234 × 26,50 + 31 × 47,28 = 6 201,00 + 1 465,68 = 7 666,68
    expect(yearResults(rev, "Honoraires après l'agrément", 1)).toEqual([7666.68]);
    expect(yearResults(rev, "Total des honoraires", 1)).toEqual([19029.88]);
  });

  test("R1: 2026 fees with 80 % accredited consultations, at the published 2026 fees (Domus Medica: 33,73 €, 48,57 €) and the non-accredited 2025 fee carried over", () => {
    // 80 × 46 = 3 680 consultations: 2 944 accredited (80 %), 736 not; 10 × 46 = 460 visits.
    // 2 944 × 33,73 + 736 × 26,50 + 460 × 48,57 = 99 301,12 + 19 504,00 + 22 342,20 = 141 147,32
    const rev = sheet(plan, "rev");
    expect(yearResults(rev, "Total des honoraires", 2)[1]).toBe(141147.32);
    expect(rowByLabel(rev, "Montants légaux de l'année")[2]?.value).toBe("EXTRAPOLÉS");
    expect(rowByLabel(rev, "Montants légaux de l'année")[1]?.value).toBe("publiés");
  });

  test("R6, R7, R9 (seeds 001, 002): 2025 primes — PPI 1 000 €, DMG débutant 4 256 €, Impulseo III 250 €", () => {
    const pri = sheet(plan, "pri");
    // 3 criteria < 5 (first tier of 2025): base amount 1 000 €.
    expect(yearResults(pri, "Prime de pratique intégrée", 1)).toEqual([1000]);
    // Number obtained in 2025 (≥ 2021), PPI obtained, à l'acte, electronic records: 4 256 € once.
    expect(yearResults(pri, "Prime DMG débutant", 5)).toEqual([4256, 0, 0, 0, 0]);
    // Telesecretariat Oct–Dec: 3 months = 1 500 €; claimable after agrément: December only = 500 €;
    // 50 % = 250 € < cap 4 700 × 1/12 = 391,67 €.
    expect(yearResults(pri, "Impulseo III : mois demandés", 2)).toEqual([1, 12]);
    expect(yearResults(pri, "Impulseo III (part du médecin)", 2)).toEqual([250, 3000]);
    expect(yearResults(pri, "Total des primes et subsides", 1)).toEqual([5506]);
  });

  test("R4, R5, R6: 2026 primes — PPI 3 500 €, accreditation 757,23 €, statut social 6 243,59 € (Vlaams Artsensyndicaat, 2026)", () => {
    const pri = sheet(plan, "pri");
    // 5 criteria = first tier (2025 table carried over): 3 500 €; 6 → 4 500 €; 7 → 6 000 €.
    expect(yearResults(pri, "Prime de pratique intégrée", 5)).toEqual([1000, 3500, 4500, 6000, 6000]);
    expect(yearResults(pri, "Forfait d'accréditation", 2)).toEqual([0, 757.23]);
    // Statut social: not in 2025 (agréé on 01/12/2025, not active all year); 2026: the published 2026 amount.
    expect(yearResults(pri, "Statut social", 2)).toEqual([0, 6243.59]);
    // 3 500 + 3 000 + 757,23 + 6 243,59 = 13 500,82
    expect(yearResults(pri, "Total des primes et subsides", 2)[1]).toBe(13500.82);
    // Conditions are TRUE/FALSE cells.
    expect(yearResults(pri, "Premier palier atteint", 2)).toEqual([false, true]);
    expect(yearResults(pri, "Quartier en pénurie", 1)).toEqual([false]);
    expect(yearResults(pri, "Subvention d'installation", 1)).toEqual([0]);
  });

  test("R13 (seed 001): 2025 charges prorated by 92/365 days, FAMGB dues 550 €, depreciation 2 400 €", () => {
    const chg = sheet(plan, "chg");
    // rent 9 600 × 92/365 = 2 419,73; other 8 000 × 92/365 = 2 016,44; telesecretariat 3 months = 1 500.
    expect(yearResults(chg, "Loyer", 2)).toEqual([2419.73, 9600]);
    expect(yearResults(chg, "Autres frais", 2)).toEqual([2016.44, 8000]);
    expect(yearResults(chg, "Cotisation au cercle", 2)).toEqual([550, 550]);
    expect(yearResults(chg, "Amortissements", 5)).toEqual([2400, 2400, 2400, 2400, 2400]);
    // 1 500 + 2 419,73 + 2 016,44 + 550 + 2 400 = 8 886,17
    expect(yearResults(chg, "Total des charges", 2)).toEqual([8886.17, 26550]);
  });

  test("R14 (cotisations-sociales.json, Eloya 2025): starter pays the provisional 871,71 €/quarter on the minimum income, from the installation quarter", () => {
    const syn = sheet(plan, "syn");
    // Installed 01/10/2025: 1 quarter in 2025, then 4. Starting period = 2025 + 3 full calendar years (2026–2028).
    expect(yearResults(syn, "Trimestres d'activité", 5)).toEqual([1, 4, 4, 4, 4]);
    expect(yearResults(syn, "Débutant", 5)).toEqual([true, true, true, true, false]);
    // Provisional: 20,50 % × 17 008,88 € (minimum income 2025) / 4 = 871,705 → 871,71 € per quarter.
    // 2029 (established, 2025 scale carried over): result 173 800,20 € > ceiling 108 238,40 €:
    // (20,50 % × 73 447,52 + 14,16 % × (108 238,40 − 73 447,52)) / 4 = (15 056,7416 + 4 926,3886) / 4 = 4 995,78 €.
    expect(yearResults(syn, "Cotisation par trimestre", 5)).toEqual([871.71, 871.71, 871.71, 871.71, 4995.78]);
    expect(yearResults(syn, "Cotisations sociales d'indépendant", 5)).toEqual([871.71, 3486.84, 3486.84, 3486.84, 19983.12]);
  });

  test("R14 (ipp.json, SPF Finances/Bona) + R9 (seed 001, 16,5 %): taxable income, tax and net income per year", () => {
    const syn = sheet(plan, "syn");
    // Impulseo III (the GP's share) kept out of the progressive base: 250 € in 2025, 3 000 € a year after.
    expect(yearResults(syn, "Impulseo II/III (part du médecin)", 5)).toEqual([250, 3000, 3000, 3000, 3000]);
    // 2025: 15 649,71 − 871,71 − 250 = 14 528,00 ; 2026: 128 098,14 − 3 486,84 − 3 000 = 121 611,30 ;
    // 2029: 178 808,44 − 19 983,12 − 3 000 = 155 825,32.
    expect(yearResults(syn, "Revenu imposable au barème", 5)).toEqual([14528, 121611.3, 155638.38, 172321.6, 155825.32]);
    // 2025: 25 % × 14 528 = 3 632,00. 2026 (2025 scale): 18 540 (cumul at 49 840) + 50 % × 71 771,30 = 54 425,65 ;
    // 2029: 18 540 + 50 % × 105 985,32 = 71 532,66.
    expect(yearResults(syn, "Impôt selon le barème progressif", 5)).toEqual([3632, 54425.65, 71439.19, 79780.8, 71532.66]);
    // Tax-free amount 10 910 € imputed on the first slab of its own scale (25 % up to 11 460 €): 2 727,50 €.
    expect(yearResults(syn, "Réduction pour la quotité exemptée", 5)).toEqual([2727.5, 2727.5, 2727.5, 2727.5, 2727.5]);
    // Separate rate 16,5 %: 250 → 41,25 ; 3 000 → 495,00. Communal surcharge 0 % in the example.
    expect(yearResults(syn, "Impôt au taux distinct", 5)).toEqual([41.25, 495, 495, 495, 495]);
    // 2025: 3 632 − 2 727,50 + 0 + 41,25 = 945,75 ; 2029: 71 532,66 − 2 727,50 + 495 = 69 300,16.
    expect(yearResults(syn, "Impôt des personnes physiques", 5)).toEqual([945.75, 52193.15, 69206.69, 77548.3, 69300.16]);
    // Net: 15 649,71 − 871,71 − 945,75 = 13 832,25 ; 2026: 128 098,14 − 3 486,84 − 52 193,15 = 72 418,15 ;
    // 2029: 178 808,44 − 19 983,12 − 69 300,16 = 89 525,16.
    expect(yearResults(syn, "Revenu net disponible", 5)).toEqual([13832.25, 72418.15, 89431.69, 97773.3, 89525.16]);
    const sim = simulate(exampleScenario());
    expect(rowByLabel(syn, "Revenu net disponible")[6]?.result).toBe(sim.totals.net / 100);
  });

  test("R14: the communal surcharge is a Hypothèses rate; the 2026+ scales are the 2025 ones, carried over without indexation", () => {
    const p = buildPlan(variant({ tax: { communalRatePercent: 7 }, extrapolation: { indexPercent: 2 } }));
    const syn = sheet(p, "syn");
    // 7 % × (3 632 − 2 727,50) = 7 % × 904,50 = 63,315 → 63,32 €.
    expect(yearResults(syn, "Taxe communale additionnelle", 1)).toEqual([63.32]);
    expect(rowByLabel(syn, "Taxe communale additionnelle")[1]?.formula).toMatch(/^=ROUND\(B\$\d+\*\{hyp\}!\$B\$\d+,2\)$/);
    const par = sheet(p, "par");
    const row2026 = par.rows.find((r) => r[0]?.value === "ipp.quotite-exemptee.base" && r[2]?.value === 2026)!;
    expect(row2026[3]?.result).toBe(10910);
    expect(String(row2026[4]?.value)).toContain("sans indexation");
    // The R9 disagreement (FAMGB guide vs art. 171 CIR 92) is shown in Paramètres.
    const sep = par.rows.find((r) => r[0]?.value === "impulseo.taux-distinct")!;
    expect(String(sep[8]?.value)).toContain("désaccord");
  });

  test("Synthèse: result = fees + primes − charges, with a total column and a clustered column chart", () => {
    const syn = sheet(plan, "syn");
    // 19 029,88 + 5 506,00 − 8 886,17 = 15 649,71 ; 141 147,32 + 13 500,82 − 26 550,00 = 128 098,14
    expect(yearResults(syn, "Résultat avant impôts", 2)).toEqual([15649.71, 128098.14]);
    const total = rowByLabel(syn, "Résultat avant impôts")[6];
    expect(total?.formula).toBe("=SUM(B7:F7)");
    // Gross vs net: the chart's rows go from the fees to the net disposable income (row 10).
    // Categories = the years (B3:F3), one named series per row: no "Année" series (audit §2.2).
    expect(syn.charts).toEqual([
      expect.objectContaining({
        kind: "columnClustered",
        categories: "B3:F3",
        series: [4, 5, 6, 7, 8, 9, 10].map((r) => ({ name: `A${r}`, values: `B${r}:F${r}` })),
      }),
    ]);
    const sim = simulate(exampleScenario());
    expect(total?.result).toBe(sim.totals.result / 100);
  });

  test("Paramètres: each figure per year, published (dates, source) or extrapolated from the last published year", () => {
    const par = sheet(plan, "par");
    const rows = par.rows.filter((r) => r[0]?.value === "honoraire.101076");
    expect(rows.map((r) => r[2]?.value)).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(rows[0][3]).toMatchObject({ value: 32.84 });
    expect(rows[0][4]?.value).toBe("publié");
    // The public citation, never the project's file name.
    expect(String(rows[0][7]?.value)).toContain("https://www.le-gbo.be/devenir-medecin-generaliste");
    expect(String(rows[0][7]?.value)).not.toContain("000_3a813b6de0dc6b5c.txt");
    // 2026 published (Domus Medica), 2027 extrapolated from it.
    expect(rows[1][3]).toMatchObject({ value: 33.73 });
    expect(rows[1][4]?.value).toBe("publié");
    expect(rows[2][3]?.formula).toMatch(/^=ROUND\(D\d+\*\(1\+\{hyp\}!\$B\$\d+\)\^\(C\d+-C\d+\),2\)$/);
    expect(rows[2][3]?.result).toBe(33.73);
    expect(rows[2][4]?.value).toBe("extrapolé depuis 2026");
    // Statut social: published 2024 and 2026; 2025 comes from 2024, 2027 and later from 2026.
    const ss = par.rows.filter((r) => r[0]?.value === "statut-social.conventionne");
    expect(ss.map((r) => [r[2]?.value, r[4]?.value])).toEqual([
      [2024, "publié"],
      [2025, "extrapolé depuis 2024"],
      [2026, "publié"],
      [2027, "extrapolé depuis 2026"],
      [2028, "extrapolé depuis 2026"],
      [2029, "extrapolé depuis 2026"],
    ]);
  });

  test("no legal figure is written in a formula: only structural constants (0, 1, 2, 12, 31, 100; 3 and 4: months per quarter, quarters per year)", () => {
    const allowed = new Set(["0", "1", "2", "3", "4", "12", "31", "100"]);
    for (const s of plan.sheets) {
      for (const row of s.rows) {
        for (const c of row) {
          if (!c?.formula) continue;
          const literals = c.formula.replace(/\{[a-z0-9-]+\}!/g, "").replace(/\$?[A-Z]{1,3}\$?\d+/g, "").match(/\d+(\.\d+)?/g) ?? [];
          const bad = literals.filter((l) => !allowed.has(l) && !(s.key === "ech" && /^20\d\d$/.test(l)));
          expect({ sheet: s.key, formula: c.formula, bad }).toEqual({ sheet: s.key, formula: c.formula, bad: [] });
        }
      }
    }
  });

  test("every formula cell carries the core's value", () => {
    for (const s of plan.sheets) for (const row of s.rows) for (const c of row) if (c?.formula) expect(c.result).not.toBeUndefined();
  });

  test("Hypothèses: every input editable (input style), activity per year in columns", () => {
    const hyp = sheet(plan, "hyp");
    expect(rowByLabel(hyp, "Quartier en pénurie")[1]).toMatchObject({ value: false, style: "input" });
    expect(rowByLabel(hyp, "Années sans barème publié")[1]).toMatchObject({ value: 0, style: "input", format: "0.00%" });
    expect(rowByLabel(hyp, "Consultations au cabinet par semaine").slice(1, 6).map((c) => c?.value)).toEqual([60, 80, 100, 110, 110]);
  });

  test("Échéancier: deadlines of this GP from the rules, as date formulas over Hypothèses", () => {
    const ech = sheet(plan, "ech");
    const row = ech.rows.find((r) => String(r[1]?.value).startsWith("Subvention d'installation : demande au plus tard"));
    // installation 01/10/2025 + 6 months = 01/04/2026 (serial 46113)
    expect(row?.[0]).toMatchObject({ result: 46113, format: "dd/mm/yyyy" });
    expect(row?.[0]?.formula).toMatch(/^=EDATE\(\{hyp\}!\$B\$\d+,\{par\}!\$D\$\d+\)$/);
    const acc = ech.rows.find((r) => String(r[1]?.value).startsWith("Accréditation provisoire : demande au plus tard"));
    // agrément 01/12/2025 + 3 months = 01/03/2026 (serial 46082)
    expect(acc?.[0]?.result).toBe(46082);
  });
});

describe("buildPlan — hypotheses and variants", () => {
  test("indexation 2 %/an: 2026 fee 101076 published (33,73); 2027 = ROUND(33,73 × 1,02; 2) = 34,40; 2028 = ROUND(33,73 × 1,02²; 2) = 35,09", () => {
    const plan = buildPlan(variant({ extrapolation: { indexPercent: 2 } }));
    const rev = sheet(plan, "rev");
    expect(yearResults(rev, "Consultation, médecin accrédité (101076)", 4)).toEqual([32.84, 33.73, 34.4, 35.09]);
    // Statut social 2026 published: 6 243,59 (no index applied to a published figure).
    expect(yearResults(sheet(plan, "pri"), "Statut social", 2)[1]).toBe(6243.59);
  });

  test("R8 (seed 001): a young GP agréé before installing in a quartier en pénurie gets min(15 000 €, budget)", () => {
    const s = variant({ dates: { endOfTraining: "2025-06-30", agrement: "2025-07-01", inamiNumber: "2025-07-15", installation: "2025-10-01" }, quartier: { code: 11, penurie: true }, installationBudget: 12000 });
    expect(yearResults(sheet(buildPlan(s), "pri"), "Subvention d'installation", 2)).toEqual([12000, 0]);
    const big = variant({ dates: { endOfTraining: "2025-06-30", agrement: "2025-07-01", inamiNumber: "2025-07-15", installation: "2025-10-01" }, quartier: { code: 11, penurie: true }, installationBudget: 40000 });
    expect(yearResults(sheet(buildPlan(big), "pri"), "Subvention d'installation", 1)).toEqual([15000]);
  });

  test("R9 (seed 001): regroupement of 3 GPs — salary first (6 months), telesecretariat the other 6; cap per GP, 1/3 share", () => {
    const s = variant({
      practice: { type: "regroupement", gps: 3 },
      firstYear: 2026,
      activity: [{ consultationsPerWeek: 80, visitsPerWeek: 10, weeksWorked: 46, accreditedSharePercent: 80, dmgCount: 400, eServicesCriteria: 5 }],
      dates: { endOfTraining: "2025-06-30", agrement: "2025-07-01", inamiNumber: "2025-07-15", installation: "2025-10-01" },
      horizon: 2,
      staff: { telesecretariat: { months: 12, yearlyCost: 9000 }, employee: { months: 6, yearlyCost: 30000 } },
    });
    const pri = sheet(buildPlan(s), "pri");
    // Salary: 50 % of 30 000 = 15 000 < cap 7 900 × 3 × 6/12 = 11 850 → 11 850 for the practice; share 3 950.
    expect(yearResults(pri, "Impulseo II : intervention du cabinet", 1)).toEqual([11850]);
    expect(yearResults(pri, "Impulseo II (part du médecin)", 1)).toEqual([3950]);
    // Telesecretariat: 12 − 6 = 6 months claimed: 9 000 × 6/12 = 4 500 → 50 % = 2 250 (cap 4 700 × 3 × 6/12 = 7 050); share 750.
    expect(yearResults(pri, "Impulseo III : mois demandés", 1)).toEqual([6]);
    expect(yearResults(pri, "Impulseo III (part du médecin)", 1)).toEqual([750]);
  });

  test("R10 (seed 004): an employee from 01/11/2025, 20 h/week — gestion de cabinet 2025, continuité des soins 2026, then gestion again", () => {
    const s = variant({ staff: { telesecretariat: { months: 0, yearlyCost: 0 }, employee: { months: 12, yearlyCost: 30000, hoursPerWeek: 20, contractStart: "2025-11-01" } } });
    const pri = sheet(buildPlan(s), "pri");
    // Solo GP whose number (15/12/2025) is < 5 years old: exempt from the 500 DMI / 25 000 € thresholds.
    expect(yearResults(pri, "Exempté des seuils", 5)).toEqual([true, true, true, true, true]);
    // Contract effective 01/11/2025: inside the continuité window of 2026 (01/09/2025–31/08/2026), not of 2025.
    expect(yearResults(pri, "Continuité : contrat prenant effet", 3)).toEqual([false, true, false]);
    // Minimum amounts (seed 004): continuité 5 000 € once; gestion 3 796 € a year, not the same year.
    expect(yearResults(pri, "Intervention continuité des soins (minimum)", 5)).toEqual([0, 5000, 0, 0, 0]);
    expect(yearResults(pri, "Intervention gestion de cabinet (minimum)", 5)).toEqual([3796, 0, 3796, 3796, 3796]);
    const part = variant({ staff: { employee: { months: 12, yearlyCost: 30000, hoursPerWeek: 10, contractStart: "2025-11-01" } } });
    // 10 h/week < 13 h: neither.
    expect(yearResults(sheet(buildPlan(part), "pri"), "Intervention gestion de cabinet (minimum)", 2)).toEqual([0, 0]);
  });

  test("R1 (seed 000): patients' shares and AMI reimbursements of 2025", () => {
    const rev = sheet(buildPlan(exampleScenario()), "rev");
    // 695 consultations 101032 × 4,00 + 93 visits × 16,54 = 2 780,00 + 1 538,22 = 4 318,22
    expect(yearResults(rev, "Tickets modérateurs payés par les patients", 1)).toEqual([4318.22]);
    // 19 029,88 − 4 318,22 = 14 711,66
    expect(yearResults(rev, "Remboursements de l'assurance (AMI)", 1)).toEqual([14711.66]);
  });

  test("Dutch and English sheet names follow the scenario's language", () => {
    expect(buildPlan(variant({ language: "nl" })).sheets.map((s) => s.name)).toEqual(["Hypothesen", "Parameters", "Inkomsten", "Premies", "Kosten", "Overzicht", "Kalender"]);
    expect(buildPlan(exampleScenario(), { language: "en" }).sheets.map((s) => s.name)).toEqual(["Assumptions", "Parameters", "Revenue", "Grants", "Costs", "Summary", "Deadlines"]);
  });

  test("several scenarios: own prefixed sheets and a Comparaison sheet reading each Synthèse", () => {
    const plan = buildPlan([exampleScenario(), variant({ name: "Indexé 2 %", extrapolation: { indexPercent: 2 } })]);
    expect(plan.sheets).toHaveLength(15);
    expect(plan.sheets[0].name).toBe("Dr Exemple - Hypothèses");
    expect(plan.sheets[7].name).toBe("Indexé 2 % - Hypothèses");
    const cmp = sheet(plan, "cmp");
    expect(cmp.name).toBe("Comparaison");
    const result = rowByLabel(cmp, "Résultat avant impôts");
    expect(result[1]).toMatchObject({ formula: "={s1-syn}!B7", result: 15649.71 });
    expect(result.some((c) => c?.formula === "={s2-syn}!B7")).toBe(true);
    expect(new Set(plan.sheets.map((s) => s.key)).size).toBe(15);
  });

  test("scenario names become valid, distinct sheet-name prefixes", () => {
    const plan = buildPlan([variant({ name: "A/B: [x]" }), variant({ name: "A/B: [x]" })]);
    const names = plan.sheets.map((s) => s.name);
    expect(names[0]).toBe("1. A-B- -x- - Hypothèses");
    expect(names[7]).toBe("2. A-B- -x- - Hypothèses");
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => isValidSheetName(n))).toBe(true);
  });

  test("a simulation year before any published fee is an explicit #N/A, not an invented figure", () => {
    expect.assertions(2);
    try {
      buildPlan(variant({ dates: { endOfTraining: "2024-06-30", agrement: "2024-07-01", inamiNumber: "2024-07-15", installation: "2024-10-01" }, accreditation: { accredited: true, from: "2025-01-01" } }));
    } catch (e) {
      expect(isRuleError(e) && e.kind).toBe("unknown");
      expect((e as Error).message).toMatch(/Pas de valeur publiée .* en 2024 ni avant/);
    }
  });
});

describe("scenario schema", () => {
  test("the example is valid", () => {
    expect(parseScenario(exampleInput).ok).toBe(true);
  });

  test("bad input: a French list of problems with paths", () => {
    const r = parseScenario({ ...exampleInput, horizon: 12, practice: { type: "solo", gps: 2 }, dates: { ...exampleInput.dates, agrement: "2025-02-30" } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = formatProblems(r.problems);
    expect(text).toContain("- horizon : horizon (années) : au plus 10");
    expect(text).toContain("- dates.agrement : date impossible");
    expect(text).toContain("- practice.gps : une pratique solo compte un seul médecin");
  });

  test("accredited consultations without accreditation are refused", () => {
    const r = parseScenario({ ...exampleInput, accreditation: { accredited: false } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain("activity[1].accreditedSharePercent");
  });
});
