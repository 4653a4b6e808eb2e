/**
 * R11 — The 145 quarters of the Brussels "Monitoring des Quartiers" (IBSA /
 * perspective.brussels, CC0 open data, imported by scripts/import-quartiers.ts
 * into src/data/quartiers.json and quartiers-limites.json): resolution of a
 * quarter from its code or its French or Dutch name, and the quarter of a
 * point (latitude, longitude).
 *
 * The boundaries (quartiers-limites.json, about 30 KB gzip) are not imported
 * here: they are given by `provideLimits`, at start by the command-line tools
 * and the tests (./quartiers-limites.ts), and in Excel on the first
 * MG.QUARTIER call (functions/runtime.ts loads them as a separate file), so
 * that the custom functions load without them.
 */
import data from "../data/quartiers.json";
import { bboxOf, decodeRing, inBBox, inRings, ringFromArcs, type BBox, type Point, type Ring } from "../geo";
import { DataPending, invalid, unknown } from "../errors";
import { normalizeText } from "../text";
import type { Explained, Source } from "../explain";

export interface Quartier {
  /** The mdzone code (1–118, 700–702, 800–805, 900–917). */
  code: number;
  /** Official French name. */
  fr: string;
  /** Dutch name in usual casing (derived from the official upper-case form). */
  nl: string;
  /** Dutch name as published (upper case). */
  nlOfficial: string;
  /** A point well inside the quarter. */
  inside: { lat: number; lon: number };
}

interface Shape {
  code: number;
  bbox: BBox;
  /** One entry per polygon (each with its own bbox): outer ring then holes. */
  polygons: { bbox: BBox; rings: Ring[] }[];
}

const QUARTIERS: readonly Quartier[] = data.quartiers.map((q) => ({
  code: q.code,
  fr: q.fr,
  nl: q.nl,
  nlOfficial: q.nlOfficial,
  inside: { lat: q.inside.lat, lon: q.inside.lon },
}));

const BY_CODE = new Map(QUARTIERS.map((q) => [q.code, q]));

/** The data source, for explanations. */
export const MONITORING_SOURCE: Source = {
  title: `IBSA / perspective.brussels, Monitoring des Quartiers : ${data.count} quartiers, noms et limites (données ouvertes, ${data.license})`,
  url: "https://monitoringdesquartiers.brussels/",
  seen: "2026-11-23",
};

export function allQuartiers(): readonly Quartier[] {
  return QUARTIERS;
}

/** "12 Cureghem Vétérinaire (Kuregem Veeartsenij)". */
export function describeQuartier(q: Quartier): string {
  return q.fr.toLowerCase() === q.nl.toLowerCase() ? `${q.code} ${q.fr}` : `${q.code} ${q.fr} (${q.nl})`;
}

/** Case, accents, hyphens, apostrophes and spaces do not matter. */
export function nameKey(text: string): string {
  return normalizeText(text).replace(/[^a-z0-9]/g, "");
}

let nameIndex: Map<string, Set<number>> | null = null;

function namesByKey(): Map<string, Set<number>> {
  if (nameIndex) return nameIndex;
  const index = new Map<string, Set<number>>();
  for (const q of QUARTIERS) {
    for (const name of [q.fr, q.nl, q.nlOfficial]) {
      const k = nameKey(name);
      const set = index.get(k) ?? new Set<number>();
      set.add(q.code);
      index.set(k, set);
    }
  }
  nameIndex = index;
  return index;
}

