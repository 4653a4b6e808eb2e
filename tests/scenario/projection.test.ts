/**
 * The accountant's projection of the example scenario, checked by hand year
 * by year in both views (fiscal year and cash year), and properties over
 * random scenarios. Figures: 2025 fees of the GBO guide (tarifs au
 * 30/08/2025), 2026 fees of the 2026-2027 agreement (Domus Medica, GBO), the
 * 2025 social-contribution and tax scales, Etterbeek's communal surcharge.
 */
import fc from "fast-check";
import { simulate } from "../../src/scenario/simulate";
import { TIMED_PRIMES } from "../../src/scenario/primes";
import { exampleInput, exampleScenario, scenario, variant } from "./helpers";

const euros = (c: number) => Math.round(c) / 100;

describe("the example scenario, by hand (installed 01/10/2025, agréé 01/12/2025, accredited from 01/01/2026)", () => {
  const sim = simulate(exampleScenario());
  const [y2025, y2026, y2027, y2028] = sim.years;

  test("2025, fiscal year: fees 19 029,88 €, no prime received yet, taxable 9 272,00 €, no income tax", () => {
    // 461 consultations × 19,88 + 62 visits × 35,46 (75 % before the agrément) + 234 × 26,50 + 31 × 47,28 (December, not yet accredited)
    expect(euros(y2025.revenues.feesBefore)).toBe(11363.2);
    expect(euros(y2025.revenues.feesAfter)).toBe(7666.68);
    expect(euros(y2025.revenues.total)).toBe(19029.88);
    // The PPI, the DMG débutant and Impulseo of 2025 are received in 2026.
    expect(euros(y2025.receivedTotal)).toBe(0);
    // Costs: telesecretariat 3 months 1 500 + rent 9 600 × 92/365 = 2 419,73 + other 8 000 × 92/365 = 2 016,44 + cercle 550 + depreciation 12 000 / 5 = 2 400
    expect(euros(y2025.costs.total)).toBe(8886.17);
    // Starter, one quarter (Q4) of provisional contributions on the minimum income: 871,71 €.
    expect(euros(y2025.social.paid)).toBe(871.71);
    // 19 029,88 − 8 886,17 − 871,71 = 9 272,00, below the 10 910 € tax-free amount: no tax.
    expect(euros(y2025.tax.taxable)).toBe(9272);
    expect(euros(y2025.tax.total)).toBe(0);
  });

  test("2025, cash: the 12 000 € equipment is paid in full: net cash −328,00 € (not +13 832 €)", () => {
    // 19 029,88 − (1 500 + 2 419,73 + 2 016,44 + 550) − 12 000 − 871,71 = −328,00
    expect(euros(y2025.cash.net)).toBe(-328);
    expect(euros(y2025.cash.cumulative)).toBe(-328);
  });

  test("2025, definitive social contributions: 37 088 € annualized (9 272 × 4) → 1 900,76 € for Q4; regularisation 1 029,05 € paid in 2027", () => {
    expect(euros(y2025.social.definitiveBase)).toBe(37088);
    expect(euros(y2025.social.definitive)).toBe(1900.76);
    expect(euros(y2025.social.regularisation)).toBe(1029.05);
    expect(euros(y2027.social.regularisationPaid)).toBe(1029.05);
  });

  test("2026: the PPI 2025 (1 000 €), the DMG débutant (4 256 €) and Impulseo III 2025 (250 €) are received and taxed in 2026, with the 2026 accreditation fee (757,23 €)", () => {
    expect(euros(y2026.received.ppi)).toBe(1000);
    expect(euros(y2026.received.dmg)).toBe(4256);
    expect(euros(y2026.received.impulseo)).toBe(250);
    expect(euros(y2026.received.accreditation)).toBe(757.23);
    expect(euros(y2026.receivedTotal)).toBe(6263.23);
  });

  test("2026, fiscal year: fees 146 468,60 € (3 680 × 33,73 + 460 × 48,57), taxable 122 444,99 €, IPP 55 178,92 €", () => {
    expect(euros(y2026.revenues.total)).toBe(146468.6);
    // Provisional starter contributions: 4 × 871,71 = 3 486,84 (deductible in 2026).
    expect(euros(y2026.social.paid)).toBe(3486.84);
    // 146 468,60 + 6 263,23 − 26 550 − 3 486,84 = 122 694,99 net; minus Impulseo (separate rate) 250 = 122 444,99
    expect(euros(y2026.tax.netProfessional)).toBe(122694.99);
    expect(euros(y2026.tax.taxable)).toBe(122444.99);
    // 16 320 × 25 % + 12 480 × 40 % + 21 040 × 45 % + 72 604,99 × 50 % = 54 842,50; − 10 910 × 25 % = 52 115,00;
    // + 5,8 % Etterbeek = 3 022,67; + 250 × 16,5 % = 41,25 → 55 178,92
    expect(euros(y2026.tax.onIncome)).toBe(54842.5);
    expect(euros(y2026.tax.federal)).toBe(52115);
    expect(euros(y2026.tax.communal)).toBe(3022.67);
    expect(euros(y2026.tax.total)).toBe(55178.92);
  });

  test("2026: the statut social (6 243,59 €, VAS) is paid to the insurer: neither taxable income nor cash", () => {
    expect(euros(y2026.primes.statutSocial.amount)).toBe(6243.59);
    expect(y2026.receivedTotal).toBe(y2026.received.ppi + y2026.received.dmg + y2026.received.impulseo + y2026.received.accreditation + y2026.received.installation + y2026.received.continuite + y2026.received.gestion);
  });

  test("2026, definitive contributions 19 983,12 € on 122 694,99 €: regularisation 16 496,28 € paid in 2028 (the starter's trap)", () => {
    expect(euros(y2026.social.definitive)).toBe(19983.12);
    expect(euros(y2026.social.regularisation)).toBe(16496.28);
    expect(euros(y2028.social.regularisationPaid)).toBe(16496.28);
    // 2028 is still a starting year: provisional 3 486,84 + regularisation 16 496,28
    expect(euros(y2028.social.paid)).toBe(19983.12);
  });

  test("2026, cash: 152 731,83 € received − 24 150 € costs − 3 486,84 € contributions; the 2026 tax is paid in 2027", () => {
    expect(euros(y2026.cash.inflows)).toBe(152731.83);
    expect(euros(y2026.taxPaid)).toBe(0);
    expect(euros(y2026.cash.net)).toBe(125094.99);
    expect(euros(y2027.taxPaid)).toBe(55178.92);
  });

  test("after the horizon: the regularisation of 2027 and the tax of 2029 are still due", () => {
    expect(euros(sim.afterHorizon.socialRegularisation)).toBe(16496.28);
    expect(euros(sim.afterHorizon.tax)).toBe(euros(sim.years[4].tax.total));
  });
});

