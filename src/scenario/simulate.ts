/**
 * The simulation of a scenario: the accountant's projection, year by year,
 * in two views — the fiscal year (what is taxable in income year N, on what
 * was received and paid in N) and the cash year (what is received and paid
 * in calendar N). Each concern computes its own part (revenues.ts,
 * costs.ts, primes.ts, social-contributions.ts, income-tax.ts, cash.ts);
 * this module runs them in order, year after year, since the social
 * contributions, the tax and the cash of a year depend on earlier years.
 *
 * Every value is integer cents (NaN: a legal figure not published for that
 * year, #N/A in the workbook), the value each formula cell of the workbook
 * must show (CellPlan.result); tests check both agree to the cent.
 */
import { Model, receivedAfterHorizon, receivedIn, sum, type Money } from "./model";
import { computeRevenues, type RevenueYear } from "./revenues";
import { computeCosts, type CostYear } from "./costs";
import { computePrimes, TIMED_PRIMES, type PrimeYear, type TimedPrime } from "./primes";
import { computeSocialDefinitive, computeSocialPaid, type SocialYear } from "./social-contributions";
import { computeTax, taxAfterHorizon, taxBalancePaidIn, type TaxYear } from "./income-tax";
import { computeCash, type CashYear } from "./cash";
import type { Scenario } from "./schema";

export interface SimYear {
  year: number;
  index: number;
  /** Extrapolated legal figures used this year: "id (réf. année)". */
  extrapolated: string[];
  /** Legal figures not published for this year (their amounts are #N/A), with the reason. */
  unknown: { param: string; reason: string }[];
  revenues: RevenueYear;
  costs: CostYear;
  primes: PrimeYear;
  /** Each timed prime received in this calendar year (accrued earlier or this year). */
  received: Record<TimedPrime, Money>;
  /** Primes received taxed at the progressive scale (Impulseo apart). */
  receivedTaxed: Money;
  receivedTotal: Money;
  social: SocialYear;
  tax: TaxYear;
  /** Balances of income tax paid with their assessment during this calendar year. */
  taxBalancePaid: Money;
  /** Income tax paid during this calendar year (advance payments + balances). */
  taxPaid: Money;
  cash: CashYear;
}

export interface Simulation {
  scenario: Scenario;
  model: Model;
  years: SimYear[];
  /** Accrued within the horizon, paid or received after it. */
  afterHorizon: { primes: Record<TimedPrime, Money>; socialRegularisation: Money; tax: Money };
  totals: {
    fees: Money;
    primesReceived: Money;
    costs: Money;
    socialPaid: Money;
    taxable: Money;
    tax: Money;
    taxPaid: Money;
    netCash: Money;
    statutSocial: Money;
  };
}

export function simulate(s: Scenario): Simulation {
  const m = new Model(s);
  const n = m.years.length;
  const revenues: RevenueYear[] = [];
  const costs: CostYear[] = [];
  const primes: PrimeYear[] = [];
  for (let i = 0; i < n; i++) {
    revenues.push(computeRevenues(m, i));
    costs.push(computeCosts(m, i, revenues[i].activeDays, revenues[i].daysInYear));
    primes.push(computePrimes(m, i, revenues[i], costs[i]));
  }
  const received = m.years.map((_, i) => {
    const r = {} as Record<TimedPrime, Money>;
    for (const p of TIMED_PRIMES) r[p] = receivedIn(i, primes.map((y) => y.accrued[p]), primes.map((y) => y.offsets[p]));
    return r;
  });
  const social: SocialYear[] = [];
  const tax: TaxYear[] = [];
  const years: SimYear[] = [];
  let cumulative = 0;
  for (let i = 0; i < n; i++) {
    const r = received[i];
    const receivedTaxed = TIMED_PRIMES.filter((p) => p !== "impulseo").reduce((t, p) => t + r[p], 0);
    const receiptsTaxed = revenues[i].total + receivedTaxed;
    const paid = computeSocialPaid(m, i, social, (regPaid) => receiptsTaxed + r.impulseo - costs[i].total - regPaid);
    const t = computeTax(m, i, { receiptsTaxed, separateIncome: r.impulseo, deductibleCosts: costs[i].total, socialPaid: paid.paid });
    social.push(computeSocialDefinitive(m, i, paid, t.netProfessional));
    tax.push(t);
    const taxBalancePaid = taxBalancePaidIn(i, tax);
    const taxPaid = t.advance + taxBalancePaid;
    const cash = computeCash(
      { fees: revenues[i].actFees, forfait: revenues[i].forfaitIncome, primes: receivedTaxed + r.impulseo, costs: costs[i].paid, investments: costs[i].investments, social: paid.paid, tax: taxPaid },
      cumulative,
    );
    cumulative = cash.cumulative;
    const notes = m.notes[i];
    years.push({
      year: m.years[i],
      index: i,
      extrapolated: [...notes.extrapolated].sort(),
      unknown: [...notes.unknown].map(([param, reason]) => ({ param, reason })),
      revenues: revenues[i],
      costs: costs[i],
      primes: primes[i],
      received: r,
      receivedTaxed,
      receivedTotal: receivedTaxed + r.impulseo,
      social: social[i],
      tax: t,
      taxBalancePaid,
      taxPaid,
      cash,
    });
  }
  const afterPrimes = {} as Record<TimedPrime, Money>;
  for (const p of TIMED_PRIMES) afterPrimes[p] = receivedAfterHorizon(primes.map((y) => y.accrued[p]), primes.map((y) => y.offsets[p]));
  const delay = m.v(n - 1, "cotisations.regularisation.delai");
  const total = (f: (y: SimYear) => Money) => sum(years.map(f));
  return {
    scenario: s,
    model: m,
    years,
    afterHorizon: {
      primes: afterPrimes,
      socialRegularisation: sum(social.filter((_, j) => j + m.v(j, "cotisations.regularisation.delai") >= n).map((y) => y.regularisation)) + (Number.isNaN(delay) ? NaN : 0),
      tax: taxAfterHorizon(tax),
    },
    totals: {
      fees: total((y) => y.revenues.total),
      primesReceived: total((y) => y.receivedTotal),
      costs: total((y) => y.costs.total),
      socialPaid: total((y) => y.social.paid),
      taxable: total((y) => y.tax.taxable),
      tax: total((y) => y.tax.total),
      taxPaid: total((y) => y.taxPaid),
      netCash: total((y) => y.cash.net),
      statutSocial: total((y) => y.primes.statutSocial.amount),
    },
  };
}
