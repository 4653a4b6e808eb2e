/**
 * The administrative calendar of a young GP (R3 agrément, R4 accreditation,
 * R5 conventionnement and statut social, R6 PPI contest, R7 DMG débutant,
 * R8 installation subsidy, R9 Impulseo, R10 practice support): every
 * deadline is a base date (an event the accountant knows) plus a dated
 * parameter — a number of days or months, or a recurring calendar date.
 *
 * Conventions (documented for the accountant):
 * - "date + N jours" is Excel's date + N; "date + N mois" is EDATE (a day
 *   missing in the target month is clamped to the month's last day);
 * - the parameter version is the one in force at the base date (for yearly
 *   events, at 1 January of the reference year);
 * - accreditation: the period starts on the 1st day of the month following
 *   the day both the recognition and the request are received; it lasts
 *   1 year (last day = start + 12 months − 1 day); the renewal request is due
 *   2 months before that last day (EDATE(last day; −2)).
 */
import { params } from "../params";
import { addDays, addMonths, firstOfNextMonth, formatDateFr, serialFromYmd, yearOf, type Serial } from "../dates";
import { invalid, isRuleError, type Lang } from "../errors";
import { formatSource, mergeSources, type Explained, type Source } from "../explain";
import { calendarParam } from "./eligibility";

/** What the base date of an event is. */
export type BaseKind =
  | "endOfTraining"
  | "completeFile"
  | "incompleteNotice"
  | "commissionMeeting"
  | "agrementRequest"
  | "agrement"
  | "accreditationReceived"
  | "accordPublication"
  | "ppiRequest"
  | "installation"
  | "year";

export const BASE_LABELS: Record<BaseKind, { fr: string; nl: string; en: string }> = {
  endOfTraining: { fr: "date de fin de stage (son année)", nl: "einddatum van de stage (het jaar ervan)", en: "end of training (its year)" },
  completeFile: { fr: "date de réception du dossier d'agrément complet", nl: "datum van ontvangst van het volledige erkenningsdossier", en: "date the complete recognition file was received" },
  incompleteNotice: { fr: "date de la notification de l'incomplétude du dossier", nl: "datum van de kennisgeving van het onvolledige dossier", en: "date of the incomplete-file notice" },
  commissionMeeting: { fr: "date de la réunion (avis) de la Commission d'agrément", nl: "datum van de vergadering (advies) van de erkenningscommissie", en: "date of the recognition committee's meeting (opinion)" },
  agrementRequest: { fr: "date de la demande d'agrément", nl: "datum van de erkenningsaanvraag", en: "date of the recognition request" },
  agrement: { fr: "date de l'agrément", nl: "erkenningsdatum", en: "recognition date" },
  accreditationReceived: { fr: "date à laquelle l'agrément et la demande d'accréditation sont tous deux reçus", nl: "datum waarop erkenning en accreditatieaanvraag beide ontvangen zijn", en: "date both the recognition and the accreditation request are received" },
  accordPublication: { fr: "date de publication de l'accord médico-mutualiste au Moniteur belge", nl: "publicatiedatum van het akkoord artsen-ziekenfondsen in het Belgisch Staatsblad", en: "publication date of the doctors–sickness funds agreement" },
  ppiRequest: { fr: "date de la demande de prime en ligne (ou de la notification de la décision)", nl: "datum van de online premieaanvraag (of van de kennisgeving van de beslissing)", en: "date of the online bonus request (or of the notice of decision)" },
  installation: { fr: "date d'installation", nl: "installatiedatum", en: "installation date" },
  year: { fr: "année de référence (année de prime, des frais ou du statut social)", nl: "referentiejaar (premiejaar, jaar van de kosten of van het sociaal statuut)", en: "reference year (bonus year, year of the costs or of the social benefit)" },
};

type Computed = { date: Serial; sources: Source[]; step: string };

export interface EventDef {
  id: string;
  rule: string;
  base: BaseKind;
  label: { fr: string; nl: string; en: string };
  words: readonly string[];
  compute(base: Serial): Computed;
}

