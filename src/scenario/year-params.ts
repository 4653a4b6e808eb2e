/**
 * Legal figures for a simulated year, published or extrapolated.
 *
 * Most legal amounts are published for a few years only (fees: 2025; PPI:
 * 2022–2025; statut social: 2023–2024; ...). A 10-year simulation needs a
 * figure for every year, so the scenario carries one explicit hypothesis,
 * shown on the Hypothèses sheet:
 *
 *   « années sans barème publié : dernier montant connu reconduit, indexé de
 *     X % par an » (X = scenario.extrapolation.indexPercent, 0 by default).
 *
 * The value of year Y is the version in force on 31 December of Y when there
 * is one ("publié"). Otherwise it is the last version that ended before that
 * date ("extrapolé", reference year = the year that version ends): money is
 * ROUND(value × (1 + X)^(Y − reference year), 2); counts, days, months, rates
 * and calendar dates are carried over unchanged. A year before every
 * published version is an explicit #N/A (never an invented figure).
 *
 * The Paramètres sheet shows, for each (parameter, year), whether the value
 * is published (with its validity dates and sources) or extrapolated (with
 * the year of the published value and the formula that indexes it).
 */
import { params, type Parameter, type Version } from "../params";
import { endOfYear, formatDateFr, yearOf } from "../dates";
import { eurosToCents, formatEuros, rateFromDecimal, type Cents, type Rate } from "../money";
import { childSupplement } from "../rules/ipp";

export interface YearValue {
  /** Row key: the parameter id, or "id.field" for a field of a table parameter. */
  key: string;
  paramId: string;
  year: number;
  /** How the Paramètres cell is formatted and how it is extrapolated. */
  kind: "money" | "rate" | "number";
  /** money: cents; rate: the decimal (0.75); number: the number. */
  value: number;
  /** For a rate: the exact rational. */
  rate?: Rate;
  published: boolean;
  /** The year of the published value used (= year when published). */
  refYear: number;
  version: Version;
  param: Parameter;
  /**
   * Set when no value is published for the year nor before it: `value` is
   * NaN and the Paramètres cell is =NA() with this reason (never an invented
   * figure); only the cells that need it show #N/A.
   */
  unknown?: string;
}

/** A field of a table parameter, shown as its own row. */
export const TABLE_FIELDS: Record<string, { field: string; get: (v: unknown) => number; fr: string; kind?: "money" | "rate" }[]> = {
  "ppi.criteres.acte": ppiFields(),
  "ppi.criteres.forfait": ppiFields(),
  "ipp.bareme": slabFields(),
  "ipp.quotite-exemptee.bareme": slabFields(),
  "ipp.quotite-exemptee.enfants": Array.from({ length: 12 }, (_, k) => ({
    field: `enfants${k + 1}`,
    get: (v: unknown) => childSupplement(v as Parameters<typeof childSupplement>[0], k + 1),
    fr: `supplément pour ${k + 1} enfant${k ? "s" : ""} à charge`,
    kind: "money" as const,
  })),
};

/** Slabs {jusqua, taux} of a scale: "limiteN" (euros -> cents, money) and "tauxN" (rate) rows, N = 1.. (the open last slab has no limit). */
function slabFields(): { field: string; get: (v: unknown) => number; fr: string; kind: "money" | "rate" }[] {
  type S = { jusqua: number | null; taux: string | number }[];
  const out: { field: string; get: (v: unknown) => number; fr: string; kind: "money" | "rate" }[] = [];
  for (let n = 1; n <= 8; n++) {
    out.push({ field: `limite${n}`, get: (v) => eurosToCents((v as S)[n - 1].jusqua as number), fr: `limite de la tranche ${n}`, kind: "money" });
    out.push({ field: `taux${n}`, get: (v) => { const r = rateFromDecimal((v as S)[n - 1].taux); return r.num / r.den; }, fr: `taux de la tranche ${n}`, kind: "rate" });
  }
  return out;
}

/** Slabs of a scale version: how many, and whether the last one is open (no limit). */
export function slabShape(value: unknown): { count: number; open: boolean } {
  const v = value as { jusqua: number | null }[];
  return { count: v.length, open: v[v.length - 1].jusqua === null };
}

/**
 * Parameter families carried over UNCHANGED in extrapolated years (never
 * indexed): their yearly amount comes from the rule itself (R14), asked for
 * the year of the last published scale, so the sheet and the core agree.
 */
export const NOT_INDEXED_PREFIXES = ["ipp.", "cotisations."];
export function isIndexed(key: string): boolean {
  return !NOT_INDEXED_PREFIXES.some((p) => key.startsWith(p));
}

function ppiFields(): { field: string; get: (v: unknown) => number; fr: string }[] {
  type T = { total: number; seuils: number[] };
  return [
    { field: "total", get: (v) => (v as T).total, fr: "nombre de critères" },
    { field: "seuil1", get: (v) => (v as T).seuils[0], fr: "1er palier (critères)" },
    { field: "seuil2", get: (v) => (v as T).seuils[1], fr: "2e palier (critères)" },
    { field: "seuil3", get: (v) => (v as T).seuils[2], fr: "3e palier (critères)" },
  ];
}

/** Calendar parameters {month, day, yearOffset}: three rows. */
export const CALENDAR_FIELDS = [
  { field: "mois", get: (v: unknown) => (v as { month: number }).month, fr: "mois" },
  { field: "jour", get: (v: unknown) => (v as { day: number }).day, fr: "jour" },
  { field: "decalage", get: (v: unknown) => (v as { yearOffset: number }).yearOffset, fr: "décalage d'année" },
];

