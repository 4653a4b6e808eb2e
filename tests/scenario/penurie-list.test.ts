/**
 * The official list of quartiers en pénurie, entered once: the workbook gets a
 * « Quartiers en pénurie » sheet (named range QuartiersPenurie) and the
 * Hypothèses pénurie cell counts the quarter in it; the list decides.
 */
import { keepPenurieList, clearKeptPenurieList } from "../../src/rules/penurie";
import { buildPlan, PENURIE_NAME } from "../../src/scenario/plan";
import { simulate } from "../../src/scenario/simulate";
import { parseScenario } from "../../src/scenario/schema";
import { evaluatePlan } from "./evaluate";
import { exampleInput, rowByLabel, sheet, variant } from "./helpers";

const young = { endOfTraining: "2025-06-30", agrement: "2025-07-01", inamiNumber: "2025-07-15", installation: "2025-10-01" };

afterEach(() => clearKeptPenurieList());

test("without a kept list, the scenario must say whether the quarter is en pénurie", () => {
  const base = JSON.parse(JSON.stringify(exampleInput));
  delete base.quartier.penurie;
  const r = parseScenario(base);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problems.map((p) => p.path)).toContain("quartier.penurie");
});

test("with a kept list containing Cureghem Bara (11), the list decides: the subsidy is granted, the sheet and its named range are written, the formula agrees", () => {
  keepPenurieList({ codes: [2, 11, 39], reference: "AM 13/05/2019, MB 13/06/2019", enteredOn: "2026-12-01" });
  const s = variant({ dates: young, quartier: { code: 11, penurie: false } });
  expect(simulate(s).years[0].primes.accrued.installation).toBe(1500000);
  const plan = buildPlan(s);
  const pen = sheet(plan, "pen");
  expect(pen.name).toBe("Quartiers en pénurie");
  expect(pen.rows.slice(4).map((r) => r[0]?.value)).toEqual([2, 11, 39]);
  expect(plan.names).toEqual([{ name: PENURIE_NAME, sheetKey: "pen", range: "A5:A7" }]);
  const hyp = sheet(plan, "hyp");
  const cell = rowByLabel(hyp, "Quartier en pénurie (liste officielle saisie)")[1]!;
  expect(cell.formula).toMatch(/^=COUNTIF\(\{pen\}!\$A\$5:\$A\$7,\$B\$\d+\)>0$/);
  expect(cell.result).toBe(true);
  const { mismatches, hf, names } = evaluatePlan(plan);
  expect(mismatches).toEqual([]);
  // The accountant removes code 11 from the list: the subsidy disappears from Primes.
  hf.setCellContents({ sheet: hf.getSheetId(names.get("pen")!)!, row: 5, col: 0 }, 12);
  const pri = sheet(plan, "pri");
  const inst = pri.rows.indexOf(rowByLabel(pri, "Subvention d'installation"));
  expect(hf.getCellValue({ sheet: hf.getSheetId(names.get("pri")!)!, row: inst, col: 1 })).toBe(0);
});
