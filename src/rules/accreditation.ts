/**
 * R4 — Accreditation (seeds 000, 001): the yearly flat fee and the dates of
 * the provisional accreditation. The request is possible from the day of the
 * agrément request until 3 months after the agrément; the period starts on
 * the 1st day of the month after both the recognition and the request are
 * received; it lasts 1 year; the renewal (3 years) is requested at the latest
 * 2 months before its end.
 */
import { params } from "../params";
import { formatEuros, type Cents } from "../money";
import { addMonths, formatDateFr, startOfYear, type Serial } from "../dates";
import { invalid, unknown } from "../errors";
import { mergeSources, type Explained, type Condition } from "../explain";
import { deadline } from "./echeances";
import { check, decideAmount, toVerify, type Check } from "./eligibility";

/** What the accountant knows about the accreditation conditions (null = not given). */
export interface AccreditationFacts {
  /** Credit points over the 12-month reference period. */
  cp?: number | null;
  /** Of which in ethics and economics. */
  cpEthics?: number | null;
  /** GLEM sessions attended in that period. */
  glemSessions?: number | null;
  /** Patient contacts in the year. */
  contacts?: number | null;
  /** Complete years of practice. */
  yearsOfPractice?: number | null;
}

/**
 * The yearly flat fee; with facts, the conditions of a (renewed)
 * accreditation are checked: a fact given and below its threshold -> 0,
 * facts not given are listed "à vérifier".
 */
export function accreditationForfait(year: number, facts: AccreditationFacts = {}): Explained<Cents> {
  const f = params.forYear<number>("accreditation.forfait", year);
  const at = startOfYear(year);
  for (const [name, v] of Object.entries(facts)) {
    if (v !== null && v !== undefined && (!Number.isInteger(v) || v < 0)) {
      throw invalid({ fr: `Accréditation : « ${name} » doit être un entier positif, reçu ${v}.`, nl: `Accreditering: « ${name} » moet een positief geheel getal zijn, ontvangen ${v}.` });
    }
  }
  if (facts.cp != null && facts.cpEthics != null && facts.cpEthics > facts.cp) {
    throw invalid({ fr: `Les CP en éthique et économie (${facts.cpEthics}) font partie du total (${facts.cp}) : ils ne peuvent pas le dépasser.`, nl: `De CP ethiek en economie (${facts.cpEthics}) maken deel uit van het totaal (${facts.cp}).` });
  }
  const feeStep = `Honoraire forfaitaire annuel d'accréditation ${year} : ${formatEuros(f.value)} (accréditation facultative ; s'y ajoutent les honoraires majorés des consultations et visites).`;
  const anyFact = Object.values(facts).some((v) => v !== null && v !== undefined);
  const conditionVersions = params.get("accreditation.cp-min").versions;
  if (!anyFact && !conditionVersions.some((v) => at >= v.from && at <= v.to)) {
    // The fee is known for this year but the conditions are attested from a later date only: give the fee alone.
    return { value: f.value, steps: [feeStep, `Conditions de l'accréditation non encodées pour ${year} (attestées à partir du ${formatDateFr(conditionVersions[0].from)}) : non vérifiées.`], sources: f.version.sources };
  }
  const cp = params.at<number>("accreditation.cp-min", at);
  const eth = params.at<number>("accreditation.cp-ethique-min", at);
  const glem = params.at<number>("accreditation.glem-min", at);
  const contacts = params.at<number>("accreditation.contacts-min", at);
  const after = params.at<number>("accreditation.contacts.apres-annees", at);
  const checks: Check[] = [];
  const atLeast = (id: string, label: string, value: number | null | undefined, min: number, unit: string): Check =>
    value === null || value === undefined ? toVerify(id, label) : check(id, label, value >= min ? "met" : "not_met", `${value} ${unit}`);
  checks.push(toVerify("glem", "Inscrit dans un GLEM de la région d'exercice"));
  checks.push(atLeast("cp", `Au moins ${cp.value} unités d'accréditation (CP) sur 12 mois`, facts.cp, cp.value, "CP"));
  checks.push(atLeast("cp-ethique", `Dont au moins ${eth.value} CP en éthique et économie`, facts.cpEthics, eth.value, "CP"));
  checks.push(atLeast("glem-sessions", `Au moins ${glem.value} sessions du GLEM sur la même période`, facts.glemSessions, glem.value, "sessions"));
  const cLabel = `Après ${after.value} années de pratique : au moins ${contacts.value} contacts patients par an`;
  const years = facts.yearsOfPractice;
  if (years !== null && years !== undefined && years < after.value) {
    checks.push(check("contacts", cLabel, "met", `${years} année(s) de pratique : pas encore applicable`));
  } else if (facts.contacts !== null && facts.contacts !== undefined) {
    const known = years !== null && years !== undefined;
    if (facts.contacts >= contacts.value) checks.push(check("contacts", cLabel, "met", `${facts.contacts} contacts`));
    else if (known) checks.push(check("contacts", cLabel, "not_met", `${facts.contacts} contacts, ${years} années de pratique`));
    // Below the threshold but the years of practice are not given: it may not apply yet.
    else checks.push(toVerify("contacts", cLabel, `${facts.contacts} contacts : insuffisant si ${after.value} années de pratique sont écoulées (années non données)`));
  } else {
    checks.push(toVerify("contacts", cLabel));
  }
  const steps = [
    feeStep,
    "L'accréditation provisoire (1re année) demande l'inscription dans un GLEM et la demande d'agrément ; les conditions de CP, de sessions et de contacts valent pour la prolongation (médecins établis).",
  ];
  const sources = mergeSources(f.version.sources, cp.version.sources);
  return decideAmount(`Forfait d'accréditation ${year}`, f.value, checks, steps, sources);
}

