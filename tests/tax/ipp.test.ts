/**
 * R14 — personal income tax (IPP). Figures: SPF Finances « Taux d'imposition »,
 * Bona Accountants « Tarieven personenbelasting », Fiscus on web « Tarieven »
 * and « Overzicht tarieven » (see src/params/ipp.json, seen 23/11/2026).
 */
import fc from "fast-check";
import { incomeTax, applyScale, taxScale, taxableBase } from "../../src/rules/ipp";
import { eurosToCents } from "../../src/money";
import { refusal as errorOf } from "../helpers/refusal";

const E = eurosToCents;
const pct = (n: number) => ({ num: n, den: 100 });


describe("R14 IPP brackets (SPF Finances, Bona, Fiscus on web)", () => {
  // Cumulated tax at each bracket limit, as published ("op de volle schijven").
  test.each([
    [2024, 15820, 3955],
    [2024, 27920, 8795],
    [2024, 48320, 17975],
    [2025, 16320, 4080],
    [2025, 28800, 9072],
    [2025, 49840, 18540],
  ])("revenus %i : impôt cumulé à %i € = %i € (publié)", (year, limit, cumul) => {
    const r = applyScale(E(limit), taxScale(year).slabs);
    expect(r?.tax).toBe(E(cumul));
  });

  // ± 0,01 € around each limit: the marginal rate switches exactly after the limit.
  test.each([
    [2024, 15820, 25, 40],
    [2024, 27920, 40, 45],
    [2024, 48320, 45, 50],
    [2025, 16320, 25, 40],
    [2025, 28800, 40, 45],
    [2025, 49840, 45, 50],
  ])("revenus %i : à %i,00 € le taux marginal est %i %, à + 0,01 € il passe à %i %", (year, limit, below, above) => {
    const slabs = taxScale(year).slabs;
    const at = applyScale(E(limit), slabs)!;
    const after = applyScale(E(limit) + 1, slabs)!;
    const before = applyScale(E(limit) - 1, slabs)!;
    expect(at.marginalRate.num * 100 / at.marginalRate.den).toBe(below);
    expect(before.marginalRate.num * 100 / before.marginalRate.den).toBe(below);
    expect(after.marginalRate.num * 100 / after.marginalRate.den).toBe(above);
    // 100 € above the limit costs exactly 100 € × the upper rate (no rounding at whole euros).
    expect(applyScale(E(limit) + 10000, slabs)!.tax - at.tax).toBe(100 * above);
  });

  test("revenus 2024 : 15 819,99 € → 3 954,9975 € arrondi une fois à 3 955,00 € ; 15 820,01 € → 3 955,004 € → 3 955,00 €", () => {
    const slabs = taxScale(2024).slabs;
    expect(applyScale(E(15819.99), slabs)!.tax).toBe(395500);
    expect(applyScale(E(15820.01), slabs)!.tax).toBe(395500);
  });

  test("revenus 2026 : barème non publié → #N/A qui nomme le dernier barème connu (revenus 2025)", () => {
    const e = errorOf(() => incomeTax({ taxableIncome: E(40000), incomeYear: 2026 }));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/revenus 2026/);
    expect(e.message).toMatch(/dernier barème connu : revenus 2025/);
    expect(e.message).toMatch(/16 320,00 €/);
  });

  test("revenus 2023 : avant le premier barème encodé → #N/A qui nomme le premier (revenus 2024)", () => {
    const e = errorOf(() => incomeTax({ taxableIncome: E(40000), incomeYear: 2023 }));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/premier barème connu : revenus 2024/);
  });
});

