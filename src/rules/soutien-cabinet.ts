/**
 * R10 — INAMI practice support (AR of 4 July 2024), prime years 2024
 * (Medi-Sphere, AGEF) and 2025 (Le Journal du Médecin).
 * - Continuité des soins: one-off, 5 000 € to 7 500 € (the final amount
 *   depends on the admissible requests at 31 October): the minimum is
 *   returned by default, the maximum on request.
 * - Gestion de cabinet: yearly, at least 3 796 €, paid by 31 March of the
 *   next year (2025; the 2024 payment date is not published: listed).
 * Both: ≥ 500 DMI and ≥ 25 000 € of GP reimbursements (an individual doctor
 * whose recognised number is < 5 years old is exempt); contract (employment
 * or collaboration) ≥ 13 h/week, open-ended. Not cumulable with each other
 * (per prime year, enterprise number and work address), nor with Maribel
 * social or local subsidies.
 *
 * Decisive: activity thresholds (unless exempt), hours, contract date; the
 * optional booleans (first contract, other public support) are decisive when
 * given and "à vérifier" when omitted.
 */
import { params } from "../params";
import { formatEuros, type Cents } from "../money";
import { formatDateFr, startOfYear, type Serial } from "../dates";
import { invalid, isRuleError } from "../errors";
import { mergeSources, type Explained, type Source } from "../explain";
import { calendarParam, check, decideAmount, toVerify, type Check } from "./eligibility";

export type Bound = "min" | "max";

export const BOUNDS: Record<Bound, readonly string[]> = {
  min: ["minimum", "bas", "laag", "low", "lower"],
  max: ["maximum", "haut", "hoog", "high", "upper"],
};

export interface SupportInput {
  year: number;
  /** Number of DMI (dossiers médicaux informatisés) of the practice. */
  dmi: number | null;
  /** GP reimbursements of the practice (cents). */
  reimbursements: Cents | null;
  /** Individual doctor whose recognised INAMI number is less than 5 years old. */
  young: boolean | null;
  /** Weekly hours of the employment or collaboration contract. */
  hours: number | null;
  /** Date the contract takes effect. */
  contractStart: Serial | null;
  /** The practice already receives similar public support (Maribel social, local subsidy, or the other intervention this prime year). */
  otherSupport: boolean | null;
}

export interface ContinuityInput extends SupportInput {
  /** First contract: none in the 10 years before the prime year and the prime never received. */
  first: boolean | null;
  bound?: Bound;
}

function validate(input: SupportInput): void {
  const { dmi, reimbursements, hours } = input;
  if (dmi !== null && (!Number.isInteger(dmi) || dmi < 0)) throw invalid({ fr: `Nombre de DMI invalide : ${dmi} (entier positif attendu).`, nl: `Ongeldig aantal GMD's: ${dmi} (positief geheel getal verwacht).` });
  if (reimbursements !== null && (!Number.isSafeInteger(reimbursements) || reimbursements < 0)) throw invalid(`Remboursements invalides : ${formatEuros(reimbursements)} (montant positif attendu).`);
  if (hours !== null && (!Number.isFinite(hours) || hours < 0 || hours > 168)) throw invalid({ fr: `Heures par semaine invalides : ${hours} (nombre de 0 à 168 attendu).`, nl: `Ongeldig aantal uren per week: ${hours} (getal van 0 tot 168 verwacht).` });
}

/** The conditions both interventions share. */
function common(input: SupportInput): { checks: Check[]; sources: Source[] } {
  const at = startOfYear(input.year);
  const dmiMin = params.at<number>("soutien.dmi-min", at);
  const remMin = params.at<number>("soutien.remboursements-min", at);
  const exempt = params.at<number>("soutien.exemption.annees", at);
  const hMin = params.at<number>("soutien.heures-min", at);
  const newDeal = params.at<number>("soutien.new-deal.dmi-max", at);
  const sources = mergeSources(dmiMin.version.sources, remMin.version.sources, exempt.version.sources, hMin.version.sources);
  const checks: Check[] = [];
  const exemptText = `exempté : médecin individuel dont le numéro INAMI reconnu a moins de ${exempt.value} ans`;
  const suffix = ` (médecin individuel avec numéro reconnu depuis moins de ${exempt.value} ans : exempté)`;
  if (input.young === true) {
    checks.push(check("dmi", `Au moins ${dmiMin.value} DMI`, "met", exemptText));
    checks.push(check("remboursements", `Au moins ${formatEuros(remMin.value)} de remboursements d'actes de médecine générale`, "met", exemptText));
  } else {
    const dmiLabel = `Au moins ${dmiMin.value} DMI${input.young === false ? "" : suffix}`;
    checks.push(input.dmi === null ? check("dmi", dmiLabel, "unknown", "nombre de DMI non renseigné") : check("dmi", dmiLabel, input.dmi >= dmiMin.value ? "met" : "not_met", `${input.dmi} DMI`));
    const remLabel = `Au moins ${formatEuros(remMin.value)} de remboursements d'actes de médecine générale${input.young === false ? "" : suffix}`;
    checks.push(
      input.reimbursements === null
        ? check("remboursements", remLabel, "unknown", "remboursements non renseignés")
        : check("remboursements", remLabel, input.reimbursements >= remMin.value ? "met" : "not_met", formatEuros(input.reimbursements)),
    );
  }
  const hLabel = `Occupation ou collaboration d'au moins ${hMin.value} h/semaine`;
  checks.push(input.hours === null ? check("heures", hLabel, "unknown", "heures non renseignées") : check("heures", hLabel, input.hours >= hMin.value ? "met" : "not_met", `${String(input.hours).replace(".", ",")} h/semaine`));
  checks.push(toVerify("cdi", "Contrat de travail ou de collaboration à durée indéterminée"));
  checks.push(
    input.otherSupport === null
      ? toVerify("cumul", "Pas d'autre soutien public similaire (Fonds Maribel social, subventions des pouvoirs locaux, ni l'autre intervention la même année de prime)")
      : check("cumul", "Pas d'autre soutien public similaire (Fonds Maribel social, subventions des pouvoirs locaux, ni l'autre intervention la même année de prime)", input.otherSupport ? "not_met" : "met", input.otherSupport ? "autre soutien déclaré : non cumulable" : "aucun autre soutien déclaré"),
  );
  checks.push(toVerify("new-deal", `Cabinet solo, groupement enregistré, maison médicale, ou cabinet « new deal » de moins de ${newDeal.value} DMI`));
  return { checks, sources };
}