/** "1 à 118, 700 à 702, …": the codes that exist. */
export function codeRanges(): string {
  const codes = QUARTIERS.map((q) => q.code).sort((a, b) => a - b);
  const parts: string[] = [];
  let start = codes[0];
  for (let i = 1; i <= codes.length; i++) {
    if (i === codes.length || codes[i] !== codes[i - 1] + 1) {
      const end = codes[i - 1];
      parts.push(start === end ? `${start}` : `${start} à ${end}`);
      start = codes[i];
    }
  }
  return parts.join(", ");
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The normalised FR and NL names of every quarter, computed once. */
let nameKeys: { q: Quartier; keys: string[] }[] | undefined;
function keyedNames(): { q: Quartier; keys: string[] }[] {
  return (nameKeys ??= QUARTIERS.map((q) => ({ q, keys: [nameKey(q.fr), nameKey(q.nlOfficial)] })));
}

/** Longer than any quarter name: no suggestion is searched for such a text. */
const MAX_NAME_LENGTH = 80;

/** Quarters whose name contains the input (for ambiguity). */
function containing(key: string): Quartier[] {
  if (key.length < 3) return [];
  return keyedNames()
    .filter(({ keys }) => keys.some((k) => k.includes(key)))
    .map(({ q }) => q);
}

/** The closest names, best first (at most `n`). */
export function suggestions(input: string, n = 3): Quartier[] {
  const key = nameKey(input).slice(0, MAX_NAME_LENGTH);
  const scored = keyedNames().map(({ q, keys }) => {
    const d = Math.min(...keys.map((k) => {
      // A name that contains the input, or a word of it, comes first.
      if (key.length >= 3 && k.includes(key)) return 0;
      return levenshtein(key, k) / Math.max(k.length, key.length, 1);
    }));
    return { q, d };
  });
  scored.sort((a, b) => a.d - b.d || a.q.code - b.q.code);
  return scored.slice(0, n).map((s) => s.q);
}

/**
 * A quarter from its code (12 or "12") or its French or Dutch name, whatever
 * the case, accents, hyphens, apostrophes and spaces. Only complete names
 * resolve: a commune name or part of a name is refused with the candidates,
 * never guessed. Throws #VALUE! with suggestions.
 */
export function resolveQuartier(input: string | number, argName = "quartier"): Quartier {
  if (typeof input === "number") return byCode(input, argName);
  // A sheet repeats the same names in thousands of cells: normalise each text once.
  const known = resolvedTexts.get(input);
  if (known) return known;
  const q = resolveText(input, argName);
  if (resolvedTexts.size >= MAX_RESOLVED_TEXTS) resolvedTexts.clear();
  resolvedTexts.set(input, q);
  return q;
}

/** Texts already resolved to a quarter (successes only: errors name the argument). */
const resolvedTexts = new Map<string, Quartier>();
const MAX_RESOLVED_TEXTS = 4096;

function resolveText(input: string, argName: string): Quartier {
  const text = input.trim();
  if (text === "") throw invalid(`« ${argName} » est requis (code ou nom d'un quartier du Monitoring des Quartiers).`);
  if (/^\d+([.,]0+)?$/.test(text)) return byCode(Number(text.replace(",", ".")), argName);
  if (text.length > MAX_NAME_LENGTH) {
    throw invalid(`« ${argName} » : « ${text.slice(0, 30)}… » est trop long pour un nom de quartier (code ou nom du Monitoring des Quartiers attendu).`);
  }
  const key = nameKey(text);
  const hits = namesByKey().get(key);
  if (hits && hits.size === 1) return BY_CODE.get([...hits][0])!;
  if (hits && hits.size > 1) {
    const list = [...hits].sort((a, b) => a - b).map((c) => describeQuartier(BY_CODE.get(c)!));
    throw invalid(`« ${argName} » : le nom « ${text} » désigne plusieurs quartiers (${list.join(" ; ")}) ; indiquez le code.`);
  }
  const partial = containing(key);
  if (partial.length > 1) {
    throw invalid(
      `« ${argName} » : « ${text} » est ambigu, plusieurs quartiers le contiennent : ${partial.slice(0, 8).map(describeQuartier).join(" ; ")}${partial.length > 8 ? " ; …" : ""}. Indiquez le nom complet ou le code.`,
    );
  }
  throw invalid(
    `« ${argName} » : quartier inconnu « ${text} ». Noms proches : ${suggestions(text).map(describeQuartier).join(" ; ")}. Indiquez le nom complet ou le code du Monitoring des Quartiers.`,
  );
}

/** One entry of a pasted list: the quarter, or why not (with close names). */
export type EntryMatch = { ok: true; quartier: Quartier } | { ok: false; reason: string; suggestions: Quartier[] };

function nameOnly(text: string): EntryMatch {
  const key = nameKey(text);
  if (key === "") return { ok: false, reason: "entrée vide", suggestions: [] };
  const hits = namesByKey().get(key);
  if (hits && hits.size === 1) return { ok: true, quartier: BY_CODE.get([...hits][0])! };
  if (hits && hits.size > 1) {
    const qs = [...hits].sort((a, b) => a - b).map((c) => BY_CODE.get(c)!);
    return { ok: false, reason: `nom porté par plusieurs quartiers : indiquez le code`, suggestions: qs };
  }
  const partial = text.length <= MAX_NAME_LENGTH ? containing(key) : [];
  if (partial.length > 1) return { ok: false, reason: `ambigu : plusieurs quartiers contiennent ce nom`, suggestions: partial.slice(0, 5) };
  return { ok: false, reason: "quartier inconnu", suggestions: text.length <= MAX_NAME_LENGTH ? suggestions(text) : [] };
}

/** A code, a name, or "code name" (the code must agree with the name); "1. name" is a numbered line. */
function codeOrName(text: string): EntryMatch {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    const q = BY_CODE.get(Number(t));
    return q ? { ok: true, quartier: q } : { ok: false, reason: `code inconnu (codes du Monitoring des Quartiers : ${codeRanges()})`, suggestions: [] };
  }
  const m = /^(\d+)\s*([.)°:\-–]?)\s*(\D.*)$/.exec(t);
  if (m) {
    const byName = nameOnly(m[3]);
    if (!byName.ok) return byName;
    const code = Number(m[1]);
    if (code === byName.quartier.code) return byName;
    // "1. Grand Place", "3) …": the number of the line in the published list.
    if (m[2] === "." || m[2] === ")" || m[2] === "°") return byName;
    return { ok: false, reason: `le code ${code} et le nom « ${m[3].trim()} » (quartier ${byName.quartier.code}) ne correspondent pas`, suggestions: [byName.quartier, ...(BY_CODE.has(code) ? [BY_CODE.get(code)!] : [])] };
  }
  return nameOnly(t);
}

