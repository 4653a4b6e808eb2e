/** Test helpers: the example scenario, variants, and cell lookup by row label. */
import example from "../../examples/scenario-exemple.json";
import { parseScenario, type Scenario, type ScenarioInput } from "../../src/scenario/schema";
import type { CellPlan, SheetPlan, WorkbookPlan } from "../../src/workbook/plan";

export function scenario(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

export const exampleInput = example as unknown as ScenarioInput;
export const exampleScenario = (): Scenario => scenario(example);

/** The example with some fields replaced (deeply for the objects given). */
export function variant(patch: Record<string, unknown>): Scenario {
  const base = JSON.parse(JSON.stringify(example)) as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    base[k] = v && typeof v === "object" && !Array.isArray(v) && typeof base[k] === "object" ? { ...(base[k] as object), ...(v as object) } : v;
  }
  return scenario(base);
}

export function sheet(plan: WorkbookPlan, key: string): SheetPlan {
  const s = plan.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}`);
  return s;
}

/** The row whose first cell's text is `label` (trimmed), else the first that starts with it. */
export function rowByLabel(s: SheetPlan, label: string): (CellPlan | null)[] {
  const text = (r: (CellPlan | null)[]) => (typeof r[0]?.value === "string" ? (r[0].value as string).trim() : "");
  const exact = s.rows.filter((r) => text(r) === label);
  const rows = exact.length ? exact : s.rows.filter((r) => text(r).startsWith(label));
  if (rows.length === 0) throw new Error(`no row "${label}" in ${s.key}`);
  return rows[0];
}

/** Results (or values) of a year row, years in order. */
export function yearResults(s: SheetPlan, label: string, years: number): unknown[] {
  return rowByLabel(s, label)
    .slice(1, 1 + years)
    .map((c) => (c?.formula !== undefined ? c.result : c?.value));
}
