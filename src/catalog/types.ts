/**
 * The catalog describes every custom function once: id, arguments, texts in
 * FR/NL/EN and how to evaluate Excel-like arguments. Excel (functions/), the
 * command line (src/cli) and the explain mode all call it.
 */
import type { Explained } from "../explain";
import type { Lang } from "../errors";
import type { Serial } from "../dates";
import type { Cell } from "./args";

export interface Texts {
  fr: string;
  nl: string;
  en: string;
}

export interface ArgSpec {
  name: string;
  optional?: boolean;
  /** The last argument may repeat (Excel "repeating parameter", a JS array). */
  repeating?: boolean;
  /**
   * The argument takes a range (Excel passes a 2-D array: `any[][]` in functions/).
   * Default: true for arguments named `list`/`range` or ending in List/Range.
   */
  range?: boolean;
  description: Texts;
}

export type CellResult = number | string | boolean | (number | string | boolean)[][];

export interface EvalContext {
  /** Today as an Excel serial (the default date of dated functions). */
  today: Serial;
  lang: Lang;
}

export interface FunctionSpec {
  /** Permanent id, as typed after "MG." in Excel. */
  id: string;
  description: Texts;
  args: ArgSpec[];
  /** What the cell shows: "euros" amounts are numbers in euros (2 decimals). */
  result: "euros" | "number" | "text" | "boolean" | "matrix";
  /** An example formula and its value, for the README and tests. */
  example: { formula: string; value: string };
  /** Evaluates with the context, then the arguments in their order (each padded with null when omitted). */
  run(ctx: EvalContext, ...args: Cell[]): Explained<CellResult>;
}
