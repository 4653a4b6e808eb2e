/**
 * R8 — Brussels installation subsidies: arrêté du Collège réuni of 19/12/2024
 * (MB 14/01/2025), which follows the Conseil d'État's annulment (18/09/2024)
 * of the arrêté of 27/01/2022 that the FAMGB guide summarises. Versions start
 * on 14/01/2025; before, #N/A with the reason. Two grants, the amount being
 * the lesser of the cap and the budget presented:
 * - young GP (agréé for at most 5 years at the installation date) installing
 *   in a quartier en pénurie: up to 15 000 €;
 * - multidisciplinary structure: up to 225 000 € in a quartier en pénurie,
 *   150 000 € elsewhere (the seed's "225.00€" on one page is a typo).
 * Whether the quarter is en pénurie is an explicit argument: the official
 * list is not built in (see MG.IS.PENURIE).
 *
 * Decisive conditions: pénurie (young GP), the young-GP dates, the request
 * date and the conventioned tariff (young GP) when given. The content of the
 * file (first-line missions, FR/NL, budget, Sumehr, ...) is listed "à vérifier".
 */
import { params } from "../params";
import { formatEuros, type Cents } from "../money";
import { addMonths, formatDateFr, type Serial } from "../dates";
import { invalid } from "../errors";
import { mergeSources, type Explained } from "../explain";
import { check, decideAmount, fromBool, toVerify, UndecidedError, type Check } from "./eligibility";

export type SubsidyKind = "jeune" | "structure";

export const SUBSIDY_KINDS: Record<SubsidyKind, readonly string[]> = {
  jeune: ["jeune medecin", "jeune mg", "medecin", "mg", "jonge arts", "jonge huisarts", "huisarts", "young gp", "young doctor", "gp"],
  structure: ["structure multidisciplinaire", "multidisciplinaire", "multidisciplinaire structuur", "structuur", "multidisciplinary structure", "multidisciplinary"],
};

export interface SubsidyInput {
  kind: SubsidyKind;
  /** Budget presented (cents, ≥ 0). */
  budget: Cents;
  /** Quarter en pénurie (null = not given). */
  penurie: boolean | null;
  /** Date of the agrément (young GP). */
  agrement: Serial | null;
  /** Date of installation. */
  installation: Serial | null;
  /** Date the request was (or will be) introduced. */
  request: Serial | null;
  /** Date at which the parameters are read when the installation date is not given (today). */
  fallbackDate: Serial;
  /**
   * Young GP: bills the conventioned tariff (« Prester ses activités moyennant
   * la facturation du tarif conventionné »). Omitted/null: "à vérifier";
   * false: not eligible (0).
   */
  conventioned?: boolean | null;
}

