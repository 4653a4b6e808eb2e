/**
 * The .xlsx writer: written to a temporary file, read back with ExcelJS;
 * formulas (sheet keys resolved to quoted names) and the core's results are
 * present, with formats, styles, widths, frozen rows; the command line writes
 * the example and refuses a bad scenario with a French list and exit code 2.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, existsSync, writeFileSync, readdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildPlan } from "../../src/scenario/plan";
import { writeXlsx, planToWorkbook } from "../../src/workbook/xlsx-writer";
import { run } from "../../src/cli/simulate";
import { exampleScenario, rowByLabel, sheet } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "mg-xlsx-"));

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("xlsx writer", () => {
  const plan = buildPlan(exampleScenario());
  const file = join(dir, "exemple.xlsx");
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    await writeXlsx(plan, file);
    wb = await read(file);
  });

  test("the ten sheets with their French names", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Résumé", "Synthèse", "Hypothèses", "Revenus", "Charges", "Primes", "IPP et cotisations", "Trésorerie", "Échéancier", "Paramètres"]);
  });

  test("formula cells keep the formula (quoted sheet names) and the core's result", () => {
    const syn = wb.getWorksheet("Synthèse")!;
    const r = sheet(plan, "syn").rows.indexOf(rowByLabel(sheet(plan, "syn"), "Trésorerie nette de l'année")) + 1;
    const cashNet = sheet(plan, "cash").rows.indexOf(rowByLabel(sheet(plan, "cash"), "Trésorerie nette de l'année")) + 1;
    expect(syn.getCell(r, 2).value).toEqual({ formula: `'Trésorerie'!B$${cashNet}`, result: -328 });
    const revTotal = sheet(plan, "rev").rows.indexOf(rowByLabel(sheet(plan, "rev"), "Total des honoraires")) + 1;
    const fees = sheet(plan, "syn").rows.indexOf(rowByLabel(sheet(plan, "syn"), "Honoraires et forfait")) + 1;
    expect(syn.getCell(fees, 2).value).toEqual({ formula: `'Revenus'!B$${revTotal}`, result: 19029.88 });
    expect(syn.getCell(r, 2).numFmt).toBe('#,##0.00 "€"');
    // every formula of the plan is in the file
    let n = 0;
    for (const s of plan.sheets) {
      const ws = wb.getWorksheet(s.name)!;
      s.rows.forEach((row, i) =>
        row.forEach((c, j) => {
          if (!c?.formula) return;
          n++;
          const v = ws.getCell(i + 1, j + 1).value as ExcelJS.CellFormulaValue;
          expect(typeof v.formula).toBe("string");
          expect(v.formula.includes("{")).toBe(false);
        }),
      );
    }
    expect(n).toBeGreaterThan(400);
  });

  test("inputs, dates, booleans, styles, widths and frozen rows", () => {
    const hyp = wb.getWorksheet("Hypothèses")!;
    const agr = sheet(plan, "hyp").rows.indexOf(rowByLabel(sheet(plan, "hyp"), "Agrément comme médecin généraliste")) + 1;
    const cell = hyp.getCell(agr, 2);
    expect(cell.numFmt).toBe("dd/mm/yyyy");
    // ExcelJS reads a date-formatted serial back as a Date: 01/12/2025.
    expect(cell.value).toEqual(new Date(Date.UTC(2025, 11, 1)));
    expect(cell.fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFFF2CC" } });
    expect(hyp.getColumn(1).width).toBe(52);
    expect(hyp.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    const pri = wb.getWorksheet("Primes")!;
    const cond = sheet(plan, "pri").rows.indexOf(rowByLabel(sheet(plan, "pri"), "Premier palier atteint")) + 1;
    // (ExcelJS's reader drops falsy cached results — 0 and FALSE are in the file, see the LibreOffice test.)
    expect((pri.getCell(cond, 2).value as ExcelJS.CellFormulaValue).formula).toBe("B$9>=B$10");
    expect((pri.getCell(cond, 3).value as ExcelJS.CellFormulaValue).result).toBe(true);
  });

  test("the workbook asks for a full recalculation on load", () => {
    // (ExcelJS does not read calcPr back: checked on the workbook before writing.)
    expect(planToWorkbook(plan).calcProperties.fullCalcOnLoad).toBe(true);
  });
});

describe("npm run simulate", () => {
  test("writes the example workbook and prints the yearly summary", async () => {
    const out = join(dir, "cli.xlsx");
    const r = await run(["--out", out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(r.out).toContain("Scénario « Dr Exemple »");
    // Year, fees, primes received, taxable, tax of the year, tax paid, contributions paid, of which regularisation, net cash, cumulative.
    expect(r.out).toMatch(/2025 +19 029,88 € +0,00 € +9 272,00 € +0,00 € +0,00 € +871,71 € +0,00 € +-328,00 € +-328,00 €/);
    expect(r.out).toMatch(/2026 +146 468,60 € +6 263,23 € +122 444,99 € +55 178,92 € +0,00 € +3 486,84 € +0,00 € +125 094,99 €/);
    expect(r.out).toMatch(/2028 .* +19 983,12 € +16 496,28 € /);
    expect(r.out).toContain("extrapolés");
    // An existing workbook is not overwritten without --force.
    const again = await run(["--out", out]);
    expect(again.code).toBe(2);
    expect(again.err).toContain("Le fichier existe déjà");
    expect((await run(["--out", out, "--force"])).code).toBe(0);
  });

  test("--json prints the projection for scripts (euros as numbers), --no-xlsx writes nothing", async () => {
    const sub = mkdtempSync(join(dir, "json-"));
    const r = await run(["--json", "--no-xlsx", "--out", join(sub, "x.xlsx")]);
    expect(r.code).toBe(0);
    expect(readdirSync(sub)).toEqual([]);
    const j = JSON.parse(r.out);
    const y2026 = j.scenarios[0].years[1];
    expect(j.scenarios[0].name).toBe("Dr Exemple");
    expect(y2026).toMatchObject({ year: 2026, fees: 146468.6, taxableIncome: 122444.99, incomeTax: 55178.92, incomeTaxPaid: 0, socialContributionsPaid: 3486.84, socialContributionsRegularisation: 16496.28, statutSocial: 6243.59, installationSubsidy: 0, netCash: 125094.99 });
  });

  test("two scenario files: a Comparaison sheet", async () => {
    const other = join(dir, "autre.json");
    const ex = JSON.parse(JSON.stringify(require("../../examples/scenario-exemple.json")));
    writeFileSync(other, JSON.stringify({ ...ex, name: "Autre", extrapolation: { indexPercent: 2 } }));
    const out = join(dir, "two.xlsx");
    const r = await run(["examples/scenario-exemple.json", other, "--out", out]);
    expect(r.code).toBe(0);
    expect((await read(out)).worksheets.map((w) => w.name)).toContain("Comparaison");
  });

  test("a bad scenario: French list of problems, exit code 2, nothing written", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ name: "", horizon: 11, dates: { endOfTraining: "2025-13-01" } }));
    const sub = mkdtempSync(join(dir, "bad-"));
    const r = await run([bad, "--out", join(sub, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("- name (Nom du scénario) : nom du scénario requis");
    expect(r.err).toContain("- horizon (Horizon (années)) : horizon (années) : au plus 10");
    expect(r.err).toContain("- dates.endOfTraining (Fin du stage) : date impossible");
    expect(r.err).toContain("Rien n'a été écrit.");
    expect(readdirSync(sub)).toEqual([]);
  });

  test("a scenario the rules refuse (9 e-services criteria of 8 in 2026) is refused with code 2; a year before any fee is #N/A, not a refusal", async () => {
    const ex = JSON.parse(JSON.stringify(require("../../examples/scenario-exemple.json")));
    const f1 = join(dir, "criteria.json");
    ex.activity[1].eServicesCriteria = 9;
    writeFileSync(f1, JSON.stringify(ex));
    const r1 = await run([f1, "--out", join(dir, "no1.xlsx")]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain("Le scénario est incohérent avec les règles : 9 critères e-services");
    expect(existsSync(join(dir, "no1.xlsx"))).toBe(false);
    const f2 = join(dir, "early.json");
    writeFileSync(f2, JSON.stringify({ ...JSON.parse(JSON.stringify(require("../../examples/scenario-exemple.json"))), firstYear: 2024 }));
    const r2 = await run([f2, "--out", join(dir, "early.xlsx")]);
    expect(r2.code).toBe(0);
    expect(r2.out).toMatch(/# 2024 : honoraire\.101076 — Pas de valeur publiée/);
  });

  test("unreadable JSON and unknown options are refused with code 2", async () => {
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ pas du json");
    expect((await run([broken])).code).toBe(2);
    expect((await run(["--nope"])).err).toContain("Option inconnue : --nope");
  });
});
