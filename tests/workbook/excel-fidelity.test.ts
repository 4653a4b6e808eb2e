/**
 * What real Excel does that a naive fake would not (issue 13,
 * ../shared/research/excel-fidelity-audit-2026-12.md): each behaviour is
 * taught to the fake (tests/fakes/fake-excel.ts), and the Office writer is
 * checked against it, so that a writer regression fails here.
 */
import { FakeExcel, parseTyped, serialOf } from "../fakes/fake-excel";
import { writePlan, WriteError, needsTextPrefix, sanitizeSheetName, DATE_1904_MESSAGE, FOCUS_LOST_MESSAGE } from "../../src/workbook/office-writer";
import { chooseDefinedNames, chooseSheetNames, cutText, hasLoneSurrogate, isValidDefinedName, type WorkbookPlan } from "../../src/workbook/plan";

/** One sheet with a title, a table (years in the header row) and a chart over it. */
function smallPlan(texts: string[] = []): WorkbookPlan {
  return {
    sheets: [
      {
        key: "syn",
        name: "Synthèse",
        rows: [
          [{ value: "Synthèse", style: "title" }],
          [{ value: "Année", style: "header" }, { value: 2025, style: "header" }, { value: 2026, style: "header" }],
          [{ value: "Honoraires" }, { value: 100 }, { value: 200 }],
          ...texts.map((t) => [{ value: t }]),
        ],
        charts: [{ kind: "columnClustered", title: "Honoraires", categories: "B2:C2", series: [{ name: "A3", values: "B3:C3" }], anchor: "E2" }],
      },
      { key: "par", name: "Paramètres", rows: [[{ value: "Taux" }, { value: 0.5 }]] },
    ],
  };
}

describe("user text written through range.formulas is parsed by Excel as if typed (audit §2.1, office-js#6687)", () => {
  // Texts a user can type in the pane (scenario name, notes, investment labels) that Excel would turn into something else.
  const PARSED = [
    "1-5", "2025-12", "12-2025", "2025-12-01", "01/10/2025", "1.5.25", "2025", "-5", "+32", "@x", "=1+1", "1 000,50 €", "$1,000.50", "(12)", "75%", "1,5 %",
    "1e5", "12:30", "10 am", "1:30 PM", "mars 2025", "Jan-25", "1 janv", "VRAI", "faux", "WAAR", "onwaar", "TRUE",
    "#N/A", "#VALUE!", "#VALEUR!", "#WAARDE!", "#NOMBRE!", "#GETAL!", "#NUM!", "#NAME?", "#NOM?", "#NAAM?", "#REF!", "#VERW!",
    "#DIV/0!", "#DEEL/0!", "#NULL!", "#NUL!", "#LEEG!", "#N/B", "#BUSY!", "#FIELD!", "#GETTING_DATA", "#SPILL!", "#CALC!",
  ];

  test("the fake turns each of them into a number, a date, a time, a boolean, an error or a formula", () => {
    for (const t of PARSED) expect({ t, parsed: parseTyped(t) !== null }).toEqual({ t, parsed: true });
    expect(parseTyped("2025-12-01")).toEqual({ kind: "date", value: 45992 }); // 01/11/2025 is 45962
    expect(parseTyped("#WAARDE!")).toEqual({ kind: "error", value: "#WAARDE!" });
    expect(parseTyped("1 000,50 €")).toEqual({ kind: "number", value: 1000.5 });
    // ordinary labels stay text
    for (const t of ["Honoraires 2025", "Dr A - Dr B", "Prime DMG débutant", "Année 1", "solo", "Total (€)", "Cabinet #2 rue Haute"]) expect(parseTyped(t)).toBeNull();
  });

  test("every one of them is written with the text prefix and reaches the cell as the same text", async () => {
    expect(PARSED.filter((t) => !needsTextPrefix(t))).toEqual([]);
    const excel = new FakeExcel();
    await writePlan(smallPlan(PARSED), excel);
    const syn = excel.sheet("Synthèse");
    PARSED.forEach((t, i) => {
      const cell = syn.peek(`A${4 + i}`);
      expect({ t, value: cell?.value, coerced: cell?.coerced, formula: cell?.formula }).toEqual({ t, value: t, coerced: undefined, formula: undefined });
    });
  });

  test("labels that Excel keeps as text are written as they are (no needless prefix)", () => {
    expect(["Honoraires 2025", "Prime DMG débutant", "Année 1", "solo", "Total (€)", "Dr A - Dr B"].some(needsTextPrefix)).toBe(false);
  });
});

