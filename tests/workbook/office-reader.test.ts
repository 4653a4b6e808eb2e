/**
 * « Reprendre le scénario de ce classeur » through Office.js (the fake Excel):
 * the scenario of a workbook built by the pane is read back in two syncs,
 * with the accountant's edits, and nothing is written.
 */
import { buildPlan } from "../../src/scenario/plan";
import { writePlan } from "../../src/workbook/office-writer";
import { readWorkbookScenario } from "../../src/workbook/office-reader";
import { FakeExcel } from "../fakes/fake-excel";
import { exampleScenario, variant } from "../scenario/helpers";

test("a workbook built by the pane gives back its scenario (Dutch sheets too); a workbook without one gives null", async () => {
  const excel = new FakeExcel();
  await writePlan(buildPlan(exampleScenario()), excel);
  const before = excel.log.length;
  const r = await readWorkbookScenario(excel);
  expect(r?.ok).toBe(true);
  if (r?.ok) expect(r.scenario).toEqual(exampleScenario());
  expect(r?.sheet).toBe("Hypothèses");
  expect(excel.log.slice(before).some((l) => /formulas|values =|add\(/.test(l))).toBe(false);

  const nl = new FakeExcel();
  const s = variant({ language: "nl", costs: { rent: 7200, other: 8000, cercle: "famgb", associationFee: 0 } });
  await writePlan(buildPlan(s), nl);
  const back = await readWorkbookScenario(nl);
  expect(back?.sheet).toBe("Hypothesen");
  if (back?.ok) expect(back.scenario.costs.rent).toBe(7200);

  expect(await readWorkbookScenario(new FakeExcel())).toBeNull();
});
