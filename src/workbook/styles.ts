/**
 * How each CellStyle of a sheet plan looks, shared by the writers (Office.js
 * and ExcelJS) so the live workbook and the offline .xlsx look alike.
 * Colours are "#RRGGBB". Plain data: no Office, no ExcelJS here.
 */
import type { CellStyle } from "./plan";

export interface StyleLook {
  /** Background fill. */
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font colour. */
  color?: string;
  /** Font size in points (default font size otherwise). */
  size?: number;
}

/**
 * Accounting conventions: inputs (the hypotheses an accountant may change) in
 * blue on a light yellow fill, formulas in black, headers on a light teal band.
 */
export const STYLE_LOOKS: Record<CellStyle, StyleLook> = {
  title: { bold: true, size: 14, color: "#005A61" },
  subtitle: { bold: true, size: 12, color: "#005A61" },
  header: { bold: true, fill: "#D9EEF0", color: "#1F1F1F" },
  label: {},
  input: { fill: "#FFF2CC", color: "#1F4E9A" },
  formula: {},
  total: { bold: true, fill: "#EDEDED" },
  note: { italic: true, color: "#595959" },
  source: { italic: true, color: "#7F7F7F", size: 9 },
  check: { italic: true, color: "#2E7D32" },
};

/** Styles in a fixed order (writers apply them in this order). */
export const STYLE_ORDER: CellStyle[] = ["title", "subtitle", "header", "label", "input", "formula", "total", "note", "source", "check"];

/** Column width in Excel points for a width in characters of the default font (Calibri 11: ~7 px per character + 5 px padding, 0.75 pt per px). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
