/**
 * `npm run bench`: speed and size of MG Bruxelles, measured in ONE run and
 * printed as a table. Speeds are given as ratios to a baseline measured in
 * the same run (interleaved rounds, median), so they hold on a noisy machine.
 *
 * 1. Core: evaluations per second of MG.STAGE.TARIFF, MG.PRIME.INTEGREE,
 *    MG.IMPULSEO.REFUND and MG.IS.PENURIE through `evaluate` (src/catalog),
 *    and their cost relative to a bare `Map` lookup loop over the same
 *    argument tuples (the answers precomputed; the fastest any function could
 *    possibly be). Targets: ≥ 1 M/s and ≤ 5× the Map loop.
 * 2. Built bundle: 10 000 calls through dist/functions.js, loaded with a
 *    CustomFunctions global the way Excel loads it, calling the functions it
 *    registered with `CustomFunctions.associate`, with the arguments Excel
 *    passes (numbers, null for an omitted argument, 2-D arrays for ranges).
 *    Target ≤ 50 ms. Measured cold (the first 10 000 calls after loading, as
 *    when a workbook opens: each run in a fresh Node process, median of the
 *    runs), with the 20 argument tuples above repeated and with 10 000
 *    different tuples (dates, amounts and quarters all different), and warm.
 *    Milliseconds vary with the machine's load: the instructions per call of
 *    those first calls (valgrind's callgrind, V8's optimiser off) do not, and
 *    are printed too when valgrind is installed (`--no-valgrind` skips them).
 * 3. The example scenario over 10 years: plan build time, .xlsx write time
 *    (target ≤ 1 s), context.sync() calls of the Office writer against the
 *    in-memory fake Excel (target ≤ 4), and HyperFormula evaluating the same
 *    plan divided by the core building it (target ≥ 50×).
 * 4. gzip sizes of dist/functions.js and dist/taskpane.js (office.js is
 *    loaded from Microsoft's CDN and not counted). Targets 60 KB / 250 KB.
 *    dist/quartiers-limites.js (the quarter boundaries, loaded by
 *    functions.js on the first MG.QUARTIER call only) is shown apart.
 *
 * 5. A portfolio of 1 000 clients (npm run portfolio on a folder of 1 000
 *    scenario files, summary workbook only, no per-client files; target
 *    ≤ 5 s), and the time of one client's own workbook (plan + .xlsx).
 *
 * The bundles are built first (production build into a temporary folder)
 * unless `--dist` (or `--dist=folder`) is given, which reuses ./dist (or the
 * folder) as it is. `--quick`: fewer rounds (a smoke run, not for the README).
 * `--only=core,bundle,scenario,sizes,portfolio`: only those parts (the
 * bundles are built only for bundle and sizes).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { performance } from "perf_hooks";
import type { Cell, EvalContext, CellResult } from "../src/catalog";
import type { Explained } from "../src/explain";
import { serialFromIso } from "../src/dates";
import { scenarioSchema } from "../src/scenario/schema";
import { xlsxBuffer } from "../src/workbook/xlsx-writer";
import { writePlan } from "../src/workbook/office-writer";
import { chooseSheetNames, resolveFormula, type WorkbookPlan } from "../src/workbook/plan";
import { FakeExcel } from "../tests/fakes/fake-excel";
import { evaluatePlan } from "../tests/scenario/evaluate";
import { HyperFormula } from "hyperformula";
import example from "../examples/scenario-exemple.json";

const ROOT = path.join(__dirname, "..");
const QUICK = process.argv.includes("--quick");
/** `--no-valgrind`: skip the instruction counts (valgrind takes about 30 s). */
const NO_VALGRIND = process.argv.includes("--no-valgrind");
/** `--dist` (./dist) or `--dist=folder`: reuse built bundles instead of building. */
const DIST = process.argv.map((a) => /^--dist(?:=(.+))?$/.exec(a)).find(Boolean)?.[1] ?? (process.argv.includes("--dist") ? "dist" : null);
/** `--only=portfolio` (comma-separated parts): run only those parts. */
const ONLY = new Set((process.argv.find((a) => a.startsWith("--only="))?.slice(7) ?? "core,bundle,scenario,sizes,portfolio").split(","));

