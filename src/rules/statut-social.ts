/**
 * R5 — Conventionnement and statut social (avantage social) of the INAMI.
 * Amounts by year and convention type are parameters (2024: FAMGB guide,
 * ABSyM; 2026 conventionné: Vlaams Artsensyndicaat; in training 2023: GBO,
 * 2024: ABSyM). Other years: #N/A.
 *
 * Decisive:
 * - the adherence (a non-conventioned doctor gets 0);
 * - the public activity condition when its inputs are given: reimbursements
 *   of year x−2 at least 25 000 € for a GP, waived while the number of
 *   recognised doctor is less than 5 years old on 1 January of x−2 (VAS,
 *   Domus Medica). Between the reduced threshold (12 500 €) and the threshold
 *   a conventioned GP gets the partial amount (Artsenkrant 2017); for a
 *   partially conventioned GP the sources disagree (#N/A);
 * - for a partially conventioned GP, the guide's 13 h a week at agreement
 *   tariffs, when the hours are given;
 * - the first year: full-year adherence is required "sauf si vous avez reçu
 *   votre 1er numéro INAMI" that year (FAMGB), and then the amount is
 *   "proportionnelle à la durée de votre adhésion" (GBO): prorated by day.
 * The rest is listed "à vérifier".
 */
import { params } from "../params";
import { formatEuros, mulFraction, type Cents } from "../money";
import { addYears, endOfYear, formatDateFr, serialFromYmd, startOfYear, yearOf, type Serial } from "../dates";
import { invalid } from "../errors";
import { mergeSources, type Explained, type Source } from "../explain";
import { calendarParam, check, decideAmount, toVerify, UndecidedError, type Check } from "./eligibility";

export type Convention = "conventionne" | "partiel" | "formation" | "non";

export const CONVENTIONS: Record<Convention, readonly string[]> = {
  conventionne: ["conventionnee", "convention", "adherent", "total", "geconventioneerd", "toegetreden", "conventioned", "full"],
  partiel: ["partiellement conventionne", "partielle", "partiellement", "gedeeltelijk", "gedeeltelijk geconventioneerd", "partial", "partially"],
  formation: ["en formation", "mg en formation", "assistant", "in opleiding", "opleiding", "haio", "in training", "training"],
  non: ["non conventionne", "deconventionne", "niet geconventioneerd", "niet", "nee", "not conventioned", "no", "none"],
};

const LABELS: Record<Exclude<Convention, "non">, string> = {
  conventionne: "médecin conventionné",
  partiel: "médecin partiellement conventionné",
  formation: "MG en formation",
};

/** Optional facts of the doctor (each omitted = condition "à vérifier", as before). */
export interface StatutSocialOptions {
  /** Reimbursements of the compulsory insurance for the doctor's acts in year x−2 (cents). */
  reimbursedX2?: Cents | null;
  /** Date of the INAMI number reserved for the recognised GP (start of the 5-year exemption). */
  recognisedSince?: Serial | null;
  /** Date the doctor received his first INAMI number. */
  firstNumberDate?: Serial | null;
  /** Date from which the doctor adheres to the agreement in `year` (default: the first number's date, or 1 January). */
  adherenceStart?: Serial | null;
}