function after(paramId: string, sign: 1 | -1 = 1): (base: Serial) => Computed {
  return (base) => {
    const f = params.at<number>(paramId, base);
    const n = f.value * sign;
    const date = f.param.kind === "months" ? addMonths(base, n) : f.param.kind === "days" ? addDays(base, n) : NaN;
    if (!Number.isFinite(date)) throw new Error(`paramètre ${paramId} : durée (days/months) attendue`);
    const unit = f.param.kind === "months" ? "mois" : "jours";
    return { date, sources: f.version.sources, step: `${formatDateFr(base)} ${sign > 0 ? "+" : "−"} ${f.value} ${unit} = ${formatDateFr(date)}` };
  };
}

function calendar(paramId: string): (base: Serial) => Computed {
  return (base) => {
    const year = yearOf(base);
    const c = calendarParam(paramId, year);
    return { date: c.date, sources: c.sources, step: `date fixée pour l'année ${year} : ${formatDateFr(c.date)}` };
  };
}

function accreditationPeriod(base: Serial): { start: Serial; end: Serial; sources: Source[]; months: number } {
  const d = params.at<number>("accreditation.provisoire.duree", base);
  const start = firstOfNextMonth(base);
  return { start, end: addMonths(start, d.value) - 1, sources: d.version.sources, months: d.value };
}

