/**
 * The Office.js writer against the in-memory fake of the Excel API
 * (tests/fakes/fake-excel.ts): few syncs, one large write per sheet, no
 * user sheet ever touched, and a failure anywhere leaves the workbook as it was.
 */
import { FakeExcel, FakeOfficeError, type WorkbookSnapshot } from "../fakes/fake-excel";
import { writePlan, WriteError, escapeText, needsTextPrefix, sanitizeSheetName, type WriteProgress } from "../../src/workbook/office-writer";
import { buildPlan } from "../../src/scenario/plan";
import { scenarioSchema } from "../../src/scenario/schema";
import example from "../../examples/scenario-exemple.json";
import { chooseSheetNames, resolveFormula, address, type WorkbookPlan } from "../../src/workbook/plan";
import { STYLE_LOOKS, columnWidthPoints } from "../../src/workbook/styles";

/** A small plan shaped like the scenario builder's (hypotheses, parameters, synthesis with a chart). */
function fixturePlan(): WorkbookPlan {
  return {
    sheets: [
      {
        key: "hyp",
        name: "Hypothèses",
        freezeRows: 1,
        columnWidths: [34, 14, 14],
        rows: [
          [{ value: "Hypothèses — Dr Test", style: "title" }],
          [{ value: "Rubrique", style: "header" }, { value: "Valeur", style: "header" }],
          [{ value: "Consultations par semaine", style: "label" }, { value: 60, style: "input", format: "0" }],
          [{ value: "Semaines travaillées", style: "label" }, { value: 46, style: "input", format: "0" }],
          [{ value: "Installation", style: "label" }, { value: 45931, style: "input", format: "dd/mm/yyyy" }],
          [{ value: "Pratique", style: "label" }, { value: "solo", style: "input" }],
          [{ value: "=texte, pas une formule", style: "note" }],
          [{ value: "2025", style: "label" }, { value: "01/10/2025", style: "label" }, { value: "75%", style: "label" }],
          [{ value: "Conventionné", style: "label" }, { value: true, style: "input" }],
        ],
      },
      {
        key: "par",
        name: "Paramètres",
        columnWidths: [34, 14],
        rows: [
          [{ value: "Paramètres légaux", style: "title" }],
          [{ value: "Honoraire 101032", style: "label" }, { value: 26.5, format: '#,##0.00 "€"', note: "Seed 000, tarif au 30/08/2025" }],
          [{ value: "Taux stage", style: "label" }, { value: 0.75, format: "0.00%" }],
        ],
      },
      {
        key: "syn",
        name: "Synthèse",
        freezeRows: 2,
        columnWidths: [30, 14, 14],
        charts: [
          {
            kind: "columnClustered",
            title: "Revenus par année",
            categories: "B2:C2",
            series: [
              { name: "A3", values: "B3:C3" },
              { name: "A4", values: "B4:C4" },
            ],
            anchor: "E2",
          },
        ],
        rows: [
          [{ value: "Synthèse annuelle", style: "title" }],
          [{ value: "Année", style: "header" }, { value: 2025, style: "header" }, { value: 2026, style: "header" }],
          [
            { value: "Honoraires", style: "label" },
            { formula: "={hyp}!B3*{hyp}!B4*{par}!B2*{par}!B3", result: 54855, format: '#,##0.00 "€"', style: "formula" },
            { formula: "=B3*1", result: 54855, format: '#,##0.00 "€"', style: "formula" },
          ],
          [
            { value: "Total", style: "total" },
            { formula: "=SUM(B3:B3)", result: 54855, format: '#,##0.00 "€"', style: "total" },
            { formula: "=SUM(C3:C3)", result: 54855, format: '#,##0.00 "€"', style: "total" },
          ],
          [null, null, { value: "Vérifié", style: "check" }],
        ],
      },
    ],
  };
}

