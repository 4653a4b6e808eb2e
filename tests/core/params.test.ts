import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { families, params, ParamRegistry } from "../../src/params";
import { checkFamilies } from "../../src/params/schema";
import { serialFromIso } from "../../src/dates";
import { RuleError } from "../../src/errors";

const version = (from: string, to?: string) => ({
  from, ...(to ? { to } : {}), value: 1,
  sources: [{ title: "Test source", seen: "2026-11-23" }],
});
const family = (versions: unknown[]) => ({
  family: "t", description: "test",
  parameters: [{ id: "t.x", label: { fr: "Test", nl: "Test" }, kind: "money", unit: "EUR", versions }],
});

describe("parameters: data with provenance (DESIGN §3)", () => {
  test("every shipped family passes the schema", () => {
    expect(checkFamilies(families)).toHaveLength(families.length);
  });
  test("a checked family loads into a registry", () => {
    const reg = new ParamRegistry(checkFamilies([family([version("2024-01-01")])]));
    expect(reg.money("t.x", serialFromIso("2025-06-01")).value).toBe(100);
  });
  test("every version of every parameter names at least one source with a date seen", () => {
    for (const p of params.all()) {
      for (const v of p.versions) {
        expect(v.sources.length).toBeGreaterThan(0);
        for (const s of v.sources) expect(s.seen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });
  test("overlapping versions are rejected", () => {
    expect(() => checkFamilies([family([version("2024-01-01", "2024-12-31"), version("2024-12-31")])])).toThrow(/famille t, parameters.0.versions : t.x : versions qui se chevauchent/);
  });
  test("an end before the start is rejected; an impossible date too", () => {
    expect(() => checkFamilies([family([version("2024-05-01", "2024-01-01")])])).toThrow(/fin 2024-01-01 avant début 2024-05-01/);
    expect(() => checkFamilies([family([version("2024-02-30")])])).toThrow(/date impossible/);
  });
  test("money with more than two decimals is rejected", () => {
    const f = family([{ ...version("2024-01-01"), value: 1.234 }]);
    expect(() => checkFamilies([f])).toThrow(/au plus deux décimales/);
  });
  test("a date in a gap is #N/A naming the last known value, never a silent reuse", () => {
    // Impulseo III cap: 2023 and 2025 known, 2024 unknown (RULES.md R9).
    let err: unknown;
    try {
      params.forYear("impulseo.plafond.telesecretariat", 2024);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RuleError);
    expect((err as RuleError).kind).toBe("unknown");
    expect((err as RuleError).message).toMatch(/dernière connue : 4 555,10 €/);
  });
  test("a date before the first version is #N/A naming the first known one", () => {
    expect(() => params.at("honoraire.101076", serialFromIso("2024-12-31"))).toThrow(/première connue : 32,84 €/);
  });
  test("scripts/check-params.ts (run by the build) passes the shipped files and refuses a broken one with its problems", () => {
    const root = path.join(__dirname, "..", "..");
    const tsx = require.resolve("tsx/cli", { paths: [root] });
    const run = (...files: string[]) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, [tsx, path.join(root, "scripts", "check-params.ts"), ...files], { cwd: root, encoding: "utf8", stdio: "pipe" }) };
      } catch (e) {
        const err = e as { status: number; stderr: string };
        return { code: err.status, out: err.stderr };
      }
    };
    expect(run()).toEqual({ code: 0, out: expect.stringMatching(/19 familles, \d+ paramètres/) });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-params-"));
    const broken = path.join(dir, "broken.json");
    fs.writeFileSync(broken, JSON.stringify(family([{ ...version("2024-01-01"), value: 1.234 }])));
    try {
      expect(run(broken)).toEqual({ code: 1, out: expect.stringMatching(/famille t, parameters\.0\.versions\.0\.value : au plus deux décimales/) });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe("prime de pratique intégrée: windows and amounts as published", () => {
  test("GBO Flash-info 54/25 (15/09/2025): PPI 2024 requested « depuis le 11/09/25 (et jusqu'au 15/12/25) »", () => {
    const from = params.forYear<{ month: number; day: number; yearOffset: number }>("ppi.demande.debut", 2024).value;
    const to = params.forYear<{ month: number; day: number; yearOffset: number }>("ppi.demande.fin", 2024).value;
    expect(from).toEqual({ month: 9, day: 11, yearOffset: 1 });
    expect(to).toEqual({ month: 12, day: 15, yearOffset: 1 });
    // PPI 2025: « au cours du 2e semestre de 2026 », no dates published -> #N/A saying so.
    expect(() => params.forYear("ppi.demande.debut", 2025)).toThrow(/2e semestre de 2026/);
  });
  test("Deg & Partners (2025): « montant fixe de 800 € » for a GP in training, prime 2024; 2025 not published -> #N/A", () => {
    const f = params.forYear<number>("ppi.montant.formation", 2024);
    expect(f.value).toBe(80000);
    expect(f.version.sources.some((s) => s.url?.startsWith("https://blog.degandpartners.com/"))).toBe(true);
    expect(() => params.forYear("ppi.montant.formation", 2025)).toThrow(/dernière connue : 800,00 €/);
  });
});