/**
 * The version used for `year`, and whether it is published for that year.
 * A year before every version answers the first version with `unknown` set
 * (its value must not be used: the cells that need it are #N/A).
 */
export function versionFor(paramId: string, year: number): { version: Version; published: boolean; refYear: number; param: Parameter; unknown?: string } {
  const param = params.get(paramId);
  const end = endOfYear(year);
  const inForce = param.versions.find((v) => v.from <= end && end <= v.to);
  if (inForce) return { version: inForce, published: true, refYear: year, param };
  const before = param.versions.filter((v) => v.to < end);
  const last = before[before.length - 1];
  if (!last) {
    const first = param.versions[0];
    return {
      version: first,
      published: false,
      refYear: year,
      param,
      unknown:
        `Pas de valeur publiée pour « ${param.label.fr} » en ${year} ni avant dans les sources consultées (au 01/12/2026) ; ` +
        `première valeur connue à partir du ${formatDateFr(first.from)}. Aucun montant n'est inventé : les cellules qui en dépendent affichent #N/A.`,
    };
  }
  return { version: last, published: false, refYear: yearOf(last.to), param };
}

/** Index factor exponent applied to a money value: (1 + X)^n. Rounded once to the cent, like the sheet's ROUND(…; 2). */
export function indexCents(cents: Cents, indexPercent: number, n: number): Cents {
  if (n === 0 || indexPercent === 0) return cents;
  // Year after year, rounded to the cent each year, as the Paramètres sheet chains ROUND(previous × (1 + X); 2):
  // a figure the accountant types for one year flows on to the next ones.
  let c = cents;
  for (let k = 0; k < n; k++) c = eurosToCents((c / 100) * (1 + indexPercent / 100));
  return c;
}

/**
 * Values already computed, by key, year and index (the parameters never
 * change while the program runs; a plan asks for the same few dozen values
 * many times). Only answers are kept, not errors.
 */
const yearValues = new Map<string, Readonly<YearValue>>();
const MAX_YEAR_VALUES = 8192;

/** The value of a scalar parameter (or a field of a table parameter) for `year` (shared, read-only). */
export function yearValue(key: string, year: number, indexPercent: number): Readonly<YearValue> {
  const cacheKey = `${key}|${year}|${indexPercent}|${params.generation}`; // generation: a user parameter file changes the values
  let v = yearValues.get(cacheKey);
  if (v === undefined) {
    v = computeYearValue(key, year, indexPercent);
    if (yearValues.size >= MAX_YEAR_VALUES) yearValues.clear();
    yearValues.set(cacheKey, v);
  }
  return v;
}

function computeYearValue(key: string, year: number, indexPercent: number): YearValue {
  const { paramId, field } = splitKey(key);
  const { version, published, refYear, param, unknown: why } = versionFor(paramId, year);
  const base = { key, paramId, year, published, refYear, version, param };
  if (why !== undefined) {
    const f = field ? fieldsOf(paramId).find((x) => x.field === field) : undefined;
    const kind = f ? (f.kind ?? "number") : param.kind === "money" ? "money" : param.kind === "rate" ? "rate" : "number";
    return { ...base, kind, value: NaN, unknown: why };
  }
  if (field) {
    const f = fieldsOf(paramId).find((x) => x.field === field);
    if (!f) throw new Error(`champ inconnu ${field} du paramètre ${paramId}`);
    if (f.kind === "rate") {
      const value = f.get(version.value);
      return { ...base, kind: "rate", value, rate: rateFromDecimal(value) };
    }
    if (f.kind === "money") {
      const cents = f.get(version.value);
      return { ...base, kind: "money", value: isIndexed(key) ? indexCents(cents, indexPercent, year - refYear) : cents };
    }
    return { ...base, kind: "number", value: f.get(version.value) };
  }
  switch (param.kind) {
    case "money":
      return { ...base, kind: "money", value: isIndexed(key) ? indexCents(version.value as number, indexPercent, year - refYear) : (version.value as number) };
    case "rate": {
      const r = version.value as Rate;
      return { ...base, kind: "rate", value: r.num / r.den, rate: r };
    }
    case "count":
    case "days":
    case "months":
      return { ...base, kind: "number", value: version.value as number };
    default:
      throw new Error(`paramètre ${paramId} (${param.kind}) : indiquez un champ`);
  }
}

function fieldsOf(paramId: string) {
  return TABLE_FIELDS[paramId] ?? CALENDAR_FIELDS;
}

/** "ppi.criteres.acte.seuil1" -> {paramId: "ppi.criteres.acte", field: "seuil1"}; plain ids unchanged. */
export function splitKey(key: string): { paramId: string; field?: string } {
  if (params.has(key)) return { paramId: key };
  const i = key.lastIndexOf(".");
  const paramId = key.slice(0, i);
  if (i > 0 && params.has(paramId)) return { paramId, field: key.slice(i + 1) };
  throw new Error(`paramètre inconnu : ${key}`);
}

/** A label for the row: the parameter's label (+ the field). */
export function keyLabel(key: string, lang: "fr" | "nl" | "en"): string {
  const { paramId, field } = splitKey(key);
  const p = params.get(paramId);
  const label = (lang === "nl" ? p.label.nl : lang === "en" ? (p.label.en ?? p.label.fr) : p.label.fr);
  if (!field) return label;
  const f = fieldsOf(paramId).find((x) => x.field === field);
  return `${label} — ${f?.fr ?? field}`;
}

/** Human text of a published/extrapolated value for notes. */
export function describeYearValue(v: YearValue): string {
  if (v.unknown) return "non publié";
  const shown = v.kind === "money" ? formatEuros(v.value) : String(v.value);
  return v.published ? `${shown} (publié)` : `${shown} (extrapolé depuis ${v.refYear})`;
}
