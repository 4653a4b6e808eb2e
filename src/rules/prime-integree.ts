/**
 * R6 — Prime de pratique intégrée (INAMI; seeds 002, 001, 000), prime years
 * 2022 to 2025. GP in training with accepted software: 800 €; without: not
 * eligible. Agréé GP: 1 000 € without accepted software or below the first
 * threshold of e-services criteria, then 3 500 / 4 500 / 6 000 €.
 */
import { params } from "../params";
import { formatEuros, type Cents } from "../money";
import { invalid } from "../errors";
import { lazyExplained, mergeSources, type Explained, type Condition } from "../explain";

export type PracticeStatus = "acte" | "forfait" | "formation";

/** Parameter ids of the criteria tables, written once (no id built per call). */
const CRITERIA_IDS: Record<"acte" | "forfait", string> = { acte: "ppi.criteres.acte", forfait: "ppi.criteres.forfait" };

export const PRACTICE_STATUSES: Record<PracticeStatus, readonly string[]> = {
  acte: ["a l'acte", "a l acte", "prestation", "per prestatie", "fee for service", "fee-for-service", "agree", "erkend"],
  forfait: ["maison medicale", "mm", "forfaitair", "wijkgezondheidscentrum", "capitation", "flat rate"],
  formation: ["en formation", "stagiaire", "assistant", "opleiding", "in opleiding", "training", "in training", "haio"],
};

interface CriteriaTable {
  total: number;
  seuils: [number, number, number];
}

const TIERS = ["ppi.montant.palier1", "ppi.montant.palier2", "ppi.montant.palier3"] as const;

export function primeIntegree(
  year: number,
  status: PracticeStatus,
  criteria: number | null,
  software = true,
): Explained<Cents> {
  const baseConditions = (): Condition[] => [
    { id: "actif", label: "Effectivement actif comme médecin généraliste pendant l'année de la prime", status: "unknown", detail: "non vérifiable par la fonction : à confirmer" },
    { id: "logiciel", label: "Logiciel (suite logicielle) accepté", status: software ? "met" : "not_met" },
  ];
  if (status === "formation") {
    const f = params.forYear<number>("ppi.montant.formation", year);
    return lazyExplained(software ? f.value : 0, () => ({
      steps: [
        software
          ? `MG en formation utilisant un logiciel accepté : ${formatEuros(f.value)} pour la prime ${year}.`
          : `MG en formation sans logiciel accepté : pas de prime pour ${year} (le logiciel accepté est une condition).`,
      ],
      sources: f.version.sources,
      conditions: baseConditions(),
    }));
  }
  const table = params.forYear<CriteriaTable>(CRITERIA_IDS[status], year);
  const base = params.forYear<number>("ppi.montant.base", year);
  const { total, seuils } = table.value;
  const who = status === "acte" ? "MG à l'acte" : "MG en maison médicale au forfait";
  if (criteria !== null) {
    if (!Number.isInteger(criteria) || criteria < 0) {
      throw invalid(`Nombre de critères e-services invalide : ${criteria} (entier de 0 à ${total} attendu pour ${year}).`);
    }
    if (criteria > total) {
      throw invalid(`${criteria} critères e-services : il n'en existe que ${total} pour un ${who} en ${year}.`);
    }
  }
  if (!software) {
    return lazyExplained(base.value, () => ({
      steps: [`${who} sans logiciel accepté : montant de base ${formatEuros(base.value)} pour ${year}.`],
      sources: mergeSources(table.version.sources, base.version.sources),
      conditions: baseConditions(),
    }));
  }
  if (criteria === null) {
    throw invalid(`Indiquez le nombre de critères e-services atteints (0 à ${total} pour un ${who} en ${year}).`);
  }
  const tiers = TIERS.map((id) => params.forYear<number>(id, year));
  let value = base.value;
  let reached = 0;
  for (let i = 0; i < seuils.length; i++) {
    if (criteria >= seuils[i]) {
      value = tiers[i].value;
      reached = i + 1;
    }
  }
  return lazyExplained(value, () => ({
    steps: [
      `Prime ${year}, ${who} : ${total} critères e-services ; paliers ${seuils[0]} → ${formatEuros(tiers[0].value)}, ${seuils[1]} → ${formatEuros(tiers[1].value)}, ${seuils[2]} ou plus → ${formatEuros(tiers[2].value)} ; en dessous : ${formatEuros(base.value)}.`,
      reached === 0
        ? `${criteria} critères < ${seuils[0]} : montant de base ${formatEuros(value)}.`
        : `${criteria} critères atteints (individuellement ou en moyenne de groupe) : ${formatEuros(value)}.`,
    ],
    sources: mergeSources(table.version.sources, base.version.sources, ...tiers.map((t) => t.version.sources)),
    conditions: [
      ...baseConditions(),
      {
        id: "criteres",
        label: `Au moins ${seuils[0]} critères e-services sur ${total} (premier palier)`,
        status: criteria >= seuils[0] ? "met" : "not_met",
        detail: `${criteria} atteints`,
      },
    ],
  }));
}
