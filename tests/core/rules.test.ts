import fc from "fast-check";
import { evaluate, type Cell } from "../../src/catalog";
import { serialFromIso } from "../../src/dates";
import { RuleError } from "../../src/errors";
import { refusal } from "../helpers/refusal";

const ctx = { today: serialFromIso("2025-08-30"), lang: "fr" as const };
const d = serialFromIso;
const run = (id: string, ...args: Cell[]) => evaluate(id, args, ctx).value;
const errorOf = (id: string, ...args: Cell[]): RuleError => refusal(() => evaluate(id, args, ctx));

describe("R1 stage tariff at 75 % (seed 000, nomenclature art. 1 § 4ter, tarifs au 30/08/2025)", () => {
  test("101076 accredited consultation: 32,84 × 0,75 = 24,63 €; ticket 4 €; AMI 20,63 €", () => {
    expect(run("STAGE.TARIFF", 101076, d("2025-08-30"))).toBe(24.63);
    expect(run("STAGE.TARIFF", "101076", d("2025-08-30"), "ticket")).toBe(4);
    expect(run("STAGE.TARIFF", 101076, d("2025-08-30"), "intervention")).toBe(20.63);
  });
  test("103132 home visit: 47,28 × 0,75 = 35,46 €; ticket 16,54 €; AMI 18,92 €", () => {
    expect(run("STAGE.TARIFF", 103132, d("2025-08-30"))).toBe(35.46);
    expect(run("STAGE.TARIFF", 103132, d("2025-08-30"), "ticket")).toBe(16.54);
    expect(run("STAGE.TARIFF", 103132, d("2025-08-30"), "intervention")).toBe(18.92);
  });
  test("101032: the seed prints 19,86 € and 15,26 € — arithmetic slips; 26,50 × 0,75 = 19,875 → 19,88 € and 19,88 − 4 = 15,88 €", () => {
    const billed = run("STAGE.TARIFF", 101032, d("2025-08-30"));
    const ami = run("STAGE.TARIFF", 101032, d("2025-08-30"), "intervention");
    expect(billed).toBe(19.88);
    expect(billed).not.toBe(19.86);
    expect(ami).toBe(15.88);
    expect(ami).not.toBe(15.26);
  });
  test("HONORAIRE gives the full fee: 101076 = 32,84 €, 101032 = 26,50 €, 103132 = 47,28 €", () => {
    expect(run("HONORAIRE", 101076, d("2025-08-30"))).toBe(32.84);
    expect(run("HONORAIRE", "101 032", d("2025-08-30"))).toBe(26.5);
    expect(run("HONORAIRE", 103132, d("2025-01-01"))).toBe(47.28);
  });
  test("words in FR/NL/EN, any case or accent: « Ticket », « remgeld », « AMI »", () => {
    expect(run("STAGE.TARIFF", 101076, d("2025-08-30"), "Ticket")).toBe(4);
    expect(run("STAGE.TARIFF", 101076, d("2025-08-30"), "remgeld")).toBe(4);
    expect(run("STAGE.TARIFF", 101076, d("2025-08-30"), "AMI")).toBe(20.63);
  });
  test("boundary: 31/12/2025 is 2025's tariff; from 01/01/2026 the 2026 fee (Domus Medica: 33,73 €) × 75 % = 25,30 €; the 2026 ticket is #N/A", () => {
    expect(run("STAGE.TARIFF", 101076, d("2025-12-31"))).toBe(24.63);
    expect(run("STAGE.TARIFF", 101076, d("2026-01-01"))).toBe(25.3);
    const e = errorOf("STAGE.TARIFF", 101076, d("2026-01-01"), "ticket");
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/01\/01\/2026/);
    expect(e.message).toMatch(/dernière connue : 4,00 €/);
    expect(errorOf("STAGE.TARIFF", 101076, d("2024-12-31")).kind).toBe("unknown");
  });
  test("Domus Medica (Dec. 2025) and GBO Flash-info 73/25: fees 2026 indexed by 2,72 % — consultation 33,73 €, home visit 48,57 €; MG.HONORAIRE(101076) on 01/12/2026 answers 33,73 €", () => {
    expect(run("HONORAIRE", 101076, d("2026-01-01"))).toBe(33.73);
    expect(run("HONORAIRE", 101076, d("2026-12-01"))).toBe(33.73);
    expect(evaluate("HONORAIRE", [101076], { today: d("2026-12-01"), lang: "fr" }).value).toBe(33.73);
    expect(run("HONORAIRE", 103132, d("2026-12-31"))).toBe(48.57);
    const r = evaluate("HONORAIRE", [101076, d("2026-06-01")], ctx);
    expect(r.sources.map((s) => s.url)).toContain("https://www.domusmedica.be/actueel/grote-stap-voor-de-eerste-lijn-dit-staat-het-nieuwe-conventieakkoord");
  });
  test("GBO Flash-info 73/25: « tous les honoraires, à l'exception de ceux des médecins non accrédités » — 101032 in 2026 stays #N/A with that reason", () => {
    const e = errorOf("HONORAIRE", 101032, d("2026-03-01"));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/sauf ceux des médecins non accrédités/);
    expect(errorOf("HONORAIRE", 101076, d("2027-01-01")).message).toMatch(/dernière connue : 33,73 €/);
  });
  test("the default date is today (the evaluation context's date)", () => {
    expect(run("STAGE.TARIFF", 101076, null)).toBe(24.63);
  });
  test("bad input is #VALUE! with a French message; an unencoded code is #N/A listing known codes", () => {
    expect(errorOf("STAGE.TARIFF", "abc").kind).toBe("invalid");
    expect(errorOf("STAGE.TARIFF", 101076, d("2025-08-30"), "pourboire").message).toMatch(/honoraire, ticket, intervention/);
    expect(errorOf("STAGE.TARIFF", 101076, -5).kind).toBe("invalid");
    const e = errorOf("STAGE.TARIFF", 102771, d("2025-08-30"));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/101032, 101076, 103132/);
  });
  test("explanations show the computation and cite the GBO/Cartel guide (its seed link kept for the tests)", () => {
    const r = evaluate("STAGE.TARIFF", [101032, d("2025-08-30"), "intervention"], ctx);
    expect(r.steps.join(" ")).toMatch(/75 % de 26,50 € = 19,88 €/);
    expect(r.steps.join(" ")).toMatch(/19,88 € − 4,00 € = 15,88 €/);
    expect(r.sources.some((s) => s.seed === "000_3a813b6de0dc6b5c.txt")).toBe(true);
  });
});

