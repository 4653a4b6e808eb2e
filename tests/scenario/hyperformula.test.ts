/**
 * Formula truth: the plan's formulas evaluated by HyperFormula (tests only,
 * GPL-3.0) give, to the cent, the values the core computed (CellPlan.result).
 * And the workbook is live: changing a hypothesis recalculates the sheets.
 */
import fc from "fast-check";
import { buildPlan } from "../../src/scenario/plan";
import { evaluatePlan } from "./evaluate";
import { exampleScenario, variant, scenario, exampleInput, sheet, rowByLabel } from "./helpers";
import { isRuleError } from "../../src/errors";

describe("HyperFormula evaluates the plan's formulas to the core's values", () => {
  test("the example scenario: every formula cell equals its result", () => {
    const { mismatches, formulas } = evaluatePlan(buildPlan(exampleScenario()));
    expect(formulas).toBeGreaterThan(400);
    expect(mismatches).toEqual([]);
  });

  test("variants: 2 % indexation, regroupement with staff, pénurie, maison médicale, partial convention, Dutch, two scenarios", () => {
    const young = { endOfTraining: "2025-06-30", agrement: "2025-07-01", inamiNumber: "2025-07-15", installation: "2025-10-15" };
    const plans = [
      buildPlan(variant({ extrapolation: { indexPercent: 2.5 } })),
      buildPlan(variant({ practice: { type: "regroupement", gps: 3 }, staff: { telesecretariat: { months: 12, yearlyCost: 9000 }, employee: { months: 7, yearlyCost: 31000, hoursPerWeek: 19, contractStart: "2026-03-01" } }, extrapolation: { indexPercent: 1.7 } })),
      buildPlan(variant({ staff: { employee: { months: 12, yearlyCost: 30000, hoursPerWeek: 20, contractStart: "2025-11-01" } }, extrapolation: { indexPercent: 3 } })),
      buildPlan(variant({ dates: young, quartier: { code: 11, penurie: true }, installationBudget: 18000, conventionnement: "partiel", horizon: 10 })),
      buildPlan(variant({ practice: { type: "maison-medicale-acte", gps: 4 }, costs: { rent: 0, other: 1000, cercle: "association", associationFee: 120 }, language: "nl" })),
      buildPlan(variant({ practice: { type: "maison-medicale-forfait", gps: 4 }, activity: [{ consultationsPerWeek: 60, visitsPerWeek: 5, weeksWorked: 46, forfaitIncome: 70000, dmgCount: 600, eServicesCriteria: 5, acceptedSoftware: true }] })),
      buildPlan(variant({ household: { dependants: 2, commune: "Schaerbeek" }, tax: { advancePaymentsPercent: 60 }, horizon: 8 })),
      buildPlan(variant({ dates: { endOfTraining: "2022-06-30", agrement: "2022-09-01", inamiNumber: "2022-09-15", installation: "2022-10-01" }, accreditation: { accredited: true, from: "2022-10-01" }, household: { communalRatePercent: 7 } })),
      buildPlan([exampleScenario(), variant({ name: "Autre", accreditation: { accredited: false }, activity: [{ consultationsPerWeek: 70, visitsPerWeek: 5, weeksWorked: 45, dmgCount: 50, eServicesCriteria: 8, acceptedSoftware: false }] })]),
    ];
    for (const plan of plans) expect(evaluatePlan(plan).mismatches).toEqual([]);
  });

  test("property: random scenarios agree to the cent (fast-check)", () => {
    const date = (y0: number) => fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(y0, 0, 1 + d)).toISOString().slice(0, 10));
    const activity = fc.record({
      consultationsPerWeek: fc.integer({ min: 0, max: 200 }),
      visitsPerWeek: fc.integer({ min: 0, max: 40 }),
      weeksWorked: fc.integer({ min: 0, max: 52 }),
      dmgCount: fc.integer({ min: 0, max: 3000 }),
      eServicesCriteria: fc.integer({ min: 0, max: 7 }),
      acceptedSoftware: fc.boolean(),
    });
    const euros = fc.integer({ min: 0, max: 5_000_000 }).map((c) => c / 100);
    fc.assert(
      fc.property(
        date(2025),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 400 }),
        fc.array(activity, { minLength: 1, maxLength: 4 }),
        fc.record({ m1: fc.integer({ min: 0, max: 12 }), c1: euros, m2: fc.integer({ min: 0, max: 12 }), c2: euros, h: fc.option(fc.integer({ min: 0, max: 40 })), start: fc.option(date(2025)) }),
        fc.constantFrom("solo", "regroupement", "groupe", "maison-medicale-acte"),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom("total", "partiel", "aucun"),
        fc.integer({ min: -300, max: 500 }).map((x) => x / 100),
        fc.boolean(),
        (eot, toAgr, toInst, acts, staff, type, gps, conv, index, penurie) => {
          const agr = new Date(Date.parse(eot) + toAgr * 86_400_000).toISOString().slice(0, 10);
          const inst = new Date(Date.parse(eot) + toInst * 86_400_000).toISOString().slice(0, 10);
          const s = scenario({
            ...exampleInput,
            dates: { endOfTraining: eot, agrement: agr, inamiNumber: agr, installation: inst },
            horizon: 5,
            firstYear: 2025,
            practice: { type, gps: type === "solo" ? 1 : gps },
            conventionnement: conv,
            accreditation: { accredited: true },
            activity: acts,
            staff: { telesecretariat: { months: staff.m1, yearlyCost: staff.c1 }, employee: { months: staff.m2, yearlyCost: staff.c2, ...(staff.h !== null ? { hoursPerWeek: staff.h } : {}), ...(staff.start !== null ? { contractStart: staff.start } : {}) } },
            quartier: { code: 11, penurie },
            extrapolation: { indexPercent: index },
            household: { dependants: 0, commune: "Etterbeek" },
          });
          let plan;
          try {
            plan = buildPlan(s);
          } catch (e) {
            // Criteria above the year's total are refused by R6 (#VALUE!), as in Excel.
            if (isRuleError(e) && e.kind === "invalid") return;
            throw e;
          }
          expect(evaluatePlan(plan).mismatches).toEqual([]);
        },
      ),
      { numRuns: 25, seed: 20251123 },
    );
  });
});

