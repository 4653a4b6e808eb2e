/**
 * Loads every parameter family once (already checked against the schema:
 * see checkFamilies in ./schema), converts values to their
 * working form (money -> cents, rate -> exact rational, dates -> serials) and
 * answers dated lookups. A date outside every version is an error that names
 * the nearest known value, never a silent 0 nor a silent reuse.
 */
import type { FamilyJson, ParamKind, Source } from "./schema";
import { serialFromIso, formatDateFr, startOfYear, endOfYear, type Serial } from "../dates";
import { eurosToCents, formatEuros, formatRate, rateFromDecimal, type Rate } from "../money";
import { unknown } from "../errors";

export interface Version<V = unknown> {
  from: Serial;
  /** Inclusive; Infinity when open-ended. */
  to: Serial;
  value: V;
  sources: Source[];
  note?: string;
}

export interface Parameter<V = unknown> {
  id: string;
  family: string;
  label: { fr: string; nl: string; en?: string };
  kind: ParamKind;
  unit: string;
  versions: Version<V>[];
  note?: string;
}

/** What a dated lookup returns: the value and where it comes from. */
export interface Found<V> {
  value: V;
  version: Version<V>;
  param: Parameter<V>;
}

function convert(kind: ParamKind, value: unknown): unknown {
  switch (kind) {
    case "money":
      return eurosToCents(value as number);
    case "rate":
      return rateFromDecimal(value as number | string);
    default:
      return value;
  }
}

/** A version's period and the answer of a lookup that falls in it. */
interface Slot {
  from: Serial;
  to: Serial;
  found: Found<unknown>;
}

export class ParamRegistry {
  private readonly byId = new Map<string, Parameter>();
  /**
   * Per parameter, its versions' periods and the answer of a dated lookup,
   * built once (a lookup allocates nothing and reads two numbers per version).
   */
  private readonly slots = new Map<string, Slot[]>();

  constructor(families: readonly FamilyJson[]) {
    for (const fam of families) this.add(fam);
  }

  private add(fam: FamilyJson): void {
    for (const p of fam.parameters) {
      if (this.byId.has(p.id)) throw new Error(`paramètre en double entre familles : ${p.id}`);
      const versions: Version[] = p.versions
        .map((v) => ({
          from: serialFromIso(v.from),
          to: v.to ? serialFromIso(v.to) : Infinity,
          value: convert(p.kind, v.value),
          sources: v.sources,
          note: v.note,
        }))
        .sort((a, b) => a.from - b.from);
      const param: Parameter = { id: p.id, family: fam.family, label: p.label, kind: p.kind, unit: p.unit, versions, note: p.note };
      this.byId.set(p.id, param);
      this.slots.set(
        p.id,
        versions.map((version) => ({ from: version.from, to: version.to, found: Object.freeze({ value: version.value, version, param }) })),
      );
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all(): Parameter[] {
    return [...this.byId.values()];
  }

  get<V = unknown>(id: string): Parameter<V> {
    const p = this.byId.get(id);
    if (!p) throw new Error(`paramètre inconnu : ${id}`);
    return p as Parameter<V>;
  }

  private slotsOf(id: string): Slot[] {
    const s = this.slots.get(id);
    if (!s) throw new Error(`paramètre inconnu : ${id}`);
    return s;
  }

  /** The version in force at `date`, or an #N/A error naming the nearest known one. */
  at<V = unknown>(id: string, date: Serial): Found<V> {
    const slots = this.slots.get(id);
    if (slots !== undefined) {
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i];
        if (date >= s.from && date <= s.to) return s.found as Found<V>;
      }
    }
    throw unknown(noValueMessage(this.get(id), `au ${formatDateFr(date)}`, date));
  }

  /** The version covering the whole calendar year `year` (yearly amounts). */
  forYear<V = unknown>(id: string, year: number): Found<V> {
    const slots = this.slotsOf(id);
    const a = startOfYear(year);
    const b = endOfYear(year);
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      if (a >= s.from && b <= s.to) return s.found as Found<V>;
    }
    throw unknown(noValueMessage(this.get(id), `pour ${year}`, a));
  }

  /** The most recent version, for date-independent data (code tables, moduli). */
  latest<V = unknown>(id: string): Found<V> {
    const slots = this.slotsOf(id);
    return slots[slots.length - 1].found as Found<V>;
  }

  /** Shortcuts typed by kind. */
  money(id: string, date: Serial): Found<number> {
    return this.at<number>(id, date);
  }
  rate(id: string, date: Serial): Found<Rate> {
    return this.at<Rate>(id, date);
  }
}

/** "€", "%" or the raw value, for messages and the Paramètres sheet. */
export function displayValue(param: Parameter, value: unknown): string {
  switch (param.kind) {
    case "money":
      return formatEuros(value as number);
    case "rate":
      return formatRate(value as Rate);
    case "set":
      return (value as string[]).length === 0 ? "(liste vide)" : (value as string[]).join(", ");
    case "table":
      return tableText(value);
    default:
      return `${String(value)}${param.unit && param.unit !== "-" ? " " + param.unit : ""}`;
  }
}

/** A table value in words: a yearly date "31/08 de l'année", else its size. */
function tableText(value: unknown): string {
  const v = value as { month?: unknown; day?: unknown; yearOffset?: unknown } | null;
  if (v && typeof v.month === "number" && typeof v.day === "number" && typeof v.yearOffset === "number") {
    const dm = `${String(v.day).padStart(2, "0")}/${String(v.month).padStart(2, "0")}`;
    const y = v.yearOffset === 0 ? "de l'année" : v.yearOffset === -1 ? "de l'année précédente" : v.yearOffset === 1 ? "de l'année suivante" : `de l'année ${v.yearOffset > 0 ? "+" : "−"}${Math.abs(v.yearOffset)}`;
    return `le ${dm} ${y}`;
  }
  if (Array.isArray(value)) return `tableau de ${value.length} ligne${value.length > 1 ? "s" : ""}`;
  if (value && typeof value === "object") return `tableau de ${Object.keys(value).length} entrée${Object.keys(value).length > 1 ? "s" : ""}`;
  return String(value);
}

export function periodText(v: Version): string {
  return v.to === Infinity ? `à partir du ${formatDateFr(v.from)}` : `du ${formatDateFr(v.from)} au ${formatDateFr(v.to)}`;
}

function isYearlyDate(value: unknown): boolean {
  const v = value as { month?: unknown } | null;
  return !!v && typeof v === "object" && typeof v.month === "number";
}

function noValueMessage(param: Parameter, when: string, date: Serial): string {
  const before = param.versions.filter((v) => v.to < date);
  const after = param.versions.filter((v) => v.from > date);
  let msg = `Pas de valeur connue pour « ${param.label.fr} » ${when}`;
  const last = before[before.length - 1];
  // A table (criteria, code lists) is named by its period, not by a value that says nothing in a sentence.
  const shown = (v: Version) => (param.kind === "table" && !isYearlyDate(v.value) ? `version ${periodText(v)}` : `${displayValue(param, v.value)} (${periodText(v)})`);
  if (last) msg += ` ; dernière connue : ${shown(last)}`;
  else if (after[0]) msg += ` ; première connue : ${shown(after[0])}`;
  const note = last?.note ?? param.note;
  if (note) msg += `. ${note}`;
  return msg.endsWith(".") ? msg : msg + ".";
}
