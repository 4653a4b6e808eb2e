/**
 * The computing context of one scenario: its dates, simulated years and the
 * legal figures of each year (published, extrapolated or unknown), shared by
 * every concern module (revenues, costs, primes, social contributions, income
 * tax, cash, calendar).
 *
 * Amounts are integer cents. A legal figure that is published neither for a
 * year nor before it is NOT invented: the amounts that need it are NaN here
 * and #N/A in the workbook (the Paramètres cell is =NA() with the reason),
 * and only those amounts; the reason is recorded per year (`unknowns`), so
 * the summaries can say which figure is missing.
 */
import "../params/simulation-families";
import { addMonths, firstOfNextMonth, serialFromIso, type Serial } from "../dates";
import { isRuleError } from "../errors";
import type { Rate } from "../money";
import { accreditationStartOf, yearsOf, type Scenario } from "./schema";
import { versionFor, yearValue } from "./year-params";
import { resolveQuartier, type Quartier } from "../rules/quartiers";
import { keptPenurieList, type KeptPenurieList } from "../rules/penurie";

/** Cents; NaN = unknown (#N/A in the workbook). */
export type Money = number;
/** A condition; null = unknown (#N/A in the workbook). */
export type Tri = boolean | null;

export interface ModelDates {
  endOfTraining: Serial;
  agrement: Serial;
  inamiNumber: Serial;
  installation: Serial;
  /** Accreditation request (omitted: the agrément date). */
  accreditationRequest: Serial | null;
  /** Start of the accreditation (rule of MG.ACCREDITATION.DATE, or a later known start); null if not accredited. */
  accreditationStart: Serial | null;
}

export function scenarioDates(s: Scenario): ModelDates {
  const agrement = serialFromIso(s.dates.agrement);
  let accreditationStart: Serial | null = null;
  if (s.accreditation.accredited) {
    const start = accreditationStartOf(s);
    // Without the rule's figures for an early agrément, the schema requires the known start (from).
    const from = s.accreditation.from ? serialFromIso(s.accreditation.from) : null;
    accreditationStart = typeof start === "number" ? Math.max(start, from ?? 0) : (from ?? firstOfNextMonth(agrement));
  }
  return {
    endOfTraining: serialFromIso(s.dates.endOfTraining),
    agrement,
    inamiNumber: serialFromIso(s.dates.inamiNumber),
    installation: serialFromIso(s.dates.installation),
    accreditationRequest: s.accreditation.requestDate ? serialFromIso(s.accreditation.requestDate) : null,
    accreditationStart,
  };
}

export const isNA = (x: number): boolean => Number.isNaN(x);
/** Excel's IF on a condition that may be unknown. */
export function pick<T extends number>(cond: Tri, a: () => T, b: () => T): number {
  return cond === null ? NaN : cond ? a() : b();
}
/** Excel's AND over conditions that may be unknown (FALSE wins over #N/A only when Excel would: #N/A propagates). */
export function all(...conds: Tri[]): Tri {
  return conds.some((c) => c === null) ? null : conds.every(Boolean);
}
/** A comparison of amounts that may be unknown. */
export function ge(a: number, b: number): Tri {
  return isNA(a) || isNA(b) ? null : a >= b;
}

/** The figures used by one simulated year: extrapolated ones, and unknown ones with the reason. */
export interface YearNotes {
  extrapolated: Set<string>;
  unknown: Map<string, string>;
}

export class Model {
  readonly d: ModelDates;
  readonly years: number[];
  /** Indexation hypothesis of extrapolated years (% a year). */
  readonly idx: number;
  /** GPs sharing the practice's costs and interventions. */
  readonly gps: number;
  readonly notes: YearNotes[];
  /** The quarter of the practice (Monitoring des Quartiers). */
  readonly quartier: Quartier;
  /** The official list kept by the user, if any (it decides whether the quarter is en pénurie). */
  readonly penurieList: KeptPenurieList | null;
  /** Whether the quarter is en pénurie: from the kept list, else as the scenario declares it. */
  readonly penurie: boolean;