describe("the workbook is live: a changed hypothesis recalculates", () => {
  test("90 consultations a week in 2026 instead of 80: fees 161 984,40 € (hand computation, 2026 fees of Domus Medica)", () => {
    const plan = buildPlan(exampleScenario());
    const { hf, names } = evaluatePlan(plan);
    const hyp = sheet(plan, "hyp");
    const r = hyp.rows.indexOf(rowByLabel(hyp, "Consultations au cabinet par semaine"));
    hf.setCellContents({ sheet: hf.getSheetId(names.get("hyp")!)!, row: r, col: 2 }, 90);
    const rev = sheet(plan, "rev");
    const t = rev.rows.indexOf(rowByLabel(rev, "Total des honoraires"));
    // Accredited from 01/01/2026 (the month after the agrément of 01/12/2025): every 2026 consultation is 101076.
    // 90 × 46 = 4 140 consultations × 33,73 + 460 visits × 48,57 = 139 642,20 + 22 342,20 = 161 984,40
    expect(hf.getCellValue({ sheet: hf.getSheetId(names.get("rev")!)!, row: t, col: 2 })).toBeCloseTo(161984.4, 2);
  });

  test("declaring the quarter en pénurie (and an agrément before installation) grants the subsidy in Primes", () => {
    const plan = buildPlan(variant({ dates: { endOfTraining: "2025-06-30", agrement: "2025-07-01", inamiNumber: "2025-07-15", installation: "2025-10-01" } }));
    const { hf, names } = evaluatePlan(plan);
    const hyp = sheet(plan, "hyp");
    const pri = sheet(plan, "pri");
    const id = (k: string) => hf.getSheetId(names.get(k)!)!;
    const inst = pri.rows.indexOf(rowByLabel(pri, "Subvention d'installation"));
    expect(hf.getCellValue({ sheet: id("pri"), row: inst, col: 1 })).toBe(0);
    hf.setCellContents({ sheet: id("hyp"), row: hyp.rows.indexOf(rowByLabel(hyp, "Quartier en pénurie")), col: 1 }, true);
    // min(15 000 € cap, 15 000 € budget of the example)
    expect(hf.getCellValue({ sheet: id("pri"), row: inst, col: 1 })).toBe(15000);
  });

  test("the indexation hypothesis drives every extrapolated figure", () => {
    const plan = buildPlan(exampleScenario());
    const { hf, names } = evaluatePlan(plan);
    const hyp = sheet(plan, "hyp");
    hf.setCellContents({ sheet: hf.getSheetId(names.get("hyp")!)!, row: hyp.rows.indexOf(rowByLabel(hyp, "Années sans barème publié")), col: 1 }, 0.02);
    const rev = sheet(plan, "rev");
    const fee = rev.rows.indexOf(rowByLabel(rev, "Consultation, médecin accrédité (101076)"));
    const values = [1, 2, 3].map((col) => hf.getCellValue({ sheet: hf.getSheetId(names.get("rev")!)!, row: fee, col }));
    // 2025 published 32,84; 2026 published 33,73; 2027 ROUND(33,73 × 1,02; 2) = 34,40
    expect(values).toEqual([32.84, 33.73, 34.4]);
  });
});