/** A workbook an accountant already uses, with sheets named like the generated ones. */
function userWorkbook(options: ConstructorParameters<typeof FakeExcel>[0] = {}): FakeExcel {
  const excel = new FakeExcel({ sheets: ["Résumé", "Synthèse", "Hypothèses", "Clients"], ...options });
  const syn = excel.sheet("Synthèse");
  syn.cell("A1").value = "Ma synthèse à moi";
  syn.cell("B2").formula = "='Hypothèses'!B2*2";
  syn.cell("B2").numberFormat = "0.00";
  syn.cell("B2").fill = "#FF0000";
  syn.columnWidths.set(0, 99);
  const hyp = excel.sheet("Hypothèses");
  hyp.cell("B2").value = 21;
  hyp.frozenRows = 3;
  excel.sheet("Clients").cell("A1").value = "Liste des clients";
  excel.activeSheetId = excel.sheet("Clients").id;
  return excel;
}

async function successfulRun(plan = fixturePlan()) {
  const excel = userWorkbook();
  const result = await writePlan(plan, excel);
  return { excel, result };
}

describe("Office writer (DESIGN §5): few syncs, large writes", () => {
  test("the whole plan is written with 4 context.sync() calls, calculation and screen updating suspended, then only the dirty cells recalculated", async () => {
    const excel = new FakeExcel();
    const progress: WriteProgress[] = [];
    const result = await writePlan(fixturePlan(), excel, (p) => progress.push(p));
    expect(result.syncs).toBe(4);
    expect(excel.syncs).toBe(4);
    expect(excel.runs).toBe(1);
    expect(excel.calculationSuspensions).toBe(1);
    expect(excel.screenSuspensions).toBe(1);
    // "Full" would recalculate every open workbook (d.ts Application.calculate); "Recalculate" the cells written while suspended (audit §2.3).
    expect(excel.calculations).toEqual(["Recalculate"]);
    // suspension queued before every write of the big batch
    const writeBatch = excel.syncLog[2];
    expect(writeBatch[0]).toBe("application.suspendApiCalculationUntilNextSync");
    expect(writeBatch[1]).toBe("application.suspendScreenUpdatingUntilNextSync");
    expect(progress.map((p) => p.step)).toEqual(["read", "check", "write", "calculate", "done"]);
    expect(progress[progress.length - 1].fraction).toBe(1);
  });

  test("each sheet gets ONE formulas write and ONE number-format write over its whole data area", async () => {
    const { excel } = await successfulRun();
    const formulaWrites = excel.log.filter((l) => l.startsWith("range.formulas"));
    const formatWrites = excel.log.filter((l) => l.startsWith("range.numberFormat"));
    expect(formulaWrites).toEqual([
      "range.formulas A1 @worksheets.add(Hypothèses (2))", // the date-system probe, overwritten by the next write
      "range.formulas A1:C9 @worksheets.add(Hypothèses (2))",
      "range.formulas A1:B3 @worksheets.add(Paramètres)",
      "range.formulas A1:C5 @worksheets.add(Synthèse (2))",
    ]);
    expect(formatWrites).toHaveLength(3);
    expect(excel.log.some((l) => l.startsWith("range.values"))).toBe(false);
    // one format write per (style, property): a handful, not one per cell
    const styleWrites = excel.log.filter((l) => l.startsWith("format.") && !l.startsWith("format.columnWidth"));
    expect(styleWrites.length).toBeLessThanOrEqual(30);
  });

  test("formulas written equal the plan's formulas resolved to the new sheet names; values, formats and styles as planned", async () => {
    const plan = fixturePlan();
    const { excel, result } = await successfulRun(plan);
    const names = new Map(Object.entries(result.names));
    expect(names).toEqual(chooseSheetNames(plan, ["Résumé", "Synthèse", "Hypothèses", "Clients"]));
    for (const sheet of plan.sheets) {
      const fake = excel.sheet(names.get(sheet.key)!);
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const got = fake.peek(address(r, c));
          if (!cell) {
            expect(got?.value ?? null).toBeNull();
            return;
          }
          if (cell.formula) {
            expect(got?.formula).toBe(resolveFormula(cell.formula, names));
          } else {
            expect(got?.formula).toBeUndefined();
            expect(got?.value).toEqual(cell.value);
            expect(got?.coerced).toBeUndefined();
          }
          expect(got?.numberFormat).toBe(cell.format ?? "General");
          const look = cell.style ? STYLE_LOOKS[cell.style] : {};
          expect(got?.fill).toBe(look.fill);
          expect(got?.bold).toBe(look.bold);
          expect(got?.fontColor).toBe(look.color);
        }),
      );
    }
    const syn = excel.sheet("Synthèse (2)");
    expect(syn.peek("B3")?.formula).toBe("='Hypothèses (2)'!B3*'Hypothèses (2)'!B4*'Paramètres'!B2*'Paramètres'!B3");
    expect(syn.frozenRows).toBe(2);
    expect(syn.columnWidths.get(0)).toBe(columnWidthPoints(30));
    // Categories and series named explicitly: no "Année" series, the axis shows the years (audit §2.2).
    expect(syn.charts).toEqual([
      {
        name: "Graphique 1",
        type: "ColumnClustered",
        source: "Synthèse (2)!B3:C3",
        seriesBy: "Rows",
        title: "Revenus par année",
        position: { start: "E2", end: "L19" },
        series: [
          { name: "Honoraires", values: "Synthèse (2)!B3:C3", xValues: "Synthèse (2)!B2:C2" },
          { name: "Total", values: "Synthèse (2)!B4:C4", xValues: "Synthèse (2)!B2:C2" },
        ],
      },
    ]);
    expect(excel.snapshot().active).toBe("Hypothèses (2)");
  });

  test("text that Excel would read as a formula, a number, a date or a percentage stays text", async () => {
    const { excel } = await successfulRun();
    const hyp = excel.sheet("Hypothèses (2)");
    expect(hyp.peek("A7")).toMatchObject({ value: "=texte, pas une formule", quotePrefix: true });
    expect(hyp.peek("A7")?.formula).toBeUndefined();
    expect(hyp.peek("A8")).toMatchObject({ value: "2025", quotePrefix: true });
    expect(hyp.peek("B8")).toMatchObject({ value: "01/10/2025", quotePrefix: true });
    expect(hyp.peek("C8")).toMatchObject({ value: "75%", quotePrefix: true });
    expect(hyp.peek("B6")).toEqual(expect.objectContaining({ value: "solo" }));
    expect(hyp.peek("B6")?.quotePrefix).toBeUndefined();
    expect(hyp.peek("B9")?.value).toBe(true);
    expect(escapeText("Honoraires")).toBe("Honoraires");
    expect(["=1+1", "+32", "-5", "@x", "1 000,50 €", "1e5", "VRAI", "#N/A", "mars 2025", "12:30"].every(needsTextPrefix)).toBe(true);
    expect(["Honoraires 2025", "Prime DMG débutant", "Année 1", "solo", "Total (€)"].some(needsTextPrefix)).toBe(false);
  });

  test("cell notes are added only when asked (ExcelApi 1.18)", async () => {
    const without = new FakeExcel();
    await writePlan(fixturePlan(), without);
    expect(without.sheet("Paramètres").notes.size).toBe(0);
    const withNotes = new FakeExcel();
    await writePlan(fixturePlan(), withNotes, undefined, { notes: true, activate: "syn" });
    expect(Object.fromEntries(withNotes.sheet("Paramètres").notes)).toEqual({ B2: "Seed 000, tarif au 30/08/2025" });
    expect(withNotes.snapshot().active).toBe("Synthèse");
    expect(withNotes.syncs).toBe(4);
  });
});

