/**
 * R11 — Is a Monitoring des Quartiers quarter a "quartier en pénurie" of
 * general practitioners at a date? The official list (arrêté ministériel of
 * 13 May 2019, referred to by art. 19 of the COCOM arrêté of 19/12/2024) is
 * not encoded: the built-in list (src/params/penurie.json) is empty, so the
 * answer needs the list, as an argument or entered once by the user and kept
 * (parsePenurieList, keepPenurieList: task pane, --penurie FILE); without it
 * the rule is #N/A with the legal basis. Membership is never guessed.
 */
import { params } from "../params";
import { formatDateFr, type Serial } from "../dates";
import { invalid, isRuleError, unknown } from "../errors";
import { lazyExplained, mergeSources, type Condition, type Explained, type Source } from "../explain";
import { allQuartiers, describeQuartier, matchQuartierEntry, MONITORING_SOURCE, resolveQuartier, type Quartier } from "./quartiers";

export const PENURIE_PARAM = "penurie.quartiers";

/* ------------------------------------------------------------------ */
/* The official list, pasted once by the user and kept                 */
/* ------------------------------------------------------------------ */

/** One entry of a pasted list that matched no quarter. */
export interface UnmatchedEntry {
  /** The entry as pasted. */
  entry: string;
  /** Line of the pasted text (1-based). */
  line: number;
  reason: string;
  /** Close names ("12 Cureghem Vétérinaire (Kuregem Veeartsenij)"), best first. */
  suggestions: string[];
}

export interface PenurieListParse {
  /** The quarters matched, by code, each once. */
  quartiers: Quartier[];
  unmatched: UnmatchedEntry[];
  /** Entries that named a quarter already in the list (codes). */
  duplicates: number[];
  /** Number of non-empty entries read. */
  entries: number;
  /** From a line "Référence : …" (Referentie, Reference), when the text has one. */
  reference?: string;
  /** From a line "Saisie le : AAAA-MM-JJ" (Ingevoerd op, Entered on), when the text has one. */
  enteredOn?: string;
}

/**
 * Reads a list as published (codes, or French/Dutch names as in the arrêté,
 * "code name", both names), pasted as text: one per line, or separated by
 * ";", "," or tabs. Empty lines and lines starting with "#" are skipped;
 * "Référence : …" and "Saisie le : AAAA-MM-JJ" lines give the reference
 * and the date (as in a file given to --penurie).
 * Every entry is matched or reported; nothing is guessed.
 */
