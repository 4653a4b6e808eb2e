/**
 * « Reprendre le scénario de ce classeur »: the scenario of a workbook the
 * add-in built, read back from its Hypothèses sheet. The sheet keeps the
 * scenario as built (a JSON row, not printed); every input the accountant may
 * have edited since (yellow cells) is read at its place and replaces the
 * built value, so the pane reopens what the workbook says now.
 */
import { isoFromSerial } from "../dates";
import { parseScenario, type ParseResult, type Scenario } from "./schema";
import { buildPlan } from "./plan";
import { CERCLE_LABELS, CONVENTION_LABELS, PRACTICE_LABELS, SCENARIO_MARKER } from "./hypotheses";
import type { SheetPlan } from "../workbook/plan";

type Grid = readonly (readonly unknown[])[];

/** Hypothèses row id -> scenario path and how the cell's value is read. */
const SCALARS: Record<string, { path: string; kind: "text" | "number" | "date" | "bool" | "percent" }> = {
  name: { path: "name", kind: "text" },
  endOfTraining: { path: "dates.endOfTraining", kind: "date" },
  agrement: { path: "dates.agrement", kind: "date" },
  inamiNumber: { path: "dates.inamiNumber", kind: "date" },
  installation: { path: "dates.installation", kind: "date" },
  quartierCode: { path: "quartier.code", kind: "number" },
  penurie: { path: "quartier.penurie", kind: "bool" },
  practiceTypeLabel: { path: "practice.type", kind: "text" },
  gps: { path: "practice.gps", kind: "number" },
  conventionnementLabel: { path: "conventionnement", kind: "text" },
  accredited: { path: "accreditation.accredited", kind: "bool" },
  accreditationRequest: { path: "accreditation.requestDate", kind: "date" },
  accreditationFrom: { path: "accreditation.from", kind: "date" },
  teleMonths: { path: "staff.telesecretariat.months", kind: "number" },
  teleCost: { path: "staff.telesecretariat.yearlyCost", kind: "number" },
  empMonths: { path: "staff.employee.months", kind: "number" },
  empCost: { path: "staff.employee.yearlyCost", kind: "number" },
  empHours: { path: "staff.employee.hoursPerWeek", kind: "number" },
  empContractStart: { path: "staff.employee.contractStart", kind: "date" },
  empFirst: { path: "staff.employee.firstContract", kind: "bool" },
  rent: { path: "costs.rent", kind: "number" },
  other: { path: "costs.other", kind: "number" },
  cercleLabel: { path: "costs.cercle", kind: "text" },
  associationFee: { path: "costs.associationFee", kind: "number" },
  installationBudget: { path: "installationBudget", kind: "number" },
  indexRate: { path: "extrapolation.indexPercent", kind: "percent" },
  communalRate: { path: "household.communalRatePercent", kind: "percent" },
  advancePct: { path: "tax.advancePaymentsPercent", kind: "percent" },
};
const ACTIVITY: Record<string, string> = { cons: "consultationsPerWeek", visits: "visitsPerWeek", weeks: "weeksWorked", forfaitIncome: "forfaitIncome", dmg: "dmgCount", criteria: "eServicesCriteria", software: "acceptedSoftware" };