export function statutSocial(year: number, convention: Convention, hours: number | null = null, options: StatutSocialOptions = {}): Explained<Cents> {
  if (hours !== null && (!Number.isFinite(hours) || hours < 0 || hours > 168)) {
    throw invalid({ fr: `Heures par semaine invalides : ${hours} (nombre de 0 à 168 attendu).`, nl: `Ongeldig aantal uren per week: ${hours} (getal van 0 tot 168 verwacht).` });
  }
  const reimbursed = options.reimbursedX2 ?? null;
  if (reimbursed !== null && (!Number.isSafeInteger(reimbursed) || reimbursed < 0)) {
    throw invalid({ fr: `Remboursements de l'année ${year - 2} invalides : ${formatEuros(reimbursed)} (montant positif attendu).`, nl: `Ongeldige terugbetalingen van ${year - 2}: ${formatEuros(reimbursed)} (positief bedrag verwacht).` });
  }
  const first = options.firstNumberDate ?? null;
  const start = options.adherenceStart ?? null;
  if (start !== null && yearOf(start) !== year) {
    throw invalid({ fr: `Début d'adhésion le ${formatDateFr(start)} : date de l'année ${year} attendue.`, nl: `Begin van de toetreding op ${formatDateFr(start)}: datum in ${year} verwacht.` });
  }
  const what = `Statut social ${year}`;
  const checks: Check[] = [];
  const steps: string[] = [];
  if (convention === "non") {
    checks.push(check("adhesion", "Adhérer à l'accord médico-mutualiste (conventionné, ou partiellement conventionné)", "not_met", "non conventionné"));
    return decideAmount(what, 0, checks, steps, []);
  }
  const amount = params.forYear<number>(`statut-social.${convention}`, year);
  const contract = calendarParam("statut-social.contrat.echeance", year);
  let sources: Source[] = mergeSources(amount.version.sources, contract.sources);
  let value = amount.value;
  steps.push(`Montant ${year} pour un ${LABELS[convention]} : ${formatEuros(amount.value)}.`);

  // Activity: the guide's 13 h a week apply to partial conventionnement only.
  if (convention === "partiel") {
    const min = params.at<number>("statut-social.heures-min", endOfYear(year));
    sources = mergeSources(sources, min.version.sources);
    const label = `Tarifs de l'accord appliqués au moins ${min.value} h/semaine, à des heures fixées et affichées`;
    checks.push(
      hours === null
        ? toVerify("heures", label, "heures par semaine non données : à vérifier")
        : check("heures", label, hours >= min.value ? "met" : "not_met", `${String(hours).replace(".", ",")} h/semaine`),
    );
  } else if (hours !== null) {
    steps.push(`Heures par semaine données (${String(hours).replace(".", ",")} h) : le seuil d'activité d'un ${LABELS[convention]} n'est pas un nombre d'heures (seuil de remboursements), elles ne décident pas.`);
  }

  if (convention !== "formation") {
    const act = activity(year, convention, reimbursed, options.recognisedSince ?? null);
    sources = mergeSources(sources, act.sources);
    checks.push(act.check);
    steps.push(...act.steps);
    if (act.partialAmount) {
      const partial = params.forYear<number>("statut-social.partiel", year);
      sources = mergeSources(sources, partial.version.sources);
      value = partial.value;
      steps.push(`Entre le seuil réduit et le seuil : montant d'un médecin partiellement conventionné, ${formatEuros(value)}.`);
    }
    if (act.undecided) {
      const conditions = checks.map(({ decisive: _d, ...c }) => c);
      throw new UndecidedError(
        {
          fr: `${what} : ${act.undecided}`,
          nl: `${what}: de bronnen zijn het oneens voor een gedeeltelijk geconventioneerde arts tussen de verlaagde drempel en de drempel.`,
        },
        { value: null, steps, sources, conditions },
      );
    }
  } else {
    steps.push("MG en formation : pas de seuil d'activité (médecin en stage au 1er janvier de l'année de référence).");
  }

  // Full-year adherence, except the year of the first INAMI number (then prorated).
  const firstYear = params.at<string>("statut-social.premiere-annee", startOfYear(year));
  const fullYear = "Adhésion à l'accord pour l'année entière (sauf l'année du premier numéro INAMI)";
  if (first !== null && yearOf(first) > year) {
    checks.push(check("annee-complete", fullYear, "not_met", `premier numéro INAMI le ${formatDateFr(first)}, après ${year}`));
  } else if (first !== null && yearOf(first) === year) {
    sources = mergeSources(sources, firstYear.version.sources);
    const from = Math.max(start ?? first, first, startOfYear(year));
    const days = endOfYear(year) - from + 1;
    const total = endOfYear(year) - startOfYear(year) + 1;
    checks.push(check("annee-complete", fullYear, "met", `premier numéro INAMI le ${formatDateFr(first)} : adhésion pour l'année entière non exigée`));
    const prorated = mulFraction(value, days, total);
    steps.push(
      `Année du premier numéro INAMI : montant proportionnel à la durée d'adhésion, du ${formatDateFr(from)} au ${formatDateFr(endOfYear(year))} = ${days}/${total} jours × ${formatEuros(value)} = ${formatEuros(prorated)}.`,
    );
    value = prorated;
  } else if (first !== null && start !== null && start > startOfYear(year)) {
    checks.push(check("annee-complete", fullYear, "not_met", `adhésion à partir du ${formatDateFr(start)}, premier numéro INAMI le ${formatDateFr(first)} (avant ${year})`));
  } else if (first !== null) {
    checks.push(check("annee-complete", fullYear, "met", `premier numéro INAMI le ${formatDateFr(first)} ; adhésion dès le 1er janvier ${year}`));
  } else {
    checks.push(toVerify("annee-complete", fullYear, "l'année du premier numéro INAMI, le montant est proportionnel à la durée d'adhésion : donnez la date du premier numéro"));
  }
  if (convention !== "formation") checks.push(toVerify("agrement", "Disposer d'un agrément"));
  checks.push(toVerify("actif", "Activité effective dans le cadre de l'assurance soins de santé durant toute l'année"));
  checks.push(toVerify("contrat", `Contrat d'assurance ou de pension prenant effet au plus tard le ${formatDateFr(contract.date)}`));
  return decideAmount(what, value, checks, steps, sources);
}

