/**
 * npm run portfolio: a folder of scenarios or a CSV of clients, one workbook
 * per client and a summary workbook (Portefeuille, Échéances), read back
 * with ExcelJS.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/portfolio";
import { CSV_COLUMNS, parseDecimal, readClientsCsv, splitCsv, templateHeader } from "../../src/portfolio/csv";
import { deadlineStatus, evaluateClient, portfolioPlan } from "../../src/portfolio/portfolio";
import { parseScenario, type Scenario } from "../../src/scenario/schema";
import { simulate } from "../../src/scenario/simulate";
import { buildPlan } from "../../src/scenario/plan";
import { serialFromIso } from "../../src/dates";

const ROOT = join(__dirname, "..", "..");
const TRIAL = join(ROOT, "..", "shared", "research", "accountant-trial-scenarios");
const EXAMPLE_FILE = join(ROOT, "examples", "scenario-exemple.json");
const TEMPLATE = join(ROOT, "examples", "clients-modele.csv");
const example = JSON.parse(readFileSync(EXAMPLE_FILE, "utf8"));

const tmp = () => mkdtempSync(join(tmpdir(), "mg-portfolio-"));
function scenario(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}
const euros = (cents: number) => Math.round(cents) / 100;

/** A second valid client: installed in 2026 for 3 years (so the union of years has blanks). */
const later = {
  ...example,
  name: "Dr Plus Tard",
  dates: { endOfTraining: "2026-03-31", agrement: "2026-05-01", inamiNumber: "2026-05-15", installation: "2026-06-01" },
  horizon: 3,
  activity: [example.activity[1]],
  investments: [{ label: "Informatique", amount: 5000, year: 2026, years: 5 }],
};

async function readBack(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
/** Rows of a sheet as arrays of plain values (formula cells: their result; 1-based columns dropped). */
function values(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const vals = (row.values as unknown[]).slice(1).map((v) => (v && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v));
    out[r - 1] = vals;
  });
  return out;
}
const serialOf = (v: unknown) => (v instanceof Date ? Math.round(v.getTime() / 86_400_000 + 25569) : v);