interface Row {
  what: string;
  measured: string;
  target: string;
  ok: boolean | null;
}
const rows: Row[] = [];
function row(what: string, measured: string, target = "", ok: boolean | null = null): void {
  rows.push({ what, measured, target, ok });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
let sink = 0;
function consume(v: unknown): void {
  sink = (sink + (typeof v === "number" ? v : v ? 1 : 0)) | 0;
}

// ---------------------------------------------------------------------------
// 1. Core evaluations vs a bare Map lookup loop

const ctx = { today: serialFromIso("2025-09-01"), lang: "fr" as const };
const d = (iso: string) => serialFromIso(iso);
const LIST: Cell = [["Cureghem Vétérinaire"], [12], ["Grand Place"], [25], ["Anneessens"]];

/** Argument tuples as a workbook would hold them (valid inputs: the hot path). */
const cases: Record<string, Cell[][]> = {
  "STAGE.TARIFF": [
    [101076, d("2025-08-30"), "honoraire"],
    [101032, d("2025-09-15"), "ticket"],
    [103132, d("2025-10-01"), "intervention"],
    ["101076", d("2025-11-20"), null],
    [101032, d("2025-12-01"), "Ticket modérateur"],
  ],
  "PRIME.INTEGREE": [
    [2024, "acte", 6, true],
    [2025, "forfait", 4, null],
    [2023, "formation", null, true],
    [2024, "acte", 2, false],
    [2025, "Maison médicale", 7, true],
  ],
  "IMPULSEO.REFUND": [
    ["telesecretariat", 2025, 12000, null, null, null],
    ["salaire", 2025, 50000, 6, 2, true],
    ["telesecretariat", 2023, 3000, 12, 1, false],
    ["Impulseo III", 2025, 9000.5, 10, null, null],
    ["salaire", 2025, 20000, null, 3, null],
  ],
  "IS.PENURIE": [
    [12, d("2025-09-01"), LIST],
    ["Cureghem Vétérinaire", d("2025-09-01"), LIST],
    [1, d("2026-01-01"), LIST],
    ["Sint-Joost Centrum", d("2025-09-01"), LIST],
    [25, d("2025-03-01"), LIST],
  ],
};

type Evaluate = (id: string, args: Cell[], ctx: EvalContext) => Explained<CellResult>;
interface Core {
  evaluate: Evaluate;
  simulate: typeof import("../src/scenario/simulate").simulate;
  buildPlan: typeof import("../src/scenario/plan").buildPlan;
}
const CORE_ENTRY = [
  'export { evaluate } from "./src/catalog";',
  'export { simulate } from "./src/scenario/simulate";',
  'export { buildPlan } from "./src/scenario/plan";',
].join("\n");

/**
 * The core as it runs in Excel: src/catalog bundled into one module (scope
 * hoisted, as webpack does), not through tsx's per-module transform, whose
 * import getters and name helpers double the cost of a call. Uses the esbuild
 * that tsx brings; without it, falls back to the tsx-loaded modules.
 */
function loadCore(): Core & { how: string } {
  try {
    const esbuild = require("esbuild") as typeof import("esbuild");
    const out = esbuild.buildSync({
      stdin: { contents: CORE_ENTRY, resolveDir: ROOT, loader: "ts", sourcefile: "bench-core.ts" },
      bundle: true,
      format: "cjs",
      platform: "node",
      target: "es2019",
      write: false,
      logLevel: "silent",
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mg-core-")), "core.js");
    fs.writeFileSync(file, out.outputFiles[0].text);
    const bundled = require(file) as Core;
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    return { ...bundled, how: "src/catalog and src/scenario bundled by esbuild (es2019), as the add-in bundles them" };
  } catch (e) {
    return {
      evaluate: (require("../src/catalog") as { evaluate: Evaluate }).evaluate,
      simulate: require("../src/scenario/simulate").simulate,
      buildPlan: require("../src/scenario/plan").buildPlan,
      how: `src/catalog and src/scenario through tsx (esbuild unavailable: ${e instanceof Error ? e.message : String(e)})`,
    };
  }
}
const core = loadCore();
const { evaluate, simulate, buildPlan } = core;

function coreRate(id: string, tuples: Cell[][], n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) consume(evaluate(id, tuples[i % tuples.length], ctx).value);
  return (performance.now() - t0) / n;
}

/** The same tuples answered from a precomputed Map: one key per call, one lookup. */
function mapRate(id: string, tuples: Cell[][], table: Map<string, unknown>, keys: string[], n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const tuple = tuples[i % tuples.length];
    // build the key from the arguments, as a memo table would
    consume(table.get(id + "|" + tuple.length + "|" + keys[i % keys.length]));
  }
  return (performance.now() - t0) / n;
}

function benchCore(): void {
  const n = QUICK ? 20_000 : 200_000;
  const rounds = QUICK ? 3 : 9;
  for (const [id, tuples] of Object.entries(cases)) {
    const keys = tuples.map((t) => JSON.stringify(t));
    const table = new Map(tuples.map((t, i) => [id + "|" + t.length + "|" + keys[i], evaluate(id, t, ctx).value]));
    // warm-up (JIT)
    coreRate(id, tuples, n / 4);
    mapRate(id, tuples, table, keys, n);
    const ratios: number[] = [];
    const perCall: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const core = coreRate(id, tuples, n);
      const base = mapRate(id, tuples, table, keys, n);
      perCall.push(core);
      ratios.push(core / base);
    }
    const perSecond = 1000 / median(perCall);
    const ratio = median(ratios);
    row(`core MG.${id}: evaluations per second`, `${fmt(perSecond / 1e6, 2)} M/s`, "≥ 1 M/s", perSecond >= 1e6);
    row(`core MG.${id}: time ÷ Map lookup loop`, `${fmt(ratio, 1)}×`, "≤ 5×", ratio <= 5);
  }
}

