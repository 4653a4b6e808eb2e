import { serialFromYmd } from "../../src/dates";

/** An Excel date, as DATE(y; m; d) gives it. */
export const DATE = (y: number, m: number, d: number) => serialFromYmd(y, m, d);