describe("R2 INAMI number (seed 000; check digits 97 − first six digits mod 97)", () => {
  test("1-23456-25-003 is valid: 123456 mod 97 = 72, 97 − 72 = 25", () => {
    expect(run("INAMI.VALID", "1-23456-25-003")).toBe(true);
    expect(run("INAMI.VALID", "1 23456 25 003")).toBe(true);
    expect(run("INAMI.VALID", "1.23456.25.003")).toBe(true);
    expect(run("INAMI.VALID", 12345625003)).toBe(true);
  });
  test("the README example 1-23456-78-003 has wrong check digits", () => {
    expect(run("INAMI.VALID", "1-23456-78-003")).toBe(false);
  });
  test("wrong length or a first digit other than 1 is not a physician's number", () => {
    expect(run("INAMI.VALID", "1-23456-25-03")).toBe(false);
    // 223456 mod 97 = 63 → 34: right key but profession 2
    expect(run("INAMI.VALID", "2-23456-34-003")).toBe(false);
  });
  test("a first six digits multiple of 97 gives check digits 97", () => {
    // 100007 = 97 × 1031
    expect(run("INAMI.VALID", "10000797005")).toBe(true);
  });
  test("competence codes of seed 000: 003/004 agréé, 005 in training, 006 + ECG, 000, 009", () => {
    expect(run("INAMI.COMPETENCE", "1-23456-25-003")).toBe("Médecin généraliste agréé");
    expect(run("INAMI.COMPETENCE", "1-23456-25-004")).toBe("Médecin généraliste agréé");
    expect(run("INAMI.COMPETENCE", "1-23456-25-005")).toBe("Médecin généraliste en formation");
    expect(run("INAMI.COMPETENCE", "1-23456-25-006")).toMatch(/ECG/);
    expect(run("INAMI.COMPETENCE", "1-23456-25-000")).toMatch(/après le 31\/12\/2004/);
    expect(run("INAMI.COMPETENCE", "1-23456-25-009")).toMatch(/01\/01\/1995/);
  });
  test("competence label in Dutch when the context language is Dutch", () => {
    expect(evaluate("INAMI.COMPETENCE", ["1-23456-25-005"], { ...ctx, lang: "nl" }).value).toBe("Huisarts in opleiding");
  });
  test("an invalid number is #VALUE! for COMPETENCE; an unencoded competence code is #N/A", () => {
    expect(errorOf("INAMI.COMPETENCE", "1-23456-78-003").kind).toBe("invalid");
    expect(errorOf("INAMI.COMPETENCE", "1-23456-25-580").kind).toBe("unknown");
    expect(errorOf("INAMI.VALID", true).kind).toBe("invalid");
  });
});