// ---------------------------------------------------------------------------
// 2. The built functions bundle, called the way Excel calls it

function buildBundles(): string {
  if (DIST) {
    const dist = path.resolve(ROOT, DIST);
    if (!fs.existsSync(path.join(dist, "functions.js"))) throw new Error("dist/functions.js is missing: run npm run build first, or omit --dist.");
    return dist;
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "mg-bench-"));
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const t0 = performance.now();
  execFileSync(process.execPath, [cli, "--mode", "production", "--output-path", out], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  console.error(`production build in ${fmt((performance.now() - t0) / 1000)} s -> ${out}`);
  return out;
}

class BenchCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

type Registered = Map<string, (...args: unknown[]) => unknown>;

/**
 * Loads the bundle as a page's <script> would: in this realm, with the
 * globals Excel's custom functions runtime provides (CustomFunctions, Office).
 * (A separate vm context would slow every global lookup several times over.)
 */
function loadBundle(file: string): Registered {
  const registered: Registered = new Map();
  const g = globalThis as unknown as Record<string, unknown>;
  g.CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
    Error: BenchCustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  g.Office = { context: { displayLanguage: "fr-BE" }, onReady: () => Promise.resolve({}) };
  require(file);
  return registered;
}

/** 10 000 valid argument tuples, all different (a sheet of real rows: every date, amount and quarter varies). */
function distinctCalls(): [string, unknown[]][] {
  const out: [string, unknown[]][] = [];
  const codes = [101076, 101032, 103132];
  const parts = ["honoraire", "ticket", "intervention", null];
  const statuses = ["acte", "forfait", "formation"];
  const quarters = [1, 12, 25, 40, 77, 118, 700, 805, 917];
  const start = d("2025-01-01");
  const LISTS = [LIST, [[12], [25], [40]], [["Anneessens"], ["Grand Place"], [77]]];
  for (let i = 0; out.length < 10_000; i++) {
    out.push(["STAGE.TARIFF", [codes[i % 3], start + (i % 365), parts[(i >> 2) % 4]]]);
    // Prime years with published amounts for every status (the 800 € of a GP in training: 2022–2024).
    out.push(["PRIME.INTEGREE", [2022 + (i % 3), statuses[(i >> 2) % 3], i % 7, (i >> 3) % 2 === 0]]);
    out.push(["IMPULSEO.REFUND", [i % 2 ? "telesecretariat" : "salaire", 2025, 1000 + i * 7.31, (i % 12) + 1, (i % 3) + 1, i % 5 === 0]]);
    out.push(["IS.PENURIE", [quarters[i % quarters.length], start + (i % 365), LISTS[i % 3]]]);
  }
  return out;
}