export const EVENTS: readonly EventDef[] = [
  {
    id: "agrement.demande-anticipee", rule: "Agrément", base: "endOfTraining",
    label: { fr: "Demande d'agrément anticipée possible à partir du", nl: "Vervroegde erkenningsaanvraag mogelijk vanaf", en: "Early recognition request possible from" },
    words: ["demande anticipee", "vervroegde aanvraag", "early request"],
    compute: calendar("agrement.demande-anticipee.debut"),
  },
  {
    id: "agrement.carnet", rule: "Agrément", base: "endOfTraining",
    label: { fr: "Carnet de stage à compléter jusqu'au (inclus)", nl: "Stageboekje in te vullen tot en met", en: "Training logbook to complete up to (inclusive)" },
    words: ["carnet de stage", "stageboekje", "logbook"],
    compute: calendar("agrement.carnet.fin"),
  },
  {
    id: "agrement.complement", rule: "Agrément", base: "endOfTraining",
    label: { fr: "Compléter le dossier d'agrément anticipé à partir du", nl: "Vervroegd erkenningsdossier aanvullen vanaf", en: "Complete the early recognition file from" },
    words: ["completer le dossier", "dossier aanvullen", "complete file"],
    compute: calendar("agrement.complement.debut"),
  },
  {
    id: "agrement.commission", rule: "Agrément", base: "completeFile",
    label: { fr: "La Commission d'agrément se prononce au plus tard le", nl: "De erkenningscommissie beslist uiterlijk op", en: "The recognition committee decides at the latest on" },
    words: ["commission", "erkenningscommissie", "commissie", "committee"],
    compute: after("agrement.commission.delai"),
  },
  {
    id: "agrement.incomplet", rule: "Agrément", base: "incompleteNotice",
    label: { fr: "Dossier incomplet : à compléter au plus tard le", nl: "Onvolledig dossier: aan te vullen uiterlijk op", en: "Incomplete file: to complete at the latest on" },
    words: ["dossier incomplet", "incompletude", "onvolledig dossier", "onvolledig", "incomplete file", "incomplete"],
    compute: after("agrement.incomplet.delai"),
  },
  {
    id: "agrement.decision", rule: "Agrément", base: "commissionMeeting",
    label: { fr: "Avis favorable : décision communiquée au plus tard le", nl: "Gunstig advies: beslissing meegedeeld uiterlijk op", en: "Favourable opinion: decision notified at the latest on" },
    words: ["decision favorable", "avis favorable", "gunstig advies", "gunstige beslissing", "favourable decision", "favorable decision"],
    compute: after("agrement.decision-favorable.delai"),
  },
  {
    id: "agrement.avis-defavorable", rule: "Agrément", base: "commissionMeeting",
    label: { fr: "Avis défavorable : notifié au plus tard le", nl: "Ongunstig advies: meegedeeld uiterlijk op", en: "Unfavourable opinion: notified at the latest on" },
    words: ["avis defavorable", "ongunstig advies", "unfavourable opinion", "unfavorable opinion"],
    compute: after("agrement.avis-defavorable.delai"),
  },
  {
    id: "accreditation.demande-debut", rule: "Accréditation", base: "agrementRequest",
    label: { fr: "Accréditation provisoire : demande possible à partir du", nl: "Voorlopige accreditering: aanvraag mogelijk vanaf", en: "Provisional accreditation: request possible from" },
    words: ["accreditatie aanvraag vanaf", "accreditation request from"],
    compute: (base) => {
      const f = params.at<number>("accreditation.demande.apres-agrement", base);
      return { date: base, sources: f.version.sources, step: `dès le jour de la demande d'agrément : ${formatDateFr(base)}` };
    },
  },
  {
    id: "accreditation.demande-fin", rule: "Accréditation", base: "agrement",
    label: { fr: "Accréditation provisoire : demande au plus tard le", nl: "Voorlopige accreditering: aanvraag uiterlijk op", en: "Provisional accreditation: request at the latest on" },
    words: ["accreditatie aanvraag tot", "accreditation request until", "accreditation deadline"],
    compute: after("accreditation.demande.apres-agrement"),
  },
  {
    id: "accreditation.debut", rule: "Accréditation", base: "accreditationReceived",
    label: { fr: "Accréditation provisoire : début de la période", nl: "Voorlopige accreditering: begin van de periode", en: "Provisional accreditation: start of the period" },
    words: ["accreditatie begin", "accreditation start"],
    compute: (base) => {
      const p = accreditationPeriod(base);
      return { date: p.start, sources: p.sources, step: `1er jour du mois qui suit le ${formatDateFr(base)} : ${formatDateFr(p.start)}` };
    },
  },
  {
    id: "accreditation.fin", rule: "Accréditation", base: "accreditationReceived",
    label: { fr: "Accréditation provisoire : dernier jour de la période", nl: "Voorlopige accreditering: laatste dag van de periode", en: "Provisional accreditation: last day of the period" },
    words: ["accreditatie einde", "accreditation end"],
    compute: (base) => {
      const p = accreditationPeriod(base);
      return { date: p.end, sources: p.sources, step: `période du ${formatDateFr(p.start)} pour ${p.months} mois : dernier jour ${formatDateFr(p.end)}` };
    },
  },
  {
    id: "accreditation.renouvellement", rule: "Accréditation", base: "accreditationReceived",
    label: { fr: "Accréditation : demande de prolongation au plus tard le", nl: "Accreditering: verlengingsaanvraag uiterlijk op", en: "Accreditation: renewal request at the latest on" },
    words: ["renouvellement", "prolongation", "verlenging", "hernieuwing", "renewal"],
    compute: (base) => {
      const p = accreditationPeriod(base);
      const f = params.at<number>("accreditation.renouvellement.preavis", base);
      const date = addMonths(p.end, -f.value);
      return { date, sources: mergeSources(p.sources, f.version.sources), step: `dernier jour ${formatDateFr(p.end)} − ${f.value} mois = ${formatDateFr(date)}` };
    },
  },
  {
    id: "accreditation.prolongation-fin", rule: "Accréditation", base: "accreditationReceived",
    label: { fr: "Accréditation prolongée : dernier jour de la prolongation", nl: "Verlengde accreditering: laatste dag van de verlenging", en: "Renewed accreditation: last day of the renewal" },
    words: ["fin de prolongation", "einde verlenging", "end of renewal"],
    compute: (base) => {
      const p = accreditationPeriod(base);
      const f = params.at<number>("accreditation.prolongation.duree", base);
      const date = addMonths(p.end + 1, f.value) - 1;
      return { date, sources: mergeSources(p.sources, f.version.sources), step: `du ${formatDateFr(p.end + 1)} pour ${f.value} mois : dernier jour ${formatDateFr(date)}` };
    },
  },
  {
    id: "convention.refus", rule: "Statut social", base: "accordPublication",
    label: { fr: "Refus d'adhésion ou adhésion partielle à notifier au plus tard le", nl: "Weigering of gedeeltelijke toetreding te melden uiterlijk op", en: "Refusal or partial adherence to notify at the latest on" },
    words: ["refus", "deconventionnement", "adhesion partielle", "weigering", "refusal", "opt out"],
    compute: after("convention.refus.delai"),
  },
  {
    id: "statut-social.contrat", rule: "Statut social", base: "year",
    label: { fr: "Statut social : contrat d'assurance ou de pension effectif au plus tard le", nl: "Sociaal statuut: verzekerings- of pensioencontract uiterlijk van kracht op", en: "Social benefit: insurance or pension contract effective at the latest on" },
    words: ["statut social", "sociaal statuut", "social benefit"],
    compute: calendar("statut-social.contrat.echeance"),
  },
  {
    id: "ppi.contestation", rule: "Prime de pratique intégrée", base: "ppiRequest",
    label: { fr: "Prime de pratique intégrée : contestation au plus tard le", nl: "Geïntegreerde praktijkpremie: betwisting uiterlijk op", en: "Integrated practice bonus: contest at the latest on" },
    words: ["contestation", "betwisting", "contest", "appeal"],
    compute: after("ppi.contestation.delai"),
  },
  {
    id: "dmg.forfait-debut", rule: "Prime DMG débutant", base: "year",
    label: { fr: "Prime DMG débutant : début de la période d'observation du travail au forfait", nl: "GMD-starterpremie: begin van de observatieperiode van het forfaitair werk", en: "Starter GMD bonus: start of the capitation observation period" },
    words: ["dmg debut", "gmd begin", "gmd start"],
    compute: calendar("dmg-debutant.forfait.periode-debut"),
  },
  {
    id: "dmg.forfait-fin", rule: "Prime DMG débutant", base: "year",
    label: { fr: "Prime DMG débutant : fin de la période d'observation du travail au forfait", nl: "GMD-starterpremie: einde van de observatieperiode van het forfaitair werk", en: "Starter GMD bonus: end of the capitation observation period" },
    words: ["dmg fin", "gmd einde", "gmd end"],
    compute: calendar("dmg-debutant.forfait.periode-fin"),
  },
  {
    id: "installation.jeune-limite", rule: "Subvention d'installation", base: "agrement",
    label: { fr: "Subvention jeune MG : dernier jour d'installation comme « jeune médecin »", nl: "Subsidie jonge huisarts: laatste installatiedag als « jonge arts »", en: "Young GP grant: last installation day as a \"young GP\"" },
    words: ["jeune medecin", "jonge arts", "young gp"],
    compute: (base) => {
      // Read at the limit itself (an agrément of 2020 is judged by the rule in force at installation).
      const latest = params.latest<number>("installation.jeune.agrement-max");
      const f = params.at<number>("installation.jeune.agrement-max", addMonths(base, latest.value));
      const date = addMonths(base, f.value);
      return { date, sources: f.version.sources, step: `${formatDateFr(base)} + ${f.value} mois = ${formatDateFr(date)}` };
    },
  },
  {
    id: "installation.demande", rule: "Subvention d'installation", base: "installation",
    label: { fr: "Subvention d'installation : demande au plus tard le", nl: "Installatiesubsidie: aanvraag uiterlijk op", en: "Installation grant: request at the latest on" },
    words: ["subvention installation", "demande de subvention", "installatiesubsidie", "installation grant", "subsidy request"],
    compute: after("installation.demande.delai"),
  },
  {
    id: "installation.depenses-debut", rule: "Subvention d'installation", base: "installation",
    label: { fr: "Subvention d'installation : dépenses admises à partir du (si accompagnement par une structure financée par la COCOM)", nl: "Installatiesubsidie: uitgaven toegestaan vanaf (bij begeleiding door een GGC-structuur)", en: "Installation grant: spending allowed from (if accompanied by a COCOM-funded structure)" },
    words: ["depenses debut", "uitgaven vanaf", "spending from"],
    compute: after("installation.depenses.avant", -1),
  },
  {
    id: "installation.depenses-fin", rule: "Subvention d'installation", base: "installation",
    label: { fr: "Subvention d'installation : dépenses admises jusqu'au", nl: "Installatiesubsidie: uitgaven toegestaan tot", en: "Installation grant: spending allowed until" },
    words: ["depenses fin", "uitgaven tot", "spending until"],
    compute: after("installation.depenses.apres"),
  },
  {
    id: "impulseo.demande-debut", rule: "Impulseo", base: "year",
    label: { fr: "Impulseo II et III : demande à partir du", nl: "Impulseo II en III: aanvraag vanaf", en: "Impulseo II and III: request from" },
    words: ["impulseo debut", "impulseo vanaf", "impulseo from"],
    compute: calendar("impulseo.demande.debut"),
  },
  {
    id: "impulseo.demande", rule: "Impulseo", base: "year",
    label: { fr: "Impulseo II et III : demande au plus tard le", nl: "Impulseo II en III: aanvraag uiterlijk op", en: "Impulseo II and III: request at the latest on" },
    words: ["impulseo", "impulseo fin", "impulseo demande fin", "impulseo tot", "impulseo until"],
    compute: calendar("impulseo.demande.fin"),
  },
  {
    id: "continuite.contrat-debut", rule: "Continuité des soins et gestion de cabinet", base: "year",
    label: { fr: "Continuité des soins : contrat prenant effet au plus tôt le", nl: "Continuïteit van zorg: overeenkomst ten vroegste van kracht op", en: "Continuity of care: contract effective at the earliest on" },
    words: ["continuite contrat debut", "continuiteit overeenkomst begin", "continuity contract start"],
    compute: calendar("continuite.contrat.debut"),
  },
  {
    id: "continuite.contrat-fin", rule: "Continuité des soins et gestion de cabinet", base: "year",
    label: { fr: "Continuité des soins : contrat prenant effet au plus tard le", nl: "Continuïteit van zorg: overeenkomst uiterlijk van kracht op", en: "Continuity of care: contract effective at the latest on" },
    words: ["continuite contrat fin", "continuiteit overeenkomst einde", "continuity contract end"],
    compute: calendar("continuite.contrat.fin"),
  },
  {
    id: "continuite.demande", rule: "Continuité des soins et gestion de cabinet", base: "year",
    label: { fr: "Continuité des soins : demande au plus tard le", nl: "Continuïteit van zorg: aanvraag uiterlijk op", en: "Continuity of care: request at the latest on" },
    words: ["continuite", "continuite des soins", "continuiteit", "continuiteit van zorg", "continuity", "continuity of care"],
    compute: calendar("continuite.demande.fin"),
  },
  {
    id: "continuite.paiement", rule: "Continuité des soins et gestion de cabinet", base: "year",
    label: { fr: "Continuité des soins : versement au plus tard le", nl: "Continuïteit van zorg: betaling uiterlijk op", en: "Continuity of care: paid at the latest on" },
    words: ["continuite versement", "continuiteit betaling", "continuity payment"],
    compute: calendar("continuite.paiement"),
  },
  {
    id: "gestion.demande-debut", rule: "Continuité des soins et gestion de cabinet", base: "year",
    label: { fr: "Gestion de cabinet : demande à partir du", nl: "Praktijkbeheer: aanvraag vanaf", en: "Practice management: request from" },
    words: ["gestion debut", "gestion de cabinet debut", "praktijkbeheer vanaf", "practice management from"],
    compute: calendar("gestion.demande.debut"),
  },
  {
    id: "gestion.demande", rule: "Continuité des soins et gestion de cabinet", base: "year",
    label: { fr: "Gestion de cabinet : demande au plus tard le", nl: "Praktijkbeheer: aanvraag uiterlijk op", en: "Practice management: request at the latest on" },
    words: ["gestion", "gestion de cabinet", "gestion fin", "praktijkbeheer", "practice management"],
    compute: calendar("gestion.demande.fin"),
  },
  {
    id: "gestion.paiement", rule: "Continuité des soins et gestion de cabinet", base: "year",
    label: { fr: "Gestion de cabinet : versement au plus tard le", nl: "Praktijkbeheer: betaling uiterlijk op", en: "Practice management: paid at the latest on" },
    words: ["gestion versement", "praktijkbeheer betaling", "practice management payment"],
    compute: calendar("gestion.paiement"),
  },
];

