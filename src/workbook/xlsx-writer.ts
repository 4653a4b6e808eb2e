/**
 * .xlsx writer (ExcelJS, no Excel needed): applies a WorkbookPlan to a new
 * workbook file. Formula cells are written as {formula, result}: the formula
 * (English syntax, sheet keys resolved to quoted names) and the value the
 * core computed, so a reader that does not recalculate still shows the right
 * figures; the file also asks Excel/LibreOffice to recalculate everything on
 * load (fullCalcOnLoad).
 *
 * Number formats, styles (shared with the Office.js writer: styles.ts),
 * column widths, frozen header rows, cell notes, page setup (A4,
 * orientation, fit to one page wide, repeated title rows, footer with
 * &P/&N/&D codes), data validation and workbook-level names are written. ExcelJS
 * cannot create charts: the plan's charts are not drawn in the .xlsx (the
 * Synthèse sheet says so in a note and its table is ready for Insert >
 * Chart); the Office.js writer draws them.
 */
import ExcelJS from "exceljs";
import {
  absoluteRange,
  checkPlanExtras,
  chooseDefinedNames,
  chooseSheetNames,
  footerCodes,
  quoteSheet,
  resolveFormula,
  type CellPlan,
  type PrintPlan,
  type ValidationPlan,
  type WorkbookPlan,
} from "./plan";
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

function cellValue(c: CellPlan, names: Map<string, string>, definedNames: Map<string, string>): ExcelJS.CellValue {
  if (c.formula !== undefined) {
    // ExcelJS wants the formula without its leading "=".
    const formula = resolveFormula(c.formula, names, definedNames).replace(/^=/, "");
    return c.result === undefined || c.result === null ? { formula } : ({ formula, result: c.result } as ExcelJS.CellFormulaValue);
  }
  return c.value ?? null;
}

/** A4 in the OOXML paperSize codes. */
const PAPER_A4 = 9;

/** ws.pageSetup and ws.headerFooter of a plan's print setup. */
function applyPrint(ws: ExcelJS.Worksheet, p: PrintPlan): void {
  ws.pageSetup.paperSize = PAPER_A4;
  ws.pageSetup.orientation = p.orientation;
  if (p.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0; // any number of pages tall
  }
  if (p.titleRows) ws.pageSetup.printTitlesRow = `1:${p.titleRows}`;
  // ExcelJS prefixes each corner with "$" only ("A1:H40" -> "$A1:$H40"): with a relative row, LibreOffice ignores the
  // print area. Rows made absolute here give the defined name "$A$1:$H$40".
  if (p.printArea) ws.pageSetup.printArea = absoluteRange(p.printArea).replace(/\$([A-Z]+)\$/g, "$1$");
  const f = p.footer;
  if (f && (f.left || f.center || f.right)) {
    // OOXML footer: &L left, &C centre, &R right sections.
    ws.headerFooter.oddFooter = `${f.left ? `&L${footerCodes(f.left)}` : ""}${f.center ? `&C${footerCodes(f.center)}` : ""}${f.right ? `&R${footerCodes(f.right)}` : ""}`;
  }
}

/** An Excel serial (1900 system) as the UTC midnight Date ExcelJS converts back to that serial. */
function dateOfSerial(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
}

/** The ExcelJS form of a validation (a Stop alert with the plan's message). */
export function xlsxValidation(v: ValidationPlan): ExcelJS.DataValidation {
  const r = v.rule;
  const alert = { showErrorMessage: true, errorStyle: "error", errorTitle: "MG Bruxelles", error: v.message, allowBlank: true };
  // An inline list is one quoted, comma-separated text (values with commas or quotes are refused by checkPlanExtras).
  if (r.kind === "list") return { type: "list", formulae: [`"${r.values.join(",")}"`], ...alert };
  // ExcelJS writes a date bound from a Date (and would write a number as it is, read back as milliseconds).
  if (r.kind === "date") return { type: "date", operator: "between", formulae: [dateOfSerial(r.min), dateOfSerial(r.max)], ...alert };
  return { type: r.kind, operator: "between", formulae: [r.min, r.max], ...alert };
}

/** "B7" -> { row: 7, col: 2 } (1-based, as ExcelJS counts). */
function rowCol(a1: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(a1);
  if (!m) throw new Error(`adresse de cellule invalide : ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** The plan as an ExcelJS workbook (in memory). */
export function planToWorkbook(plan: WorkbookPlan, existing: readonly string[] = []): ExcelJS.Workbook {
  checkPlanExtras(plan);
  const names = chooseSheetNames(plan, existing);
  const definedNames = chooseDefinedNames(plan, []);
  // Resolve every formula first: a bad reference fails before anything is built.
  for (const sheet of plan.sheets) for (const row of sheet.rows) for (const c of row) if (c?.formula) resolveFormula(c.formula, names, definedNames);
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
        cell.value = cellValue(c, names, definedNames);
        if (c.format) cell.numFmt = c.format;
        if (c.style) applyLook(cell, STYLE_LOOKS[c.style]);
        if (c.note) cell.note = c.note;
        if (c.style === "note" || c.style === "source") cell.alignment = { wrapText: false, vertical: "top" };
      });
    });
    if (sheet.print) applyPrint(ws, sheet.print);
    for (const v of sheet.validations ?? []) {
      const validation = xlsxValidation(v);
      const [from, to = from] = absoluteRange(v.range).replace(/\$/g, "").split(":").map(rowCol);
      for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) ws.getCell(r, c).dataValidation = validation;
    }
  }
  for (const n of plan.names ?? []) {
    wb.definedNames.add(`${quoteSheet(names.get(n.sheetKey)!)}!${absoluteRange(n.range)}`, definedNames.get(n.name)!);
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