describe("sheet names (audit §2.8)", () => {
  test("a chart sheet holds a name worksheets does not list: the build takes the next suffix instead of failing", async () => {
    const excel = new FakeExcel({ sheets: ["Feuil1"], chartSheets: ["Synthèse", "paramètres (2)"] });
    const names = await excel.run(async (ctx) => {
      ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      return ctx.workbook.worksheets.items.map((w) => w.name);
    });
    expect(names).toEqual(["Feuil1"]); // the chart sheets are not listed
    const plan = smallPlan();
    plan.sheets.reverse(); // Paramètres first: its name is free, then Synthèse clashes
    const result = await writePlan(plan, excel);
    expect(result.names).toEqual({ par: "Paramètres", syn: "Synthèse (2)" });
    expect(excel.sheetNames).toEqual(["Feuil1", "Paramètres", "Synthèse (2)"]);
    expect(excel.sheet("Synthèse (2)").charts[0].series![0].values).toBe("Synthèse (2)!B3:C3");
  });

  test("names are compared case-insensitively, as Excel does", () => {
    const names = chooseSheetNames(smallPlan(), ["SYNTHÈSE", "paramètres"]);
    expect([...names.values()]).toEqual(["Synthèse (2)", "Paramètres (2)"]);
    expect(chooseDefinedNames({ names: [{ name: "Penurie", sheetKey: "x", range: "A1" }] }, ["PENURIE", "penurie_2"]).get("Penurie")).toBe("Penurie_3");
  });

  test("cutting a name to 31 characters never splits an emoji (a surrogate pair)", () => {
    const name = "Cabinet du Dr Dupont et fils 😀 Synthèse"; // the emoji sits on characters 30-31
    expect(name.slice(0, 30)).toMatch(/\uD83D$/); // what .slice would leave
    expect(hasLoneSurrogate(cutText(name, 30))).toBe(false);
    expect(cutText(name, 30)).toBe("Cabinet du Dr Dupont et fils ");
    const sanitized = sanitizeSheetName(name);
    expect(hasLoneSurrogate(sanitized)).toBe(false);
    expect(sanitized.length).toBeLessThanOrEqual(31);
    const chosen = chooseSheetNames({ sheets: [{ key: "a", name: "x".repeat(27) + "😀😀", rows: [] }] }, ["x".repeat(27) + "😀😀"]);
    expect(hasLoneSurrogate(chosen.get("a")!)).toBe(false);
    expect(chosen.get("a")).toBe("x".repeat(27) + " (2)");
    // a name already cut by an earlier .slice loses its lone half
    expect(sanitizeSheetName("Dr 😀".slice(0, 4))).toBe("Dr");
  });
});

describe("focus lost mid-build: another workbook activated (Windows/Mac, audit §2.9)", () => {
  test("the user is told, and the clean-up is retried until the focus is back", async () => {
    const excel = new FakeExcel({ sheets: ["Clients"], loseFocusWhen: (op) => op.startsWith("activate()"), focusReturnsAfterRuns: 2 });
    const before = excel.snapshot();
    const progress: string[] = [];
    const error = (await writePlan(smallPlan(), excel, (p) => progress.push(p.message), { retryDelayMs: 0 }).catch((e: unknown) => e)) as WriteError;
    expect(error).toBeInstanceOf(WriteError);
    expect(error.message).toContain(FOCUS_LOST_MESSAGE);
    expect(error.message).toContain("Le classeur est revenu à son état initial");
    expect(error.leftOver).toEqual([]);
    expect(progress).toContain("Un autre classeur est actif : nouvel essai de suppression des feuilles ajoutées…");
    expect(excel.snapshot().sheets).toEqual(before.sheets);
  });

  test("if the focus never comes back, the message lists the sheets to remove by hand and says why", async () => {
    const excel = new FakeExcel({ sheets: ["Clients"], loseFocusWhen: (op) => op.startsWith("freezePanes") || op.startsWith("activate()") });
    const error = (await writePlan(smallPlan(), excel, undefined, { retryDelayMs: 0 }).catch((e: unknown) => e)) as WriteError;
    expect(error.leftOver).toEqual(["Synthèse", "Paramètres"]);
    expect(error.message).toContain(FOCUS_LOST_MESSAGE);
    expect(excel.runs).toBe(1 + 3); // the build, then three clean-up attempts
  });
});

