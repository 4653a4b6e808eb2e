/**
 * R5 — Conventionnement and statut social (seeds 000, 001, 003). The
 * statut social (avantage social) goes to doctors who adhere to the
 * médico-mutualiste agreement: 2024 5 881,81 € conventionné, 2 774,59 €
 * partiel (seed 001); 2023 5 546,26 / 2 616,30 €; GP in training 7 916,68 €
 * (2024) / 7 465,04 € (2023) (public source ABSyM). Other years: #N/A.
 *
 * Decisive: the adherence (a non-conventioned doctor gets 0) and the weekly
 * hours when given (< 13 h -> 0). The rest of R5 is listed "à vérifier".
 */
import { params } from "../params";
import { formatEuros, type Cents } from "../money";
import { endOfYear, formatDateFr } from "../dates";
import { invalid } from "../errors";
import { mergeSources, type Explained } from "../explain";
import { calendarParam, check, decideAmount, toVerify, type Check } from "./eligibility";

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

export function statutSocial(year: number, convention: Convention, hours: number | null = null): Explained<Cents> {
  if (hours !== null && (!Number.isFinite(hours) || hours < 0 || hours > 168)) {
    throw invalid({ fr: `Heures par semaine invalides : ${hours} (nombre de 0 à 168 attendu).`, nl: `Ongeldig aantal uren per week: ${hours} (getal van 0 tot 168 verwacht).` });
  }
  const what = `Statut social ${year}`;
  const checks: Check[] = [];
  const steps: string[] = [];
  if (convention === "non") {
    checks.push(check("adhesion", "Adhérer à l'accord médico-mutualiste (conventionné, ou partiellement conventionné)", "not_met", "non conventionné"));
    return decideAmount(what, 0, checks, steps, []);
  }
  const amount = params.forYear<number>(`statut-social.${convention}`, year);
  const min = params.at<number>("statut-social.heures-min", endOfYear(year));
  const contract = calendarParam("statut-social.contrat.echeance", year);
  const sources = mergeSources(amount.version.sources, min.version.sources, contract.sources);
  steps.push(`Montant ${year} pour un ${LABELS[convention]} : ${formatEuros(amount.value)}.`);
  steps.push("L'année du premier numéro INAMI, l'avantage est proportionnel à la durée d'adhésion (guide GBO) : le montant annuel est affiché.");
  const hoursLabel =
    convention === "partiel"
      ? `Tarifs de l'accord appliqués au moins ${min.value} h/semaine, à des heures fixées et affichées`
      : `Seuil d'activité minimal de ${min.value} h/semaine`;
  checks.push(
    hours === null
      ? toVerify("heures", hoursLabel, "heures par semaine non données : à vérifier")
      : check("heures", hoursLabel, hours >= min.value ? "met" : "not_met", `${String(hours).replace(".", ",")} h/semaine`),
  );
  checks.push(toVerify("annee-complete", "Adhésion à l'accord pour l'année entière (sauf l'année du premier numéro INAMI)"));
  if (convention !== "formation") checks.push(toVerify("agrement", "Disposer d'un agrément"));
  checks.push(toVerify("actif", "Activité effective dans le cadre de l'assurance soins de santé durant toute l'année"));
  checks.push(toVerify("contrat", `Contrat d'assurance ou de pension prenant effet au plus tard le ${formatDateFr(contract.date)}`));
  return decideAmount(what, amount.value, checks, steps, sources);
}