describe("R14 IPP worked examples (checked by hand)", () => {
  test("revenus 2024, 40 000 € imposables, isolé sans enfant, taxe communale 7 % → 12 399,70 €", () => {
    // Hand check:
    //   25 % × 15 820              = 3 955,00
    //   40 % × (27 920 − 15 820)   = 40 % × 12 100 = 4 840,00
    //   45 % × (40 000 − 27 920)   = 45 % × 12 080 = 5 436,00
    //   impôt sur le revenu        = 14 231,00
    //   quotité exemptée 10 570 € à 25 %            = 2 642,50
    //   impôt de base 14 231,00 − 2 642,50          = 11 588,50
    //   taxe communale 7 % × 11 588,50 = 811,195    → 811,20 (arrondi à l'écart de zéro)
    //   total 11 588,50 + 811,20                    = 12 399,70
    const r = incomeTax({ taxableIncome: E(40000), incomeYear: 2024, communalRate: pct(7) }).value;
    expect(r.taxOnIncome).toBe(E(14231));
    expect(r.taxFreeAmount).toBe(E(10570));
    expect(r.taxFreeReduction).toBe(E(2642.5));
    expect(r.federal).toBe(E(11588.5));
    expect(r.communal).toBe(E(811.2));
    expect(r.total).toBe(E(12399.7));
  });

  test("revenus 2025, 40 000 € imposables, isolé sans enfant, taxe communale 6 % → 12 067,57 €", () => {
    // Hand check:
    //   25 % × 16 320 = 4 080,00 ; 40 % × 12 480 = 4 992,00 ; 45 % × (40 000 − 28 800 = 11 200) = 5 040,00
    //   impôt sur le revenu = 14 112,00
    //   quotité exemptée 10 910 € ≤ 11 460 € (1re tranche du barème de réduction 2025) à 25 % = 2 727,50
    //   impôt de base 14 112,00 − 2 727,50 = 11 384,50
    //   taxe communale 6 % × 11 384,50 = 683,07
    //   total = 12 067,57
    const r = incomeTax({ taxableIncome: E(40000), incomeYear: 2025, communalRate: pct(6) }).value;
    expect(r.taxOnIncome).toBe(E(14112));
    expect(r.taxFreeReduction).toBe(E(2727.5));
    expect(r.federal).toBe(E(11384.5));
    expect(r.communal).toBe(E(683.07));
    expect(r.total).toBe(E(12067.57));
  });

  test("revenus 2025, 60 000 €, 2 enfants à charge, taxe communale 6 %, 4 700 € d'Impulseo au taux distinct → 21 325,72 €", () => {
    // Hand check:
    //   impôt sur le revenu : 18 540,00 (cumul à 49 840) + 50 % × 10 160 = 5 080,00 → 23 620,00
    //   quotité : 10 910 + 5 110 (2 enfants, Bona) = 16 020
    //   réduction (barème 2025, Fiscus on web) : 25 % × 11 460 = 2 865,00 + 30 % × 4 560 = 1 368,00 → 4 233,00
    //   impôt de base : 23 620,00 − 4 233,00 = 19 387,00
    //   taxe communale 6 % : 1 163,22
    //   Impulseo au taux distinct 16,5 % (seed 001) : 16,5 % × 4 700 = 775,50
    //   total : 19 387,00 + 1 163,22 + 775,50 = 21 325,72
    const r = incomeTax({ taxableIncome: E(60000), incomeYear: 2025, dependants: 2, communalRate: pct(6), separateIncome: E(4700) }).value;
    expect(r.taxOnIncome).toBe(E(23620));
    expect(r.taxFreeAmount).toBe(E(16020));
    expect(r.taxFreeReduction).toBe(E(4233));
    expect(r.federal).toBe(E(19387));
    expect(r.communal).toBe(E(1163.22));
    expect(r.separate).toBe(E(775.5));
    expect(r.total).toBe(E(21325.72));
  });

  test("revenus 2025, 6 enfants : 18 510 € pour 4 enfants + 2 × 7 070 € = 32 650 € de supplément (Bona)", () => {
    const r = incomeTax({ taxableIncome: E(100000), incomeYear: 2025, dependants: 6 }).value;
    expect(r.taxFreeAmount).toBe(E(10910 + 18510 + 2 * 7070));
  });

  test("revenu sous la quotité exemptée (2025, 9 000 €) : impôt 0 €, jamais négatif", () => {
    // 25 % × 9 000 = 2 250,00 < réduction 2 727,50 → 0
    const r = incomeTax({ taxableIncome: E(9000), incomeYear: 2025 }).value;
    expect(r.taxOnIncome).toBe(E(2250));
    expect(r.federal).toBe(0);
    expect(r.total).toBe(0);
  });

  test("revenus 2024 avec enfants à charge : barème de réduction au-delà de 10 570 € non trouvé → #N/A avec la raison", () => {
    const e = errorOf(() => incomeTax({ taxableIncome: E(40000), incomeYear: 2024, dependants: 1 }));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/connu seulement jusqu'à 10 570,00 €/);
  });

  test("enfants à charge et revenu sous la quotité : crédit d'impôt remboursable non encodé → #N/A", () => {
    const e = errorOf(() => incomeTax({ taxableIncome: E(10000), incomeYear: 2025, dependants: 1 }));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/crédit d'impôt remboursable/);
  });

  test("bad input is #VALUE! in French: negative income, 7 read as 700 %", () => {
    expect(errorOf(() => incomeTax({ taxableIncome: -1, incomeYear: 2025 })).kind).toBe("invalid");
    expect(errorOf(() => incomeTax({ taxableIncome: 100, incomeYear: 2025, communalRate: { num: 7, den: 1 } })).kind).toBe("invalid");
    expect(errorOf(() => incomeTax({ taxableIncome: 100, incomeYear: 2025, dependants: -1 })).kind).toBe("invalid");
  });

  test("explanation: steps in French and every figure's source", () => {
    const r = incomeTax({ taxableIncome: E(40000), incomeYear: 2024, communalRate: pct(7) });
    expect(r.steps.join("\n")).toMatch(/45 % sur la tranche de 27 920,00 € à 40 000,00 €/);
    expect(r.steps.join("\n")).toMatch(/Impôt de base : 14 231,00 € − 2 642,50 € = 11 588,50 €/);
    const urls = r.sources.map((s) => s.url ?? "");
    expect(urls).toContain("https://fin.belgium.be/fr/particuliers/declaration-impot/revenus/taux-imposition");
    expect(urls.some((u) => u.includes("fiscusonweb"))).toBe(true);
  });
});

