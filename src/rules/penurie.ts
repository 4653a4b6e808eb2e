/**
 * R11 — Is a Monitoring des Quartiers quarter a "quartier en pénurie" of
 * general practitioners at a date? The official list (arrêté ministériel of
 * 13 May 2019, referred to by art. 19 of the COCOM arrêté of 19/12/2024) is
 * not encoded: the built-in list (src/params/penurie.json) is empty, so the
 * answer needs the list as an argument; without it the rule is #N/A with the
 * legal basis. Membership is never guessed.
 */
import { params } from "../params";
import { formatDateFr, type Serial } from "../dates";
import { invalid, isRuleError, unknown } from "../errors";
import { lazyExplained, mergeSources, type Condition, type Explained, type Source } from "../explain";
import { describeQuartier, MONITORING_SOURCE, resolveQuartier, type Quartier } from "./quartiers";

export const PENURIE_PARAM = "penurie.quartiers";

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
 * (null) uses the built-in one, which is empty: #N/A with the legal basis.
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
  if (found.value.length === 0) {
    throw unknown({
      fr: `La liste officielle des quartiers en pénurie au ${formatDateFr(date)} n'est pas encodée (base légale : ${basis}). Passez-la en 3e argument : une plage de codes ou de noms de quartiers du Monitoring des Quartiers, par ex. =MG.IS.PENURIE(${q.code}; ; A1:A30).`,
      nl: `De officiële lijst van wijken met huisartsentekort op ${formatDateFr(date)} is niet ingevoerd (${basis}). Geef ze als 3e argument: een bereik met codes of namen van wijken, bv. =MG.IS.PENURIE(${q.code}; ; A1:A30).`,
      en: `The official list of quarters short of GPs at ${formatDateFr(date)} is not encoded (${basis}). Pass it as the 3rd argument: a range of quarter codes or names, e.g. =MG.IS.PENURIE(${q.code}; ; A1:A30).`,
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