describe("an unusual client: agréé in 2022, simulated from 2025, in a regroupement of 3 with an employee", () => {
  const s = variant({
    dates: { endOfTraining: "2022-06-30", agrement: "2022-09-01", inamiNumber: "2022-09-15", installation: "2022-10-01" },
    firstYear: 2025,
    accreditation: { accredited: true, from: "2022-10-01" },
    practice: { type: "regroupement", gps: 3 },
    staff: { telesecretariat: { months: 0, yearlyCost: 0 }, employee: { months: 12, yearlyCost: 36000, hoursPerWeek: 20, contractStart: "2024-09-01" } },
  });
  const sim = simulate(s);

  test("it simulates: no figure is missing from 2025", () => {
    expect(sim.years.every((y) => y.unknown.length === 0)).toBe(true);
  });

  test("2025 is the last starting year (year 4 after a start in 2022): provisional on the minimum; 2026 no longer", () => {
    expect(sim.years[0].social.starterYear).toBe(4);
    expect(sim.years[1].social.starter).toBe(false);
  });

  test("gestion de cabinet is paid once per cabinet: this GP gets 1/3, and not together with Impulseo II for the same employee", () => {
    const p = sim.years[1].primes;
    // Impulseo II: 36 000 × 50 % = 18 000 ≤ 7 900 × 3 → practice 18 000, GP 6 000; INAMI option: gestion 3 796/3 = 1 265,33.
    expect(p.choice.support).toBe(false);
    expect(euros(p.accrued.impulseo)).toBe(6000);
    expect(p.accrued.gestion).toBe(0);
  });
});