export function continuiteSoins(input: ContinuityInput): Explained<Cents> {
  validate(input);
  const { year } = input;
  const what = `Intervention continuité des soins ${year}`;
  const min = params.forYear<number>("continuite.montant.min", year);
  const max = params.forYear<number>("continuite.montant.max", year);
  const from = calendarParam("continuite.contrat.debut", year);
  const to = calendarParam("continuite.contrat.fin", year);
  const req = calendarParam("continuite.demande.fin", year);
  const ten = params.at<number>("continuite.sans-contrat.annees", startOfYear(year));
  const base = common(input);
  const checks = base.checks;
  const cLabel = `Contrat prenant effet entre le ${formatDateFr(from.date)} et le ${formatDateFr(to.date)}`;
  const cs = input.contractStart;
  checks.splice(3, 0, cs === null ? check("contrat", cLabel, "unknown", "date de prise d'effet non renseignée") : check("contrat", cLabel, cs >= from.date && cs <= to.date ? "met" : "not_met", `prise d'effet le ${formatDateFr(cs)}`));
  const firstLabel = `Premier contrat : aucun contrat de travail ou de collaboration dans les ${ten.value} années précédant l'année de prime, et intervention jamais reçue`;
  checks.push(
    input.first === null
      ? toVerify("premier", firstLabel)
      : check("premier", firstLabel, input.first ? "met" : "not_met", input.first ? "déclaré : premier contrat" : "déjà quelqu'un en service ou intervention déjà reçue : seule la gestion de cabinet est possible"),
  );
  checks.push(toVerify("demande", `Demande (formulaire électronique) au plus tard le ${formatDateFr(req.date)}`, "délai à respecter"));
  const bound = input.bound ?? "min";
  const amount = bound === "min" ? min.value : max.value;
  const steps = [
    `Intervention unique de ${formatEuros(min.value)} à ${formatEuros(max.value)} selon le nombre de demandes recevables au ${formatDateFr(req.date)} ; ${bound === "min" ? "minimum" : "maximum"} retenu : ${formatEuros(amount)}.`,
  ];
  const sources = mergeSources(min.version.sources, max.version.sources, base.sources, from.sources, req.sources);
  return decideAmount(what, amount, checks, steps, sources);
}

/** A calendar date that may be unpublished for the year (null then; any other refusal is rethrown). */
function optionalCalendar(id: string, year: number): { date: Serial; sources: Source[] } | null {
  try {
    return calendarParam(id, year);
  } catch (e) {
    if (isRuleError(e) && e.kind === "unknown") return null;
    throw e;
  }
}

export function gestionCabinet(input: SupportInput): Explained<Cents> {
  validate(input);
  const { year } = input;
  const what = `Intervention gestion de cabinet ${year}`;
  const min = params.forYear<number>("gestion.montant.min", year);
  const from = calendarParam("gestion.demande.debut", year);
  const to = calendarParam("gestion.demande.fin", year);
  const pay = optionalCalendar("gestion.paiement", year);
  const base = common(input);
  const checks = base.checks;
  const startOfPrime = startOfYear(year);
  const endOfPrime = startOfYear(year + 1) - 1;
  const cLabel = `Contrat couvrant une période comprise entre le ${formatDateFr(startOfPrime)} et le ${formatDateFr(endOfPrime)}`;
  const cs = input.contractStart;
  checks.splice(3, 0, cs === null ? check("contrat", cLabel, "unknown", "date de prise d'effet non renseignée") : check("contrat", cLabel, cs <= endOfPrime ? "met" : "not_met", `prise d'effet le ${formatDateFr(cs)}`));
  checks.push(toVerify("demande", `Demande du ${formatDateFr(from.date)} au ${formatDateFr(to.date)}`, "délai à respecter"));
  const steps = [
    `Intervention annuelle d'au moins ${formatEuros(min.value)} (selon le nombre de demandes recevables au ${formatDateFr(to.date)}), ${pay ? `versée au plus tard le ${formatDateFr(pay.date)}` : `date de versement de l'année ${year} non publiée dans les sources consultées`} : minimum retenu.`,
  ];
  const sources = mergeSources(min.version.sources, base.sources, from.sources);
  return decideAmount(what, min.value, checks, steps, sources);
}