/**
 * One fresh Node process per run: loads the bundle as Excel's page would (a
 * CustomFunctions global, then the script), then times the first 10 000 calls.
 */
function coldRuns(bundle: string, calls: [string, unknown[]][], runs: number): { firstMs: number[]; loadMs: number[]; instructions: number | null } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-cold-"));
  const callsFile = path.join(dir, "calls.json");
  fs.writeFileSync(callsFile, JSON.stringify(calls));
  const script = path.join(dir, "cold.js");
  fs.writeFileSync(
    script,
    `const { performance } = require("perf_hooks");
const calls = JSON.parse(require("fs").readFileSync(${JSON.stringify(callsFile)}, "utf8"));
class E extends Error { constructor(code, message) { super(message); this.code = code; } }
const fns = new Map();
globalThis.CustomFunctions = { associate: (id, fn) => fns.set(id, fn), Error: E, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
globalThis.Office = { context: { displayLanguage: "fr-BE" } };
const t0 = performance.now();
require(${JSON.stringify(bundle)});
const loadMs = performance.now() - t0;
const bound = calls.map(([id, args]) => [fns.get(id), args]);
let sink = 0;
const t1 = performance.now();
const n = Number(process.env.MG_CALLS || 10000);
for (let i = 0; i < n; i++) { const [f, args] = bound[i % bound.length]; const v = f(...args); sink += typeof v === "number" ? v : 1; }
const firstMs = performance.now() - t1;
process.stdout.write(JSON.stringify({ loadMs, firstMs, sink }));
`,
  );
  const firstMs: number[] = [];
  const loadMs: number[] = [];
  let instructions: number | null = null;
  try {
    for (let r = 0; r < runs; r++) {
      const out = JSON.parse(execFileSync(process.execPath, [script], { encoding: "utf8" })) as { loadMs: number; firstMs: number };
      firstMs.push(out.firstMs);
      loadMs.push(out.loadMs);
    }
    instructions = coldInstructions(script);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { firstMs, loadMs, instructions };
}

/**
 * Instructions per call of the first 10 000 calls, counted by valgrind
 * (callgrind) with V8's optimiser off and one thread: the same count on a
 * busy or a quiet machine, unlike milliseconds. (Load and 0 calls are
 * subtracted.) Null without valgrind or with --no-valgrind.
 */
function coldInstructions(script: string): number | null {
  if (NO_VALGRIND) return null;
  const run = (calls: number): number | null => {
    const r = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, "--no-opt", "--single-threaded", script], {
      encoding: "utf8",
      env: { ...process.env, MG_CALLS: String(calls) },
    });
    const m = /Collected\s*:\s*(\d+)/.exec(r.stderr ?? "");
    return r.status === 0 && m ? Number(m[1]) : null;
  };
  const all = run(10_000);
  const none = all === null ? null : run(0);
  return all === null || none === null ? null : (all - none) / 10_000;
}

const range = (xs: number[]) => `${fmt(Math.min(...xs), 0)}–${fmt(Math.max(...xs), 0)}`;