function read(v: unknown, kind: "text" | "number" | "date" | "bool" | "percent"): unknown {
  if (v === null || v === undefined || v === "") return undefined;
  switch (kind) {
    case "date":
      return typeof v === "number" ? isoFromSerial(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v;
    case "bool":
      return typeof v === "boolean" ? v : typeof v === "number" ? v !== 0 : /^(vrai|true|waar|1|oui|ja|yes)$/i.test(String(v).trim());
    case "percent":
      return typeof v === "number" ? Math.round(v * 100 * 1e6) / 1e6 : v;
    default:
      return v;
  }
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let o = obj;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  if (value === undefined) delete o[parts[parts.length - 1]];
  else o[parts[parts.length - 1]] = value;
}

const LABELS: Record<string, Record<string, readonly string[]>> = { practiceTypeLabel: PRACTICE_LABELS, conventionnementLabel: CONVENTION_LABELS, cercleLabel: CERCLE_LABELS };

/** The code of a drop-down label in any of the three languages (or the code itself). */
function codeOfLabel(labels: Record<string, readonly string[]>, text: string): string | null {
  const t = text.trim().toLowerCase();
  for (const [code, tr] of Object.entries(labels)) if (code === t || tr.some((l) => l.toLowerCase() === t)) return code;
  return null;
}

/** Finds the Hypothèses sheet's scenario row in a grid of values; null if this is not one. */
export function builtScenarioOf(grid: Grid): Scenario | null {
  for (const row of grid) {
    if (row[0] === SCENARIO_MARKER && typeof row[1] === "string") {
      const r = parseScenario(JSON.parse(row[1]));
      return r.ok ? r.scenario : null;
    }
  }
  return null;
}

/**
 * The scenario of a Hypothèses sheet (its values as a grid, row 1 first):
 * the built scenario with every input cell read back. A grid without the
 * scenario row is refused with a French message.
 */
export function readBackScenario(grid: Grid): ParseResult | { ok: false; problems: { path: string; message: string }[] } {
  const built = builtScenarioOf(grid);
  if (!built) return { ok: false, problems: [{ path: "(classeur)", message: "cette feuille n'est pas une feuille Hypothèses construite par MG Bruxelles (ligne du scénario introuvable ou illisible)" }] };
  // Where each input sits: lay the built scenario out again (same structure, same rows).
  const hyp = buildPlan(built).sheets.find((s) => s.key === "hyp")!;
  const out = JSON.parse(JSON.stringify(built)) as Record<string, unknown>;
  for (const [id, def] of Object.entries(SCALARS)) {
    const r = hypRow(hyp, id);
    if (r === null) continue;
    const cell = hyp.rows[r][1];
    if (!cell || cell.formula !== undefined || cell.style !== "input") continue; // computed or fixed cells are not inputs
    const value = read(grid[r]?.[1], def.kind);
    const labels = LABELS[id];
    setPath(out, def.path, labels && typeof value === "string" ? (codeOfLabel(labels, value) ?? value) : value);
  }
  const activity = (out.activity as Record<string, unknown>[]) ?? [];
  const years = (out.horizon as number) ?? activity.length;
  for (const [id, field] of Object.entries(ACTIVITY)) {
    const r = hypRow(hyp, id);
    if (r === null) continue;
    for (let i = 0; i < years; i++) {
      activity[i] ??= { ...activity[activity.length - 1] };
      const v = read(grid[r]?.[1 + i], field === "acceptedSoftware" ? "bool" : "number");
      if (field === "forfaitIncome" && out.practice && (out.practice as { type: string }).type !== "maison-medicale-forfait") delete activity[i][field];
      else if (v !== undefined) activity[i][field] = v;
    }
  }
  // Years beyond the activity entered carry the last line over: keep them implicit when unchanged.
  const lines = activity.slice(0, years);
  while (lines.length > built.activity.length && JSON.stringify(lines[lines.length - 1]) === JSON.stringify(lines[lines.length - 2])) lines.pop();
  out.activity = lines;
  (out.investments as Record<string, unknown>[] | undefined)?.forEach((inv, i) => {
    const r = hypRow(hyp, `inv${i}`);
    if (r === null) return;
    inv.label = read(grid[r]?.[0], "text") ?? inv.label;
    inv.amount = read(grid[r]?.[1], "number") ?? inv.amount;
    inv.year = read(grid[r]?.[2], "number") ?? inv.year;
    inv.years = read(grid[r]?.[3], "number") ?? inv.years;
  });
  return parseScenario(out);
}

/** The row index of a Hypothèses row id, from the plan's layout (the first cell's label is language-dependent). */
function hypRow(hyp: SheetPlan, id: string): number | null {
  return hyp.rowIds && id in hyp.rowIds ? hyp.rowIds[id] : null;
}
