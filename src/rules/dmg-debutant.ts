/**
 * R7 — Prime « DMG débutant » (seeds 000, 002): 4 256 € once, on top of the
 * prime de pratique intégrée of the year the GP number (003/004) was obtained,
 * if all four criteria hold: number obtained from 2021; PPI obtained for that
 * year; medical records managed electronically; works à l'acte — excluded
 * after more than 30 consecutive days on forfait between 1 January and
 * 31 May of the year after the PPI year.
 *
 * All four conditions are decisive: an omitted one gives #N/A naming it.
 */
import { params } from "../params";
import { formatDateFr } from "../dates";
import { invalid } from "../errors";
import { mergeSources, type Explained } from "../explain";
import type { Cents } from "../money";
import { calendarParam, check, decideAmount, fromBool, type Check } from "./eligibility";

export interface DmgDebutantInput {
  /** Year the GP number (competence 003/004) was obtained = the PPI year. */
  numberYear: number;
  /** PPI obtained for that year (null = unknown). */
  ppiObtained: boolean | null;
  /** Medical records (DMG) managed electronically (null = unknown). */
  electronicDmg: boolean | null;
  /** Longest run of consecutive days on forfait between 1 January and 31 May of the next year (null = unknown). */
  forfaitDays: number | null;
}

const WHAT = "Prime DMG débutant";

export function dmgDebutant(input: DmgDebutantInput): Explained<Cents> {
  const { numberYear, ppiObtained, electronicDmg, forfaitDays } = input;
  const first = params.latest<number>("dmg-debutant.premiere-annee");
  const maxDays = params.latest<number>("dmg-debutant.forfait.jours-max");
  let sources = mergeSources(first.version.sources, maxDays.version.sources);
  const checks: Check[] = [];
  const steps: string[] = [];

  const recent = numberYear >= first.value;
  checks.push(check("numero", `Numéro INAMI de médecin généraliste (003/004) obtenu à partir de ${first.value}`, recent ? "met" : "not_met", `obtenu en ${numberYear}`));
  checks.push(fromBool("ppi", `Prime de pratique intégrée obtenue pour ${numberYear}`, ppiObtained, true));
  checks.push(fromBool("dmg-electronique", "Dossiers médicaux (DMG) gérés électroniquement", electronicDmg, true));

  if (!recent) {
    // Not eligible whatever the rest: no amount needs to be known for that year.
    checks.push(check("acte", `Travail à l'acte : pas plus de ${maxDays.value} jours consécutifs au forfait dans la période d'observation de l'année suivante`, forfaitDays === null ? "unknown" : forfaitDays <= maxDays.value ? "met" : "not_met"));
    return decideAmount(WHAT, 0, checks, steps, sources);
  }

  const from = calendarParam("dmg-debutant.forfait.periode-debut", numberYear);
  const to = calendarParam("dmg-debutant.forfait.periode-fin", numberYear);
  sources = mergeSources(sources, from.sources, to.sources);
  const windowDays = to.date - from.date + 1;
  if (forfaitDays !== null && (!Number.isInteger(forfaitDays) || forfaitDays < 0 || forfaitDays > windowDays)) {
    throw invalid({
      fr: `Jours consécutifs au forfait : entier de 0 à ${windowDays} attendu (période du ${formatDateFr(from.date)} au ${formatDateFr(to.date)}), reçu ${forfaitDays}.`,
      nl: `Opeenvolgende dagen forfait: geheel getal van 0 tot ${windowDays} verwacht (periode van ${formatDateFr(from.date)} tot ${formatDateFr(to.date)}), ontvangen ${forfaitDays}.`,
    });
  }
  const label = `Travail à l'acte : pas plus de ${maxDays.value} jours consécutifs au forfait du ${formatDateFr(from.date)} au ${formatDateFr(to.date)}`;
  checks.push(
    forfaitDays === null
      ? check("acte", label, "unknown", "nombre de jours au forfait non renseigné")
      : check("acte", label, forfaitDays <= maxDays.value ? "met" : "not_met", `${forfaitDays} jours consécutifs au forfait`),
  );
  const amount = params.forYear<number>("dmg-debutant.montant", numberYear);
  sources = mergeSources(amount.version.sources, sources);
  steps.push(`Prime unique versée avec la prime de pratique intégrée ${numberYear} (année du numéro de MG).`);
  return decideAmount(WHAT, amount.value, checks, steps, sources);
}
