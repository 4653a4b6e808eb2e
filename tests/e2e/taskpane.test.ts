/**
 * The task pane in a real browser (DESIGN §6): the built page, served on
 * 127.0.0.1 with a fake Office/Excel instead of office.js, driven by
 * playwright-core with Debian's chromium. Fills the form, sees a validation
 * message for a bad date, fixes it, builds, and checks the sheets written
 * into the fake workbook against buildPlan. Screenshots go to artifacts/.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import example from "../../examples/scenario-exemple.json";
import { buildPlan } from "../../src/scenario/plan";
import { scenarioSchema } from "../../src/scenario/schema";
import { resolveFormula, address } from "../../src/workbook/plan";
import { buildHarness, serveHarness, type Harness } from "./harness/server";
import type { WorkbookSnapshot } from "../fakes/fake-excel";

const ROOT = path.join(__dirname, "..", "..");
const ARTIFACTS = path.join(ROOT, "artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let harness: Harness;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium introuvable à ${CHROMIUM} (apt-get install chromium, ou CHROMIUM_PATH=...)`);
  const dir = await buildHarness();
  harness = await serveHarness(dir);
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "mg-chromium-profile-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 380, height: 900 },
    deviceScaleFactor: 2,
    locale: "fr-BE",
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await harness?.close();
  if (harness) fs.rmSync(harness.dir, { recursive: true, force: true });
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

interface PageLog {
  errors: string[];
}

async function openPane(query: string): Promise<{ page: Page; log: PageLog }> {
  const page = await context.newPage();
  const log: PageLog = { errors: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(e.message));
  // Nothing may leave 127.0.0.1 (no CDN, no font, no telemetry).
  await page.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
    log.errors.push(`requête externe bloquée : ${route.request().url()}`);
    return route.abort();
  });
  // The page's Content-Security-Policy (only 'self' and the Office CDN) must not block anything it needs.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.goto(`${harness.url}taskpane.html${query}`);
  await page.waitForSelector("#f0-name");
  return { page, log };
}

const field = (page: Page, p: string, scenario = 0) => page.locator(`#f${scenario}-${p.replace(/[^A-Za-z0-9]+/g, "-")}`);
const message = (page: Page, p: string, scenario = 0) => page.locator(`#f${scenario}-${p.replace(/[^A-Za-z0-9]+/g, "-")}-msg`);

/** Opens a collapsed section of the form (an accordion). */
async function openSection(page: Page, id: string): Promise<void> {
  if ((await page.locator(`#section-${id}`).getAttribute("open")) === null) await page.click(`#section-${id} > summary`);
}

/** Content-Security-Policy violations of the page (task pane and functions bundle). */
async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

async function snapshot(page: Page): Promise<WorkbookSnapshot> {
  return page.evaluate(() => (window as unknown as { __fakeExcel: { snapshot(): WorkbookSnapshot } }).__fakeExcel.snapshot());
}

/** Seeds the fake workbook with the user's own data in sheets named like the generated ones. */
async function seedUserSheets(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Cell = { value: unknown; formula?: string };
    const fake = (window as unknown as { __fakeExcel: { sheet(n: string): { cell(a: string): Cell } } }).__fakeExcel;
    fake.sheet("Synthèse").cell("A1").value = "Synthèse du client";
    fake.sheet("Synthèse").cell("B2").formula = "='Hypothèses'!B2*2";
    fake.sheet("Hypothèses").cell("B2").value = 21;
  });
}