function benchBundle(dist: string): void {
  const bundle = path.join(dist, "functions.js");
  // Excel passes every declared parameter: null for an omitted one.
  const valid: [string, unknown[]][] = [];
  for (const [id, tuples] of Object.entries(cases)) for (const t of tuples) valid.push([id, t]);
  const runs = QUICK ? 3 : 7;
  const cold = coldRuns(bundle, valid, runs);
  const coldDistinct = coldRuns(bundle, distinctCalls(), runs);

  const fns = loadBundle(bundle);
  const invalid: [string, unknown[]][] = [
    ["STAGE.TARIFF", ["999999", null, null]], // #N/A: code not encoded
    ["PRIME.INTEGREE", [2024, "inconnu", 3, null]], // #VALUE!: unknown status
    ["IMPULSEO.REFUND", ["telesecretariat", 2024, 1000, null, null, null]], // #N/A: 2024 cap unknown
    ["IS.PENURIE", [12, null, null]], // #N/A: official list not encoded
  ];
  const N = 10_000;
  const once = (calls: [string, unknown[]][]) => {
    let errors = 0;
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const [id, args] = calls[i % calls.length];
      try {
        consume(fns.get(id)!(...args));
      } catch (e) {
        if (!(e instanceof BenchCustomFunctionsError) || !e.message) throw e;
        errors++;
      }
    }
    return { ms: performance.now() - t0, errors };
  };
  const first = once(valid);
  if (first.errors !== 0) throw new Error(`${first.errors} valid calls failed`);
  const warm = median(Array.from({ length: QUICK ? 3 : 7 }, () => once(valid).ms));
  const errorRun = once(invalid);
  if (errorRun.errors !== N) throw new Error("the error cases did not all throw CustomFunctions.Error");
  const errorMs = median([errorRun.ms, ...Array.from({ length: QUICK ? 2 : 4 }, () => once(invalid).ms)]);
  const coldMs = median(cold.firstMs);
  const coldDistinctMs = median(coldDistinct.firstMs);
  row(`built bundle: load of functions.js (fresh process, median of ${runs})`, `${fmt(median(cold.loadMs))} ms`, "", null);
  row(`built bundle: first 10 000 calls after load, 20 tuples repeated (median of ${runs}; ${range(cold.firstMs)})`, `${fmt(coldMs)} ms`, "≤ 50 ms", coldMs <= 50);
  row(`built bundle: first 10 000 calls after load, all different (median of ${runs}; ${range(coldDistinct.firstMs)})`, `${fmt(coldDistinctMs)} ms`, "≤ 50 ms", coldDistinctMs <= 50);
  const instr = (n: number | null) => (n === null ? "— (no valgrind)" : `${fmt(n / 1000, 1)} k`);
  row("built bundle: instructions per call, first 10 000 calls, repeated / all different (callgrind, V8 optimiser off)", `${instr(cold.instructions)} / ${instr(coldDistinct.instructions)}`, "", null);
  row("built bundle: 10 000 calls of the 4 functions, warm (median)", `${fmt(warm)} ms`, "≤ 50 ms", warm <= 50);
  row("built bundle: 10 000 calls that all end in #VALUE!/#N/A, warm (median)", `${fmt(errorMs)} ms`, "", null);
}

// ---------------------------------------------------------------------------
// 3. The example scenario over 10 years

function hyperFormulaTime(plan: WorkbookPlan): number {
  const names = chooseSheetNames(plan, []);
  const data: Record<string, (string | number | boolean | null)[][]> = {};
  for (const sheet of plan.sheets) {
    data[names.get(sheet.key)!] = sheet.rows.map((r) => r.map((c) => (c === null ? null : c.formula !== undefined ? resolveFormula(c.formula, names) : (c.value ?? null))));
  }
  const t0 = performance.now();
  const hf = HyperFormula.buildFromSheets(data, { licenseKey: "gpl-v3" });
  consume(Object.keys(hf.getAllSheetsValues()).length);
  const ms = performance.now() - t0;
  hf.destroy();
  return ms;
}