describe("R6 prime de pratique intégrée (seed 002 for 2022–2024, seed 001 for 2025)", () => {
  test("GP in training with accepted software: 800 €; without: 0 (not eligible)", () => {
    expect(run("PRIME.INTEGREE", 2024, "formation")).toBe(800);
    expect(run("PRIME.INTEGREE", 2024, "formation", null, false)).toBe(0);
  });
  test("2024 à l'acte, of 8 criteria: <5 → 1 000 €, 5 → 3 500 €, 6 → 4 500 €, ≥7 → 6 000 €", () => {
    expect(run("PRIME.INTEGREE", 2024, "acte", 4)).toBe(1000);
    expect(run("PRIME.INTEGREE", 2024, "acte", 5)).toBe(3500);
    expect(run("PRIME.INTEGREE", 2024, "acte", 6)).toBe(4500);
    expect(run("PRIME.INTEGREE", 2024, "acte", 7)).toBe(6000);
    expect(run("PRIME.INTEGREE", 2024, "acte", 8)).toBe(6000);
  });
  test("2022 à l'acte of 10: 5 → 1 000, 6 → 3 500, 7 → 4 500, 8 → 6 000; forfait of 7: 4 → 1 000, 5 → 3 500, 7 → 6 000", () => {
    expect(run("PRIME.INTEGREE", 2022, "acte", 5)).toBe(1000);
    expect(run("PRIME.INTEGREE", 2022, "acte", 6)).toBe(3500);
    expect(run("PRIME.INTEGREE", 2022, "acte", 7)).toBe(4500);
    expect(run("PRIME.INTEGREE", 2022, "acte", 10)).toBe(6000);
    expect(run("PRIME.INTEGREE", 2022, "forfait", 4)).toBe(1000);
    expect(run("PRIME.INTEGREE", 2022, "forfait", 5)).toBe(3500);
    expect(run("PRIME.INTEGREE", 2022, "forfait", 7)).toBe(6000);
  });
  test("2023 à l'acte of 7: 3 → 1 000, 4 → 3 500, 5 → 4 500, 6 → 6 000; forfait of 6: 6 → 6 000", () => {
    expect(run("PRIME.INTEGREE", 2023, "acte", 3)).toBe(1000);
    expect(run("PRIME.INTEGREE", 2023, "acte", 4)).toBe(3500);
    expect(run("PRIME.INTEGREE", 2023, "acte", 5)).toBe(4500);
    expect(run("PRIME.INTEGREE", 2023, "acte", 6)).toBe(6000);
    expect(run("PRIME.INTEGREE", 2023, "forfait", 6)).toBe(6000);
  });
  test("2025 as 2024 (seed 001: « valable pour les primes 2024 et 2025 »): forfait 6 of 7 → 4 500 €", () => {
    expect(run("PRIME.INTEGREE", 2025, "forfait", 6)).toBe(4500);
    expect(run("PRIME.INTEGREE", 2025, "acte", 7)).toBe(6000);
  });
  test("no accepted software → 1 000 € whatever the criteria", () => {
    expect(run("PRIME.INTEGREE", 2024, "acte", 8, false)).toBe(1000);
    expect(run("PRIME.INTEGREE", 2024, "forfait", null, "FAUX")).toBe(1000);
  });
  test("more criteria than exist for the year → #VALUE! (2023 à l'acte has 7)", () => {
    const e = errorOf("PRIME.INTEGREE", 2023, "acte", 8);
    expect(e.kind).toBe("invalid");
    expect(e.message).toMatch(/que 7/);
    expect(errorOf("PRIME.INTEGREE", 2024, "acte", 2.5).kind).toBe("invalid");
    expect(errorOf("PRIME.INTEGREE", 2024, "acte").kind).toBe("invalid");
  });
  test("years before 2022 or after 2025 → #N/A (not published here)", () => {
    expect(errorOf("PRIME.INTEGREE", 2021, "acte", 6).kind).toBe("unknown");
    expect(errorOf("PRIME.INTEGREE", 2026, "acte", 6).kind).toBe("unknown");
    expect(errorOf("PRIME.INTEGREE", 2026, "formation").kind).toBe("unknown");
  });
  test("status words in FR/NL/EN: « Maison médicale », « per prestatie », « in opleiding »", () => {
    expect(run("PRIME.INTEGREE", 2024, "Maison médicale", 7)).toBe(6000);
    expect(run("PRIME.INTEGREE", 2024, "per prestatie", 5)).toBe(3500);
    expect(run("PRIME.INTEGREE", 2024, "in opleiding")).toBe(800);
    expect(errorOf("PRIME.INTEGREE", 2024, "salarié", 5).kind).toBe("invalid");
  });
});

