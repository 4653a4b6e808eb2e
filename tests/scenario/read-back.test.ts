/**
 * « Reprendre le scénario de ce classeur »: a workbook built by the pane (in
 * the fake Excel) gives back the same scenario, with the accountant's edits.
 */
import { buildPlan } from "../../src/scenario/plan";
import { readBackScenario } from "../../src/scenario/read-back";
import { writePlan } from "../../src/workbook/office-writer";
import { FakeExcel } from "../fakes/fake-excel";
import { exampleScenario, variant } from "./helpers";

/** The values of a sheet of the fake workbook as a grid (what the pane loads with getUsedRange().values). */
function grid(excel: FakeExcel, name: string): unknown[][] {
  return excel.sheet(name).valuesGrid();
}

test("reopening the example workbook built in (fake) Excel gives the same scenario", async () => {
  const s = exampleScenario();
  const excel = new FakeExcel();
  await writePlan(buildPlan(s), excel);
  const r = readBackScenario(grid(excel, "Hypothèses"));
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.scenario).toEqual(s);
});

test("the accountant's edits in Hypothèses are read back: rent, a date, a percentage, a year of activity", async () => {
  const s = variant({ name: "Dr Édité", tax: { advancePaymentsPercent: 25 } });
  const plan = buildPlan(s);
  const excel = new FakeExcel();
  await writePlan(plan, excel);
  const hyp = plan.sheets.find((x) => x.key === "hyp")!;
  const sheet = excel.sheet("Hypothèses");
  sheet.setValue(hyp.rowIds!.rent, 1, 12000);
  sheet.setValue(hyp.rowIds!.installation, 1, 45962); // 01/11/2025
  sheet.setValue(hyp.rowIds!.advancePct, 1, 0.5);
  sheet.setValue(hyp.rowIds!.cons, 3, 95);
  const r = readBackScenario(grid(excel, "Hypothèses"));
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.scenario.costs.rent).toBe(12000);
  expect(r.scenario.dates.installation).toBe("2025-11-01");
  expect(r.scenario.tax.advancePaymentsPercent).toBe(50);
  expect(r.scenario.activity[2].consultationsPerWeek).toBe(95);
  expect(r.scenario.name).toBe("Dr Édité");
});

test("a sheet that MG Bruxelles did not build is refused with a message", () => {
  const r = readBackScenario([["Nom", "Valeur"], ["x", 1]]);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problems[0].message).toMatch(/pas une feuille Hypothèses construite par MG Bruxelles/);
});