/**
 * One entry of a list as published (the arrêté, a web page): a code, a
 * French or Dutch name (case, accents, hyphens and spaces do not matter),
 * "code name", or both names ("Cureghem Bara / Kuregem Bara", "… (…)", "… - …"),
 * which must designate the same quarter. Nothing is guessed: a typo is
 * unmatched, with the closest names.
 */
export function matchQuartierEntry(entry: string): EntryMatch {
  const text = entry.replace(/^\s*[-•*–]\s+/, "").replace(/\s+/g, " ").trim();
  const whole = codeOrName(text);
  if (whole.ok) return whole;
  const splits: string[][] = [];
  if (text.includes("/")) splits.push(text.split("/"));
  const paren = /^(.*?)\((.*)\)\s*$/.exec(text);
  if (paren) splits.push([paren[1], paren[2]]);
  if (/\s[-–—]\s/.test(text)) splits.push(text.split(/\s[-–—]\s/));
  for (const parts of splits) {
    const trimmed = parts.map((x) => x.trim());
    if (trimmed.some((x) => x === "")) continue;
    const found = trimmed.map(codeOrName);
    if (found.every((f) => f.ok)) {
      const codes = new Set(found.map((f) => (f as { quartier: Quartier }).quartier.code));
      if (codes.size === 1) return found[0];
      return { ok: false, reason: `les parties désignent des quartiers différents (${[...codes].join(", ")})`, suggestions: found.map((f) => (f as { quartier: Quartier }).quartier) };
    }
  }
  return whole;
}

function byCode(code: number, argName: string): Quartier {
  if (!Number.isFinite(code) || !Number.isInteger(code)) {
    throw invalid(`« ${argName} » : code de quartier entier attendu, reçu ${String(code)}.`);
  }
  const q = BY_CODE.get(code);
  if (!q) throw invalid(`« ${argName} » : code de quartier inconnu ${code}. Codes du Monitoring des Quartiers : ${codeRanges()}.`);
  return q;
}

/** What src/data/quartiers-limites.json holds (same quarters, same order as quartiers.json). */
export interface QuartierLimits {
  quartiers: readonly { code: number; polygons: readonly (readonly (readonly number[])[])[] }[];
  arcs: readonly string[];
}

let limits: QuartierLimits | null = null;
let shapes: Shape[] | null = null;

/** Gives the boundaries (the content of src/data/quartiers-limites.json). */
export function provideLimits(l: QuartierLimits): void {
  if (l.quartiers.length !== QUARTIERS.length || l.quartiers.some((q, i) => q.code !== QUARTIERS[i].code)) {
    throw new Error("limites des quartiers : les quartiers ne correspondent pas à quartiers.json");
  }
  limits = l;
  shapes = null;
}

/** True once the boundaries are given. */
export function limitsProvided(): boolean {
  return limits !== null;
}

/** Polygons are decoded once, on the first point lookup (shared arcs -> rings). */
function allShapes(): Shape[] {
  if (shapes) return shapes;
  if (!limits) throw new DataPending("quartiers-limites");
  const arcs = limits.arcs.map(decodeRing);
  shapes = limits.quartiers.map((q) => {
    const polygons = q.polygons.map((poly) => {
      const rings = poly.map((refs) => ringFromArcs(refs, arcs));
      return { bbox: bboxOf(rings), rings };
    });
    return { code: q.code, bbox: bboxOf(polygons.flatMap((p) => p.rings)), polygons };
  });
  return shapes;
}

