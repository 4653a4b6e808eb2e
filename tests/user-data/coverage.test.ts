/**
 * Coverage, visible (issue 11): `npm run params -- --coverage` says for every
 * parameter and year 2022–2027 whether the figure is published (with its
 * source), extrapolated from year N, or unknown; the README's table is the
 * command's output for the figures that drive the simulation.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { COVERAGE_YEARS, SIMULATION_IDS, coverage, coverageMarkdown, main, yearCoverage } from "../../src/cli/params";
import { params } from "../../src/params";
import { yearOf } from "../../src/dates";
import { clearUserData } from "../../src/cli/user-params";
import { VALID_FILE } from "./fixtures";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";

afterEach(() => clearUserData());

function run(...argv: string[]): { code: number; text: string } {
  const lines: string[] = [];
  const code = main(argv, (s) => lines.push(s));
  return { code, text: lines.join("\n") };
}

test("every figure that drives the simulation is a known parameter", () => {
  for (const id of SIMULATION_IDS) expect(params.has(id)).toBe(true);
});

test("the README table equals `npm run params -- --coverage --markdown`", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
  const m = /<!-- coverage:start -->\n([\s\S]*?)\n<!-- coverage:end -->/.exec(readme);
  expect(m).not.toBeNull();
  expect(m![1]).toBe(run("--coverage", "--markdown").text);
});

test("a year is published when a version covers it, extrapolated from the last year before, unknown before any version", () => {
  // The consultation fee 101076 has its first version from 01/01/2025.
  const p = params.get("honoraire.101076");
  const first = p.versions[0];
  const firstYear = yearOf(first.from);
  expect(yearCoverage(p, firstYear - 1)).toEqual({ year: firstYear - 1, status: "unknown" });
  const pub = yearCoverage(p, firstYear);
  expect(pub.status).toBe("published");
  const last = p.versions[p.versions.length - 1];
  if (last.to !== Infinity) {
    const lastYear = yearOf(last.to);
    if (lastYear < 2027) expect(yearCoverage(p, 2027)).toEqual({ year: 2027, status: "extrapolated", fromYear: lastYear });
  }
});

test("every parameter has one entry per year 2022–2027; the text names each status; --json parses", () => {
  const all = coverage();
  expect(all.length).toBe(params.all().length);
  for (const c of all) expect(c.years.map((y) => y.year)).toEqual([...COVERAGE_YEARS]);
  const text = run("--coverage").text;
  expect(text).toMatch(/^honoraire\.101076 — Consultation au cabinet, médecin accrédité \(101076\)$/m);
  expect(text).toMatch(/^ {2}2022 {2}inconnu$/m);
  expect(text).toMatch(/^ {2}2025 {2}publié \(en vigueur 01\/01\/2025/m);
  expect(JSON.parse(run("--coverage", "--json").text)).toHaveLength(params.all().length);
  expect(run("--coverage", "--lang", "nl").text).toMatch(/onbekend/);
});

test("--params: a year the user adds is published « ajouté par l'utilisateur »", () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-cov-"));
  const f = join(dir, "t.json");
  writeFileSync(f, VALID_FILE);
  const r = run("--coverage", "--params", f);
  expect(r.text).toMatch(/ajoute 2027 à honoraire\.101076/);
  const block = r.text.split("\nhonoraire.101076 — ")[1].split("\n").slice(0, 7).join("\n");
  expect(block).toMatch(/ {2}2027 {2}publié \(ajouté par l'utilisateur\) \(en vigueur 01\/01\/2027–31\/12\/2027\) — ajouté par l'utilisateur/);
  expect(coverageMarkdown(coverage(["honoraire.101076"]))).toMatch(/\| publié \(ajouté par l'utilisateur\) \|/);
});

test("usage errors exit with code 2", () => {
  expect(run().code).toBe(2);
  expect(run("--coverage", "--bof").code).toBe(2);
});
