/**
 * R14 — self-employed social contributions (main activity). Figures: Eloya
 * (2025), Office SFA (2025), UCM FAQ (2025), Xerius (2025), UCM Magazine
 * (2024), NN (2024), Degand & Partners (2024), 1819.brussels (fees); see
 * src/params/cotisations-sociales.json (seen 23/11/2026).
 */
import fc from "fast-check";
import { socialContributions } from "../../src/rules/social-contributions";
import { eurosToCents } from "../../src/money";
import { refusal as errorOf } from "../helpers/refusal";

const E = eurosToCents;
const fee = (basisPoints: number) => ({ num: basisPoints, den: 10000 });


describe("R14 minimum contribution (main activity)", () => {
  test("2025 : revenu minimum 17 008,88 € × 20,50 % / 4 = 871,7051 → 871,71 € par trimestre (Eloya : 871,71 €)", () => {
    const r = socialContributions({ income: E(10000), year: 2025 }).value;
    expect(r.minimumApplied).toBe(true);
    expect(r.due.quarterly).toBe(87171);
    expect(r.due.yearly).toBe(4 * 87171);
  });
  test("2025 avec frais de gestion : 907,01 € à 4,05 % (UCM) et 898,30 € à 3,05 % (Xerius)", () => {
    // 871,71 × 4,05 % = 35,304 → 35,30 ; 871,71 + 35,30 = 907,01
    expect(socialContributions({ income: E(10000), year: 2025, fundFeeRate: fee(405) }).value.due.quarterly).toBe(90701);
    // 871,71 × 3,05 % = 26,587 → 26,59 ; 871,71 + 26,59 = 898,30
    expect(socialContributions({ income: E(10000), year: 2025, fundFeeRate: fee(305) }).value.due.quarterly).toBe(89830);
  });
  test("2024 : 16 861,46 € × 20,50 % / 4 = 864,1498 → 864,15 € ; avec 4,05 % : 899,15 € (UCM Magazine 2024, frais inclus)", () => {
    const bare = socialContributions({ income: 0, year: 2024 }).value;
    expect(bare.due.quarterly).toBe(86415);
    // 864,15 × 4,05 % = 34,998 → 35,00 ; 864,15 + 35,00 = 899,15
    expect(socialContributions({ income: 0, year: 2024, fundFeeRate: fee(405) }).value.due.quarterly).toBe(89915);
  });
  test("± 0,01 € around the minimum income: 17 008,87 € → minimum ; 17 008,89 € → computed (871,7056 → 871,71)", () => {
    const below = socialContributions({ income: E(17008.87), year: 2025 }).value;
    const above = socialContributions({ income: E(17008.89), year: 2025 }).value;
    expect(below.minimumApplied).toBe(true);
    expect(above.minimumApplied).toBe(false);
    expect(below.due.quarterly).toBe(87171);
    expect(above.due.quarterly).toBe(87171);
    // 17 100 € × 20,5 % / 4 = 876,375 → 876,38 (above the minimum)
    expect(socialContributions({ income: E(17100), year: 2025 }).value.due.quarterly).toBe(87638);
  });
  test("a loss counts as 0 income: the minimum applies", () => {
    expect(socialContributions({ income: -E(5000), year: 2025 }).value.due.quarterly).toBe(87171);
  });
});

describe("R14 bands 20,50 % / 14,16 % and the maximum", () => {
  test("2025, ± 0,01 € around 73 447,52 €: the part above is at 14,16 %", () => {
    // At the limit: 73 447,52 × 20,5 % = 15 056,7416 ; / 4 = 3 764,1854 → 3 764,19
    const at = socialContributions({ income: E(73447.52), year: 2025 }).value;
    expect(at.definitive.quarterly).toBe(376419);
    // 1 000 € above: + 1 000 × 14,16 % / 4 = + 35,40 (exactly, at 14,16 % and not at 20,5 %)
    const plus = socialContributions({ income: E(74447.52), year: 2025 }).value;
    // (15 056,7416 + 141,60) / 4 = 3 799,5854 → 3 799,59
    expect(plus.definitive.quarterly).toBe(379959);
    // 0,01 € below vs above the limit differ by less than one cent per quarter.
    const b = socialContributions({ income: E(73447.51), year: 2025 }).value.definitive.quarterly;
    const a = socialContributions({ income: E(73447.53), year: 2025 }).value.definitive.quarterly;
    expect(a - b).toBeLessThanOrEqual(1);
  });
  test("2025 maximum: 4 995,78 € per quarter from 108 238,40 € ; with 3,95 % fees 5 193,11 € and 20 772,44 € a year (Office SFA)", () => {
    // (73 447,52 × 20,5 % = 15 056,7416) + (34 790,88 × 14,16 % = 4 926,3886) = 19 983,1302 ; / 4 = 4 995,78
    const atCeiling = socialContributions({ income: E(108238.4), year: 2025 }).value;
    const wayAbove = socialContributions({ income: E(500000), year: 2025 }).value;
    expect(atCeiling.definitive.quarterly).toBe(499578);
    expect(wayAbove.definitive.quarterly).toBe(499578);
    // 4 995,78 × 3,95 % = 197,333 → 197,33 ; 4 995,78 + 197,33 = 5 193,11
    const withFee = socialContributions({ income: E(500000), year: 2025, fundFeeRate: fee(395) }).value;
    expect(withFee.due.quarterly).toBe(519311);
    expect(withFee.due.yearly).toBe(2077244);
  });
  test("2024 maximum with UCM's 4,05 %: 5 153,06 € per quarter (UCM Magazine 2024)", () => {
    // (72 810,95 × 20,5 % + 34 489,35 × 14,16 %) / 4 = 4 952,4842 → 4 952,48 ; × 4,05 % = 200,575 → 200,58 ; = 5 153,06
    const r = socialContributions({ income: E(150000), year: 2024, fundFeeRate: fee(405) }).value;
    expect(r.definitive.quarterly).toBe(495248);
    expect(r.due.quarterly).toBe(515306);
  });
  test("2026: amounts not sourced here → #N/A naming the 2025 value", () => {
    const e = errorOf(() => socialContributions({ income: E(50000), year: 2026 }));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/2026/);
    expect(e.message).toMatch(/dernière année connue : 2025/);
    expect(e.message).toMatch(/73 447,52 €/);
  });
  test("2023: before the first encoded year → #N/A naming 2024", () => {
    const e = errorOf(() => socialContributions({ income: E(50000), year: 2023 }));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/première année connue : 2024/);
  });
  test("a fund fee outside the known 3,05 %–4,25 % range is #VALUE!; 0 means no fee", () => {
    expect(errorOf(() => socialContributions({ income: E(50000), year: 2025, fundFeeRate: fee(500) })).kind).toBe("invalid");
    expect(errorOf(() => socialContributions({ income: E(50000), year: 2025, fundFeeRate: fee(200) })).kind).toBe("invalid");
    expect(socialContributions({ income: E(50000), year: 2025, fundFeeRate: fee(0) }).value.fee.yearly).toBe(0);
    expect(socialContributions({ income: E(50000), year: 2025, fundFeeRate: fee(425) }).value.fee.quarterly).toBeGreaterThan(0);
  });
});

