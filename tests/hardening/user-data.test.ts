/**
 * Hardening (DESIGN §5 "Never destroy user data"): the task pane's Office
 * writer, on the REAL scenario plan (examples/scenario-exemple.json over 10
 * years, and two scenarios with their Comparaison sheet), against a workbook
 * whose user sheets carry every name the build generates, with formulas,
 * formats, widths, frozen rows, notes and a chart referring to them.
 *
 * tests/workbook/office-writer.test.ts proves this on a small fixture plan
 * with the fake's snapshot(); here the whole state of the fake (every field
 * of every sheet, the sheet order and the active sheet, read directly from
 * the fake's objects, not through snapshot()) must be identical:
 * - after a successful build, for every sheet that existed before;
 * - after a failure injected at EVERY context.sync() and at EVERY single
 *   command of a successful build, for the whole workbook.
 */
import { FakeExcel, type FakeSheet } from "../fakes/fake-excel";
import { writePlan, WriteError } from "../../src/workbook/office-writer";
import { buildPlan } from "../../src/scenario/plan";
import { scenarioSchema } from "../../src/scenario/schema";
import { address, resolveFormula, type WorkbookPlan } from "../../src/workbook/plan";
import example from "../../examples/scenario-exemple.json";

const scenario = scenarioSchema.parse({ ...example, horizon: 10 });
const onePlan: WorkbookPlan = buildPlan(scenario);
const twoPlans: WorkbookPlan = buildPlan([scenario, { ...scenario, name: "Variante" }]);

/** Every sheet name a build can generate for these plans (user sheets will carry them). */
const GENERATED = [...new Set([...onePlan.sheets, ...twoPlans.sheets].map((s) => s.name))];

/** A workbook an accountant already uses: sheets named like ours, formulas across them, formats, notes, a chart. */
function userWorkbook(options: ConstructorParameters<typeof FakeExcel>[0] = {}): FakeExcel {
  const names = [...GENERATED, "Synthèse (2)", "Clients"];
  const excel = new FakeExcel({ sheets: names, ...options });
  names.forEach((name, i) => {
    const s = excel.sheet(name);
    s.cell("A1").value = `Données de l'utilisateur : ${name}`;
    s.cell("A1").bold = true;
    s.cell("B2").value = 100 + i;
    s.cell("B2").numberFormat = '#,##0.00 "€"';
    s.cell("B2").fill = "#FFFF00";
    // a formula referring to another user sheet carrying a generated name
    const other = names[(i + 1) % names.length];
    s.cell("C3").formula = `='${other}'!B2*2`;
    s.cell("C3").value = 2 * (100 + ((i + 1) % names.length));
    s.cell("D4").value = "=texte de l'utilisateur";
    s.cell("D4").quotePrefix = true;
    s.columnWidths.set(0, 40 + i);
    s.frozenRows = i % 3;
    s.notes.set("B2", `Note de l'utilisateur sur ${name}`);
  });
  excel.sheet("Synthèse").charts.push({ name: "Graphique utilisateur", type: "Line", source: "'Synthèse'!A1:B2", seriesBy: "Columns", title: "Mon graphique" });
  excel.activeSheetId = excel.sheet("Clients").id;
  return excel;
}

/** The whole state of one sheet, from the fake's own fields (Maps included). */
function sheetState(s: FakeSheet): unknown {
  return JSON.parse(
    JSON.stringify({
      id: s.id,
      name: s.name,
      cells: [...s.cells.entries()].sort(([a], [b]) => a.localeCompare(b)),
      columnWidths: [...s.columnWidths.entries()].sort(([a], [b]) => a - b),
      frozenRows: s.frozenRows,
      charts: s.charts,
      notes: [...s.notes.entries()].sort(([a], [b]) => a.localeCompare(b)),
      // any field added to FakeSheet later is compared too
      rest: Object.fromEntries(Object.entries(s).filter(([k]) => !["id", "name", "cells", "columnWidths", "frozenRows", "charts", "notes"].includes(k))),
    }),
  );
}

function workbookState(excel: FakeExcel): { active: string | null; order: string[]; sheets: unknown[] } {
  return { active: excel.activeSheetId, order: excel.sheets.map((s) => s.id), sheets: excel.sheets.map(sheetState) };
}