async function benchScenario(): Promise<void> {
  const scenario = scenarioSchema.parse({ ...example, horizon: 10 });
  const plan = buildPlan(scenario);
  const formulas = plan.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.filter((c) => c?.formula !== undefined).length, 0), 0);
  const check = evaluatePlan(plan);
  if (check.mismatches.length > 0) throw new Error(`HyperFormula disagrees with the core on ${check.mismatches.length} cells`);

  const rounds = QUICK ? 3 : 7;
  for (let i = 0; i < 3; i++) consume(buildPlan(scenario).sheets.length + simulate(scenario).years.length);
  hyperFormulaTime(plan);
  const planMs: number[] = [];
  const simMs: number[] = [];
  const hfMs: number[] = [];
  const simRatios: number[] = [];
  const planRatios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const reps = 10;
    let t0 = performance.now();
    for (let i = 0; i < reps; i++) consume(simulate(scenario).years.length);
    const sim = (performance.now() - t0) / reps;
    t0 = performance.now();
    for (let i = 0; i < reps; i++) consume(buildPlan(scenario).sheets.length);
    const build = (performance.now() - t0) / reps;
    const hf = hyperFormulaTime(plan);
    simMs.push(sim);
    planMs.push(build);
    hfMs.push(hf);
    simRatios.push(hf / sim);
    planRatios.push(hf / build);
  }
  row(`scenario (10 years, ${plan.sheets.length} sheets, ${formulas} formulas): core simulation (every figure of the plan)`, `${fmt(median(simMs), 2)} ms`, "", null);
  row("scenario: plan build (simulation + sheets, labels, notes, sources text)", `${fmt(median(planMs), 2)} ms`, "", null);
  row("scenario: HyperFormula build + evaluation of the plan's formulas", `${fmt(median(hfMs), 1)} ms`, "", null);
  const ratio = median(simRatios);
  row("scenario: HyperFormula evaluating the plan ÷ the core evaluating it", `${fmt(ratio, 0)}×`, "≥ 50×", ratio >= 50);
  const planRatio = median(planRatios);
  row("scenario: HyperFormula ÷ the whole plan build (text and layout too)", `${fmt(planRatio, 1)}×`, "", null);

  const xlsx: number[] = [];
  let bytes = 0;
  for (let r = 0; r < (QUICK ? 2 : 5); r++) {
    const t0 = performance.now();
    bytes = (await xlsxBuffer(plan)).length;
    xlsx.push(performance.now() - t0);
  }
  const xlsxMs = median(xlsx);
  row(`scenario: .xlsx write (${fmt(bytes / 1024, 0)} KB, median)`, `${fmt(xlsxMs, 0)} ms`, "≤ 1 000 ms", xlsxMs <= 1000);

  const excel = new FakeExcel({ sheets: ["Synthèse", "Hypothèses", "Paramètres"] });
  const t0 = performance.now();
  const result = await writePlan(plan, excel, undefined, { activate: "syn" });
  const officeMs = performance.now() - t0;
  row("scenario: Office writer context.sync() calls (fake Excel)", `${result.syncs}`, "≤ 4", result.syncs <= 4);
  row("scenario: Office writer commands queued (fake Excel)", `${excel.operations} (${fmt(officeMs, 0)} ms in the fake)`, "", null);
}

// ---------------------------------------------------------------------------
// 4. Bundle sizes

function benchSizes(dist: string): void {
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
  const kb = (n: number) => `${fmt(n / 1024, 1)} KB`;
  const fn = gz("functions.js");
  const tp = gz("taskpane.js");
  const limits = gz("quartiers-limites.js");
  row("gzip size of functions.js", kb(fn), "≤ 60 KB", fn <= 60 * 1024);
  row("gzip size of quartiers-limites.js (loaded on the first MG.QUARTIER call only)", kb(limits), "", null);
  row("gzip size of taskpane.js", kb(tp), "≤ 250 KB", tp <= 250 * 1024);
  row("task pane page (functions.js + taskpane.js, shared runtime)", kb(fn + tp), "", null);
}

// ---------------------------------------------------------------------------
// 5. A portfolio of 1 000 clients

/** 1 000 valid clients: the example moved over four installation years, quarters, communes, practices and activity. */
function portfolioClients(n: number): unknown[] {
  const communes = ["Etterbeek", "Bruxelles", "Ixelles", "Schaerbeek", "Evere"];
  return Array.from({ length: n }, (_, i) => {
    const k = i % 4;
    const y = 2025 + k;
    const group = i % 5 === 0;
    return {
      ...example,
      name: `Client ${i + 1}`,
      dates: { endOfTraining: `${y}-09-30`, agrement: `${y}-12-01`, inamiNumber: `${y}-12-15`, installation: `${y}-10-01` },
      horizon: 3 + (i % 3),
      // at most one activity line per simulated year
      quartier: { code: (i % 118) + 1, penurie: i % 7 === 0 },
      practice: group ? { type: "groupe", gps: 3 } : { type: "solo", gps: 1 },
      activity: example.activity.slice(0, 3 + (i % 3)).map((a) => ({ ...a, consultationsPerWeek: a.consultationsPerWeek + (i % 20) })),
      investments: [{ ...example.investments[0], year: y }],
      household: { dependants: i % 3, commune: communes[i % communes.length] },
    };
  });
}