describe("1904 date system (old Mac workbooks, audit §2.7)", () => {
  test("the fake computes DATE() in the workbook's date system", () => {
    expect(serialOf(1904, 1, 1)).toBe(1462);
    expect(serialOf(1904, 1, 1, true)).toBe(0);
    expect(serialOf(2025, 11, 1)).toBe(45962);
  });

  test("a 1904 workbook is refused with a French message, after the probe in a sheet the build created, and left as it was", async () => {
    const excel = new FakeExcel({ sheets: ["Clients"], date1904: true });
    excel.sheet("Clients").cell("A1").value = "ne pas toucher";
    const before = excel.snapshot();
    const error = (await writePlan(smallPlan(), excel).catch((e: unknown) => e)) as WriteError;
    expect(error).toBeInstanceOf(WriteError);
    expect(error.message).toBe(
      `Création refusée : ${DATE_1904_MESSAGE} Le classeur est revenu à son état initial : les 2 feuilles ajoutées (Synthèse, Paramètres) ont été supprimées ; vos feuilles existantes n'ont pas été modifiées.`,
    );
    expect(excel.snapshot()).toEqual(before);
    // the probe was the only write, in the build's own first sheet
    expect(excel.log.filter((l) => l.startsWith("range.formulas"))).toEqual(["range.formulas A1 @worksheets.add(Synthèse)"]);
  });

  test("a 1900 workbook is built; the probe cell is overwritten by the plan (value and the date format Excel gave it)", async () => {
    const excel = new FakeExcel();
    await writePlan(smallPlan(), excel);
    expect(excel.sheet("Synthèse").peek("A1")).toMatchObject({ value: "Synthèse", numberFormat: "General" });
    expect(excel.sheet("Synthèse").peek("A1")?.formula).toBeUndefined();
    // a plan whose first sheet is empty: the probe cell is cleared
    const empty = new FakeExcel();
    await writePlan({ sheets: [{ key: "vide", name: "Vide", rows: [] }, ...smallPlan().sheets] }, empty);
    expect(empty.sheet("Vide").peek("A1")).toEqual({ value: null, numberFormat: "General" });
  });
});

