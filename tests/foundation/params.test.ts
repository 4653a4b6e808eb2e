import { families, params, ParamRegistry } from "../../src/params";
import { familySchema } from "../../src/params/schema";
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
    for (const f of families) expect(() => familySchema.parse(f)).not.toThrow();
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
    expect(() => new ParamRegistry([family([version("2024-01-01", "2024-12-31"), version("2024-12-31")])])).toThrow(/chevauchent/);
  });
  test("an end before the start is rejected; an impossible date too", () => {
    expect(() => new ParamRegistry([family([version("2024-05-01", "2024-01-01")])])).toThrow();
    expect(() => new ParamRegistry([family([version("2024-02-30")])])).toThrow();
  });
  test("money with more than two decimals is rejected", () => {
    const f = family([{ ...version("2024-01-01"), value: 1.234 }]);
    expect(() => new ParamRegistry([f])).toThrow();
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
});