describe("R14 a starter's first three years: provisional minimum, then regularisation (UCM FAQ, CLEISS, Easypay)", () => {
  test("year 1 (2024), real income 30 000 €: pays 864,15 € per quarter; definitive 6 150,00 €; supplement 2 693,40 € later", () => {
    // provisional: 16 861,46 × 20,5 % / 4 = 864,15 → 3 456,60 a year
    // definitive: 30 000 × 20,5 % = 6 150,00 → 1 537,50 per quarter
    // regularisation: 6 150,00 − 3 456,60 = 2 693,40
    const r = socialContributions({ income: E(30000), year: 2024, starter: 1 });
    expect(r.value.starter).toBe(true);
    expect(r.value.due.quarterly).toBe(86415);
    expect(r.value.due.yearly).toBe(345660);
    expect(r.value.definitive.yearly).toBe(615000);
    expect(r.value.regularisation).toBe(269340);
    expect(r.steps.join("\n")).toMatch(/Régularisation/);
  });
  test("year 2 (2025), real income 50 000 €, fees 3,05 %: pays 898,30 € per quarter; regularisation 6 969,44 €", () => {
    // provisional: 871,71 + 26,59 (3,05 %) = 898,30 per quarter → 3 593,20 a year
    // definitive: 50 000 × 20,5 % / 4 = 2 562,50 ; fee 3,05 % = 78,156 → 78,16 ; 2 640,66 per quarter → 10 562,64 a year
    // regularisation: 10 562,64 − 3 593,20 = 6 969,44
    const r = socialContributions({ income: E(50000), year: 2025, starter: 2, fundFeeRate: fee(305) }).value;
    expect(r.due.quarterly).toBe(89830);
    expect(r.due.yearly).toBe(359320);
    expect(r.definitiveDue.quarterly).toBe(264066);
    expect(r.definitiveDue.yearly).toBe(1056264);
    expect(r.regularisation).toBe(696944);
  });
  test("year 3 (2026): the 2026 amounts are not sourced → #N/A naming the last known year", () => {
    const e = errorOf(() => socialContributions({ income: E(60000), year: 2026, starter: 3 }));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/dernière année connue : 2025/);
  });
  test("year 3 of a starter who began in 2023, income at the minimum: no regularisation", () => {
    const r = socialContributions({ income: E(12000), year: 2025, starter: 3 }).value;
    expect(r.due.quarterly).toBe(87171);
    expect(r.regularisation).toBe(0);
  });
  test("a starter whose real income stays below the minimum still owes the minimum (regularisation 0)", () => {
    expect(socialContributions({ income: 0, year: 2024, starter: true }).value.regularisation).toBe(0);
  });
  test("starter year 5 is refused: the starting period is the starting year and 3 full calendar years", () => {
    const e = errorOf(() => socialContributions({ income: E(50000), year: 2025, starter: 5 }));
    expect(e.kind).toBe("invalid");
    expect(e.message).toMatch(/1 à 4/);
  });
  test("an established self-employed person pays the definitive contribution on the year's income", () => {
    const r = socialContributions({ income: E(50000), year: 2025 }).value;
    expect(r.due.quarterly).toBe(256250);
    expect(r.regularisation).toBe(0);
  });
});

describe("R14 contribution properties", () => {
  test("the quarterly contribution lies between the minimum and the maximum and never decreases with income", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 50_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), fc.constantFrom(2024, 2025), (i, d, year) => {
        const a = socialContributions({ income: i, year }).value.definitive.quarterly;
        const b = socialContributions({ income: i + d, year }).value.definitive.quarterly;
        const min = socialContributions({ income: 0, year }).value.definitive.quarterly;
        const max = socialContributions({ income: 1e9, year }).value.definitive.quarterly;
        expect(a).toBeGreaterThanOrEqual(min);
        expect(a).toBeLessThanOrEqual(max);
        expect(b).toBeGreaterThanOrEqual(a);
      }),
    );
  });
});