describe("R14 taxable base: costs (R13) and social contributions deducted, Impulseo kept out", () => {
  test("90 000 € de revenus dont 4 700 € d'Impulseo, 20 000 € de frais, 12 000 € de cotisations → 53 300 € au barème", () => {
    // 90 000 − 4 700 − 20 000 − 12 000 = 53 300
    const r = taxableBase({ professionalIncome: E(90000), separatelyTaxed: E(4700), deductibleCosts: E(20000), socialContributions: E(12000) });
    expect(r.value).toBe(E(53300));
  });
  test("a loss gives a taxable base of 0", () => {
    expect(taxableBase({ professionalIncome: E(10000), deductibleCosts: E(15000) }).value).toBe(0);
  });
});

describe("R14 IPP properties", () => {
  test("tax never decreases when the income grows, never negative, total = parts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(2024, 2025), fc.integer({ min: 0, max: 10 }), (a, d, year, rate) => {
        const x = incomeTax({ taxableIncome: a, incomeYear: year, communalRate: pct(rate) }).value;
        const y = incomeTax({ taxableIncome: a + d, incomeYear: year, communalRate: pct(rate) }).value;
        expect(x.federal).toBeGreaterThanOrEqual(0);
        expect(y.federal).toBeGreaterThanOrEqual(x.federal);
        expect(x.total).toBe(x.federal + x.communal + x.separate);
      }),
    );
  });
});
