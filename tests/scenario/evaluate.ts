/**
 * Test helper: evaluates a sheet plan with HyperFormula (GPL-3.0, tests
 * only) and lists every formula cell whose computed value differs from the
 * value the core put in `result` (numbers to the cent).
 */
import { HyperFormula, FunctionPlugin, FunctionArgumentType } from "hyperformula";
import { chooseSheetNames, resolveFormula, address, type WorkbookPlan } from "../../src/workbook/plan";

/**
 * Excel's ROUND. HyperFormula rounds the binary float (Math.round(x·10ⁿ)/10ⁿ),
 * so 1 234,57 × 50 % = 617,285 — stored as 617,28499999… — gives 617,28,
 * where Excel and LibreOffice round the decimal value (15 significant
 * digits) and give 617,29, as the core's integer cents do (half away from
 * zero). This plugin gives HyperFormula Excel's behaviour; the LibreOffice
 * end-to-end test checks the real engine.
 */
class ExcelRound extends FunctionPlugin {
  static implementedFunctions = {
    ROUND: {
      method: "round",
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }],
    },
  };
  round(ast: unknown, state: unknown) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (this as any).runFunction((ast as any).args, state, (this as any).metadata("ROUND"), (x: number, places: number) => {
      const p = Math.trunc(places);
      const scaled = Number((Math.abs(x) * 10 ** p).toPrecision(15));
      return (Math.sign(x) * Math.round(scaled)) / 10 ** p;
    });
  }
}
HyperFormula.unregisterFunction("ROUND");
HyperFormula.registerFunction("ROUND", ExcelRound, { enGB: { ROUND: "ROUND" } });

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
        const isError = typeof actual === "object" && actual !== null && "value" in (actual as object);
        const ok =
          typeof expected === "number" && typeof actual === "number"
            ? Math.abs(actual - expected) < 0.005
            : expected === "#N/A"
              ? isError && (actual as { value: string }).value === "#N/A"
              : actual === expected;
        if (!ok) mismatches.push({ sheet: name, cell: address(r, col), formula: c.formula, expected, actual: typeof actual === "object" ? String((actual as { value?: unknown }).value ?? actual) + " " + JSON.stringify(actual) : actual });
      }),
    );
  }
  return { mismatches, formulas, hf, names };
}