  constructor(readonly s: Scenario) {
    this.d = scenarioDates(s);
    this.years = yearsOf(s);
    this.idx = s.extrapolation.indexPercent;
    this.gps = s.practice.gps;
    this.notes = this.years.map(() => ({ extrapolated: new Set<string>(), unknown: new Map<string, string>() }));
    this.quartier = resolveQuartier((s.quartier.code ?? s.quartier.name)!);
    this.penurieList = keptPenurieList();
    this.penurie = this.penurieList ? this.penurieList.codes.includes(this.quartier.code) : s.quartier.penurie === true;
  }

  /** Index of a calendar year in the simulation, or -1. */
  indexOf(year: number): number {
    return year - this.years[0] >= 0 && year - this.years[0] < this.years.length ? year - this.years[0] : -1;
  }

  private record(i: number, key: string): ReturnType<typeof yearValue> {
    const v = yearValue(key, this.years[i], this.idx);
    if (v.unknown) this.notes[i].unknown.set(v.paramId, v.unknown);
    else if (!v.published) this.notes[i].extrapolated.add(`${v.paramId} (${v.refYear})`);
    return v;
  }

  /** The value (cents, number, or decimal rate) of a legal figure for year i; NaN when unknown. */
  v(i: number, key: string): number {
    return this.record(i, key).value;
  }

  /** The exact rate of a legal figure for year i; null when unknown. */
  rate(i: number, key: string): Rate | null {
    const v = this.record(i, key);
    return v.unknown ? null : v.rate!;
  }

  /** The year to ask a rule for, given its main parameter (the last published year when extrapolated). */
  ruleYear(i: number, paramId: string): { year: number; n: number; known: boolean } {
    const v = versionFor(paramId, this.years[i]);
    if (v.unknown) {
      this.notes[i].unknown.set(paramId, v.unknown);
      return { year: this.years[i], n: 0, known: false };
    }
    if (!v.published) this.notes[i].extrapolated.add(`${paramId} (${v.refYear})`);
    return { year: v.refYear, n: this.years[i] - v.refYear, known: true };
  }

  /** A rule's answer for year i; NaN (recorded) when the rule has no figure for it. */
  rule(i: number, paramId: string, f: () => number): number {
    try {
      return f();
    } catch (e) {
      if (isRuleError(e) && e.kind === "unknown") {
        this.notes[i].unknown.set(paramId, e.message);
        return NaN;
      }
      throw e;
    }
  }

  /** The date `months` after the agrément (young-GP limit etc.). */
  afterAgrement(months: number): Serial {
    return addMonths(this.d.agrement, months);
  }
}

/** Amounts of one concern per year, with the total over the simulated years. */
export function sum(values: readonly number[]): number {
  return values.reduce((t, v) => t + v, 0);
}

/**
 * Cash timing: what an amount accrued in year j (its `offset` years later)
 * brings into calendar year `year`: Σ accrued[j] for year_j + offset_j = year.
 * Offsets of 0, 1 or 2 years are supported (the workbook formula reads the
 * same three columns).
 */
export function receivedIn(i: number, accrued: readonly number[], offsets: readonly number[]): number {
  let total = 0;
  for (let k = 0; k <= 2; k++) {
    const j = i - k;
    if (j < 0) continue;
    if (isNA(offsets[j])) return NaN;
    if (offsets[j] === k) total += accrued[j];
  }
  return total;
}

/** What is accrued within the horizon but received after it. */
export function receivedAfterHorizon(accrued: readonly number[], offsets: readonly number[]): number {
  const n = accrued.length;
  let total = 0;
  for (let j = 0; j < n; j++) {
    if (isNA(offsets[j])) return NaN;
    if (j + offsets[j] >= n) total += accrued[j];
  }
  return total;
}
