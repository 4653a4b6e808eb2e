/**
 * The communal surcharge on personal income tax (taxe communale additionnelle
 * à l'IPP / aanvullende gemeentebelasting op de personenbelasting) of the 19
 * communes of the Brussels-Capital Region, by commune of residence and income
 * year.
 *
 * A commune votes its rate for an assessment year (exercice d'imposition) N;
 * it applies to the income of year N - 1. The parameters
 * (src/params/taxe-communale.json) are encoded by income year: the version
 * "01/01/N to 31/12/N" of `taxe-communale.<commune>` is the rate of
 * assessment year N + 1. Only rates read in a public source are encoded; a
 * commune or a year without one is #N/A "not published in the sources
 * consulted", naming the nearest rate that is known, never reusing it.
 */
import "../params/simulation-families";
import { params, type Found } from "../params";
import { formatRate, type Rate } from "../money";
import { isoFromSerial } from "../dates";
import { invalid, unknown } from "../errors";
import { lazyExplained, mergeSources, type Explained, type Source } from "../explain";
import { normalizeText } from "../text";

/** A commune of the Brussels-Capital Region. */
export interface Commune {
  /** Stable slug, also the suffix of its rate parameter (`taxe-communale.<id>`). */
  id: string;
  /** Official French name. */
  fr: string;
  /** Official Dutch name. */
  nl: string;
  /** INS/NIS code (5 digits), when the encoded list gives it. */
  nis?: string;
}

const COMMUNES_PARAM = "taxe-communale.communes";
const DOMICILE_PARAM = "taxe-communale.domicile";
const RATE_PREFIX = "taxe-communale.";

/** Income years accepted as input (outside: bad input, not an unknown rate). */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

let list: readonly Commune[] | undefined;
function communeList(): readonly Commune[] {
  if (!list) {
    const raw = params.latest<Commune[]>(COMMUNES_PARAM).value;
    list = Object.freeze(raw.map((c) => Object.freeze({ id: c.id, fr: c.fr, nl: c.nl, ...(c.nis ? { nis: c.nis } : {}) })));
  }
  return list;
}

/** The 19 communes (id, French and Dutch names, NIS code), in the order of their NIS codes. */
export function communes(): Commune[] {
  return [...communeList()];
}

/**
 * A name key: case, accents, hyphens, apostrophes and spaces ignored, and the
 * abbreviations "St"/"Ste" read as Saint/Sainte. "Sint" is read as "saint"
 * too, so that both languages share one spelling of the prefix.
 */