describe("R9 Impulseo II and III (seed 001; dated caps from Vivalis/CCC)", () => {
  test("telesecretariat 2025: 50 % of 12 000 € = 6 000 € capped at 4 700 €", () => {
    expect(run("IMPULSEO.REFUND", "telesecretariat", 2025, 12000)).toBe(4700);
  });
  test("exactly at the cap: 9 400 € of costs → 4 700 €; one cent more still 4 700 €; one cent less → 4 699,995 → 4 700,00 €", () => {
    expect(run("IMPULSEO.REFUND", "telesecretariat", 2025, 9400)).toBe(4700);
    expect(run("IMPULSEO.REFUND", "telesecretariat", 2025, 9400.01)).toBe(4700);
    expect(run("IMPULSEO.REFUND", "telesecretariat", 2025, 9399.99)).toBe(4700);
    expect(run("IMPULSEO.REFUND", "telesecretariat", 2025, 9399.97)).toBe(4699.99);
  });
  test("prorata of months: 6 months of telesecretariat → cap 2 350 €; salary 7 900 € × 9/12 = 5 925 €", () => {
    expect(run("IMPULSEO.REFUND", "telesecretariat", 2025, 12000, 6)).toBe(2350);
    expect(run("IMPULSEO.REFUND", "salaire", 2025, 30000, 9)).toBe(5925);
  });
  test("regroupement: cap per GP, 3 GPs sharing 60 000 € of salary costs → min(30 000; 3 × 7 900) = 23 700 €", () => {
    expect(run("IMPULSEO.REFUND", "salaire", 2025, 60000, 12, 3)).toBe(23700);
  });
  test("net of the 16,5 % separate rate (seed 001, code 1655-91): 4 700 − 775,50 = 3 924,50 €", () => {
    expect(run("IMPULSEO.REFUND", "telesecretariat", 2025, 12000, 12, 1, true)).toBe(3924.5);
  });
  test("dated history: telesecretariat 2023 cap 4 555,10 €, salary 2019 cap 6 792,20 €", () => {
    expect(run("IMPULSEO.REFUND", "telesecretariat", 2023, 20000)).toBe(4555.1);
    expect(run("IMPULSEO.REFUND", "salaire", 2019, 20000)).toBe(6792.2);
  });
  test("years with no known cap (2024, 2026, salary 2020–2024) → #N/A naming the last known cap", () => {
    const e = errorOf("IMPULSEO.REFUND", "telesecretariat", 2024, 10000);
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/4 555,10 €/);
    expect(errorOf("IMPULSEO.REFUND", "telesecretariat", 2026, 10000).message).toMatch(/4 700,00 €/);
    expect(errorOf("IMPULSEO.REFUND", "salaire", 2022, 10000).kind).toBe("unknown");
  });
  test("the disagreement on the 16,5 % rate is in the explanation's sources notes", () => {
    const r = evaluate("IMPULSEO.REFUND", ["III", 2025, 1000, 12, 1, true], ctx);
    expect(r.value).toBe(417.5); // 500 − 82,50
    expect(r.steps.join(" ")).toMatch(/16,5 %/);
  });
  test("bad input: negative costs, 13 months, 0 GPs, fractional months → #VALUE!", () => {
    expect(errorOf("IMPULSEO.REFUND", "salaire", 2025, -1).kind).toBe("invalid");
    expect(errorOf("IMPULSEO.REFUND", "salaire", 2025, 1000, 13).kind).toBe("invalid");
    expect(errorOf("IMPULSEO.REFUND", "salaire", 2025, 1000, 12, 0).kind).toBe("invalid");
    expect(errorOf("IMPULSEO.REFUND", "salaire", 2025, 1000, 6.5).kind).toBe("invalid");
    expect(errorOf("IMPULSEO.REFUND", "vacances", 2025, 1000).kind).toBe("invalid");
  });
  test("property: the refund never exceeds 50 % of costs nor the prorated cap per GP", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("telesecretariat", "salaire"),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 20 }),
        (kind, costsCents, months, gps) => {
          const v = run("IMPULSEO.REFUND", kind, 2025, costsCents / 100, months, gps) as number;
          const cap = kind === "telesecretariat" ? 4700 : 7900;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(Math.round(costsCents / 2) / 100 + 1e-9);
          expect(v).toBeLessThanOrEqual((cap * gps * months) / 12 + 0.005);
        },
      ),
    );
  });
});

describe("catalog: never an uncaught throw, only RuleError", () => {
  const anyCell: fc.Arbitrary<Cell> = fc.oneof(
    fc.constant(null), fc.boolean(), fc.double(), fc.integer({ min: -1e6, max: 3e6 }), fc.string(),
    fc.constantFrom("acte", "forfait", "formation", "telesecretariat", "salaire", "ticket", "101076", "#N/A", ""),
    fc.array(fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }), { maxLength: 3 }),
  );
  test.each(["STAGE.TARIFF", "HONORAIRE", "PRIME.INTEGREE", "IMPULSEO.REFUND", "INAMI.VALID", "INAMI.COMPETENCE"])(
    "MG.%s with random Excel-like arguments returns a finite value or a RuleError",
    (id) => {
      fc.assert(
        fc.property(fc.array(anyCell, { maxLength: 6 }), (args) => {
          try {
            const v = evaluate(id, args, ctx).value;
            if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(RuleError);
            expect((e as RuleError).message.length).toBeGreaterThan(5);
          }
        }),
        { numRuns: 500 },
      );
    },
  );
});