test("a French user fills the form, sees a message for an impossible date, fixes it, and builds the workbook", async () => {
  const { page, log } = await openPane("?sheets=Synth%C3%A8se|Hypoth%C3%A8ses");
  await seedUserSheets(page);
  const before = await snapshot(page);

  // Labels and defaults (examples/scenario-exemple.json, « Charger l'exemple »), in French.
  await page.waitForSelector("#build:not([disabled])");
  await page.click("#load-example");
  expect(await page.locator('label[for="f0-dates-agrement"]').textContent()).toBe("Agrément");
  expect(await field(page, "dates.installation").inputValue()).toBe("01/10/2025");
  await openSection(page, "costs");
  expect(await field(page, "costs.rent").inputValue()).toBe("9600");

  await field(page, "name").fill("Dr Test e2e");
  await field(page, "costs.rent").fill("12 000");

  // A date that does not exist: a message next to that field, nothing written.
  await field(page, "dates.agrement").fill("31/02/2026");
  await field(page, "dates.agrement").press("Tab");
  await expect(message(page, "dates.agrement").textContent()).resolves.toBe("date impossible : ce jour n'existe pas");
  expect(await message(page, "dates.agrement").isVisible()).toBe(true);
  expect(await field(page, "dates.agrement").getAttribute("aria-invalid")).toBe("true");
  await page.click("#build");
  await expect(page.locator("#form-errors p").textContent()).resolves.toBe("Corrigez les champs signalés (1) : rien n'a été écrit.");
  // The summary links to the field in error.
  await expect(page.locator("#form-errors a.error-link").textContent()).resolves.toMatch(/^Agrément : date impossible/);
  await page.locator("#form-errors a.error-link").click();
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.id)).toMatch(/dates-agrement$/);
  await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-validation.png"), fullPage: false });
  expect((await snapshot(page)).sheets).toEqual(before.sheets);

  // Fixed: the message goes away.
  await field(page, "dates.agrement").fill("01/12/2025");
  await field(page, "dates.agrement").press("Tab");
  expect(await message(page, "dates.agrement").isHidden()).toBe(true);
  expect(await page.locator("#form-errors").isHidden()).toBe(true);

  await page.click("#build");
  await page.waitForSelector("#result:not([hidden])", { timeout: 60_000 });
  expect(await page.locator(".result-title").textContent()).toBe("Classeur créé.");
  const listed = await page.locator("#sheets-created li").allTextContents();
  expect(listed).toEqual(["Résumé", "Synthèse (2)", "Hypothèses (2)", "Revenus", "Charges", "Primes", "IPP et cotisations", "Trésorerie", "Échéancier", "Paramètres"]);
  expect(await page.locator(".figures tbody tr").count()).toBe(11); // 5 years + total; then 5 years (taxable, regularisations paid, cumulative cash)
  await page.screenshot({ path: path.join(ARTIFACTS, "taskpane.png") });

  // The fake workbook: the user's sheets untouched, the new ones as the plan says.
  const after = await snapshot(page);
  for (const sheet of before.sheets) expect(after.sheets.find((s) => s.id === sheet.id)).toEqual(sheet);
  expect(after.sheets.map((s) => s.name)).toEqual(["Synthèse", "Hypothèses", ...listed]);
  expect(after.active).toBe("Synthèse (2)");

  const scenario = scenarioSchema.parse({ ...example, name: "Dr Test e2e", costs: { ...example.costs, rent: 12000 } });
  const plan = buildPlan(scenario);
  const names = new Map(plan.sheets.map((s, i) => [s.key, listed[i]]));
  let compared = 0;
  for (const sheet of plan.sheets) {
    const written = after.sheets.find((s) => s.name === names.get(sheet.key))!;
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const got = written.cells[address(r, c)];
        if (cell?.formula) {
          compared++;
          expect({ at: `${written.name}!${address(r, c)}`, formula: got?.formula }).toEqual({ at: `${written.name}!${address(r, c)}`, formula: resolveFormula(cell.formula, names) });
        } else if (cell?.value !== undefined && cell.value !== null && cell.value !== "") {
          expect({ at: `${written.name}!${address(r, c)}`, value: got?.value }).toEqual({ at: `${written.name}!${address(r, c)}`, value: cell.value });
        }
      }),
    );
  }
  expect(compared).toBeGreaterThan(100);
  // A few formulas read as an accountant would: the synthesis refers to the new sheets only.
  const syn = after.sheets.find((s) => s.name === "Synthèse (2)")!;
  const synFormulas = Object.values(syn.cells).map((c) => c.formula).filter((f): f is string => !!f);
  expect(synFormulas.some((f) => f.includes("'Revenus'!"))).toBe(true);
  expect(synFormulas.every((f) => !/'(Synthèse|Hypothèses)'!/.test(f))).toBe(true);
  expect(syn.charts).toHaveLength(1);
  const hyp = after.sheets.find((s) => s.name === "Hypothèses (2)")!;
  expect(Object.values(hyp.cells).some((c) => c.value === 12000)).toBe(true);

  expect(log.errors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(await page.locator("meta[http-equiv='Content-Security-Policy']").getAttribute("content")).toMatch(/^default-src 'self'; script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
  await page.close();
}, 120_000);