/** Syncs and commands of a successful build of `plan` on a fresh user workbook. */
async function successfulBuild(plan: WorkbookPlan, notes = false): Promise<{ syncs: number; operations: number }> {
  const excel = userWorkbook();
  await writePlan(plan, excel, undefined, { notes });
  return { syncs: excel.syncs, operations: excel.operations };
}

describe("hardening: a build never changes the user's data (real scenario plan)", () => {
  test("the user sheets carry every generated name", () => {
    expect(GENERATED).toEqual(expect.arrayContaining(["Hypothèses", "Paramètres", "Revenus", "Primes", "Charges", "Synthèse", "Échéancier", "Comparaison"]));
  });

  test.each([
    ["one scenario (10 years)", onePlan],
    ["two scenarios and Comparaison", twoPlans],
  ])("%s: every user sheet is identical after a successful build, in the same order; no new formula refers to a user sheet", async (_label, plan) => {
    const excel = userWorkbook();
    const before = workbookState(excel);
    const result = await writePlan(plan, excel, undefined, { notes: true });
    const after = workbookState(excel);
    // the user's sheets, field by field, and their order, are untouched
    expect(after.order.slice(0, before.order.length)).toEqual(before.order);
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
    // every generated sheet is new, with a name that did not exist
    expect(result.created).toHaveLength(plan.sheets.length);
    const userNames = new Set((before.sheets as { name: string }[]).map((s) => s.name.toLocaleLowerCase()));
    for (const name of result.created) expect(userNames.has(name.toLocaleLowerCase())).toBe(false);
    // the new formulas refer only to the new sheets
    const created = new Set(result.created);
    const names = new Map(Object.entries(result.names));
    let formulas = 0;
    for (const sheet of plan.sheets) {
      const fake = excel.sheet(names.get(sheet.key)!);
      expect(created.has(fake.name)).toBe(true);
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell?.formula) return;
          formulas++;
          const written = fake.peek(address(r, c))?.formula ?? "";
          expect(written).toBe(resolveFormula(cell.formula, names));
          for (const m of written.matchAll(/'([^']+)'!/g)) expect({ formula: written, sheet: m[1], created: created.has(m[1]) }).toEqual({ formula: written, sheet: m[1], created: true });
        }),
      );
    }
    expect(formulas).toBeGreaterThan(500);
  });

  test("a failure injected at EVERY context.sync() leaves the whole workbook exactly as before", async () => {
    for (const [plan, notes] of [
      [onePlan, false],
      [onePlan, true],
      [twoPlans, false],
    ] as const) {
      const { syncs } = await successfulBuild(plan, notes);
      expect(syncs).toBeGreaterThanOrEqual(3);
      for (let n = 1; n <= syncs; n++) {
        const excel = userWorkbook({ failAtSync: n });
        const before = workbookState(excel);
        const error = await writePlan(plan, excel, undefined, { notes }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WriteError);
        expect((error as WriteError).message).toMatch(/Rien n'a été modifié|revenu à son état initial/);
        expect(workbookState(excel)).toEqual(before);
      }
    }
  });

  test("a failure injected at EVERY single command of the build leaves the whole workbook exactly as before", async () => {
    const { operations } = await successfulBuild(onePlan, true);
    expect(operations).toBeGreaterThan(100);
    let failures = 0;
    for (let n = 1; n <= operations; n++) {
      const excel = userWorkbook({ failAtOperation: n });
      const before = workbookState(excel);
      const error = await writePlan(onePlan, excel, undefined, { notes: true }).catch((e: unknown) => e);
      expect({ n, error: error instanceof WriteError }).toEqual({ n, error: true });
      failures++;
      const after = workbookState(excel);
      if (JSON.stringify(after) !== JSON.stringify(before)) expect({ n, after }).toEqual({ n, after: before });
      // the clean-up deleted only sheets this build had added
      for (const line of excel.log.filter((l) => l.startsWith("delete()"))) {
        const name = /@worksheets\[(.+)\]$/.exec(line)?.[1];
        expect(GENERATED.map((g) => g.toLocaleLowerCase())).not.toContain(name?.toLocaleLowerCase());
      }
    }
    expect(failures).toBe(operations);
  }, 120_000);
});