describe("Office writer (DESIGN §5): never destroys user data", () => {
  test("user sheets named Synthèse / Hypothèses and their formulas are unchanged; the new sheets get (2) and refer to each other", async () => {
    const before = userWorkbook().snapshot();
    const { excel, result } = await successfulRun();
    const after = excel.snapshot();
    expect(result.created).toEqual(["Hypothèses (2)", "Paramètres", "Synthèse (2)"]);
    expect(excel.sheetNames).toEqual(["Résumé", "Synthèse", "Hypothèses", "Clients", "Hypothèses (2)", "Paramètres", "Synthèse (2)"]);
    for (const sheet of before.sheets) {
      expect(after.sheets.find((s) => s.id === sheet.id)).toEqual(sheet);
    }
    expect(excel.sheet("Synthèse").peek("B2")?.formula).toBe("='Hypothèses'!B2*2");
    const newFormulas = [...excel.sheet("Synthèse (2)").cells.values()].map((c) => c.formula).filter(Boolean) as string[];
    expect(newFormulas.length).toBeGreaterThan(0);
    for (const f of newFormulas) expect(f).not.toMatch(/'Hypothèses'!|'Synthèse'!/);
  });

  test("building twice adds a second set of sheets, (2) then (3), without touching the first", async () => {
    const excel = userWorkbook();
    await writePlan(fixturePlan(), excel);
    const middle = excel.snapshot();
    const second = await writePlan(fixturePlan(), excel);
    expect(second.created).toEqual(["Hypothèses (3)", "Paramètres (2)", "Synthèse (3)"]);
    const after = excel.snapshot();
    for (const sheet of middle.sheets) expect(after.sheets.find((s) => s.id === sheet.id)).toEqual(sheet);
    expect(excel.sheet("Synthèse (3)").peek("B3")?.formula).toContain("'Hypothèses (3)'!B3");
  });

  /** Count the commands of a successful build on the same starting workbook. */
  async function operationsOfASuccessfulBuild(): Promise<{ operations: number; syncs: number }> {
    const excel = userWorkbook();
    await writePlan(fixturePlan(), excel);
    return { operations: excel.operations, syncs: excel.syncs };
  }

  function sameWorkbook(a: WorkbookSnapshot, b: WorkbookSnapshot): void {
    expect(a.sheets).toEqual(b.sheets);
    expect(a.active).toBe(b.active);
  }

  test("a failure injected at each sync leaves the workbook exactly as before, with a French error", async () => {
    const { syncs } = await operationsOfASuccessfulBuild();
    expect(syncs).toBe(4);
    for (let n = 1; n <= syncs; n++) {
      const excel = userWorkbook({ failAtSync: n });
      const before = excel.snapshot();
      const error = await writePlan(fixturePlan(), excel).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WriteError);
      const message = (error as WriteError).message;
      if (n === 1) expect(message).toMatch(/^Impossible de lire le classeur : .*Rien n'a été modifié\.$/);
      else expect(message).toMatch(/^La création du classeur a échoué : .*Le classeur est revenu à son état initial/);
      expect((error as WriteError).cause).toBeInstanceOf(FakeOfficeError);
      sameWorkbook(excel.snapshot(), before);
    }
  });

  test("a failure injected at each single command (load, add, write, format, chart, calculate, activate) leaves the workbook as before", async () => {
    const { operations } = await operationsOfASuccessfulBuild();
    expect(operations).toBeGreaterThan(30);
    for (let n = 1; n <= operations; n++) {
      const excel = userWorkbook({ failAtOperation: n });
      const before = excel.snapshot();
      await expect(writePlan(fixturePlan(), excel)).rejects.toBeInstanceOf(WriteError);
      sameWorkbook(excel.snapshot(), before);
      // the clean-up deletes only sheets that did not exist before the build
      const deleted = excel.log.filter((l) => l.startsWith("delete()"));
      expect(deleted.every((l) => /@worksheets\[(Hypothèses \(2\)|Paramètres|Synthèse \(2\))\]$/.test(l))).toBe(true);
    }
  });

  test("the error message names the sheets removed after a failure in the middle of the big batch", async () => {
    const excel = userWorkbook({ failWhen: (op) => op.startsWith("charts.add") });
    const error = (await writePlan(fixturePlan(), excel).catch((e: unknown) => e)) as WriteError;
    expect(error.message).toContain("les 3 feuilles ajoutées (Hypothèses (2), Paramètres, Synthèse (2)) ont été supprimées");
    expect(error.message).toContain("vos feuilles existantes n'ont pas été modifiées");
    expect(excel.sheetNames).toEqual(["Résumé", "Synthèse", "Hypothèses", "Clients"]);
    // failing right after the first sheet was added: one sheet to remove, in the singular
    const early = userWorkbook({ failWhen: (op) => op.startsWith("worksheets.add(Paramètres)") });
    const one = (await writePlan(fixturePlan(), early).catch((e: unknown) => e)) as WriteError;
    expect(one.message).toContain("la feuille ajoutée (Hypothèses (2)) a été supprimée");
    expect(early.sheetNames).toEqual(["Résumé", "Synthèse", "Hypothèses", "Clients"]);
  });

  test("the clean-up never deletes a sheet that existed before the build, even one renamed meanwhile to a chosen name (ids are checked)", async () => {
    const excel = userWorkbook({ failWhen: (op) => op.startsWith("charts.add") });
    const realRun = excel.run;
    let calls = 0;
    excel.run = (async (batch: Parameters<typeof realRun>[0]) => {
      if (++calls === 2) {
        // before the clean-up: the user renamed the build's "Paramètres" and gave that name to "Clients"
        excel.sheet("Paramètres").name = "Paramètres construits";
        excel.sheet("Clients").name = "Paramètres";
      }
      return realRun(batch);
    }) as typeof realRun;
    const error = (await writePlan(fixturePlan(), excel).catch((e: unknown) => e)) as WriteError;
    expect(error).toBeInstanceOf(WriteError);
    expect(excel.sheet("Paramètres").peek("A1")?.value).toBe("Liste des clients");
    expect(excel.sheetNames).toEqual(["Résumé", "Synthèse", "Hypothèses", "Paramètres", "Paramètres construits"]);
  });

  test("if even the clean-up fails, the error says which sheets to remove by hand", async () => {
    const excel = userWorkbook({ failWhen: (op) => op.startsWith("charts.add") || op.startsWith("delete()") });
    const error = (await writePlan(fixturePlan(), excel, undefined, { retryDelayMs: 0 }).catch((e: unknown) => e)) as WriteError;
    expect(error).toBeInstanceOf(WriteError);
    expect(error.message).toMatch(/n'ont pas pu être supprimées/);
    expect(error.leftOver).toEqual(["Hypothèses (2)", "Paramètres", "Synthèse (2)"]);
    // user sheets still intact
    expect(excel.sheet("Synthèse").peek("B2")?.formula).toBe("='Hypothèses'!B2*2");
  });

  test("an invalid plan (unknown sheet key in a formula) is refused before anything is written", async () => {
    const plan = fixturePlan();
    plan.sheets[2].rows[2][1] = { formula: "={inconnue}!A1" };
    const excel = userWorkbook();
    const before = excel.snapshot();
    const error = (await writePlan(plan, excel).catch((e: unknown) => e)) as WriteError;
    expect(error.message).toBe("Plan invalide : feuille inconnue dans une formule : {inconnue}. Rien n'a été écrit.");
    expect(excel.syncs).toBe(1);
    sameWorkbook(excel.snapshot(), before);
  });

  test("duplicate sheet keys and empty plans are refused without touching Excel", async () => {
    const excel = new FakeExcel();
    const plan = fixturePlan();
    plan.sheets[1].key = "hyp";
    await expect(writePlan(plan, excel)).rejects.toThrow("la clé de feuille « hyp » est utilisée deux fois");
    await expect(writePlan({ sheets: [] }, excel)).rejects.toThrow("Plan vide");
    expect(excel.syncs).toBe(0);
  });
});

describe("Office writer on the scenario builder's plan (examples/scenario-exemple.json)", () => {
  const scenario = scenarioSchema.parse(example);

  test("the example's 10 sheets are written in 4 syncs, every formula equal to the plan's resolved formula", async () => {
    const plan = buildPlan(scenario);
    const excel = new FakeExcel({ sheets: ["Résumé", "Synthèse", "Hypothèses"] });
    const result = await writePlan(plan, excel, undefined, { activate: "syn" });
    expect(result.syncs).toBe(4);
    expect(excel.syncs).toBe(4);
    expect(result.created).toEqual(["Résumé (2)", "Synthèse (2)", "Hypothèses (2)", "Revenus", "Charges", "Primes", "IPP et cotisations", "Trésorerie", "Échéancier", "Paramètres"]);
    expect(excel.snapshot().active).toBe("Synthèse (2)");
    const names = new Map(Object.entries(result.names));
    let formulas = 0;
    for (const sheet of plan.sheets) {
      const fake = excel.sheet(names.get(sheet.key)!);
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell?.formula) return;
          formulas++;
          expect({ at: `${fake.name}!${address(r, c)}`, formula: fake.peek(address(r, c))?.formula }).toEqual({
            at: `${fake.name}!${address(r, c)}`,
            formula: resolveFormula(cell.formula, names),
          });
        }),
      );
    }
    expect(formulas).toBeGreaterThan(100);
    // the user's sheets of the same names are not referred to by any new formula
    for (const sheet of excel.sheets.slice(2)) {
      for (const cell of sheet.cells.values()) if (cell.formula) expect(cell.formula).not.toMatch(/'(Synthèse|Hypothèses)'!/);
    }
    expect(excel.sheet("Synthèse (2)").charts).toHaveLength(1);
    // The Synthèse chart: the years on the axis, five figure rows as series, no "Année" series (audit §2.2).
    const chart = excel.sheet("Synthèse (2)").charts[0];
    const years = plan.sheets.find((s) => s.key === "syn")!.rows[2].slice(1, 6).map((c) => c?.value);
    expect(years).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(chart.series!.map((s) => s.name)).toEqual([
      "Honoraires et forfait",
      "Primes et subsides reçus",
      "Cotisations sociales payées (déductibles)",
      "dont impôt payé dans l'année",
      "Trésorerie nette de l'année",
    ]);
    for (const s of chart.series!) expect(s.xValues).toBe("Synthèse (2)!B3:F3");
    expect(chart.series!.map((s) => s.name)).not.toContain("Année");
  });

  test("two scenarios and their Comparaison sheet (21 sheets) still take 4 syncs", async () => {
    const plan = buildPlan([scenario, { ...scenario, name: "Variante" }]);
    const excel = new FakeExcel();
    const result = await writePlan(plan, excel);
    expect(result.syncs).toBe(4);
    expect(result.created).toHaveLength(21);
    expect(result.created).toContain("Comparaison");
    expect(excel.log.filter((l) => l.startsWith("range.formulas"))).toHaveLength(22); // 21 sheets + the date-system probe
  });

  test("a scenario name with characters Excel forbids in sheet names still gives valid sheet names", async () => {
    expect(sanitizeSheetName("Dr A / Dr B - Synthèse")).toBe("Dr A - Dr B - Synthèse");
    expect(sanitizeSheetName("'[x]'")).toBe("-x-");
    const plan = buildPlan([scenario, { ...scenario, name: "A/B: test?" }]);
    const excel = new FakeExcel();
    const result = await writePlan(plan, excel);
    expect(result.created).toContain("A-B- test- - Synthèse");
  });
});