test("a second scenario to compare: both are written with a Comparaison sheet", async () => {
  const { page, log } = await openPane("");
  await page.waitForSelector("#build:not([disabled])");
  await page.click("#load-example");
  await page.click("#add-scenario");
  expect(await page.locator('[role="tab"][data-scenario]').allTextContents()).toEqual(["Dr Exemple", "Variante"]);
  expect(await field(page, "name", 1).inputValue()).toBe("Variante");
  await openSection(page, "practice");
  await field(page, "conventionnement", 1).selectOption("partiel");
  await openSection(page, "staff");
  await field(page, "staff.employee.months", 1).fill("12");
  await field(page, "staff.employee.yearlyCost", 1).fill("30 000");
  await page.click("#build");
  await page.waitForSelector("#result:not([hidden])", { timeout: 60_000 });
  const listed = await page.locator("#sheets-created li").allTextContents();
  expect(listed).toHaveLength(21);
  expect(listed).toContain("Comparaison");
  expect(listed).toContain("Variante - Synthèse");
  expect(await page.locator(".result h3").allTextContents()).toEqual(["Feuilles créées", "Chiffres clés — Dr Exemple", "Chiffres clés — Variante"]);
  const after = await snapshot(page);
  expect(after.active).toBe("Comparaison");
  const cmp = after.sheets.find((s) => s.name === "Comparaison")!;
  const cmpFormulas = Object.values(cmp.cells).map((c) => c.formula).filter((f): f is string => !!f);
  expect(cmpFormulas.some((f) => f.includes("'Dr Exemple - Synthèse'!"))).toBe(true);
  expect(cmpFormulas.some((f) => f.includes("'Variante - Synthèse'!"))).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-compare.png") });
  expect(log.errors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  await page.close();
}, 120_000);

test("in Dutch, the labels are Dutch; a failure inside Excel leaves the workbook as it was and says so", async () => {
  const { page, log } = await openPane("?lang=nl-BE&failAtSync=2");
  await page.waitForSelector("#build:not([disabled])");
  expect(await page.locator('label[for="f0-dates-agrement"]').textContent()).toBe("Erkenning");
  expect(await page.locator("#build").textContent()).toBe("Simulatiewerkmap aanmaken");
  expect(await page.locator("#load-example").textContent()).toBe("Voorbeeld laden");
  expect(await page.locator("#user-data-section > summary").textContent()).toBe("Gegevens toegevoegd door de gebruiker");
  expect(await page.locator("#user-params-import").textContent()).toBe("Parameters importeren");
  await page.click("#load-example");
  const before = await snapshot(page);
  await page.click("#build");
  await page.waitForSelector("#form-errors:not([hidden])", { timeout: 60_000 });
  expect(await page.locator("#form-errors").textContent()).toMatch(/^La création du classeur a échoué : .*Le classeur est revenu à son état initial/);
  expect((await snapshot(page)).sheets).toEqual(before.sheets);
  expect(await page.locator("#result").isHidden()).toBe(true);
  expect(log.errors).toEqual([]);
  await page.close();
}, 120_000);

test("outside Excel the form is shown but nothing can be built", async () => {
  const { page } = await openPane("?host=Word");
  await page.waitForSelector("#status:not([hidden])");
  expect(await page.locator("#status").textContent()).toContain("Ce volet fonctionne dans Excel");
  expect(await page.locator("#build").isDisabled()).toBe(true);
  await page.close();
}, 60_000);

test("in the shared runtime, MG.QUARTIER loads the quarter boundaries from the add-in's own folder on first use", async () => {
  const { page, log } = await openPane("");
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  type Fns = Record<string, (...args: unknown[]) => unknown>;
  const first = await page.evaluate(async () => {
    const answer = (window as unknown as { __functions: Fns }).__functions.QUARTIER(50.8467, 4.3525);
    return { promise: answer instanceof Promise, value: await answer };
  });
  expect(first).toEqual({ promise: true, value: 1 }); // the Grand-Place
  // loaded once: the next calls answer at once
  expect(await page.evaluate(() => (window as unknown as { __functions: Fns }).__functions.QUARTIER(50.8357, 4.3365))).toBe(804);
  expect(scripts).toEqual([`${harness.url}quartiers-limites.js`]);
  expect(await cspViolations(page)).toEqual([]);
  expect(log.errors).toEqual([]);
  await page.close();
}, 60_000);

test("data the user adds: a parameter file imported (changes listed), a bad one refused with its line, the pénurie list checked and kept; kept after a restart and used by the functions (350 px)", async () => {
  const { page, log } = await openPane("?host=excel");
  await page.setViewportSize({ width: 350, height: 900 });
  await page.click("#user-data-section > summary");
  const { VALID_FILE, INVALID_FILE } = await import("../user-data/fixtures");
  await page.setInputFiles("#user-params-file", { name: "mauvais.json", mimeType: "application/json", buffer: Buffer.from(INVALID_FILE) });
  await page.waitForSelector("#user-params-status .error");
  expect(await page.textContent("#user-params-status")).toMatch(/mauvais\.json, ligne 14 : « honoraire\.101076 », version n° 1 \(from 2027-01-01\), value : au plus deux décimales/);
  await page.setInputFiles("#user-params-file", { name: "tarifs-2027.json", mimeType: "application/json", buffer: Buffer.from(VALID_FILE) });
  await page.waitForFunction(() => /ajoute 2027/.test(document.querySelector("#user-params-status")?.textContent ?? ""));
  expect(await page.textContent("#user-params-status")).toMatch(/tarifs-2027\.json : 1 modification\(s\)ajoute 2027 à honoraire\.101076/);
  await page.fill("#penurie-text", "Cureghem Bara\nKUREGEM VEEARTSENIJ\nCureghem Veterinair");
  await page.fill("#penurie-ref", "AM 13/05/2019, MB 13/06/2019");
  await page.click("#penurie-keep");
  await page.waitForSelector("#penurie-status .error");
  expect(await page.textContent("#penurie-status")).toMatch(/2 quartier\(s\) reconnu\(s\), 1 entrée\(s\) non reconnue\(s\).*ligne 3 : « Cureghem Veterinair » : quartier inconnu ; noms proches : 12 Cureghem Vétérinaire/);
  await page.fill("#penurie-text", "Cureghem Bara\nKUREGEM VEEARTSENIJ");
  await page.click("#penurie-keep");
  await page.waitForFunction(() => /Liste gardée/.test(document.querySelector("#penurie-status")?.textContent ?? ""));
  expect(await page.textContent("#penurie-status")).toMatch(/Liste gardée : 2 quartier\(s\), liste saisie par l'utilisateur le \d\d\/\d\d\/\d{4}, référence AM 13\/05\/2019, MB 13\/06\/2019\.Codes : 11, 12/);
  await page.locator("#user-data-section").scrollIntoViewIfNeeded();
  await page.locator("#user-data-section").screenshot({ path: path.join(ARTIFACTS, "taskpane-user-data-350.png") });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
  // The functions bundle of the same page (shared runtime) uses them at once.
  const callFn = (id: string, ...args: unknown[]) =>
    page.evaluate(async ([fid, a]) => {
      const fns = (window as unknown as { __functions: Record<string, (...x: unknown[]) => unknown> }).__functions;
      try {
        return await fns[fid as string](...(a as unknown[]));
      } catch (e) {
        return `${(e as { code?: string }).code ?? "?"} ${(e as Error).message}`;
      }
    }, [id, args] as const);
  const MAR_2027 = 46447; // 01/03/2027
  expect(await callFn("HONORAIRE", 101076, MAR_2027)).toBe(34.65);
  expect(await callFn("IS.PENURIE", 12, MAR_2027, null)).toBe(true);
  // After a restart: the pane and the functions read them back.
  await page.reload();
  await page.waitForSelector("#user-params-status li");
  expect(await page.textContent("#user-params-status")).toMatch(/tarifs-2027\.json : 1 modification/);
  expect(await callFn("HONORAIRE", 101076, MAR_2027)).toBe(34.65);
  expect(await callFn("IS.PENURIE", 11, MAR_2027, null)).toBe(true);
  // « Retirer »: the built-in figures again.
  await page.click("#user-params-remove");
  await page.click("#penurie-remove");
  await page.waitForFunction(() => /Aucune liste gardée/.test(document.querySelector("#penurie-status")?.textContent ?? ""));
  expect(await callFn("HONORAIRE", 101076, MAR_2027)).toMatch(/^#N\/A Pas de valeur connue/);
  expect(await callFn("IS.PENURIE", 12, MAR_2027, null)).toMatch(/^#N\/A La liste officielle/);
  expect(log.errors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  await page.close();
}, 120_000);

test("the pane opens on an empty form; « Charger l'exemple » fills it; a scenario is saved to a file and opened again; a bad file changes nothing", async () => {
  const { page, log } = await openPane("");
  await page.waitForSelector("#build:not([disabled])");
  expect(await field(page, "name").inputValue()).toBe("");
  expect(await field(page, "dates.installation").inputValue()).toBe("");
  // Building an empty form: the fields are flagged, nothing written.
  const before = await snapshot(page);
  await page.click("#build");
  await expect(page.locator("#form-errors p").textContent()).resolves.toMatch(/^Corrigez les champs signalés \(\d+\) : rien n'a été écrit\.$/);
  expect((await snapshot(page)).sheets).toEqual(before.sheets);

  await page.click("#load-example");
  expect(await field(page, "name").inputValue()).toBe("Dr Exemple");
  expect(await field(page, "dates.installation").inputValue()).toBe("01/10/2025");
  await field(page, "name").fill("Dr Dupont");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save-scenario")]);
  expect(download.suggestedFilename()).toBe("dr-dupont.json");
  const saved = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(saved).toMatchObject({ name: "Dr Dupont", dates: { installation: "2025-10-01", agrement: example.dates.agrement }, quartier: { code: example.quartier.code } });
  expect(scenarioSchema.safeParse(saved).success).toBe(true);
  expect(await page.textContent("#scenario-files-msg")).toBe("Scénario enregistré : dr-dupont.json.");

  // Opened again after the form was emptied by another example load and a change.
  await field(page, "name").fill("Autre");
  await page.setInputFiles("#scenario-file", { name: "dr-dupont.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(saved)) });
  await page.waitForFunction(() => (document.querySelector("#f0-name") as HTMLInputElement | null)?.value === "Dr Dupont");
  expect(await page.textContent("#scenario-files-msg")).toBe("Scénario ouvert : dr-dupont.json.");

  // Not JSON: an inline error, the form as it was.
  await page.setInputFiles("#scenario-file", { name: "note.json", mimeType: "application/json", buffer: Buffer.from("{ pas du json") });
  await page.waitForSelector("#scenario-files-msg.error");
  expect(await page.textContent("#scenario-files-msg")).toMatch(/^note\.json n'est pas un fichier de scénario JSON lisible \(.+\) : rien n'a changé\.$/);
  expect(await field(page, "name").inputValue()).toBe("Dr Dupont");

  // A scenario with problems: opened, the problems listed and flagged next to the fields.
  await page.setInputFiles("#scenario-file", { name: "incomplet.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...saved, name: "" })) });
  await page.waitForSelector("#scenario-files-msg.warning");
  expect(await page.textContent("#scenario-files-msg")).toMatch(/^Scénario ouvert : incomplet\.json, avec \d+ problème\(s\) signalé\(s\) ci-dessous\.\nname : /);
  expect(await message(page, "name").isVisible()).toBe(true);
  await page.setViewportSize({ width: 350, height: 700 });
  await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-scenario-files-350.png") });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
  expect(log.errors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  await page.close();
}, 120_000);