async function benchPortfolio(): Promise<void> {
  const { run } = await import("../src/cli/portfolio");
  const N = 1000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-portfolio-"));
  const input = path.join(dir, "clients");
  fs.mkdirSync(input);
  portfolioClients(N).forEach((c, i) => fs.writeFileSync(path.join(input, `client-${String(i + 1).padStart(4, "0")}.json`), JSON.stringify(c)));
  const times: number[] = [];
  let bytes = 0;
  for (let r = 0; r < (QUICK ? 1 : 3); r++) {
    const out = path.join(dir, `portefeuille-${r}.xlsx`);
    const t0 = performance.now();
    const res = await run([input, "--out", out, "--no-client-files", "--date", "2026-12-01"]);
    times.push(performance.now() - t0);
    if (res.code !== 0) throw new Error(`portfolio: ${res.err}`);
    const invalid = res.results!.filter((x) => !x.ok);
    if (invalid.length) throw new Error(`portfolio: ${invalid.length} invalid clients, e.g. ${JSON.stringify(invalid[0].problems)}`);
    bytes = fs.statSync(out).size;
  }
  const ms = median(times);
  row(`portfolio of ${N} clients (folder of scenario files; summary workbook only, ${fmt(bytes / 1024, 0)} KB; median of ${times.length})`, `${fmt(ms / 1000, 2)} s`, "≤ 5 s", ms <= 5000);
  // One client's own workbook (the per-client files of the portfolio): plan + .xlsx.
  const { buildPlan: plan } = await import("../src/scenario/plan");
  const one = scenarioSchema.parse(example);
  const per: number[] = [];
  for (let r = 0; r < (QUICK ? 3 : 7); r++) {
    const t0 = performance.now();
    consume((await xlsxBuffer(plan(one))).length);
    per.push(performance.now() - t0);
  }
  row("portfolio: one client's own workbook (example, 5 years: plan + .xlsx, median)", `${fmt(median(per), 0)} ms`, "", null);
  fs.rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------

function printTable(): void {
  const head: Row = { what: "measure", measured: "measured", target: "target", ok: null };
  const w = [Math.max(...[head, ...rows].map((r) => r.what.length)), Math.max(...[head, ...rows].map((r) => r.measured.length)), Math.max(...[head, ...rows].map((r) => r.target.length))];
  const line = (r: Row, ok: string) => `| ${r.what.padEnd(w[0])} | ${r.measured.padStart(w[1])} | ${r.target.padEnd(w[2])} | ${ok.padEnd(4)} |`;
  console.log(line(head, "ok"));
  console.log(`|${"-".repeat(w[0] + 2)}|${"-".repeat(w[1] + 1)}:|${"-".repeat(w[2] + 2)}|------|`);
  for (const r of rows) console.log(line(r, r.ok === null ? "" : r.ok ? "yes" : "NO"));
}

async function main(): Promise<void> {
  const started = performance.now();
  const cpus = os.cpus();
  console.log(`MG Bruxelles benchmark — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`);
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "?"}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`);
  console.log(`core: ${core.how}`);
  const dist = ONLY.has("bundle") || ONLY.has("sizes") ? buildBundles() : null;
  if (ONLY.has("core")) benchCore();
  if (dist && ONLY.has("bundle")) benchBundle(dist);
  if (ONLY.has("scenario")) await benchScenario();
  if (dist && ONLY.has("sizes")) benchSizes(dist);
  if (ONLY.has("portfolio")) await benchPortfolio();
  if (dist && !DIST) fs.rmSync(dist, { recursive: true, force: true });
  console.log("");
  printTable();
  console.log(`\n(${fmt((performance.now() - started) / 1000)} s in all; checksum ${sink})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
