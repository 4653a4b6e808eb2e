/**
 * Reads back, through Office.js, the scenario of a workbook the add-in built
 * (the pane's « Reprendre le scénario de ce classeur »): every sheet whose
 * name is a Hypothèses sheet in one of the three languages is read in one
 * batch, and the first that holds the scenario row gives the scenario
 * (src/scenario/read-back.ts). Reads only; writes nothing.
 */
import type { ExcelLike } from "./office-writer";
import { builtScenarioOf, readBackScenario } from "../scenario/read-back";

/** The area read from each candidate sheet (Hypothèses: ≤ 10 years of columns, ≤ 20 investments). */
const AREA = "A1:P200";
const HYPOTHESES = /hypoth|assumptions/i;

export type ReadBack = ReturnType<typeof readBackScenario> & { sheet?: string };

export async function readWorkbookScenario(excel: ExcelLike): Promise<ReadBack | null> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const candidates = worksheets.items.filter((w) => HYPOTHESES.test(w.name)).map((w) => ({ name: w.name, range: w.getRange(AREA) }));
    if (candidates.length === 0) return null;
    for (const c of candidates) c.range.load("values");
    await context.sync();
    for (const c of candidates) {
      const grid = c.range.values;
      if (builtScenarioOf(grid)) return { ...readBackScenario(grid), sheet: c.name };
    }
    return null;
  });
}