/** The decoded polygons of a quarter (outer ring then holes), in [lon, lat] degrees. */
export function quartierPolygons(code: number): Ring[][] {
  const s = allShapes().find((x) => x.code === code);
  if (!s) throw invalid(`code de quartier inconnu ${code}`);
  return s.polygons.map((p) => p.rings);
}

/** The quarter containing a point, or null (bbox prefilter, then ray casting). */
export function locate(lat: number, lon: number): Quartier | null {
  const p: Point = [lon, lat];
  for (const s of allShapes()) {
    if (!inBBox(s.bbox, p)) continue;
    // Even–odd over all rings of the quarter: holes and separate parts alike.
    const rings = s.polygons.filter((poly) => inBBox(poly.bbox, p)).flatMap((poly) => poly.rings);
    if (rings.length && inRings(rings, p)) return BY_CODE.get(s.code)!;
  }
  return null;
}

function coord(v: number): string {
  return v.toFixed(5).replace(".", ",");
}

function checkCoordinate(v: number, name: string, limit: number): void {
  if (!Number.isFinite(v) || v < -limit || v > limit) {
    throw invalid(`« ${name} » : degrés décimaux de −${limit} à ${limit} attendus (WGS84, par ex. 50,8467 et 4,3525 à Bruxelles), reçu ${String(v)}.`);
  }
}

/** The code of the quarter containing (latitude, longitude) in WGS84 decimal degrees (MG.QUARTIER). */
export function quartierAt(lat: number, lon: number): Explained<number> {
  checkCoordinate(lat, "latitude", 90);
  checkCoordinate(lon, "longitude", 180);
  const q = locate(lat, lon);
  if (!q) {
    const swapped = Math.abs(lon) <= 90 ? locate(lon, lat) : null;
    const hint = swapped
      ? ` Latitude et longitude semblent inversées : le point (${coord(lon)} ; ${coord(lat)}) est dans le quartier ${describeQuartier(swapped)}.`
      : "";
    throw unknown({
      fr: `Le point (${coord(lat)} ; ${coord(lon)}) est hors de la Région de Bruxelles-Capitale : il n'est dans aucun des ${QUARTIERS.length} quartiers du Monitoring des Quartiers.${hint}`,
      nl: `Het punt (${coord(lat)} ; ${coord(lon)}) ligt buiten het Brussels Hoofdstedelijk Gewest: het ligt in geen enkele van de ${QUARTIERS.length} wijken van de Wijkmonitoring.`,
      en: `The point (${lat}, ${lon}) is outside the Brussels-Capital Region: it lies in none of the ${QUARTIERS.length} Monitoring des Quartiers quarters.`,
    });
  }
  return {
    value: q.code,
    steps: [
      `Point ${coord(lat)} N, ${coord(lon)} E (WGS84) : dans le quartier ${describeQuartier(q)} du Monitoring des Quartiers.`,
      `Limites arrondies à 1e-5 degré (environ 1 m) : un point à moins de 2 m d'une limite peut tomber dans le quartier voisin.`,
    ],
    sources: [MONITORING_SOURCE],
  };
}

export type QuartierNameLang = "fr" | "nl" | "nl-officiel";

export const QUARTIER_NAME_LANGS: Record<QuartierNameLang, readonly string[]> = {
  fr: ["francais", "french", "frans", "f"],
  nl: ["neerlandais", "nederlands", "dutch", "n"],
  "nl-officiel": ["nl officieel", "officiel", "officieel", "official", "nl official", "majuscules", "hoofdletters"],
};

/** The official name of a quarter (MG.QUARTIER.NOM). */
export function quartierName(input: string | number, lang: QuartierNameLang = "fr"): Explained<string> {
  const q = resolveQuartier(input);
  const value = lang === "fr" ? q.fr : lang === "nl" ? q.nl : q.nlOfficial;
  const steps = [`Quartier ${q.code} du Monitoring des Quartiers : « ${q.fr} » en français, « ${q.nlOfficial} » en néerlandais (forme officielle).`];
  if (lang === "nl") steps.push(`Nom néerlandais en casse usuelle, dérivé de la forme officielle en majuscules : « ${q.nl} ».`);
  return { value, steps, sources: [MONITORING_SOURCE] };
}
