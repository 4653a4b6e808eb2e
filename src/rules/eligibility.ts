/**
 * Shared mechanics of the eligibility rules R3–R13 (DMG débutant,
 * installation subsidies, statut social, practice support, ...).
 *
 * The policy, the same for every function built on it:
 * - each condition is met / not_met / unknown;
 * - any condition not met -> the amount is 0 (not eligible), with the reason;
 * - otherwise, a *decisive* condition left unknown (an argument the function
 *   takes was omitted) -> #N/A "conditions inconnues : ...", and the error
 *   still carries the whole explanation (EXPLAIN shows it);
 * - conditions the function cannot compute (content of the file, future
 *   deadlines, facts with no argument) stay "unknown" with "à vérifier" and do
 *   not block: the amount is then given "sous réserve" of them, as a step says.
 */
import { RuleError, type LocalizedText } from "../errors";
import { formatEuros, type Cents } from "../money";
import { serialFromYmd, daysInMonth, type Serial } from "../dates";
import { params } from "../params";
import type { Condition, Explained, Source } from "../explain";

/** A condition and whether leaving it unknown blocks the answer. */
export interface Check extends Condition {
  /** true: unknown -> #N/A; false: unknown -> "à vérifier", non-blocking. */
  decisive: boolean;
}

/** A #N/A that carries the explanation built so far (conditions, steps, sources). */
export class UndecidedError extends RuleError {
  readonly explanation: Explained<null>;
  constructor(text: LocalizedText, explanation: Explained<null>) {
    super("unknown", text);
    this.explanation = explanation;
  }
}

/** The explanation attached to a RuleError, if any (for EXPLAIN). */
export function explanationOf(e: unknown): Explained<null> | undefined {
  return e instanceof UndecidedError ? e.explanation : undefined;
}

export function check(id: string, label: string, status: Condition["status"], detail?: string, decisive = true): Check {
  return { id, label, status, decisive, ...(detail ? { detail } : {}) };
}

/** A condition that cannot be computed here: listed, "à vérifier", never blocking. */
export function toVerify(id: string, label: string, detail = "à vérifier, non calculable par la fonction"): Check {
  return { id, label, status: "unknown", decisive: false, detail };
}

/** A condition from an optional boolean argument: decisive when `decisive`, else "à vérifier" if omitted. */
export function fromBool(id: string, label: string, value: boolean | null, decisive: boolean, given = "déclaré"): Check {
  if (value === null) {
    return decisive ? check(id, label, "unknown", "non renseigné", true) : toVerify(id, label);
  }
  return check(id, label, value ? "met" : "not_met", value ? `${given} : oui` : `${given} : non`, decisive);
}

function plain(checks: Check[]): Condition[] {
  return checks.map(({ decisive: _d, ...c }) => c);
}

/**
 * The amount if every decisive condition is met, 0 if any condition is not
 * met, #N/A (UndecidedError) if a decisive condition is unknown.
 */
export function decideAmount(what: string, amount: Cents, checks: Check[], steps: string[], sources: Source[]): Explained<Cents> {
  const conditions = plain(checks);
  const failed = checks.filter((c) => c.status === "not_met");
  if (failed.length > 0) {
    return {
      value: 0,
      steps: [...steps, `${what} : 0 € (non éligible) — condition non remplie : ${failed.map((c) => c.label + (c.detail ? ` (${c.detail})` : "")).join(" ; ")}.`],
      sources,
      conditions,
    };
  }
  const missing = checks.filter((c) => c.status === "unknown" && c.decisive);
  if (missing.length > 0) {
    const list = missing.map((c) => c.label).join(" ; ");
    throw new UndecidedError(
      {
        fr: `${what} : conditions inconnues : ${list}. Renseignez les arguments correspondants (montant si elles sont remplies : ${formatEuros(amount)}).`,
        nl: `${what}: onbekende voorwaarden: ${list}. Vul de overeenkomstige argumenten in (bedrag als ze vervuld zijn: ${formatEuros(amount)}).`,
        en: `${what}: unknown conditions: ${list}. Fill in the matching arguments (amount if they are met: ${formatEuros(amount)}).`,
      },
      { value: null, steps, sources, conditions },
    );
  }
  const pending = checks.filter((c) => c.status === "unknown");
  const out = [...steps];
  out.push(
    pending.length > 0
      ? `${what} : ${formatEuros(amount)}, sous réserve de ${pending.length === 1 ? "la condition" : `${pending.length} conditions`} à vérifier (${pending.map((c) => c.id).join(", ")}).`
      : `${what} : ${formatEuros(amount)} (toutes les conditions sont remplies).`,
  );
  return { value: amount, steps: out, sources, conditions };
}

/** A recurring calendar date of a parameter: {month, day, yearOffset}. */
export interface CalendarDate {
  month: number;
  day: number;
  yearOffset: number;
}

export function asCalendarDate(id: string, value: unknown): CalendarDate {
  const v = value as Partial<CalendarDate> | null;
  if (
    !v ||
    !Number.isInteger(v.month) || (v.month as number) < 1 || (v.month as number) > 12 ||
    !Number.isInteger(v.day) || (v.day as number) < 1 || (v.day as number) > 31 ||
    !Number.isInteger(v.yearOffset)
  ) {
    throw new Error(`paramètre ${id} : date annuelle {month, day, yearOffset} attendue`);
  }
  return v as CalendarDate;
}

/** The date of calendar parameter `id` for reference year `year` (version chosen at 1 January of `year`). */
export function calendarParam(id: string, year: number): { date: Serial; sources: Source[] } {
  const found = params.at<unknown>(id, serialFromYmd(year, 1, 1));
  const c = asCalendarDate(id, found.value);
  const y = year + c.yearOffset;
  const date = serialFromYmd(y, c.month, Math.min(c.day, daysInMonth(y, c.month)));
  return { date, sources: found.version.sources };
}
