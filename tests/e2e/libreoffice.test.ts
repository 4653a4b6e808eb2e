/**
 * Formula truth in a real spreadsheet engine: the .xlsx written by the
 * ExcelJS writer, WITHOUT the core's cached results, is opened by LibreOffice
 * (headless, fresh profile that forces recalculation on load), exported to
 * CSV (one file per sheet, raw values), and every formula cell must equal
 * the value the core computed, to the cent.
 *
 * Needs `soffice` (Debian: libreoffice-calc-nogui). Run by `npm run test:e2e`.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildPlan } from "../../src/scenario/plan";
import { parseScenario, type Scenario } from "../../src/scenario/schema";
import { chooseSheetNames, address, type WorkbookPlan } from "../../src/workbook/plan";
import { writeXlsx } from "../../src/workbook/xlsx-writer";
import { serialFromYmd } from "../../src/dates";
import example from "../../examples/scenario-exemple.json";

jest.setTimeout(180_000);

function soffice(): string {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) if (existsSync(p)) return p;
  try {
    return execFileSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("LibreOffice (soffice) introuvable : installez libreoffice-calc-nogui.");
  }
}

/** A fresh LibreOffice profile that recalculates every formula when a file is loaded (never trust cached values). */
function profile(dir: string): string {
  const user = join(dir, "profile", "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return "file://" + join(dir, "profile");
}

/** Minimal CSV parser (RFC 4180: quotes, doubled quotes, newlines in quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The plan without the core's results: LibreOffice has to compute every value itself. */
function withoutResults(plan: WorkbookPlan): WorkbookPlan {
  return { sheets: plan.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map((c) => (c && c.formula ? { ...c, result: undefined } : c))) })) };
}

/** Recalculates `plan` in LibreOffice and returns the mismatches with the core's results. */
function recalcWithLibreOffice(plan: WorkbookPlan, name: string): Promise<{ checked: number; mismatches: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), `mg-lo-${name}-`));
  const file = join(dir, `${name}.xlsx`);
  return writeXlsx(withoutResults(plan), file).then(() => {
    const outDir = join(dir, "csv");
    // Field 44 ",", text 34 '"', UTF-8 (76), from line 1, en-US (1033), raw values (not "as shown"), every sheet (-1).
    execFileSync(
      soffice(),
      [`-env:UserInstallation=${profile(dir)}`, "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1", "--outdir", outDir, file],
      { stdio: "pipe", timeout: 120_000 },
    );
    const names = chooseSheetNames(plan, []);
    const produced = readdirSync(outDir);
    const mismatches: string[] = [];
    let checked = 0;
    for (const sheet of plan.sheets) {
      const sheetName = names.get(sheet.key)!;
      const csvName = `${name}-${sheetName}.csv`;
      if (!produced.includes(csvName)) throw new Error(`LibreOffice n'a pas exporté ${csvName} (fichiers : ${produced.join(", ")})`);
      const grid = parseCsv(readFileSync(join(outDir, csvName), "utf8"));
      sheet.rows.forEach((row, r) =>
        row.forEach((c, col) => {
          if (!c?.formula) return;
          checked++;
          const text = grid[r]?.[col] ?? "";
          const expected = c.result;
          let ok: boolean;
          if (typeof expected === "boolean") ok = text === (expected ? "TRUE" : "FALSE");
          else if (typeof expected === "number" && c.format === "dd/mm/yyyy") {
            const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text); // en-US export: MM/DD/YYYY
            ok = !!m && serialFromYmd(Number(m[3]), Number(m[1]), Number(m[2])) === expected;
          } else if (typeof expected === "number" && /%$/.test(text)) ok = Math.abs(Number(text.slice(0, -1)) / 100 - expected) < 0.00005; // a rate cell (0.0% format)
          else if (typeof expected === "number") ok = text !== "" && Math.abs(Number(text) - expected) < 0.005;
          else ok = text === String(expected ?? "");
          if (!ok) mismatches.push(`${sheetName}!${address(r, col)} ${c.formula} : LibreOffice « ${text} », noyau ${JSON.stringify(expected)}`);
        }),
      );
    }
    return { checked, mismatches };
  });
}

function scenario(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

describe("LibreOffice recalculates the .xlsx to the core's values", () => {
  test("the example scenario (npm run simulate's workbook)", async () => {
    const { checked, mismatches } = await recalcWithLibreOffice(buildPlan(scenario(example)), "exemple");
    expect(checked).toBeGreaterThan(400);
    expect(mismatches).toEqual([]);
  });

  test("two scenarios (2,5 % indexation, regroupement with staff, pénurie) and the Comparaison sheet", async () => {
    const other = scenario({
      ...example,
      name: "Regroupement",
      dates: { endOfTraining: "2025-06-30", agrement: "2025-07-01", inamiNumber: "2025-07-15", installation: "2025-10-15" },
      practice: { type: "regroupement", gps: 3 },
      quartier: { code: 11, penurie: true },
      conventionnement: "partiel",
      staff: { telesecretariat: { months: 12, yearlyCost: 9123.45 }, employee: { months: 7, yearlyCost: 31234.57, hoursPerWeek: 20, contractStart: "2025-11-01" } },
      costs: { rent: 7000, other: 5000, cercle: "association", associationFee: 120 },
      extrapolation: { indexPercent: 2.5 },
      horizon: 8,
    });
    const { checked, mismatches } = await recalcWithLibreOffice(buildPlan([scenario(example), other]), "deux");
    expect(checked).toBeGreaterThan(900);
    expect(mismatches).toEqual([]);
  });
});

test("the check can fail: a wrong core value (one cent, one condition) is reported", async () => {
  const plan = buildPlan(scenario(example));
  const rev = plan.sheets.find((s) => s.key === "rev")!;
  const total = rev.rows.find((r) => r[0]?.value === "Total des honoraires et du forfait")!;
  total[1] = { ...total[1]!, result: 19029.89 };
  const pri = plan.sheets.find((s) => s.key === "pri")!;
  const cond = pri.rows.find((r) => String(r[0]?.value).trim() === "Premier palier atteint")!;
  cond[1] = { ...cond[1]!, result: true };
  const { mismatches } = await recalcWithLibreOffice(plan, "faux");
  expect(mismatches).toHaveLength(2);
  expect(mismatches[0]).toContain("Revenus!B");
  expect(mismatches[0]).toContain("« 19029.88 »");
});

describe("the example workbook prints as a client document (LibreOffice PDF export)", () => {
  test("A4 pages, at most 30 in all; the Résumé first, on one page, and the Paramètres annex last", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mg-pdf-"));
    const file = join(dir, "exemple.xlsx");
    await writeXlsx(buildPlan(scenario(example)), file);
    execFileSync(soffice(), [`-env:UserInstallation=${profile(dir)}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "pipe", timeout: 120_000 });
    const pdf = readFileSync(join(dir, "exemple.pdf")).toString("latin1");
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(9);
    expect(pages.length).toBeLessThanOrEqual(30);
    // A4 portrait is 595 × 842 points, landscape 842 × 595.
    // Each page object's MediaBox (the page tree node carries the union of all: not a page).
    const boxes = [...pdf.matchAll(/\/Type\s*\/Page(?!s)[^>]*?\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))].sort((a, b) => a - b).join("x"));
    expect(boxes.length).toBe(pages.length);
    expect(new Set(boxes)).toEqual(new Set(["595x842"]));
    // The first page is the Résumé in portrait.
    const first = /\/Type\s*\/Page(?!s)[^>]*?\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
    expect(Math.round(Number(first[1]))).toBe(595);
  });
});