export function installationSubsidy(input: SubsidyInput): Explained<Cents> {
  const { kind, budget, penurie, agrement, installation, request } = input;
  if (!Number.isSafeInteger(budget) || budget < 0) throw invalid(`Budget présenté invalide : ${formatEuros(budget)} (montant positif attendu).`);
  if (request !== null && installation === null) {
    throw invalid({ fr: "Date de demande donnée sans date d'installation : le délai de 6 mois court à partir de l'installation.", nl: "Aanvraagdatum zonder installatiedatum: de termijn van 6 maanden loopt vanaf de installatie." });
  }
  const at = installation ?? input.fallbackDate;
  const checks: Check[] = [];
  const steps: string[] = [];
  if (installation === null) steps.push(`Date d'installation non donnée : paramètres lus au ${formatDateFr(at)}.`);
  const delay = params.at<number>("installation.demande.delai", at);
  let sources = delay.version.sources;

  let cap: Cents;
  let what: string;
  if (kind === "jeune") {
    what = "Subvention d'installation jeune MG";
    const c = params.at<number>("installation.jeune.plafond", at);
    const young = params.at<number>("installation.jeune.agrement-max", at);
    const quota = params.at<number>("installation.jeune.octrois-max", at);
    const stay = params.at<number>("installation.sejour-min", at);
    sources = mergeSources(c.version.sources, young.version.sources, sources, quota.version.sources, stay.version.sources);
    cap = c.value;
    checks.push(fromBool("penurie", "Installé dans un quartier en pénurie (liste officielle de l'arrêté ; voir MG.IS.PENURIE)", penurie, true, "quartier en pénurie"));
    const youngLabel = `« Jeune médecin » : agréé depuis ${young.value / 12} ans au plus à la date d'installation`;
    if (agrement === null || installation === null) {
      checks.push(check("jeune", youngLabel, "unknown", "dates d'agrément et d'installation non renseignées"));
    } else {
      const limit = addMonths(agrement, young.value);
      const status = installation >= agrement && installation <= limit ? "met" : "not_met";
      const detail = installation < agrement
        ? `installation le ${formatDateFr(installation)}, avant l'agrément du ${formatDateFr(agrement)}`
        : `agréé le ${formatDateFr(agrement)}, installé le ${formatDateFr(installation)} (limite : ${formatDateFr(limit)})`;
      checks.push(check("jeune", youngLabel, status, detail));
    }
    const conv = params.at<string>("installation.jeune.conventionne", at);
    sources = mergeSources(sources, conv.version.sources);
    checks.push(fromBool("convention", "Prester ses activités moyennant la facturation du tarif conventionné", input.conventioned ?? null, false, "tarif conventionné"));
    checks.push(toVerify("missions", "Présenter l'exécution des missions de la première ligne"));
    checks.push(toVerify("langues", "Actions pour s'adresser à tous les Bruxellois, en français et en néerlandais"));
    checks.push(toVerify("budget", "Budget présenté : allocation des dépenses prévues et leur nécessité"));
    checks.push(toVerify("sumehr", "Au moins 1 Sumehr publié sur le Réseau Santé Bruxellois"));
    checks.push(toVerify("sejour", `Rester installé au moins ${stay.value / 12} ans dans le même quartier`));
    checks.push(toVerify("quota", `Au plus ${quota.value} subventions jeune MG par année civile`));
  } else {
    what = "Subvention d'installation d'une structure multidisciplinaire";
    const inP = params.at<number>("installation.structure.plafond.penurie", at);
    const out = params.at<number>("installation.structure.plafond.autre", at);
    const pr = params.at<number>("installation.structure.praticiens-min", at);
    const mg = params.at<number>("installation.structure.mg-min", at);
    const h = params.at<number>("installation.structure.heures-mg-min", at);
    const re = params.at<number>("installation.affectation.annees", at);
    const fte = params.at<string>("installation.structure.etp-min", at);
    const young = params.at<number>("installation.jeune.agrement-max", at);
    sources = mergeSources(inP.version.sources, out.version.sources, sources, pr.version.sources);
    checks.push(toVerify("praticiens", `Au moins ${pr.value} praticiens exerçant chacun au moins ${fte.value}`));
    checks.push(toVerify("mg", `Au moins ${mg.value} médecins généralistes dont un jeune médecin (agréé depuis ${young.value / 12} ans au plus), ensemble au moins ${h.value} h/semaine`));
    checks.push(toVerify("convention", "Uniquement des praticiens conventionnés exerçant dans la structure"));
    const asbl = params.at<string>("installation.structure.asbl", at);
    sources = mergeSources(sources, asbl.version.sources);
    checks.push(toVerify("asbl", "ASBL dont l'assemblée générale est majoritairement composée de praticiens de la structure", "maintenue pour les structures selon Le Spécialiste (2025), supprimée selon d'autres présentations : à vérifier"));
    checks.push(toVerify("gestion", "Capacité de gestion d'une structure multidisciplinaire démontrée"));
    checks.push(toVerify("missions", "Présenter l'exécution des missions de la première ligne"));
    checks.push(toVerify("langues", "Organisation bicommunautaire (actions en français et en néerlandais)"));
    checks.push(toVerify("budget", "Budget présenté : allocation des dépenses prévues et leur nécessité"));
    checks.push(toVerify("sumehr", "Au moins 1 Sumehr publié sur le Réseau Santé Bruxellois"));
    checks.push(toVerify("immobilier", `Bien immobilier subventionné affecté à la structure pendant ${re.value} ans`));
    if (penurie === null) {
      const conditions = checks.map(({ decisive: _d, ...c }) => c);
      throw new UndecidedError(
        {
          fr: `${what} : dites si le quartier est en pénurie (plafond ${formatEuros(inP.value)}) ou non (plafond ${formatEuros(out.value)}).`,
          nl: `${what}: geef aan of de wijk een tekortwijk is (plafond ${formatEuros(inP.value)}) of niet (plafond ${formatEuros(out.value)}).`,
        },
        { value: null, steps, sources, conditions },
      );
    }
    cap = penurie ? inP.value : out.value;
    steps.push(`Quartier ${penurie ? "en pénurie" : "hors pénurie"} : plafond ${formatEuros(cap)}.`);
  }

  if (request !== null && installation !== null) {
    const last = addMonths(installation, delay.value);
    checks.push(check("delai", `Demande dans les ${delay.value} mois suivant l'installation (au plus tard le ${formatDateFr(last)})`, request <= last ? "met" : "not_met", `demande du ${formatDateFr(request)}`));
  } else {
    const last = installation !== null ? ` : au plus tard le ${formatDateFr(addMonths(installation, delay.value))}` : "";
    checks.push(toVerify("delai", `Demande dans les ${delay.value} mois suivant l'installation${last}`, "date de demande non donnée : à respecter"));
  }

  const amount = Math.min(cap, budget);
  steps.push(
    budget <= cap
      ? `Budget présenté ${formatEuros(budget)} ≤ plafond ${formatEuros(cap)} : subvention au plus ${formatEuros(amount)}.`
      : `Budget présenté ${formatEuros(budget)} > plafond ${formatEuros(cap)} : subvention plafonnée à ${formatEuros(amount)}.`,
  );
  return decideAmount(what, amount, checks, steps, sources);
}
