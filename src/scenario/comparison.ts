/**
 * The Comparaison sheet (several scenarios): calendar years aligned (one
 * column per year of any scenario), each scenario's value read from its
 * Synthèse, the difference to the first scenario, and totals over the years
 * common to all scenarios only.
 */
import type { CellPlan, SheetPlan } from "../workbook/plan";
import type { Language, Scenario } from "./schema";
import type { Simulation } from "./simulate";
import { SYNTHESIS_LINES } from "./synthesis";
import { columnLetter, EUR, euroResult, head, lab, tr, Y0_COL, type Sheet, type Tr } from "./layout";

const COMPARED = ["fees", "primes", "costs", "social", "taxable", "tax", "net", "cumulative"];

export function comparisonSheet(list: { s: Scenario; sim: Simulation; synKey: string; syn: Sheet }[], lang: Language): SheetPlan {
  const L = (t: Tr) => tr(lang, t);
  const years = [...new Set(list.flatMap((x) => x.sim.years.map((y) => y.year)))].sort((a, b) => a - b);
  const common = years.filter((y) => list.every((x) => x.sim.years.some((z) => z.year === y)));
  const rows: (CellPlan | null)[][] = [];
  rows.push([lab(L(["Comparaison des scénarios", "Vergelijking van de scenario's", "Scenario comparison"]), "title")]);
  rows.push([
    lab(
      L([
        `Années civiles alignées ; total sur les années communes à tous les scénarios (${common.length ? `${common[0]}–${common[common.length - 1]}` : "aucune"}) ; écart = scénario − ${list[0].s.name}.`,
        `Kalenderjaren uitgelijnd; totaal over de jaren die alle scenario's gemeen hebben (${common.length ? `${common[0]}–${common[common.length - 1]}` : "geen"}); verschil = scenario − ${list[0].s.name}.`,
        `Calendar years aligned; total over the years common to all scenarios (${common.length ? `${common[0]}–${common[common.length - 1]}` : "none"}); difference = scenario − ${list[0].s.name}.`,
      ]),
      "note",
    ),
  ]);
  rows.push([head(L(["Année", "Jaar", "Year"])), ...years.map((y) => head(y)), head(L(["Total (années communes)", "Totaal (gemeenschappelijke jaren)", "Total (common years)"]))]);
  const colOf = (y: number) => columnLetter(Y0_COL + years.indexOf(y));
  const totalCol = Y0_COL + years.length;
  const sumCommon = (r: number) => (common.length ? `=${common.map((y) => `${colOf(y)}${r}`).join("+")}` : "=0");
  for (const id of COMPARED) {
    const line = SYNTHESIS_LINES.find((l) => l.id === id)!;
    rows.push([lab(L(line.t), "subtitle")]);
    const first = rows.length + 1;
    list.forEach(({ s, sim, synKey, syn }) => {
      const r = rows.length + 1;
      const cells: (CellPlan | null)[] = [lab(s.name)];
      for (const y of years) {
        const k = sim.years.findIndex((z) => z.year === y);
        cells.push(k < 0 ? null : { formula: `={${synKey}}!${columnLetter(Y0_COL + k)}${syn.row(id) + 1}`, result: euroResult(line.get(sim.years[k])), format: EUR, style: "formula" });
      }
      cells[totalCol] = line.noTotal ? null : { formula: sumCommon(r), result: euroResult(common.reduce((t, y) => t + line.get(sim.years.find((z) => z.year === y)!), 0)), format: EUR, style: "total" };
      rows.push(cells);
    });
    list.slice(1).forEach(({ s, sim }, k) => {
      const r = rows.length + 1;
      const own = first + k + 1;
      const cells: (CellPlan | null)[] = [lab(`  ${L(["écart", "verschil", "difference"])} ${s.name}`, "note")];
      for (const y of years) {
        const a = sim.years.find((z) => z.year === y);
        const b = list[0].sim.years.find((z) => z.year === y);
        cells.push(a && b ? { formula: `=${colOf(y)}${own}-${colOf(y)}${first}`, result: euroResult(line.get(a) - line.get(b)), format: EUR, style: "formula" } : null);
      }
      const diff = common.reduce((t, y) => t + line.get(sim.years.find((z) => z.year === y)!) - line.get(list[0].sim.years.find((z) => z.year === y)!), 0);
      cells[totalCol] = line.noTotal ? null : { formula: sumCommon(r), result: euroResult(diff), format: EUR, style: "total" };
      rows.push(cells);
    });
  }
  return { key: "cmp", name: L(["Comparaison", "Vergelijking", "Comparison"]), rows, columnWidths: [44, ...years.map(() => 14), 18], freezeRows: 3 };
}