const byId = new Map(EVENTS.map((e) => [e.id, e]));

/** Every spelling (id, FR/NL/EN words) -> event id; for matchWord. */
export const EVENT_WORDS: Record<string, readonly string[]> = Object.fromEntries(EVENTS.map((e) => [e.id, e.words]));

export function eventById(id: string): EventDef {
  const e = byId.get(id);
  if (!e) throw invalid(`Échéance inconnue : ${id}.`);
  return e;
}

/** The deadline of `event` from its base date, explained. */
export function deadline(eventId: string, base: Serial): Explained<Serial> {
  const e = eventById(eventId);
  const c = e.compute(base);
  return {
    value: c.date,
    steps: [`${e.label.fr} : ${formatDateFr(c.date)} (${e.rule} ; à partir de la ${BASE_LABELS[e.base].fr} : ${c.step}).`],
    sources: c.sources,
  };
}

/** The dates an accountant knows, for the calendar ("Échéancier") of a scenario. */
export interface DeadlineDates {
  endOfTraining?: Serial;
  completeFile?: Serial;
  incompleteNotice?: Serial;
  commissionMeeting?: Serial;
  agrementRequest?: Serial;
  agrement?: Serial;
  accreditationReceived?: Serial;
  accordPublication?: Serial;
  ppiRequest?: Serial;
  installation?: Serial;
  /** Reference years (prime years, years of costs): calendar numbers such as 2025. */
  years?: number[];
}

