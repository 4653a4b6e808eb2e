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

  test("the sheets, in French, in order: the Synthèse first, Paramètres as the annex last", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(["Résumé", "Synthèse", "Hypothèses", "Revenus", "Charges", "Primes", "IPP et cotisations", "Trésorerie", "Échéancier", "Paramètres"]);
    expect(plan.sheets.map((s) => s.key)).toEqual(["res", "syn", "hyp", "rev", "chg", "pri", "fis", "cash", "ech", "par"]);
  });

  test("Revenus: 2025 is split at the agrément (61 days at 75 %, 31 at the full fee); accredited from 01/01/2026", () => {
    const rev = sheet(plan, "rev");
    expect(yearResults(rev, "Jours d'activité dans l'année", 2)).toEqual([92, 365]);
    expect(yearResults(rev, "dont avant l'agrément", 2)).toEqual([61, 0]);
    expect(yearResults(rev, "dont accrédité", 2)).toEqual([0, 365]);
    expect(yearResults(rev, "Consultations avant l'agrément", 1)).toEqual([461]);
    expect(yearResults(rev, "Consultation, médecin non accrédité (101032) — à 75 %", 1)).toEqual([19.88]);
    expect(yearResults(rev, "Honoraires des actes", 2)).toEqual([19029.88, 146468.6]);
  });

  test("Primes: accrued in the prime year, received per the payment timing (PPI 2025 → 2026)", () => {
    const pri = sheet(plan, "pri");
    expect(yearResults(pri, "Prime de pratique intégrée (année de prime)", 2)).toEqual([1000, 3500]);
    expect(yearResults(pri, "Prime de pratique intégrée reçue dans l'année", 3)).toEqual([0, 1000, 3500]);
    // The year of the agréé number (15/12/2025): « proportionnelle à la durée de votre adhésion » (GBO),
    // 17 days of 365 × 5 881,81 € (2024 amount carried over to 2025) = 273,95 €.
    expect(yearResults(pri, "Avantage social versé à l'assureur", 2)).toEqual([273.95, 6243.59]);
  });

  test("Synthèse: both views per year, a total and an after-the-horizon column, and a chart with the years as categories", () => {
    const syn = sheet(plan, "syn");
    expect(yearResults(syn, "Trésorerie nette de l'année", 2)).toEqual([-328, 125094.99]);
    expect(rowByLabel(syn, "Régularisation des cotisations")[7]?.result).toBe(16496.28);
    const chart = syn.charts![0];
    expect(chart.categories).toBe(`B${syn.rows.findIndex((r) => r[0]?.value === "Année") + 1}:F${syn.rows.findIndex((r) => r[0]?.value === "Année") + 1}`);
    expect(chart.series).toHaveLength(5);
  });

  test("no legal figure is written in a formula: only structural constants (0, 1, 2, 12, 31, 100; 3 and 4: months per quarter, quarters per year)", () => {
    // 0–12: structural (months, quarters, column offsets of earlier years), 31 (December), 100 (per cent).
    const allowed = new Set(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "31", "100"]);
    for (const s of plan.sheets) {
      for (const row of s.rows) {
        for (const c of row) {
          if (!c?.formula) continue;
          const literals = c.formula.replace(/\{[a-z0-9-]+\}!/g, "").replace(/\$?[A-Z]{1,3}\$?\d+/g, "").match(/\d+(\.\d+)?/g) ?? [];
          // The Résumé flags deadlines « dans les 30 jours »: a display choice, not a legal figure.
          const bad = literals.filter((l) => !allowed.has(l) && !(s.key === "ech" && /^20\d\d$/.test(l)) && !(s.key === "res" && l === "30"));
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
    const ech = sheet(buildPlan(variant({ quartier: { code: 11, penurie: true } })), "ech");
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
    expect(yearResults(sheet(plan, "pri"), "Avantage social versé", 2)[1]).toBe(6243.59);
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
      activity: [{ consultationsPerWeek: 80, visitsPerWeek: 10, weeksWorked: 46, dmgCount: 400, eServicesCriteria: 5 }],
      dates: { endOfTraining: "2025-06-30", agrement: "2025-07-01", inamiNumber: "2025-07-15", installation: "2025-10-01" },
      horizon: 2,
      staff: { telesecretariat: { months: 12, yearlyCost: 9000 }, employee: { months: 6, yearlyCost: 30000 } },
    });
    const pri = sheet(buildPlan(s), "pri");
    // Salary: 50 % of 30 000 = 15 000 < cap 7 900 × 3 × 6/12 = 11 850 → 11 850 for the practice; share 3 950.
    expect(yearResults(pri, "Impulseo II : intervention du cabinet", 1)).toEqual([11850]);
    expect(yearResults(pri, "Impulseo II (part du médecin)", 1)).toEqual([3950]);
    // Telesecretariat: 12 − 6 = 6 months claimed: 9 000 × 6/12 = 4 500 → 50 % = 2 250 (cap 4 700 × 3 × 6/12 = 7 050); share 750.
    expect(yearResults(pri, "Impulseo III (mois restants) : mois demandés", 1)).toEqual([6]);
    expect(yearResults(pri, "Impulseo III (mois restants) (part du médecin)", 1)).toEqual([750]);
  });

  test("R10 (seed 004): an employee from 01/11/2025, 20 h/week — gestion de cabinet 2025, continuité des soins 2026, then gestion again", () => {
    const s = variant({ staff: { telesecretariat: { months: 0, yearlyCost: 0 }, employee: { months: 12, yearlyCost: 30000, hoursPerWeek: 20, contractStart: "2025-11-01" } } });
    const pri = sheet(buildPlan(s), "pri");
    // Solo GP whose number (15/12/2025) is < 5 years old: exempt from the 500 DMI / 25 000 € thresholds.
    expect(yearResults(pri, "Exempté des seuils", 5)).toEqual([true, true, true, true, true]);
    // Contract effective 01/11/2025: inside the continuité window of 2026 (01/09/2025–31/08/2026), not of 2025.
    expect(yearResults(pri, "Continuité : contrat prenant effet", 3)).toEqual([false, true, false]);
    // Minimum amounts (seed 004): continuité 5 000 € once; gestion 3 796 € a year, not the same year.
    expect(yearResults(pri, "Intervention continuité des soins du cabinet (minimum)", 5)).toEqual([0, 5000, 0, 0, 0]);
    expect(yearResults(pri, "Intervention gestion de cabinet du cabinet (minimum)", 5)).toEqual([3796, 0, 3796, 3796, 3796]);
    // Impulseo II (30 000 × 50 % capped at 7 900) is better than gestion (3 796) or continuité (5 000) for this employee.
    // 2025: one eligible month of Impulseo II (658,33 €) < gestion 3 796 €: the INAMI intervention is taken.
    expect(yearResults(pri, "Intervention INAMI retenue", 2)).toEqual([true, false]);
    const part = variant({ staff: { employee: { months: 12, yearlyCost: 30000, hoursPerWeek: 10, contractStart: "2025-11-01" } } });
    // 10 h/week < 13 h: neither.
    expect(yearResults(sheet(buildPlan(part), "pri"), "Intervention gestion de cabinet du cabinet (minimum)", 2)).toEqual([0, 0]);
  });

  test("R1 (seed 000): patients' shares and AMI reimbursements of 2025", () => {
    const rev = sheet(buildPlan(exampleScenario()), "rev");
    // 695 consultations 101032 × 4,00 + 93 visits × 16,54 = 2 780,00 + 1 538,22 = 4 318,22
    expect(yearResults(rev, "Tickets modérateurs payés par les patients", 1)).toEqual([4318.22]);
    // 19 029,88 − 4 318,22 = 14 711,66
    expect(yearResults(rev, "Remboursements de l'assurance (AMI)", 1)).toEqual([14711.66]);
  });

  test("Dutch and English sheet names follow the scenario's language", () => {
    expect(buildPlan(variant({ language: "nl" })).sheets.map((s) => s.name)).toEqual(["Samenvatting", "Overzicht", "Hypothesen", "Inkomsten", "Kosten", "Premies", "PB en bijdragen", "Thesaurie", "Kalender", "Parameters"]);
    expect(buildPlan(exampleScenario(), { language: "en" }).sheets.map((s) => s.name)).toEqual(["Summary", "Overview", "Assumptions", "Revenue", "Costs", "Grants", "Tax, contributions", "Cash", "Deadlines", "Parameters"]);
  });

  test("several scenarios: own prefixed sheets; the Comparaison aligns calendar years, shows the difference and totals the common years only", () => {
    const later = variant({ name: "Installé en 2026", dates: { endOfTraining: "2025-09-30", agrement: "2025-12-01", inamiNumber: "2025-12-15", installation: "2026-01-01" }, horizon: 3, activity: exampleInput.activity.slice(1) });
    const plan = buildPlan([exampleScenario(), later]);
    expect(plan.sheets).toHaveLength(21);
    expect(plan.sheets[0].name).toBe("Dr Exemple - Résumé");
    expect(plan.sheets[10].name).toBe("Installé - Résumé");
    const cmp = sheet(plan, "cmp");
    expect(cmp.rows[2].slice(1, 7).map((c) => c?.value)).toEqual([2025, 2026, 2027, 2028, 2029, "Total (années communes)"]);
    const net = cmp.rows.findIndex((r) => r[0]?.value === "Trésorerie nette de l'année");
    const a = cmp.rows[net + 1];
    const b = cmp.rows[net + 2];
    const diff = cmp.rows[net + 3];
    expect(b[1]).toBeNull(); // the second scenario starts in 2026
    expect(a[2]?.formula).toMatch(/^=\{s1-syn\}!C\d+$/);
    expect(diff[2]?.formula).toMatch(/^=C\d+-C\d+$/);
    // Total over 2026–2028 only (the common years).
    expect(a[6]?.formula).toMatch(/^=C\d+\+D\d+\+E\d+$/);
    expect(new Set(plan.sheets.map((s) => s.key)).size).toBe(21);
  });

  test("scenario names become valid, distinct sheet-name prefixes", () => {
    const plan = buildPlan([variant({ name: "A/B: [x]" }), variant({ name: "A/B: [x]" })]);
    const names = plan.sheets.map((s) => s.name);
    expect(names[0]).toBe("1. A-B- - Résumé");
    expect(names[10]).toBe("2. A-B- - Résumé");
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => isValidSheetName(n))).toBe(true);
  });

  test("a simulation year before any published fee is #N/A in the cells that need it, with the reason; the simulation still builds", () => {
    const plan = buildPlan(variant({ dates: { endOfTraining: "2024-06-30", agrement: "2024-07-01", inamiNumber: "2024-07-15", installation: "2024-10-01" }, accreditation: { accredited: true, from: "2024-11-01" } }));
    const rev = sheet(plan, "rev");
    expect(yearResults(rev, "Consultation, médecin accrédité (101076)", 3)).toEqual(["#N/A", 32.84, 33.73]);
    expect(yearResults(rev, "Jours d'activité dans l'année", 1)).toEqual([92]);
    const par = sheet(plan, "par");
    const row = par.rows.find((r) => r[0]?.value === "honoraire.101076" && r[2]?.value === 2024)!;
    expect(row[3]).toMatchObject({ formula: "=NA()", result: "#N/A" });
    expect(String(row[8]?.value)).toMatch(/Pas de valeur publiée pour .* en 2024 ni avant/);
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
    expect(text).toContain("- horizon (Horizon (années)) : horizon (années) : au plus 10");
    expect(text).toContain("- dates.agrement (Agrément) : date impossible");
    expect(text).toContain("- practice.gps (Médecins qui partagent les frais) : une pratique solo compte un seul médecin");
  });

  test("accreditation dates for a GP who is not accredited are refused", () => {
    const r = parseScenario({ ...exampleInput, accreditation: { accredited: false, from: "2026-01-01" } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain("accreditation.accredited");
  });
});
