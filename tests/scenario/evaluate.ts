/**
 * Test helper: evaluates a sheet plan with HyperFormula (GPL-3.0, tests
 * only) and lists every formula cell whose computed value differs from the
 * value the core put in `result` (numbers to the cent).
 */
import { HyperFormula } from "hyperformula";
import { chooseSheetNames, resolveFormula, address, type WorkbookPlan } from "../../src/workbook/plan";

export interface Mismatch {
  sheet: string;
  cell: string;
  formula: string;
  expected: unknown;
  actual: unknown;
}

export function evaluatePlan(plan: WorkbookPlan): { mismatches: Mismatch[]; formulas: number; hf: HyperFormula; names: Map<string, string> } {
  const names = chooseSheetNames(plan, []);
  const data: Record<string, (string | number | boolean | null)[][]> = {};
  for (const sheet of plan.sheets) {
    data[names.get(sheet.key)!] = sheet.rows.map((row) =>
      row.map((c) => (c === null ? null : c.formula !== undefined ? resolveFormula(c.formula, names) : (c.value ?? null))),
    );
  }
  const hf = HyperFormula.buildFromSheets(data, { licenseKey: "gpl-v3" });
  const mismatches: Mismatch[] = [];
  let formulas = 0;
  for (const sheet of plan.sheets) {
    const name = names.get(sheet.key)!;
    const id = hf.getSheetId(name)!;
    sheet.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (!c || c.formula === undefined) return;
        formulas++;
        const actual = hf.getCellValue({ sheet: id, row: r, col });
        const expected = c.result;
        const ok =
          typeof expected === "number" && typeof actual === "number"
            ? Math.abs(actual - expected) < 0.005
            : actual === expected;
        if (!ok) mismatches.push({ sheet: name, cell: address(r, col), formula: c.formula, expected, actual: typeof actual === "object" ? String((actual as { value?: unknown }).value ?? actual) + " " + JSON.stringify(actual) : actual });
      }),
    );
  }
  return { mismatches, formulas, hf, names };
}