function nameKey(text: string): string {
  return normalizeText(text)
    .replace(/'/g, " ")
    .split(" ")
    .filter((w) => w !== "")
    .map((w) => (w === "st" || w === "sint" ? "saint" : w === "ste" ? "sainte" : w))
    .join(" ");
}

/** Usual short or official alternative names, each designating one commune only. */
const ALIASES: Record<string, readonly string[]> = {
  bruxelles: ["Bruxelles-Ville", "Ville de Bruxelles", "Brussel-Stad", "Stad Brussel", "Brussels", "City of Brussels"],
  "berchem-sainte-agathe": ["Berchem", "Sint-Agatha-Berchem"],
  "molenbeek-saint-jean": ["Molenbeek"],
  "saint-josse-ten-noode": ["Saint-Josse", "Sint-Joost"],
  "watermael-boitsfort": ["Boitsfort", "Watermael", "Bosvoorde", "Watermaal"],
};

let index: Map<string, Commune> | undefined;
function byKey(): Map<string, Commune> {
  if (!index) {
    index = new Map();
    for (const c of communeList()) {
      for (const name of [c.id, c.fr, c.nl, ...(ALIASES[c.id] ?? [])]) index.set(nameKey(name), c);
      if (c.nis) index.set(c.nis, c);
    }
  }
  return index;
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

/** Longer than any commune name: no suggestion is searched for such a text. */
const MAX_NAME_LENGTH = 60;

/** The communes whose names are closest to `text`, best first (at most `n`). */
export function closestCommunes(text: string, n = 3): Commune[] {
  const key = nameKey(text).slice(0, MAX_NAME_LENGTH);
  const scored = communeList().map((c, order) => {
    const d = Math.min(
      ...[c.fr, c.nl].map((name) => {
        const k = nameKey(name);
        // A name that contains the input (or a word of it) comes first.
        if (key.length >= 3 && k.includes(key)) return 0;
        return levenshtein(key, k) / Math.max(k.length, key.length, 1);
      }),
    );
    return { c, d, order };
  });
  scored.sort((a, b) => a.d - b.d || a.order - b.order);
  return scored.slice(0, n).map((s) => s.c);
}

/** "Uccle (Ukkel)" or "Evere". */
export function communeName(c: Commune): string {
  return c.fr === c.nl ? c.fr : `${c.fr} (${c.nl})`;
}

/** "d'Uccle (Ukkel)", "de Jette": the French preposition, elided before a vowel. */
function ofName(c: Commune): string {
  const name = communeName(c);
  return /^[aeiouyàâéèêëîïôûü]/i.test(name) ? `d'${name}` : `de ${name}`;
}

function nameNl(c: Commune): string {
  return c.fr === c.nl ? c.nl : `${c.nl} (${c.fr})`;
}

/** Texts already resolved (successes only), as typed. */
const resolved = new Map<string, Commune>();
const MAX_RESOLVED = 1024;

/**
 * A Brussels commune from its French or Dutch name (case, accents, hyphens,
 * apostrophes and spaces ignored; "St-Gilles" = "Saint-Gilles"), a usual short
 * name that designates one commune only ("Molenbeek", "Bruxelles-Ville") or
 * its NIS code ("21016" or 21016). Anything else is #VALUE! naming the closest
 * communes: a commune is never guessed.
 */
export function resolveCommune(input: string | number, argName = "commune"): Commune {
  if (typeof input === "number") {
    if (!Number.isInteger(input)) throw invalid(requiredText(argName, String(input)));
    return resolveCommune(String(input), argName);
  }
  if (typeof input !== "string") throw invalid(requiredText(argName, String(input)));
  const known = resolved.get(input);
  if (known) return known;
  const text = input.trim();
  if (text === "") throw invalid(requiredText(argName));
  if (text.length > MAX_NAME_LENGTH) {
    throw invalid({
      fr: `« ${argName} » : « ${text.slice(0, 30)}… » est trop long pour un nom de commune bruxelloise.`,
      nl: `« ${argName} »: « ${text.slice(0, 30)}… » is te lang voor de naam van een Brusselse gemeente.`,
      en: `"${argName}": "${text.slice(0, 30)}…" is too long for the name of a Brussels municipality.`,
    });
  }
  const key = /^\d+$/.test(text) ? text : nameKey(text);
  const c = byKey().get(key);
  if (!c) {
    if (/^\d+$/.test(text)) {
      throw invalid({
        fr: `« ${argName} » : code INS inconnu ${text} ; les 19 communes bruxelloises ont les codes 21001 à 21019.`,
        nl: `« ${argName} »: onbekende NIS-code ${text}; de 19 Brusselse gemeenten hebben de codes 21001 tot 21019.`,
        en: `"${argName}": unknown NIS code ${text}; the 19 Brussels municipalities have codes 21001 to 21019.`,
      });
    }
    const close = closestCommunes(text);
    throw invalid({
      fr: `« ${argName} » : commune bruxelloise inconnue « ${text} ». Noms proches : ${close.map(communeName).join(" ; ")}. Indiquez le nom français ou néerlandais d'une des 19 communes, ou son code INS.`,
      nl: `« ${argName} »: onbekende Brusselse gemeente « ${text} ». Gelijkaardige namen: ${close.map(nameNl).join(" ; ")}. Geef de Nederlandse of Franse naam van een van de 19 gemeenten, of de NIS-code.`,
      en: `"${argName}": unknown Brussels municipality "${text}". Close names: ${close.map(communeName).join("; ")}. Give the French or Dutch name of one of the 19 municipalities, or its NIS code.`,
    });
  }
  if (resolved.size >= MAX_RESOLVED) resolved.clear();
  resolved.set(input, c);
  return c;
}

function requiredText(argName: string, got?: string) {
  const suffix = got === undefined ? "" : ` (reçu ${got})`;
  return {
    fr: `« ${argName} » : nom ou code INS d'une commune bruxelloise attendu${suffix}.`,
    nl: `« ${argName} »: naam of NIS-code van een Brusselse gemeente verwacht${got === undefined ? "" : ` (ontvangen ${got})`}.`,
    en: `"${argName}": name or NIS code of a Brussels municipality expected${got === undefined ? "" : ` (got ${got})`}.`,
  };
}

/** The income year of a version (versions span one calendar year of income). */
function incomeYearOf(from: number): number {
  return Number(isoFromSerial(from).slice(0, 4));
}

function exerciceText(incomeYear: number): string {
  return `revenus ${incomeYear} (exercice d'imposition ${incomeYear + 1})`;
}

function exerciceShort(incomeYear: number): string {
  return `revenus ${incomeYear}, exercice d'imposition ${incomeYear + 1}`;
}

/**
 * The communal surcharge rate of `commune` for the income of `incomeYear`
 * (assessment year incomeYear + 1), with its steps and sources. #VALUE! for an
 * unknown commune or an impossible year; #N/A when the rate of that commune
 * and year is not in the sources consulted.
 */
export function communalRate(commune: Commune | string | number, incomeYear: number): Explained<Rate> {
  const c = typeof commune === "object" && commune !== null ? resolveCommune(commune.id) : resolveCommune(commune);
  if (typeof incomeYear !== "number" || !Number.isInteger(incomeYear) || incomeYear < MIN_YEAR || incomeYear > MAX_YEAR) {
    throw invalid({
      fr: `« année » : année de revenus entière attendue entre ${MIN_YEAR} et ${MAX_YEAR}, reçu ${String(incomeYear)}.`,
      nl: `« jaar »: inkomstenjaar (geheel getal) tussen ${MIN_YEAR} en ${MAX_YEAR} verwacht, ontvangen ${String(incomeYear)}.`,
      en: `"year": whole income year between ${MIN_YEAR} and ${MAX_YEAR} expected, got ${String(incomeYear)}.`,
    });
  }
  const id = RATE_PREFIX + c.id;
  if (!params.has(id)) {
    throw unknown({
      fr: `Taux de la taxe communale additionnelle ${ofName(c)} pour les ${exerciceText(incomeYear)} : non publié dans les sources consultées (aucun taux encodé pour cette commune). Indiquez le taux du règlement-taxe de la commune.`,
      nl: `Tarief van de aanvullende gemeentebelasting van ${nameNl(c)} voor de inkomsten ${incomeYear} (aanslagjaar ${incomeYear + 1}): niet gepubliceerd in de geraadpleegde bronnen (geen tarief gecodeerd voor deze gemeente). Geef het tarief uit het belastingreglement van de gemeente.`,
      en: `Communal surcharge rate of ${communeName(c)} for ${incomeYear} income (assessment year ${incomeYear + 1}): not published in the sources consulted (no rate encoded for this municipality). Enter the rate of the municipality's tax regulation.`,
    });
  }
  let found: Found<Rate>;
  try {
    found = params.forYear<Rate>(id, incomeYear);
  } catch {
    throw unknown(notPublished(c, id, incomeYear));
  }
  const table = params.latest<Commune[]>(COMMUNES_PARAM);
  const domicile = params.latest<string>(DOMICILE_PARAM);
  return lazyExplained(found.value, () => {
    const steps = [
      `Commune de résidence : ${communeName(c)}${c.nis ? `, code INS ${c.nis}` : ""} ; la taxe est due à ${domicile.value} (1er janvier ${incomeYear + 1}).`,
      `Revenus ${incomeYear} = exercice d'imposition ${incomeYear + 1} : le taux voté par la commune pour l'exercice ${incomeYear + 1} s'applique aux revenus de ${incomeYear}.`,
      `Taxe communale additionnelle : ${formatRate(found.value)} de l'impôt des personnes physiques dû à l'État.`,
    ];
    if (found.version.note) steps.push(found.version.note);
    const sources: Source[] = mergeSources(found.version.sources, domicile.version.sources, table.version.sources);
    return { steps, sources };
  });
}

/** #N/A text for a commune whose rate is known for other years only. */
function notPublished(c: Commune, id: string, incomeYear: number) {
  const versions = params.get<Rate>(id).versions;
  const years = versions.map((v) => incomeYearOf(v.from));
  const before = versions.filter((v) => incomeYearOf(v.from) < incomeYear);
  const after = versions.filter((v) => incomeYearOf(v.from) > incomeYear);
  const near = before.length > 0 ? before[before.length - 1] : after[0];
  const nearYear = incomeYearOf(near.from);
  const which = before.length > 0 ? "dernier taux connu" : "premier taux connu";
  const whichNl = before.length > 0 ? "laatst bekende tarief" : "eerst bekende tarief";
  const whichEn = before.length > 0 ? "last known rate" : "first known rate";
  const knownFr = years.map((y) => String(y)).join(", ");
  return {
    fr: `Taux de la taxe communale additionnelle ${ofName(c)} pour les ${exerciceText(incomeYear)} : non publié dans les sources consultées ; ${which} : ${formatRate(near.value)} (${exerciceShort(nearYear)}). Années de revenus connues : ${knownFr}. Indiquez le taux du règlement-taxe de la commune.`,
    nl: `Tarief van de aanvullende gemeentebelasting van ${nameNl(c)} voor de inkomsten ${incomeYear} (aanslagjaar ${incomeYear + 1}): niet gepubliceerd in de geraadpleegde bronnen; ${whichNl}: ${formatRate(near.value)} (inkomsten ${nearYear}, aanslagjaar ${nearYear + 1}). Bekende inkomstenjaren: ${knownFr}.`,
    en: `Communal surcharge rate of ${communeName(c)} for ${incomeYear} income (assessment year ${incomeYear + 1}): not published in the sources consulted; ${whichEn}: ${formatRate(near.value)} (${nearYear} income, assessment year ${nearYear + 1}). Known income years: ${knownFr}.`,
  };
}