describe("page setup, data validation and workbook names through Office.js (issue 12)", () => {
  function clientPlan(): WorkbookPlan {
    const plan = smallPlan();
    plan.sheets[0].print = { orientation: "landscape", fitToWidth: true, titleRows: 2, footer: { left: "Dr Test & associés", center: "Page {page} / {pages}", right: "{date}" } };
    plan.sheets[1].print = { orientation: "portrait", annex: true };
    plan.sheets[1].rows.push([{ value: "solo" }], [{ value: "groupe" }]);
    plan.sheets[1].validations = [
      { range: "B1", rule: { kind: "decimal", min: 0, max: 1 }, message: "Un taux entre 0 et 1." },
      { range: "C1:C3", rule: { kind: "list", values: ["solo", "regroupement", "groupe"] }, message: "Choisissez dans la liste." },
      { range: "D1", rule: { kind: "whole", min: 0, max: 60 }, message: "Un nombre entier de 0 à 60." },
      { range: "E1", rule: { kind: "date", min: 45658, max: 47483 }, message: "Une date de 2025 à 2029." },
    ];
    plan.names = [{ name: "Pratiques", sheetKey: "par", range: "A2:A3" }];
    plan.sheets[0].rows.push([{ value: "Nombre" }, { formula: "=COUNTA({name:Pratiques})", result: 2 }, { formula: "={par}!B1", result: 0.5 }]);
    return plan;
  }

  test("A4, orientation, one page wide, repeated rows, footer codes &P &N &D (a literal & doubled)", async () => {
    const excel = new FakeExcel();
    const result = await writePlan(clientPlan(), excel);
    expect(result.syncs).toBe(4);
    expect(result.skipped).toEqual([]);
    expect(excel.sheet("Synthèse").pageLayout).toEqual({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$2",
      leftFooter: "Dr Test && associés",
      centerFooter: "Page &P / &N",
      rightFooter: "&D",
    });
    expect(excel.sheet("Paramètres").pageLayout).toEqual({ paperSize: "A4", orientation: "Portrait" });
  });

  test("validation rules with a Stop alert and the plan's message; dates as ISO 8601", async () => {
    const excel = new FakeExcel();
    await writePlan(clientPlan(), excel);
    const alert = (message: string) => ({ message, showAlert: true, style: "Stop", title: "MG Bruxelles" });
    expect(excel.sheet("Paramètres").validations).toEqual([
      { range: "B1", rule: { decimal: { formula1: 0, formula2: 1, operator: "Between" } }, errorAlert: alert("Un taux entre 0 et 1.") },
      { range: "C1:C3", rule: { list: { inCellDropDown: true, source: "solo,regroupement,groupe" } }, errorAlert: alert("Choisissez dans la liste.") },
      { range: "D1", rule: { wholeNumber: { formula1: 0, formula2: 60, operator: "Between" } }, errorAlert: alert("Un nombre entier de 0 à 60.") },
      { range: "E1", rule: { date: { formula1: "2025-01-01", formula2: "2029-12-31", operator: "Between" } }, errorAlert: alert("Une date de 2025 à 2029.") },
    ]);
  });

  test("a list value with a comma cannot be an inline list: refused before anything is written", async () => {
    const plan = clientPlan();
    plan.sheets[1].validations = [{ range: "C1", rule: { kind: "list", values: ["solo", "maison médicale, forfait"] }, message: "Choisissez." }];
    const excel = new FakeExcel();
    const error = (await writePlan(plan, excel).catch((e: unknown) => e)) as WriteError;
    expect(error.message).toBe("Plan invalide : validation C1 de Paramètres : « maison médicale, forfait » ne peut pas figurer dans une liste déroulante (virgule, guillemet ou vide). Rien n'a été écrit.");
    expect(excel.syncs).toBe(0);
  });

  test("a workbook name never overwrites the user's: the next free name is chosen, reported, and used by the formulas", async () => {
    const excel = new FakeExcel({ names: [{ name: "PRATIQUES", reference: "='Feuil1'!$Z$1" }] });
    const result = await writePlan(clientPlan(), excel);
    expect(result.definedNames).toEqual({ Pratiques: "Pratiques_2" });
    expect(excel.names).toEqual([
      { name: "PRATIQUES", reference: "='Feuil1'!$Z$1", sheetId: null },
      { name: "Pratiques_2", reference: "='Paramètres'!$A$2:$A$3", sheetId: excel.sheet("Paramètres").id },
    ]);
    expect(excel.sheet("Synthèse").peek("B4")?.formula).toBe("=COUNTA(Pratiques_2)");
    expect(excel.sheet("Synthèse").peek("C4")?.formula).toBe("='Paramètres'!B1");
  });

  test("a failure after the names were added removes them with the sheets; the user's name stays", async () => {
    const excel = new FakeExcel({ names: [{ name: "Pratiques", reference: "='Feuil1'!$Z$1" }], failWhen: (op) => op.startsWith("activate()") });
    const before = excel.snapshot();
    await expect(writePlan(clientPlan(), excel)).rejects.toBeInstanceOf(WriteError);
    expect(excel.snapshot()).toEqual(before);
    expect(excel.log).toContain("names.delete(Pratiques_2)");
  });

  test("an unknown {name:...} in a formula or an invalid name is refused before anything is written", async () => {
    const plan = clientPlan();
    plan.sheets[0].rows.push([{ formula: "=SUM({name:Inconnu})" }]);
    const excel = new FakeExcel();
    await expect(writePlan(plan, excel)).rejects.toThrow("Plan invalide : nom défini inconnu dans une formule : {name:Inconnu}. Rien n'a été écrit.");
    for (const bad of ["A1", "R1C1", "R", "2taux", "taux moyen", "XFD1048576"]) expect({ bad, ok: isValidDefinedName(bad) }).toEqual({ bad, ok: false });
    for (const good of ["Pratiques", "Quartiers.Penurie", "_liste", "Taux_2025", "AB", "XFE1"]) expect({ good, ok: isValidDefinedName(good) }).toEqual({ good, ok: true });
  });

  test("without ExcelApi 1.9 / 1.8 the page setup / validation are skipped and said so; everything else is written", async () => {
    const excel = new FakeExcel();
    const result = await writePlan(clientPlan(), excel, undefined, { requirements: { isSetSupported: (_n, v) => Number(v?.split(".")[1]) <= 7 } });
    expect(result.skipped).toEqual([
      "Mise en page (A4, pied de page, lignes répétées) non écrite : cette version d'Excel n'offre pas ExcelApi 1.9.",
      "Validation des données non écrite : cette version d'Excel n'offre pas ExcelApi 1.8.",
    ]);
    expect(excel.sheet("Synthèse").pageLayout).toEqual({});
    expect(excel.sheet("Paramètres").validations).toEqual([]);
    expect(excel.names.map((n) => n.name)).toEqual(["Pratiques"]);
  });
});

describe("the fake's chart guesses headers like Excel (audit §2.2)", () => {
  test("a source range with 'Année' in its corner and numeric years plots the years as a series over categories 1, 2, 3", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Feuil1");
      ws.getRange("A1:C2").formulas = [
        ["Année", 2025, 2026],
        ["Honoraires", 100, 200],
      ];
      ws.charts.add("ColumnClustered", ws.getRange("A1:C2"), "Rows");
      await ctx.sync();
    });
    expect(excel.sheet("Feuil1").charts[0].series).toEqual([
      { name: "Année", values: "Feuil1!B1:C1", xValues: null },
      { name: "Honoraires", values: "Feuil1!B2:C2", xValues: null },
    ]);
  });
});