describe("fake Excel behaves like Office.js where the writer relies on it", () => {
  test("reading a property before load + sync throws PropertyNotLoaded", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/PropertyNotLoaded|not available/);
      sheets.load("items/name");
      expect(() => sheets.items).toThrow(/not available/);
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Feuil1"]);
      const range = sheets.getItem("Feuil1").getRange("A1");
      range.formulas = [["=1+1"]];
      expect(() => range.formulas).toThrow(/not available/);
      range.load("formulas");
      await context.sync();
      expect(range.formulas).toEqual([["=1+1"]]);
    });
  });

  test("a failing command fails the sync; earlier commands of the batch stay applied, later ones are dropped", async () => {
    const excel = new FakeExcel({ failWhen: (op) => op.startsWith("worksheets.add(B)") });
    const error = await excel
      .run(async (context) => {
        context.workbook.worksheets.add("A");
        context.workbook.worksheets.add("B");
        context.workbook.worksheets.add("C");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeOfficeError);
    expect(excel.sheetNames).toEqual(["Feuil1", "A"]);
  });

  test("a range write must match the range's size; a duplicate sheet name is refused", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Feuil1");
      expect(() => {
        ws.getRange("A1:B2").formulas = [[1, 2]];
      }).toThrow(/doesn't match/);
    });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.add("feuil1");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });
});