export type AccreditationEvent = "debut" | "fin" | "renouvellement" | "prolongation" | "demande-debut" | "demande-fin";

export const ACCREDITATION_EVENTS: Record<AccreditationEvent, readonly string[]> = {
  debut: ["start", "begin", "commencement", "debut de la periode", "aanvang"],
  fin: ["end", "einde", "fin de la periode", "expiry"],
  renouvellement: ["renewal", "verlenging", "hernieuwing", "prolongation demande", "renouveler"],
  prolongation: ["fin de prolongation", "prolongation fin", "einde verlenging", "renewal end", "extension end"],
  "demande-debut": ["demande debut", "aanvraag vanaf", "request from", "request start"],
  "demande-fin": ["demande fin", "date limite de demande", "aanvraag uiterlijk", "request deadline", "request end"],
};

const EVENT_IDS: Record<AccreditationEvent, string> = {
  debut: "accreditation.debut",
  fin: "accreditation.fin",
  renouvellement: "accreditation.renouvellement",
  prolongation: "accreditation.prolongation-fin",
  "demande-debut": "accreditation.demande-debut",
  "demande-fin": "accreditation.demande-fin",
};

/**
 * A date of the provisional accreditation.
 * @param agrement date of the agrément (recognition received)
 * @param request date of the accreditation request (default: the agrément date, i.e. asked no later than it)
 * @param agrementRequest date of the agrément request (needed for "demande-debut"; checks the window when given)
 */
export function accreditationDate(
  event: AccreditationEvent,
  agrement: Serial,
  request: Serial | null = null,
  agrementRequest: Serial | null = null,
): Explained<Serial> {
  if (agrementRequest !== null && agrementRequest > agrement) {
    throw invalid({
      fr: `La demande d'agrément (${formatDateFr(agrementRequest)}) ne peut pas suivre l'agrément (${formatDateFr(agrement)}).`,
      nl: `De erkenningsaanvraag (${formatDateFr(agrementRequest)}) kan niet na de erkenning (${formatDateFr(agrement)}) komen.`,
    });
  }
  if (event === "demande-debut") {
    if (agrementRequest === null) {
      throw unknown({
        fr: "Début de la fenêtre de demande : c'est le jour de la demande d'agrément ; donnez cette date (4e argument).",
        nl: "Begin van de aanvraagperiode: de dag van de erkenningsaanvraag; geef die datum (4e argument).",
      });
    }
    return deadline(EVENT_IDS[event], agrementRequest);
  }
  if (event === "demande-fin") return deadline(EVENT_IDS[event], agrement);

  const window = params.at<number>("accreditation.demande.apres-agrement", agrement);
  const lastRequest = addMonths(agrement, window.value);
  const conditions: Condition[] = [];
  const steps: string[] = [];
  const req = request ?? agrement;
  if (request === null) steps.push(`Date de la demande d'accréditation non donnée : demande supposée introduite au plus tard le jour de l'agrément (${formatDateFr(agrement)}).`);
  const inWindow = req <= lastRequest && (agrementRequest === null || req >= agrementRequest);
  conditions.push({
    id: "fenetre",
    label: `Demande d'accréditation provisoire entre la demande d'agrément et ${window.value} mois après l'agrément (au plus tard le ${formatDateFr(lastRequest)})`,
    status: inWindow ? "met" : "not_met",
    detail: `demande du ${formatDateFr(req)}`,
  });
  conditions.push({ id: "glem", label: "Inscrit dans un GLEM de la région d'exercice", status: "unknown", detail: "à vérifier" });
  conditions.push({ id: "en-ligne", label: "Demande introduite en ligne (application web de l'INAMI)", status: "unknown", detail: "à vérifier" });
  if (!inWindow) {
    throw unknown({
      fr: `Demande d'accréditation provisoire du ${formatDateFr(req)} hors délai (possible de la demande d'agrément au ${formatDateFr(lastRequest)}) : pas de période d'accréditation provisoire à calculer.`,
      nl: `Aanvraag voorlopige accreditering van ${formatDateFr(req)} buiten de termijn (mogelijk van de erkenningsaanvraag tot ${formatDateFr(lastRequest)}): geen voorlopige accreditering te berekenen.`,
    });
  }
  const received = Math.max(agrement, req);
  steps.push(`Agrément (${formatDateFr(agrement)}) et demande (${formatDateFr(req)}) reçus tous deux le ${formatDateFr(received)}.`);
  const d = deadline(EVENT_IDS[event], received);
  return { value: d.value, steps: [...steps, ...d.steps], sources: mergeSources(window.version.sources, d.sources), conditions };
}