describe("portfolio from a folder of scenario files", () => {
  const dir = tmp();
  const input = join(dir, "clients");
  mkdirSync(input);
  for (const f of ["a-regroupement.json", "f-typos.json", "broken.json"]) copyFileSync(join(TRIAL, f), join(input, f));
  copyFileSync(EXAMPLE_FILE, join(input, "exemple.json"));
  writeFileSync(join(input, "plus-tard.json"), JSON.stringify(later));
  writeFileSync(join(input, "lisez-moi.txt"), "pas un scénario");
  const out = join(dir, "out", "portefeuille.xlsx");
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run([input, "--out", out, "--date", "2026-12-01"]);
  }, 60_000);

  test("invalid clients (old schema, typos, broken JSON) are listed with the closest-key messages; the valid ones are written; exit code 0", () => {
    expect(result.code).toBe(0);
    const byFile = new Map(result.results!.map((r) => [r.source, r]));
    const typos = byFile.get("f-typos.json")!;
    expect(typos.ok).toBe(false);
    expect(typos.problems).toContainEqual({ path: "installationBudjet", message: "clé inconnue — vouliez-vous dire installationBudget ?" });
    expect(typos.problems).toContainEqual({ path: "horizonn", message: "clé inconnue — vouliez-vous dire horizon ?" });
    const old = byFile.get("a-regroupement.json")!;
    expect(old.problems.map((p) => p.path)).toEqual(expect.arrayContaining(["activity[0].accreditedSharePercent", "tax.communalRatePercent"]));
    expect(old.problems.find((p) => p.path === "tax.communalRatePercent")!.message).toMatch(/^clé déplacée : indiquez household\.commune/);
    expect(byFile.get("broken.json")!.problems[0]).toEqual({ path: "(fichier)", message: expect.stringMatching(/^JSON illisible/) });
    expect(byFile.get("exemple.json")!.ok).toBe(true);
    expect(byFile.get("plus-tard.json")!.ok).toBe(true);
    // Terminal: one line per client, the problems under an invalid one, the files written.
    expect(result.out).toMatch(/^ok {2}Dr Exemple \(exemple\.json\) — trésorerie nette 2025–2029 : 383 258,67 € ; IPP : 260 080,56 €$/m);
    expect(result.out).toMatch(/^invalide {2}Typo test \(f-typos\.json\) — 8 problèmes :\n(?: {4}- .*\n)*? {4}- installationBudjet : clé inconnue — vouliez-vous dire installationBudget \?$/m);
    expect(result.out).toMatch(/5 clients : 2 ok, 3 invalides/);
    expect(result.out).toMatch(/Fichiers ignorés \(pas \.json\) : lisez-moi\.txt\./);
    expect(result.files).toEqual([out, join(dir, "out", "clients", "exemple.xlsx"), join(dir, "out", "clients", "plus-tard.xlsx")]);
    for (const f of result.files) expect(existsSync(f)).toBe(true);
  });

  test("the summary workbook read back with ExcelJS: one row per client, calendar-year columns over the union of years, blank where not simulated", async () => {
    const wb = await readBack(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Portefeuille", "Échéances", "Détails"]);
    const ws = wb.getWorksheet("Portefeuille")!;
    const rows = values(ws);
    const header = rows[3] as string[];
    expect(header.slice(0, 4)).toEqual(["Client", "Source (fichier ou ligne)", "Statut", "Années simulées"]);
    const col = (h: string) => {
      const i = header.indexOf(h);
      if (i < 0) throw new Error(`colonne ${h} absente`);
      return i;
    };
    expect(header.filter((h) => /^Trésorerie nette \d{4}$/.test(h))).toEqual([2025, 2026, 2027, 2028, 2029].map((y) => `Trésorerie nette ${y}`));
    expect(rows.length).toBe(4 + 5);
    const row = (name: string) => rows.find((r) => r?.[0] === name)!;
    const ex = row("Dr Exemple");
    const sim = simulate(scenario(example));
    expect(ex[col("Statut")]).toBe("ok");
    expect(ex[col("Années simulées")]).toBe("2025–2029");
    sim.years.forEach((y) => {
      expect(ex[col(`Trésorerie nette ${y.year}`)]).toBe(euros(y.cash.net));
      expect(ex[col(`IPP de l'année ${y.year}`)]).toBe(euros(y.tax.total));
      expect(ex[col(`Cotisations payées ${y.year}`)]).toBe(euros(y.social.paid));
    });
    expect(ex[col("Trésorerie nette totale")]).toBe(383258.67);
    expect(ex[col("Trésorerie cumulée en fin de période")]).toBe(euros(sim.years[4].cash.cumulative));
    expect(ex[col("Après l'horizon : solde d'impôt")]).toBe(euros(sim.afterHorizon.tax));
    expect(ex[col("Après l'horizon : régularisations de cotisations")]).toBe(euros(sim.afterHorizon.socialRegularisation));
    // The Résumé's reasons: Cureghem Bara is not declared en pénurie in the example.
    expect(ex[col("Aides refusées (et pourquoi)")]).toContain("Subvention d'installation (COCOM) : quartier non déclaré en pénurie");
    const lt = row("Dr Plus Tard");
    expect(lt[col("Années simulées")]).toBe("2026–2028");
    expect(lt[col("Trésorerie nette 2025")] ?? null).toBeNull();
    expect(lt[col("Trésorerie nette 2029")] ?? null).toBeNull();
    expect(lt[col("Trésorerie nette 2026")]).toBe(euros(simulate(scenario(later)).years[0].cash.net));
    const typo = row("Typo test");
    expect(typo[col("Statut")]).toBe("invalide");
    expect(typo[col("Source (fichier ou ligne)")]).toBe("f-typos.json");
    expect(typo[col("Problèmes")]).toContain("installationBudjet : clé inconnue — vouliez-vous dire installationBudget ?");
    expect(row("broken")[col("Problèmes")]).toMatch(/^\(fichier\) : JSON illisible/);
  });

  test("print setup of the three sheets: A4 landscape, one page wide, title rows repeated, footer with page numbers, print area with absolute rows", async () => {
    const wb = await readBack(out);
    const expected: Record<string, { titles: number; lastCol: string }> = {
      // Portefeuille: printed up to the legal figures; refusals and problems print on Détails.
      Portefeuille: { titles: 4, lastCol: "AD" },
      Échéances: { titles: 3, lastCol: "E" },
      Détails: { titles: 3, lastCol: "D" },
    };
    for (const ws of wb.worksheets) {
      const e = expected[ws.name];
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe("landscape");
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(ws.pageSetup.printTitlesRow).toMatch(new RegExp(`^\\$?1:\\$?${e.titles}$`));
      expect(ws.headerFooter.oddFooter).toContain("&P / &N");
    }
    // The defined name itself: LibreOffice ignores a print area whose rows are relative ("$A1:$AD9").
    expect(wb.worksheets[0].pageSetup.printArea).toBe("A1:AD9");
    // jszip: the zip library ExcelJS itself uses.
    const JSZip = (await import("jszip")).default;
    const workbookXml = await (await JSZip.loadAsync(readFileSync(out))).file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain("&apos;Portefeuille&apos;!$A$1:$AD$9");
    expect(workbookXml).toContain("&apos;Échéances&apos;!$A$1:$E$");
  });

  test("Détails: each invalid client's problems and each refusal on its own lines, long texts cut", async () => {
    const wb = await readBack(out);
    const rows = values(wb.getWorksheet("Détails")!).slice(3);
    const typo = rows.findIndex((r) => r[0] === "Typo test");
    expect(rows[typo][2]).toBe("problème");
    const block = rows.slice(typo, typo + 20).map((r) => r[3] as string);
    expect(block).toContain("installationBudjet : clé inconnue — vouliez-vous dire installationBudget ?");
    for (const r of rows) expect(String(r[3] ?? "").length).toBeLessThanOrEqual(110);
    const ex = rows.findIndex((r) => r[0] === "Dr Exemple");
    expect(rows.slice(ex, ex + 2).map((r) => [r[2], r[3]])).toEqual([
      ["aide refusée", "Continuité des soins / gestion de cabinet (INAMI) : pas d'employé sous contrat renseigné"],
      ["aide refusée", "Subvention d'installation (COCOM) : quartier non déclaré en pénurie"],
    ]);
  });

  test("Échéances: each deadline's situation against --date (en retard before it, dans les 30 jours up to 30 days after, à venir beyond), the rows of each client's Échéancier", async () => {
    const wb = await readBack(out);
    const rows = values(wb.getWorksheet("Échéances")!);
    expect(rows[0][0]).toBe("Échéances des clients — situation au 01/12/2026");
    expect(rows[2]).toEqual(["Date", "Situation", "Client", "Démarche", "Source"]);
    const data = rows.slice(3).map((r) => ({ date: serialOf(r[0]) as number, status: r[1], client: r[2], label: r[3] as string }));
    const ref = serialFromIso("2026-12-01");
    for (const d of data) expect(d.status).toBe(d.date < ref ? "en retard" : d.date - ref <= 30 ? "dans les 30 jours" : "à venir");
    const ex = data.filter((d) => d.client === "Dr Exemple");
    const find = (label: string) => ex.find((d) => d.label === label)!;
    expect(find("Impulseo II et III : demande au plus tard le (année 2025)")).toMatchObject({ date: serialFromIso("2026-06-30"), status: "en retard" });
    expect(find("Statut social : contrat d'assurance ou de pension effectif au plus tard le (année 2026)")).toMatchObject({ date: serialFromIso("2026-12-31"), status: "dans les 30 jours" });
    expect(find("Impulseo II et III : demande à partir du (année 2026)")).toMatchObject({ date: serialFromIso("2027-01-01"), status: "à venir" });
    // Sorted by date, and the same dated rows as the Échéancier of the client's own workbook.
    expect(data.map((d) => d.date)).toEqual([...data.map((d) => d.date)].sort((a, b) => a - b));
    const ech = buildPlan(scenario(example)).sheets.find((s) => s.key === "ech")!;
    const echDates = ech.rows.slice(3).map((r) => r[0]?.result).filter((v): v is number => typeof v === "number");
    expect(ex.map((d) => d.date).sort((a, b) => a - b)).toEqual([...echDates].sort((a, b) => a - b));
    // The Portefeuille counts them.
    const pf = values(wb.getWorksheet("Portefeuille")!);
    const header = pf[3] as string[];
    const exRow = pf.find((r) => r?.[0] === "Dr Exemple")!;
    expect(exRow[header.indexOf("Échéances en retard")]).toBe(ex.filter((d) => d.status === "en retard").length);
    // 31/12/2026: the statut social contract and the last day of the provisional accreditation (from 01/01/2026).
    expect(exRow[header.indexOf("Échéances dans les 30 jours")]).toBe(2);
    expect(find("Accréditation provisoire : dernier jour de la période")).toMatchObject({ date: serialFromIso("2026-12-31"), status: "dans les 30 jours" });
    // The renewal request was due by 31/10/2026 (2 months before): overdue on 01/12/2026.
    expect(find("Accréditation : demande de prolongation au plus tard le")).toMatchObject({ date: serialFromIso("2026-10-31"), status: "en retard" });
    expect(exRow[header.indexOf("Prochaine démarche")]).toBe("Accréditation provisoire : dernier jour de la période");
  });

  test("no file is overwritten without --force: exit 2, a French message, nothing written; --force replaces", async () => {
    const before = statSync(out).mtimeMs;
    const again = await run([input, "--out", out, "--date", "2026-12-01"]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^Ces fichiers existent déjà :/);
    expect(again.err).toMatch(/Ajoutez --force pour les remplacer.*Rien n'a été écrit\./);
    expect(again.files).toEqual([]);
    expect(statSync(out).mtimeMs).toBe(before);
    // A client's workbook alone is enough to refuse (the summary is not written either).
    const other = join(dir, "autre", "synthese.xlsx");
    const clientsDir = join(dir, "out", "clients");
    const r = await run([input, "--out", other, "--clients-dir", clientsDir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(join(clientsDir, "exemple.xlsx"));
    expect(existsSync(other)).toBe(false);
    const forced = await run([input, "--out", out, "--date", "2026-12-01", "--force", "--no-client-files"]);
    expect(forced.code).toBe(0);
    expect(forced.files).toEqual([out]);
  }, 60_000);
});

describe("portfolio from the CSV template (examples/clients-modele.csv)", () => {
  test("the template's headers are the known headers, in order; every header maps to a scenario field", () => {
    const text = readFileSync(TEMPLATE, "utf8");
    expect(text.split(/\r?\n/)[0]).toBe(templateHeader());
    expect(new Set(CSV_COLUMNS.map((c) => c.header)).size).toBe(CSV_COLUMNS.length);
  });

  test("its rows are valid; the Dr Exemple row is the example scenario: same net cash, tax and contributions, year by year", async () => {
    const dir = tmp();
    const out = join(dir, "pf.xlsx");
    const r = await run([TEMPLATE, "--out", out, "--date", "2026-12-01"]);
    expect(r.code).toBe(0);
    expect(r.results!.map((x) => [x.name, x.ok, x.source])).toEqual([
      ["Dr Exemple", true, "clients-modele.csv, ligne 2"],
      ["Dr Janssens", true, "clients-modele.csv, ligne 3"],
    ]);
    const fromCsv = r.results![0].sim!;
    const fromJson = simulate(scenario(example));
    expect(fromCsv.totals).toEqual(fromJson.totals);
    expect(fromCsv.years.map((y) => [y.year, y.cash.net, y.tax.total, y.social.paid])).toEqual(fromJson.years.map((y) => [y.year, y.cash.net, y.tax.total, y.social.paid]));
    // Decimal commas and thousands spaces of the second row ("38 500,50", "7 250,75").
    const janssens = r.results![1].scenario!;
    expect(janssens.staff.employee.yearlyCost).toBe(38500.5);
    expect(janssens.costs.other).toBe(7250.75);
    expect(janssens.language).toBe("nl");
    expect(janssens.activity.map((a) => a.consultationsPerWeek)).toEqual([50, 75, 90]);
    expect(janssens.activity.map((a) => a.weeksWorked)).toEqual([45, 45, 45]);
    expect(r.files.map((f) => f.slice(dir.length))).toEqual(["/pf.xlsx", "/clients/dr-exemple.xlsx", "/clients/dr-janssens.xlsx"]);
  }, 60_000);

  test("an invalid row does not stop the others; its problems name the CSV columns", async () => {
    const dir = tmp();
    const lines = readFileSync(TEMPLATE, "utf8").trim().split(/\r?\n/);
    const cells = splitCsv(lines[1], ";")[0].cells;
    const csvCell = (c: string) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const at = (h: string) => CSV_COLUMNS.findIndex((c) => c.header === h);
    const bad = [...cells];
    bad[at("nom")] = "Dr Erreurs";
    bad[at("semaines")] = "beaucoup";
    bad[at("penurie")] = "peut-être";
    bad[at("agrement")] = "31/02/2026";
    bad[at("conventionnement")] = "oui";
    bad[at("dmg")] = "120||700";
    const csv = join(dir, "clients.csv");
    writeFileSync(csv, [lines[0], bad.map(csvCell).join(";"), lines[1]].join("\r\n") + "\r\n");
    const r = await run([csv, "--out", join(dir, "pf.xlsx"), "--no-client-files"]);
    expect(r.code).toBe(0);
    const [e, ok] = r.results!;
    expect(ok).toMatchObject({ name: "Dr Exemple", ok: true, source: "clients.csv, ligne 3" });
    expect(e).toMatchObject({ name: "Dr Erreurs", ok: false, source: "clients.csv, ligne 2" });
    expect(e.problems).toEqual(
      expect.arrayContaining([
        { path: "semaines", message: "« beaucoup » : nombre entier attendu" },
        { path: "penurie", message: "« peut-être » : oui ou non attendu (VRAI/FAUX, oui/non, 1/0)" },
        { path: "agrement", message: "« 31/02/2026 » : date attendue (JJ/MM/AAAA ou AAAA-MM-JJ), ou date impossible" },
        { path: "dmg (année 2)", message: "valeur vide entre deux « | »" },
        { path: "conventionnement", message: "valeur attendue : total, partiel ou aucun" },
      ]),
    );
    // A cell that could not be read is not reported a second time as "valeur requise".
    expect(e.problems.filter((p) => p.path === "agrement" || p.path === "penurie")).toHaveLength(2);
    expect(r.out).toMatch(/^invalide {2}Dr Erreurs \(clients\.csv, ligne 2\) — /m);
    expect(r.out).toMatch(/^ok {2}Dr Exemple \(clients\.csv, ligne 3\)/m);
  }, 60_000);

  test("an unknown header refuses the file with the closest known header: exit 2, nothing written", async () => {
    const dir = tmp();
    const csv = join(dir, "clients.csv");
    const text = readFileSync(TEMPLATE, "utf8").replace(";loyer;", ";loyr;").replace("fin_du_stage", "Fin du stage");
    writeFileSync(csv, text);
    const out = join(dir, "pf.xlsx");
    const r = await run([csv, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("« loyr » : colonne inconnue — vouliez-vous dire loyer ?");
    // "Fin du stage" is fin_du_stage (case, accents and spaces do not matter).
    expect(r.err).not.toContain("Fin du stage");
    expect(r.err).toMatch(/Rien n'a été écrit\./);
    expect(existsSync(out)).toBe(false);
  });
});

describe("portfolio: arguments and languages", () => {
  test("exit code 2 for a missing input, an empty folder, a bad --date or an unknown option", async () => {
    const dir = tmp();
    expect((await run([])).code).toBe(2);
    const r1 = await run([dir]);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/aucun scénario \(\*\.json\) dans ce dossier/);
    const r2 = await run([TEMPLATE, "--date", "31/02/2026"]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/--date : « 31\/02\/2026 » n'est pas une date/);
    expect((await run([TEMPLATE, "--bogus"])).code).toBe(2);
    expect((await run([join(dir, "absent.csv")])).err).toMatch(/introuvable/);
  });

  test("--lang en translates the terminal output, sheet names, headers and statuses", async () => {
    const dir = tmp();
    const out = join(dir, "pf.xlsx");
    const r = await run([TEMPLATE, "--out", out, "--date", "2026-12-01", "--lang", "en", "--no-client-files"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok {2}Dr Exemple \(clients-modele\.csv, line 2\) — net cash 2025–2029 : 383 258,67 €/m);
    expect(r.out).toMatch(/Deadlines on 01\/12\/2026 : \d+ overdue, \d+ within 30 days\./);
    const wb = await readBack(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Portfolio", "Deadlines", "Details"]);
    const header = values(wb.getWorksheet("Portfolio")!)[3] as string[];
    expect(header).toEqual(expect.arrayContaining(["Client", "Status", "Net cash 2025", "Income tax of the year 2026", "Contributions paid 2027", "Aids refused (and why)"]));
    const statuses = new Set(values(wb.getWorksheet("Deadlines")!).slice(3).map((r) => r[1]));
    expect([...statuses].sort()).toEqual(["overdue", "upcoming", "within 30 days"]);
  }, 60_000);
});

describe("portfolio: a figure the law does not publish", () => {
  test("a year whose income tax is not computed (refundable child credit) is #N/A in the summary, with the reason on Détails", () => {
    const r = readClientsCsv(readFileSync(TEMPLATE, "utf8"));
    if (!r.ok) throw new Error(r.message);
    const row = r.clients[1];
    // Dr Janssens with two dependent children: 2026 (one month of practice) is below the exempt amount with children.
    (row.input.household as Record<string, unknown>).dependants = 2;
    const opts = { date: serialFromIso("2026-12-01"), lang: "fr" as const };
    const res = evaluateClient({ source: "ligne 3", fileBase: "j", input: row.input, csv: true }, opts);
    expect(res.ok).toBe(true);
    expect(Number.isNaN(res.sim!.years[0].tax.total)).toBe(true);
    const plan = portfolioPlan([res], opts);
    const pf = plan.sheets[0];
    const header = pf.rows[3].map((c) => c?.value);
    const cell = pf.rows[4][header.indexOf("IPP de l'année 2026")];
    expect(cell).toMatchObject({ formula: "=NA()", result: "#N/A" });
    expect(pf.rows[4][header.indexOf("Montants légaux")]?.value).toBe("extrapolés : 2027, 2028, 2029 ; non publiés (#N/A) : 2026");
    const details = plan.sheets[2].rows.slice(3).map((r) => r.map((c) => c?.value));
    const unknown = details.find((d) => d[2] === "montant non publié (#N/A)")!;
    expect(unknown[3]).toMatch(/^2026 : ipp\.bareme — Revenu imposable \(.+\) inférieur à la quotité exemptée avec enfants à charge/);
  });
});

describe("portfolio: reading a CSV as Belgian Excel writes it", () => {
  test("decimal comma, thousands separators, percent and euro signs", () => {
    expect(parseDecimal("1 234,56")).toBe(1234.56);
    expect(parseDecimal("1.234,56")).toBe(1234.56);
    expect(parseDecimal("1234.56")).toBe(1234.56);
    expect(parseDecimal("7,5 %")).toBe(7.5);
    expect(parseDecimal("12 000 €")).toBe(12000);
    expect(parseDecimal("1,2,3")).toBeNull();
    expect(parseDecimal("12.34,5")).toBeNull();
    expect(parseDecimal("douze")).toBeNull();
  });
  test("quoted cells keep the separator, doubled quotes and line breaks; BOM and CRLF", () => {
    expect(splitCsv('a;"b;c";"d ""e"""\r\n"f\ng";h', ";")).toEqual([
      { line: 1, cells: ["a", "b;c", 'd "e"'] },
      { line: 2, cells: ["f\ng", "h"] },
    ]);
    const r = readClientsCsv("\uFEFFnom,horizon,penurie\r\nDr A,3,VRAI\r\n\r\n");
    expect(r.ok && r.clients).toEqual([{ line: 2, input: { name: "Dr A", horizon: 3, quartier: { penurie: true } }, problems: [] }]);
  });
  test("a missing nom column, a duplicate column and cells beyond the headers are refused", () => {
    const r = readClientsCsv("horizon;horizon\n3;4\n");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/« horizon » : colonne en double \(colonnes 1 et 2\)/);
    expect(!r.ok && r.message).toMatch(/colonne « nom » manquante/);
    const extra = readClientsCsv("nom;horizon\nDr A;3;oups\n");
    expect(extra.ok && extra.clients[0].problems[0]).toEqual({ path: "colonne 3", message: "3 cellules pour 2 en-têtes (un « ; » de trop, ou une valeur hors colonne)" });
  });
  test("deadline status boundaries: the day before is en retard, the day itself and 30 days after are dans les 30 jours, 31 days after à venir", () => {
    const ref = serialFromIso("2026-12-01");
    expect(deadlineStatus(ref - 1, ref)).toBe("late");
    expect(deadlineStatus(ref, ref)).toBe("soon");
    expect(deadlineStatus(ref + 30, ref)).toBe("soon");
    expect(deadlineStatus(ref + 31, ref)).toBe("later");
    expect(deadlineStatus(null, ref)).toBe("unknown");
  });
});
