/**
 * The one adapter between Excel custom functions (functions/functions.ts,
 * generated) and the rules catalog (src/catalog).
 *
 * - Excel passes null for an omitted optional argument: the catalog reads null
 *   as "omitted". A repeating argument (a JS array) reaches the catalog as one
 *   row of values (a 1×n range).
 * - A RuleError becomes a CustomFunctions.Error: invalid -> #VALUE!
 *   (invalidValue), unknown -> #N/A (notAvailable), with the message in Dutch
 *   when Office runs in Dutch and a Dutch text exists, else in French.
 * - Any other exception becomes #VALUE! with a French message: a cell never
 *   shows an uncaught exception or NaN.
 */
import { evaluate, getFunction, type Cell, type CellResult } from "../src/catalog";
import { isRuleError, type Lang } from "../src/errors";
import { todaySerial } from "../src/dates";

/** Excel truncates long custom error messages; keep ours readable. */
export const MAX_ERROR_MESSAGE = 250;

/** The Office UI language: "nl" for Dutch, else "fr" (French is the default). */
export function officeLanguage(): Lang {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const ctx = office?.context;
    const language = ctx?.displayLanguage || ctx?.contentLanguage || "";
    return language.toLowerCase().startsWith("nl") ? "nl" : "fr";
  } catch {
    return "fr";
  }
}

/** Cuts a message to `max` characters at a word boundary, with an ellipsis. */
export function truncateMessage(message: string, max = MAX_ERROR_MESSAGE): string {
  const text = message.replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "") + "…";
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) {
    // A range (2-D), a repeating parameter (1-D, read as one row) or repeating ranges (3-D, rows joined).
    if (value.every((row) => Array.isArray(row))) {
      const rows = value as unknown[][];
      if (rows.every((row) => row.every((c) => Array.isArray(c)))) {
        return (rows as unknown as unknown[][][]).flatMap((range) => range.map((row) => row.map(scalarOf)));
      }
      return rows.map((row) => row.map(scalarOf));
    }
    return [value.map(scalarOf)];
  }
  return scalarOf(value);
}

/** Values Excel may send inside ranges (entities, errors) are read as text or empty. */
function scalarOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.length ? scalarOf(value[0]) : null;
  if (typeof value === "object" && "basicValue" in (value as object)) {
    return scalarOf((value as { basicValue: unknown }).basicValue);
  }
  return String(value);
}

function excelError(code: CustomFunctions.ErrorCode, message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(code, truncateMessage(message));
}

/** Evaluates catalog function `id` with the raw Excel arguments. Throws CustomFunctions.Error. */
export function call(id: string, args: unknown[]): CellResult {
  const lang = officeLanguage();
  let value: CellResult;
  try {
    value = evaluate(id, args.map(toCell), { today: todaySerial(), lang }).value;
  } catch (e) {
    if (isRuleError(e)) {
      const code = e.kind === "unknown" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
      throw excelError(code, e.messageIn(lang));
    }
    const detail = e instanceof Error ? e.message : String(e);
    throw excelError(CustomFunctions.ErrorCode.invalidValue, `MG.${id} : erreur inattendue (${detail}).`);
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw excelError(CustomFunctions.ErrorCode.invalidValue, `MG.${id} : résultat non numérique.`);
  }
  // A function declared as returning a matrix always gives Excel a 2-D array.
  if (!Array.isArray(value) && getFunction(id).result === "matrix") return [[value]];
  return value;
}
