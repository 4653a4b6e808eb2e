/**
 * .xlsx writer (ExcelJS, no Excel needed): applies a WorkbookPlan to a new
 * workbook file. Formula cells are written as {formula, result}: the formula
 * (English syntax, sheet keys resolved to quoted names) and the value the
 * core computed, so a reader that does not recalculate still shows the right
 * figures; the file also asks Excel/LibreOffice to recalculate everything on
 * load (fullCalcOnLoad).
 *
 * Number formats, styles (shared with the Office.js writer: styles.ts),
 * column widths, frozen header rows and cell notes are written. ExcelJS
 * cannot create charts: the plan's charts are not drawn in the .xlsx (the
 * Synthèse sheet says so in a note and its table is ready for Insert >
 * Chart); the Office.js writer draws them.
 */
import ExcelJS from "exceljs";
import { chooseSheetNames, resolveFormula, type CellPlan, type WorkbookPlan } from "./plan";
import { STYLE_LOOKS, type StyleLook } from "./styles";

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

function applyLook(cell: ExcelJS.Cell, look: StyleLook): void {
  if (look.bold || look.italic || look.color || look.size) {
    cell.font = {
      ...(look.bold ? { bold: true } : {}),
      ...(look.italic ? { italic: true } : {}),
      ...(look.color ? { color: { argb: argb(look.color) } } : {}),
      ...(look.size ? { size: look.size } : {}),
    };
  }
  if (look.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
}

function cellValue(c: CellPlan, names: Map<string, string>): ExcelJS.CellValue {
  if (c.formula !== undefined) {
    // ExcelJS wants the formula without its leading "=".
    const formula = resolveFormula(c.formula, names).replace(/^=/, "");
    return c.result === undefined || c.result === null ? { formula } : ({ formula, result: c.result } as ExcelJS.CellFormulaValue);
  }
  return c.value ?? null;
}

/** The plan as an ExcelJS workbook (in memory). */
export function planToWorkbook(plan: WorkbookPlan, existing: readonly string[] = []): ExcelJS.Workbook {
  const names = chooseSheetNames(plan, existing);
  // Resolve every formula first: a bad reference fails before anything is built.
  for (const sheet of plan.sheets) for (const row of sheet.rows) for (const c of row) if (c?.formula) resolveFormula(c.formula, names);
  const wb = new ExcelJS.Workbook();
  wb.creator = "MG Bruxelles";
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(names.get(sheet.key)!, sheet.freezeRows ? { views: [{ state: "frozen", ySplit: sheet.freezeRows }] } : {});
    sheet.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    sheet.rows.forEach((row, r) => {
      row.forEach((c, col) => {
        if (!c) return;
        const cell = ws.getCell(r + 1, col + 1);
        cell.value = cellValue(c, names);
        if (c.format) cell.numFmt = c.format;
        if (c.style) applyLook(cell, STYLE_LOOKS[c.style]);
        if (c.note) cell.note = c.note;
        if (c.style === "note" || c.style === "source") cell.alignment = { wrapText: false, vertical: "top" };
      });
    });
  }
  return wb;
}

/** Writes the plan to an .xlsx file. */
export async function writeXlsx(plan: WorkbookPlan, file: string): Promise<void> {
  await planToWorkbook(plan).xlsx.writeFile(file);
}

/** The plan as .xlsx bytes. */
export async function xlsxBuffer(plan: WorkbookPlan): Promise<Buffer> {
  return Buffer.from(await planToWorkbook(plan).xlsx.writeBuffer());
}
