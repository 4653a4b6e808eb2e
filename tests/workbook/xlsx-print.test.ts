/**
 * The .xlsx writer's page setup, data validation and workbook names (issue 12),
 * written to a file and read back with ExcelJS (what Excel/LibreOffice load).
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeXlsx, planToWorkbook } from "../../src/workbook/xlsx-writer";
import type { WorkbookPlan } from "../../src/workbook/plan";

function plan(): WorkbookPlan {
  return {
    sheets: [
      {
        key: "syn",
        name: "Synthèse",
        rows: [[{ value: "Synthèse" }], [{ value: "Année" }, { value: 2025 }], [{ value: "Pratiques" }, { formula: "=COUNTA({name:Pratiques})", result: 2 }]],
        print: { orientation: "landscape", fitToWidth: true, titleRows: 2, footer: { left: "Dr Test & associés", center: "Page {page} / {pages}", right: "{date}" } },
      },
      {
        key: "hyp",
        name: "Hypothèses d'un cabinet",
        rows: [[{ value: "solo" }, { value: 0.5 }], [{ value: "groupe" }]],
        print: { orientation: "portrait", annex: true },
        validations: [
          { range: "A1:A2", rule: { kind: "list", values: ["solo", "regroupement", "groupe"] }, message: "Choisissez dans la liste." },
          { range: "B1", rule: { kind: "decimal", min: 0, max: 1 }, message: "Un taux entre 0 et 1." },
          { range: "C1", rule: { kind: "whole", min: 0, max: 60 }, message: "Un entier de 0 à 60." },
          { range: "D1", rule: { kind: "date", min: 45658, max: 47483 }, message: "Une date de 2025 à 2029." },
        ],
      },
    ],
    names: [{ name: "Pratiques", sheetKey: "hyp", range: "A1:A2" }],
  };
}

describe("xlsx writer: print setup, validation, names read back from the file", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), "mg-print-")), "print.xlsx");
    await writeXlsx(plan(), file);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
  });

  test("A4 (paperSize 9), landscape, one page wide and any height, rows 1-2 repeated, footer with &P &N &D", () => {
    const syn = wb.getWorksheet("Synthèse")!;
    expect(syn.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    expect(syn.headerFooter.oddFooter).toBe("&LDr Test && associés&CPage &P / &N&R&D");
    const hyp = wb.getWorksheet("Hypothèses d'un cabinet")!;
    expect(hyp.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait" });
    expect(hyp.pageSetup.fitToPage).toBeFalsy();
  });

  test("each validation with its bounds, a Stop alert and the plan's message", () => {
    const hyp = wb.getWorksheet("Hypothèses d'un cabinet")!;
    const common = { showErrorMessage: true, errorStyle: "error", errorTitle: "MG Bruxelles", allowBlank: true };
    for (const a of ["A1", "A2"]) expect(hyp.getCell(a).dataValidation).toEqual({ type: "list", formulae: ['"solo,regroupement,groupe"'], error: "Choisissez dans la liste.", ...common });
    expect(hyp.getCell("B1").dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1], error: "Un taux entre 0 et 1.", ...common });
    expect(hyp.getCell("C1").dataValidation).toMatchObject({ type: "whole", operator: "between", formulae: [0, 60] });
    // ExcelJS reads date bounds back as dates
    expect(hyp.getCell("D1").dataValidation).toMatchObject({ type: "date", operator: "between", formulae: [new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2029, 11, 31))] });
    expect(hyp.getCell("E1").dataValidation).toBeUndefined();
  });

  test("the workbook name refers to the quoted sheet, absolute; formulas use it", () => {
    expect(wb.definedNames.model).toEqual([{ name: "Pratiques", ranges: ["'Hypothèses d''un cabinet'!$A$1:$A$2"] }]);
    expect((wb.getWorksheet("Synthèse")!.getCell("B3").value as ExcelJS.CellFormulaValue).formula).toBe("COUNTA(Pratiques)");
  });

  test("a bad plan (unknown footer code, bad bounds) is refused before any workbook is built", () => {
    const p = plan();
    p.sheets[0].print!.footer = { center: "{client}" };
    expect(() => planToWorkbook(p)).toThrow("code de pied de page inconnu dans Synthèse : {client} (connus : {page}, {pages}, {date})");
    const q = plan();
    q.sheets[1].validations![1].rule = { kind: "decimal", min: 2, max: 1 };
    expect(() => planToWorkbook(q)).toThrow("bornes invalides");
  });
});
