import { main } from "../../src/cli/mg";

function runCli(...argv: string[]): { code: number; text: string } {
  const lines: string[] = [];
  const code = main(argv, (s) => lines.push(s));
  return { code, text: lines.join("\n") };
}

describe("command line: npm run mg -- FUNCTION args ", () => {
  test("R6 (seed 002): PRIME.INTEGREE 2024 acte 6 prints 4 500,00 € with steps and sources", () => {
    const r = runCli("PRIME.INTEGREE", "2024", "acte", "6");
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/^MG\.PRIME\.INTEGREE = 4 500,00 €/);
    expect(r.text).toMatch(/Calcul :/);
    expect(r.text).toMatch(/Sources :[\s\S]*INAMI, « Médecine générale – Primes de pratique intégrée/);
    expect(r.text).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
  });
  test("R1 (seed 000): a date written 30/08/2025 and an enumerated word", () => {
    const r = runCli("STAGE.TARIFF", "101032", "30/08/2025", "intervention");
    expect(r.text).toMatch(/= 15,88 €/);
  });
  test("an empty argument is an omitted argument; --today sets the default date", () => {
    expect(runCli("STAGE.TARIFF", "101076", "", "", "--today", "2025-08-30").text).toMatch(/= 24,63 €/);
  });
  test("2026 fee of an accredited GP (Domus Medica): 33,73 €", () => {
    expect(runCli("HONORAIRE", "101076", "2026-02-01").text).toMatch(/= 33,73 €/);
  });
  test("#N/A with the reason and exit code 1 for an unknown 2026 fee (non-accredited GP)", () => {
    const r = runCli("HONORAIRE", "101032", "2026-02-01");
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/^#N\/A Pas de valeur connue/);
  });
  test("#VALUE! and exit code 1 for bad input; exit code 2 for an unknown function", () => {
    expect(runCli("PRIME.INTEGREE", "2024", "acte", "12").text).toMatch(/^#VALUE!/);
    expect(runCli("NOPE").code).toBe(2);
  });
  test("--json prints the value, steps and sources; --list lists every function", () => {
    const r = runCli("IMPULSEO.REFUND", "telesecretariat", "2025", "12000", "--json");
    expect(JSON.parse(r.text).value).toBe(4700);
    expect(runCli("--list").text).toMatch(/MG\.IMPULSEO\.REFUND\(kind; year; costs; \[months\]; \[gps\]; \[net\]\)/);
  });
});