describe("properties over random scenarios", () => {
  const arb = fc.record({
    cons: fc.integer({ min: 0, max: 150 }),
    visits: fc.integer({ min: 0, max: 30 }),
    tele: fc.integer({ min: 0, max: 12 }),
    teleCost: fc.integer({ min: 0, max: 12000 }),
    rent: fc.integer({ min: 0, max: 30000 }),
    type: fc.constantFrom("solo", "regroupement", "maison-medicale-acte"),
    gps: fc.integer({ min: 2, max: 4 }),
    advance: fc.integer({ min: 0, max: 100 }),
    criteria: fc.integer({ min: 0, max: 7 }),
  });
  type Draw = typeof arb extends fc.Arbitrary<infer T> ? T : never;
  const build = (x: Draw, conventionnement: string) =>
    scenario({
      ...exampleInput,
      horizon: 10,
      conventionnement,
      practice: { type: x.type, gps: x.type === "solo" ? 1 : x.gps },
      activity: [{ consultationsPerWeek: x.cons, visitsPerWeek: x.visits, weeksWorked: 46, dmgCount: 500, eServicesCriteria: x.criteria, acceptedSoftware: true }],
      staff: { telesecretariat: { months: x.tele, yearlyCost: x.teleCost }, employee: { months: 0, yearlyCost: 0 } },
      costs: { rent: x.rent, other: 5000, cercle: "famgb" },
      tax: { advancePaymentsPercent: x.advance },
    });

  test("the statut social changes neither taxable income nor cash (conventionné vs partiellement conventionné)", () => {
    fc.assert(
      fc.property(arb, (x) => {
        const a = simulate(build(x, "total"));
        const b = simulate(build(x, "partiel"));
        expect(a.totals.statutSocial).not.toBe(b.totals.statutSocial);
        a.years.forEach((y, i) => {
          expect(y.tax.taxable).toBe(b.years[i].tax.taxable);
          expect(y.cash.net).toBe(b.years[i].cash.net);
        });
      }),
      { numRuns: 20, seed: 20261201 },
    );
  });

  test("over ten years, each prime's receipts within the horizon plus what is received after it equal its accrued amounts", () => {
    fc.assert(
      fc.property(arb, (x) => {
        const sim = simulate(build(x, "total"));
        for (const p of TIMED_PRIMES) {
          const accrued = sim.years.reduce((t, y) => t + y.primes.accrued[p], 0);
          const received = sim.years.reduce((t, y) => t + y.received[p], 0);
          expect(received + sim.afterHorizon.primes[p]).toBe(accrued);
        }
      }),
      { numRuns: 20, seed: 20261202 },
    );
  });

  test("cumulative cash is the sum of the yearly net cash; tax paid + tax due after the horizon = tax of the years", () => {
    fc.assert(
      fc.property(arb, (x) => {
        const sim = simulate(build(x, "total"));
        let run = 0;
        for (const y of sim.years) {
          run += y.cash.net;
          expect(y.cash.cumulative).toBe(run);
        }
        expect(sim.totals.taxPaid + sim.afterHorizon.tax).toBe(sim.totals.tax);
      }),
      { numRuns: 20, seed: 20261203 },
    );
  });
});