export function parsePenurieList(text: string): PenurieListParse {
  const byCode = new Map<number, Quartier>();
  const unmatched: UnmatchedEntry[] = [];
  const duplicates: number[] = [];
  let entries = 0;
  let reference: string | undefined;
  let enteredOn: string | undefined;
  String(text)
    .split(/\r?\n|\r/)
    .forEach((rawLine, i) => {
      if (/^\s*#/.test(rawLine)) return;
      const ref = /^\s*(r[ée]f[ée]rence|referentie)\s*:\s*(.*)$/i.exec(rawLine);
      if (ref) {
        reference = ref[2].trim();
        return;
      }
      const on = /^\s*(saisie le|ingevoerd op|entered on)\s*:\s*(.*)$/i.exec(rawLine);
      if (on) {
        enteredOn = on[2].trim();
        return;
      }
      for (const raw of rawLine.split(/[;,\t]/)) {
        const entry = raw.trim();
        if (entry === "") continue;
        entries++;
        const m = matchQuartierEntry(entry);
        if (m.ok) {
          if (byCode.has(m.quartier.code)) duplicates.push(m.quartier.code);
          byCode.set(m.quartier.code, m.quartier);
        } else unmatched.push({ entry, line: i + 1, reason: m.reason, suggestions: m.suggestions.map(describeQuartier) });
      }
    });
  return {
    quartiers: [...byCode.values()].sort((a, b) => a.code - b.code),
    unmatched,
    duplicates,
    entries,
    ...(reference !== undefined ? { reference } : {}),
    ...(enteredOn !== undefined ? { enteredOn } : {}),
  };
}

/** The list a user entered and keeps (task pane: OfficeRuntime.storage; command line: --penurie FILE). */
export interface KeptPenurieList {
  /** Codes of the Monitoring des Quartiers, sorted, each once. */
  codes: number[];
  /** The published text it reproduces, as the user gave it: "AM 13/05/2019, MB 13/06/2019". */
  reference: string;
  /** ISO date it was entered. */
  enteredOn: string;
}

let kept: KeptPenurieList | null = null;

/**
 * Checks a list to keep (codes that exist, a reference, an ISO date): the
 * French problems, empty when it can be kept.
 */
export function penurieListProblems(list: { codes?: unknown; reference?: unknown; enteredOn?: unknown }): string[] {
  const problems: string[] = [];
  const known = new Set(allQuartiers().map((q) => q.code));
  if (!Array.isArray(list.codes) || list.codes.length === 0) problems.push("la liste ne contient aucun quartier.");
  else {
    const bad = list.codes.filter((c) => !Number.isInteger(c) || !known.has(c as number));
    if (bad.length) problems.push(`codes de quartier inconnus : ${bad.slice(0, 10).map(String).join(", ")}.`);
  }
  if (typeof list.reference !== "string" || list.reference.trim().length < 3) {
    problems.push("indiquez la référence du texte publié (par ex. « AM 13/05/2019, MB 13/06/2019 »).");
  }
  if (typeof list.enteredOn !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(list.enteredOn)) problems.push("date de saisie AAAA-MM-JJ attendue.");
  return problems;
}

/** Keeps `list` for MG.IS.PENURIE without its list argument; throws #VALUE! with the problems. */
export function keepPenurieList(list: KeptPenurieList): KeptPenurieList {
  const problems = penurieListProblems(list);
  if (problems.length) throw invalid(`Liste des quartiers en pénurie refusée : ${problems.join(" ")}`);
  kept = Object.freeze({ codes: Object.freeze([...new Set(list.codes)].sort((a, b) => a - b)) as number[], reference: list.reference.trim(), enteredOn: list.enteredOn });
  return kept;
}

/** The kept list, or null when the user has entered none. */
export function keptPenurieList(): KeptPenurieList | null {
  return kept;
}

export function clearKeptPenurieList(): void {
  kept = null;
}

/** "liste saisie par l'utilisateur le 01/12/2026, référence AM 13/05/2019, MB 13/06/2019". */
export function keptListText(list: KeptPenurieList): string {
  return `liste saisie par l'utilisateur le ${list.enteredOn.split("-").reverse().join("/")}, référence ${list.reference}`;
}

/** The quarters of a user list, sorted by code; every entry must resolve, else #VALUE! naming the bad ones. */
export function resolveList(entries: readonly (string | number)[]): Quartier[] {
  return [...resolveMembers(entries).values()].sort((a, b) => a.code - b.code);
}

/** The quarters of a user list by code (membership without sorting); #VALUE! naming the bad entries. */
function resolveMembers(entries: readonly (string | number)[]): Map<number, Quartier> {
  const found = new Map<number, Quartier>();
  const bad: { entry: string; reason: string }[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    try {
      const q = resolveQuartier(e, "list");
      found.set(q.code, q);
    } catch (err) {
      if (!isRuleError(err)) throw err;
      bad.push({ entry: `« ${String(e)} »`, reason: err.text.fr });
    }
  }
  if (bad.length) {
    throw invalid(
      `Liste des quartiers en pénurie : ${bad.length} entrée(s) non reconnue(s) : ${bad.slice(0, 10).map((b) => b.entry).join(", ")}${bad.length > 10 ? ", …" : ""}. Chaque cellule doit contenir un code ou un nom complet de quartier du Monitoring des Quartiers. Première erreur : ${bad[0].reason}`,
    );
  }
  return found;
}

/** The legal basis in one line, from the parameter's sources. */
function legalBasis(sources: Source[]): string {
  return sources
    .filter((s) => !s.seed)
    .map((s) => (s.article ? `${s.article} de l'${lowerFirst(s.title)}` : lowerFirst(s.title)))
    .join(" ; ");
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function condition(q: Quartier, member: boolean, where: string): Condition {
  return {
    id: "quartier-en-penurie",
    label: "Le quartier figure dans la liste des quartiers en pénurie de médecins généralistes",
    status: member ? "met" : "not_met",
    detail: `${describeQuartier(q)} ${member ? "figure" : "ne figure pas"} dans ${where}.`,
  };
}

/**
 * MG.IS.PENURIE: TRUE if `quartier` is in the list of quartiers en pénurie at
 * `date`. `list` (codes or names) replaces the built-in list; an omitted list
 * (null) uses the list the user entered and keeps (keptPenurieList), said so
 * in the explanation, else the built-in one, which is empty: #N/A with the
 * legal basis.
 */
export function isPenurie(quartier: string | number, date: Serial, list?: readonly (string | number)[] | null): Explained<boolean> {
  const q = resolveQuartier(quartier);
  const param = params.get<string[]>(PENURIE_PARAM);
  if (list !== undefined && list !== null) {
    if (list.length === 0) {
      throw invalid("« list » : la plage ne contient aucun code ni nom de quartier ; laissez l'argument vide ou passez la liste officielle des quartiers en pénurie.");
    }
    const given = resolveMembers(list);
    const member = given.has(q.code);
    const legal = param.versions[param.versions.length - 1].sources;
    return lazyExplained(member, () => ({
      steps: [
        `Quartier ${describeQuartier(q)}.`,
        `Liste fournie en argument : ${given.size} quartier(s) (codes ${[...given.keys()].sort((a, b) => a - b).join(", ")}), appliquée au ${formatDateFr(date)} ; vérifiez qu'elle reproduit la liste officielle en vigueur à cette date (${legalBasis(legal)}).`,
        member ? `Le quartier ${q.code} figure dans la liste : quartier en pénurie.` : `Le quartier ${q.code} ne figure pas dans la liste : pas en pénurie selon cette liste.`,
      ],
      sources: mergeSources(legal, [MONITORING_SOURCE]),
      conditions: [condition(q, member, "la liste fournie")],
    }));
  }
  const found = params.at<string[]>(PENURIE_PARAM, date);
  const basis = legalBasis(found.version.sources);
  const user = kept;
  if (user !== null) {
    const member = user.codes.includes(q.code);
    return lazyExplained(member, () => ({
      steps: [
        `Quartier ${describeQuartier(q)}.`,
        `Liste des quartiers en pénurie : ${keptListText(user)} ; ${user.codes.length} quartier(s) (codes ${user.codes.join(", ")}), appliquée au ${formatDateFr(date)} ; vérifiez qu'elle est la liste officielle en vigueur à cette date (${basis}).`,
        member ? `Le quartier ${q.code} figure dans la liste : quartier en pénurie.` : `Le quartier ${q.code} ne figure pas dans la liste : pas en pénurie selon cette liste.`,
      ],
      sources: mergeSources(found.version.sources, [MONITORING_SOURCE]),
      conditions: [condition(q, member, `la ${keptListText(user)}`)],
    }));
  }
  if (found.value.length === 0) {
    throw unknown({
      fr: `La liste officielle des quartiers en pénurie au ${formatDateFr(date)} n'est pas encodée (base légale : ${basis}). Saisissez-la une fois (volet MG Bruxelles, « Quartiers en pénurie ») ou passez-la en 3e argument : une plage de codes ou de noms de quartiers, par ex. =MG.IS.PENURIE(${q.code}; ; A1:A30).`,
      nl: `De officiële lijst van wijken met huisartsentekort op ${formatDateFr(date)} is niet ingevoerd (${basis}). Voer ze één keer in (taakvenster MG Bruxelles, « Quartiers en pénurie ») of geef ze als 3e argument: een bereik met codes of namen van wijken, bv. =MG.IS.PENURIE(${q.code}; ; A1:A30).`,
      en: `The official list of quarters short of GPs at ${formatDateFr(date)} is not encoded (${basis}). Enter it once (MG Bruxelles task pane, « Quartiers en pénurie ») or pass it as the 3rd argument: a range of quarter codes or names, e.g. =MG.IS.PENURIE(${q.code}; ; A1:A30).`,
    });
  }
  const members = resolveMembers(found.value);
  const member = members.has(q.code);
  return lazyExplained(member, () => ({
    steps: [
      `Quartier ${describeQuartier(q)}.`,
      `Liste des quartiers en pénurie au ${formatDateFr(date)} : ${members.size} quartier(s) (${basis}).`,
      member ? `Le quartier ${q.code} figure dans la liste : quartier en pénurie.` : `Le quartier ${q.code} ne figure pas dans la liste.`,
    ],
    sources: mergeSources(found.version.sources, [MONITORING_SOURCE]),
    conditions: [condition(q, member, "la liste officielle encodée")],
  }));
}