export interface DeadlineRow {
  event: string;
  rule: string;
  label: string;
  /** Excel serial, or null when the parameter is not known for that date (see `error`). */
  date: Serial | null;
  /** The reference year for yearly events. */
  year?: number;
  sources: Source[];
  /** The first source as one line (formatSource). */
  source: string;
  /** The #N/A message when the date is not known. */
  error?: string;
}

/**
 * Every deadline derivable from `dates`, sorted by date (unknown dates last,
 * with the reason): the rows of the scenario's "Échéancier" sheet.
 */
export function deadlines(dates: DeadlineDates, lang: Lang = "fr"): DeadlineRow[] {
  const rows: DeadlineRow[] = [];
  for (const e of EVENTS) {
    const bases: { base: Serial; year?: number }[] = [];
    if (e.base === "year") {
      for (const y of dates.years ?? []) {
        if (!Number.isInteger(y) || y < 1900 || y > 9998) throw invalid(`Année invalide : ${y}.`);
        bases.push({ base: serialFromYmd(y, 1, 1), year: y });
      }
    } else {
      const b = dates[e.base];
      if (b !== undefined && b !== null) bases.push({ base: b });
    }
    for (const { base, year } of bases) {
      const label = e.label[lang] ?? e.label.fr;
      try {
        const c = e.compute(base);
        rows.push({ event: e.id, rule: e.rule, label, date: c.date, ...(year !== undefined ? { year } : {}), sources: c.sources, source: c.sources[0] ? formatSource(c.sources[0]) : "" });
      } catch (err) {
        if (!isRuleError(err)) throw err;
        rows.push({ event: e.id, rule: e.rule, label, date: null, ...(year !== undefined ? { year } : {}), sources: [], source: "", error: err.messageIn(lang) });
      }
    }
  }
  return rows.sort((a, b) => (a.date ?? Infinity) - (b.date ?? Infinity) || a.event.localeCompare(b.event));
}