interface Activity {
  check: Check;
  steps: string[];
  sources: Source[];
  /** A conventioned GP between the reduced threshold and the threshold gets the partial amount. */
  partialAmount?: boolean;
  /** The sources disagree: the message of the #N/A. */
  undecided?: string;
}

/** The activity threshold of year `year` (profile of year x−2), or its exemption. */
function activity(year: number, convention: "conventionne" | "partiel", reimbursed: Cents | null, recognisedSince: Serial | null): Activity {
  const ref = year - 2;
  const refStart = serialFromYmd(ref, 1, 1);
  const at = startOfYear(year);
  const min = params.at<number>("statut-social.activite-min", at);
  const reduced = params.at<number>("statut-social.activite-min.reduite", at);
  const exemption = params.at<number>("statut-social.exemption.annees", at);
  const sources = mergeSources(min.version.sources, reduced.version.sources, exemption.version.sources);
  const label = `Seuil d'activité : remboursements de l'assurance soins de santé d'au moins ${formatEuros(min.value)} en ${ref} (année x−2), sauf numéro de médecin agréé de moins de ${exemption.value} ans au 01/01/${ref}`;
  if (recognisedSince !== null && recognisedSince > addYears(refStart, -exemption.value)) {
    return { check: check("activite", label, "met", `numéro de médecin agréé depuis le ${formatDateFr(recognisedSince)} : moins de ${exemption.value} ans au 01/01/${ref}, pas de minimum`), steps: [], sources };
  }
  if (reimbursed === null) {
    return { check: toVerify("activite", label, `remboursements de ${ref} non donnés : à vérifier`), steps: [], sources };
  }
  const detail = `remboursements ${ref} : ${formatEuros(reimbursed)}`;
  if (reimbursed >= min.value) return { check: check("activite", label, "met", detail), steps: [], sources };
  if (reimbursed < reduced.value) {
    return { check: check("activite", label, "not_met", `${detail}, sous le seuil réduit de ${formatEuros(reduced.value)}`), steps: [], sources };
  }
  if (convention === "conventionne") {
    return { check: check("activite", label, "met", `${detail} : entre le seuil réduit (${formatEuros(reduced.value)}) et le seuil`), steps: [], sources, partialAmount: true };
  }
  return {
    check: check("activite", label, "unknown", `${detail} : entre le seuil réduit (${formatEuros(reduced.value)}) et le seuil`),
    steps: [],
    sources,
    undecided: `pour un médecin partiellement conventionné dont les remboursements de ${ref} (${formatEuros(reimbursed)}) sont entre le seuil réduit (${formatEuros(reduced.value)}) et le seuil (${formatEuros(min.value)}), les sources consultées divergent (droit au montant partiel selon Artsenkrant 2017, aucun droit selon Domus Medica 2018).`,
  };
}
