/**
 * Catalog entries of the practice rules: agrément calendar,
 * R4 accreditation, R5 statut social, R7 prime DMG débutant, R8 installation
 * subsidies, R10 practice support, R12 planning permit, R13 costs — plus
 * ECHEANCE, the deadline of any event of the calendar.
 *
 * Eligibility functions (see src/rules/eligibility.ts): the amount when every
 * decisive condition is met, 0 when a condition is not met, #N/A naming the
 * unknown conditions when a decisive argument is omitted. MG.EXPLAIN shows
 * the conditions in every case.
 */
import { centsToEuros, type Cents } from "../money";
import { invalid } from "../errors";
import type { Explained } from "../explain";
import { serialFromYmd, type Serial } from "../dates";
import { bool, date, euros, int, isMissing, num, optBool, optDate, optWord, text, word, year, type Cell } from "./args";
import type { CellResult, FunctionSpec, Texts } from "./types";
import { dmgDebutant } from "../rules/dmg-debutant";
import { installationSubsidy, SUBSIDY_KINDS } from "../rules/installation";
import { accreditationDate, accreditationForfait, ACCREDITATION_EVENTS } from "../rules/accreditation";
import { statutSocial, CONVENTIONS } from "../rules/statut-social";
import { continuiteSoins, gestionCabinet, BOUNDS } from "../rules/soutien-cabinet";
import { deadline, eventById, EVENT_WORDS, EVENTS } from "../rules/echeances";
import { permisUrbanisme, verdictText } from "../rules/urbanisme";
import { cotisationCercle, deductible, DEDUCTIBLE_CATEGORIES } from "../rules/frais";
import { matchWord } from "../text";

/** Functions whose number is an Excel date (for MG.EXPLAIN's display). */
export const DATE_RESULTS = new Set(["ECHEANCE", "ACCREDITATION.DATE"]);

function inEuros(r: Explained<Cents>): Explained<CellResult> {
  return { value: centsToEuros(r.value), steps: r.steps, sources: r.sources, ...(r.conditions ? { conditions: r.conditions } : {}) };
}

function optBoolOrNull(v: Cell, name: string): boolean | null {
  return isMissing(v) ? null : bool(v, name);
}

function optDateOrNull(v: Cell, name: string): Serial | null {
  return isMissing(v) ? null : date(v, name);
}

function optNumOrNull(v: Cell, name: string): number | null {
  return isMissing(v) ? null : num(v, name);
}

const T = (fr: string, nl: string, en: string): Texts => ({ fr, nl, en });

const YEAR_PRIME = T("Année de prime.", "Premiejaar.", "Bonus year.");
const DMI = T("Nombre de DMI (dossiers médicaux informatisés) du cabinet.", "Aantal GMD's (elektronische medische dossiers) van de praktijk.", "Number of electronic medical records (DMI) of the practice.");
const REIMB = T("Remboursements d'actes de médecine générale du cabinet (€).", "Terugbetalingen van huisartsprestaties van de praktijk (€).", "GP reimbursements of the practice (€).");
const HOURS = T("Heures par semaine du contrat de travail ou de collaboration.", "Uren per week van de arbeids- of samenwerkingsovereenkomst.", "Weekly hours of the employment or collaboration contract.");
const YOUNG = T("VRAI : médecin individuel dont le numéro INAMI reconnu est récent (exempté des seuils d'activité ; durée dans les paramètres).", "WAAR: individuele arts met een recent erkend RIZIV-nummer (vrijgesteld van de activiteitsdrempels; duur in de parameters).", "TRUE: individual doctor with a recently recognised INAMI number (activity thresholds waived; period in the parameters).");
const OTHER = T("VRAI si le cabinet reçoit déjà un soutien similaire (Maribel social, subvention locale, l'autre intervention la même année).", "WAAR als de praktijk al gelijkaardige steun krijgt (Sociale Maribel, lokale subsidie, de andere tegemoetkoming hetzelfde jaar).", "TRUE if the practice already gets similar support (Maribel social, local subsidy, the other intervention the same year).");

export const practiceAndDeadlineFunctions: FunctionSpec[] = [
  {
    id: "DMG.DEBUTANT",
    description: T(
      "Prime « DMG débutant » de l'INAMI : le montant unique si les 4 critères sont remplis, 0 sinon, #N/A si un critère est inconnu (€).",
      "GMD-starterpremie van het RIZIV: het eenmalige bedrag als de 4 criteria vervuld zijn, anders 0, #N/B als een criterium onbekend is (€).",
      "INAMI starter GMD bonus: the one-off amount if the 4 criteria are met, else 0, #N/A if a criterion is unknown (€).",
    ),
    args: [
      { name: "number_year", description: T("Année d'obtention du numéro INAMI de MG agréé (003/004), qui est l'année de la prime de pratique intégrée.", "Jaar waarin het RIZIV-nummer van erkende huisarts (003/004) werd verkregen, het jaar van de geïntegreerde praktijkpremie.", "Year the recognised GP INAMI number (003/004) was obtained, which is the integrated practice bonus year.") },
      { name: "ppi", optional: true, description: T("VRAI si la prime de pratique intégrée a été obtenue pour cette année.", "WAAR als de geïntegreerde praktijkpremie voor dat jaar werd verkregen.", "TRUE if the integrated practice bonus was obtained for that year.") },
      { name: "electronic_dmg", optional: true, description: T("VRAI si les dossiers médicaux sont gérés électroniquement.", "WAAR als de medische dossiers elektronisch beheerd worden.", "TRUE if medical records are managed electronically.") },
      { name: "forfait_days", optional: true, description: T("Plus longue période de jours consécutifs au forfait entre le 1er janvier et le 31 mai de l'année suivante (0 si à l'acte).", "Langste periode opeenvolgende dagen forfait tussen 1 januari en 31 mei van het volgende jaar (0 als per prestatie).", "Longest run of consecutive days on capitation between 1 January and 31 May of the next year (0 if fee-for-service).") },
    ],
    result: "euros",
    example: { formula: "=MG.DMG.DEBUTANT(2024; VRAI; VRAI; 0)", value: "4 256,00" },
    run: (_ctx, y, ppi, dmg, days) =>
      inEuros(
        dmgDebutant({
          numberYear: year(y, "number_year"),
          ppiObtained: optBoolOrNull(ppi, "ppi"),
          electronicDmg: optBoolOrNull(dmg, "electronic_dmg"),
          forfaitDays: isMissing(days) ? null : int(days, "forfait_days", 0, 366),
        }),
      ),
  },
  {
    id: "INSTALLATION.SUBSIDY",
    description: T(
      "Subvention bruxelloise à l'installation (COCOM) : jeune MG en quartier en pénurie, ou structure multidisciplinaire (plafond plus élevé en quartier en pénurie) ; le moindre du plafond et du budget (€).",
      "Brusselse installatiesubsidie (GGC): jonge huisarts in een tekortwijk, of multidisciplinaire structuur (hoger plafond in een tekortwijk); het laagste van plafond en budget (€).",
      "Brussels installation grant (COCOM): young GP in a shortage quarter, or multidisciplinary structure (higher cap in a shortage quarter); the lesser of cap and budget (€).",
    ),
    args: [
      { name: "kind", description: T("« jeune » (jeune MG) ou « structure » (structure multidisciplinaire).", "« jeune » (jonge huisarts) of « structure » (multidisciplinaire structuur).", "\"jeune\" (young GP) or \"structure\" (multidisciplinary structure).") },
      { name: "budget", description: T("Budget présenté (€).", "Voorgesteld budget (€).", "Budget presented (€).") },
      { name: "penurie", description: T("VRAI si le quartier d'installation est en pénurie (liste officielle : voir MG.IS.PENURIE).", "WAAR als de vestigingswijk een tekortwijk is (officiële lijst: zie MG.IS.PENURIE).", "TRUE if the quarter is a shortage quarter (official list: see MG.IS.PENURIE).") },
      { name: "agrement", optional: true, description: T("Date de l'agrément de MG (le « jeune médecin » est agréé depuis peu à la date d'installation).", "Erkenningsdatum als huisarts (de « jonge arts » is bij de installatie nog maar kort erkend).", "GP recognition date (a \"young GP\" is recently recognised at the installation date).") },
      { name: "installation", optional: true, description: T("Date d'installation.", "Installatiedatum.", "Installation date.") },
      { name: "request", optional: true, description: T("Date de la demande (dans le délai qui suit l'installation).", "Datum van de aanvraag (binnen de termijn na de installatie).", "Request date (within the period after installation).") },
      { name: "conventioned", optional: true, description: T("Jeune MG : VRAI s'il facture le tarif conventionné (FAUX : 0, non éligible).", "Jonge huisarts: WAAR als hij het conventietarief aanrekent (ONWAAR: 0, niet in aanmerking).", "Young GP: TRUE if billing the conventioned tariff (FALSE: 0, not eligible).") },
    ],
    result: "euros",
    example: { formula: "=MG.INSTALLATION.SUBSIDY(\"jeune\"; 20000; VRAI; DATE(2022;10;1); DATE(2025;3;1))", value: "15 000,00" },
    run: (ctx, kind, budget, penurie, agr, inst, req, conv) =>
      inEuros(
        installationSubsidy({
          kind: word(kind, "kind", SUBSIDY_KINDS),
          budget: euros(budget, "budget"),
          penurie: bool(penurie, "penurie"),
          agrement: optDateOrNull(agr, "agrement"),
          installation: optDateOrNull(inst, "installation"),
          request: optDateOrNull(req, "request"),
          fallbackDate: ctx.today,
          conventioned: optBoolOrNull(conv, "conventioned"),
        }),
      ),
  },
  {
    id: "ACCREDITATION.FORFAIT",
    description: T(
      "Honoraire forfaitaire annuel d'accréditation de l'INAMI ; avec les CP, sessions GLEM et contacts, vérifie les conditions de la prolongation (0 si une condition donnée n'est pas remplie) (€).",
      "Jaarlijks forfaitair accreditatiehonorarium van het RIZIV; met de CP, LOK-vergaderingen en contacten worden de voorwaarden van de verlenging gecontroleerd (0 als een gegeven voorwaarde niet vervuld is) (€).",
      "INAMI yearly accreditation flat fee; with credit points, GLEM sessions and contacts, checks the renewal conditions (0 if a given condition is not met) (€).",
    ),
    args: [
      { name: "year", description: T("Année de l'honoraire (#N/A pour une année non encodée).", "Jaar van het honorarium (#N/B voor een niet gecodeerd jaar).", "Year of the fee (#N/A for a year not encoded).") },
      { name: "cp", optional: true, description: T("Unités d'accréditation (CP) obtenues sur la période de référence de 12 mois (prolongation).", "Accreditatie-eenheden (CP) behaald in de referentieperiode van 12 maanden (verlenging).", "Credit points earned over the 12-month reference period (renewal).") },
      { name: "cp_ethics", optional: true, description: T("Dont CP en éthique et économie.", "Waarvan CP in ethiek en economie.", "Of which credit points in ethics and economics.") },
      { name: "glem_sessions", optional: true, description: T("Sessions du GLEM suivies sur la même période.", "Bijgewoonde LOK-vergaderingen in dezelfde periode.", "GLEM (peer review) sessions attended in the same period.") },
      { name: "contacts", optional: true, description: T("Contacts patients de l'année.", "Patiëntcontacten van het jaar.", "Patient contacts in the year.") },
      { name: "years_of_practice", optional: true, description: T("Années complètes de pratique (le seuil de contacts ne vaut qu'après les premières années).", "Volledige praktijkjaren (de contactdrempel geldt pas na de eerste jaren).", "Complete years of practice (the contacts threshold applies only after the first years).") },
    ],
    result: "euros",
    example: { formula: "=MG.ACCREDITATION.FORFAIT(2025)", value: "757,23" },
    run: (_ctx, y, cp, eth, glem, contacts, yrs) => {
      const n = (v: Cell, name: string): number | null => (isMissing(v) ? null : int(v, name, 0, 1e7));
      return inEuros(
        accreditationForfait(year(y), {
          cp: n(cp, "cp"),
          cpEthics: n(eth, "cp_ethics"),
          glemSessions: n(glem, "glem_sessions"),
          contacts: n(contacts, "contacts"),
          yearsOfPractice: n(yrs, "years_of_practice"),
        }),
      );
    },
  },
  {
    id: "ACCREDITATION.DATE",
    description: T(
      "Date de l'accréditation provisoire : « debut », « fin », « renouvellement » (demande de prolongation au plus tard), « prolongation » (fin de la prolongation), « demande-debut », « demande-fin » (date Excel).",
      "Datum van de voorlopige accreditering: « debut » (begin), « fin » (einde), « renouvellement » (verlengingsaanvraag uiterlijk), « prolongation » (einde van de verlenging), « demande-debut », « demande-fin » (Excel-datum).",
      "Provisional accreditation date: \"debut\" (start), \"fin\" (end), \"renouvellement\" (renewal request deadline), \"prolongation\" (end of the renewal), \"demande-debut\", \"demande-fin\" (request window) (Excel date).",
    ),
    args: [
      { name: "event", description: T("« debut », « fin », « renouvellement », « prolongation », « demande-debut » ou « demande-fin ».", "« debut », « fin », « renouvellement », « prolongation », « demande-debut » of « demande-fin ».", "\"debut\", \"fin\", \"renouvellement\", \"prolongation\", \"demande-debut\" or \"demande-fin\".") },
      { name: "agrement", description: T("Date de l'agrément (reconnaissance reçue).", "Erkenningsdatum (erkenning ontvangen).", "Recognition date (recognition received).") },
      { name: "request", optional: true, description: T("Date de la demande d'accréditation (défaut : au plus tard le jour de l'agrément).", "Datum van de accreditatieaanvraag (standaard: uiterlijk op de erkenningsdag).", "Accreditation request date (default: no later than the recognition).") },
      { name: "agrement_request", optional: true, description: T("Date de la demande d'agrément (début de la fenêtre de demande).", "Datum van de erkenningsaanvraag (begin van de aanvraagperiode).", "Recognition request date (start of the request window).") },
    ],
    result: "number",
    example: { formula: "=MG.ACCREDITATION.DATE(\"debut\"; DATE(2025;10;15))", value: "01/11/2025" },
    run: (_ctx, ev, agr, req, agrReq) =>
      accreditationDate(word(ev, "event", ACCREDITATION_EVENTS), date(agr, "agrement"), optDateOrNull(req, "request"), optDateOrNull(agrReq, "agrement_request")),
  },
  {
    id: "STATUT.SOCIAL",
    description: T(
      "Statut social (avantage social) de l'INAMI pour une année : médecin conventionné, partiellement conventionné ou MG en formation ; 0 si non conventionné (€).",
      "Sociaal statuut (sociaal voordeel) van het RIZIV voor een jaar: geconventioneerde, gedeeltelijk geconventioneerde arts of huisarts in opleiding; 0 als niet geconventioneerd (€).",
      "INAMI social benefit for a year: conventioned, partially conventioned doctor or GP in training; 0 if not conventioned (€).",
    ),
    args: [
      { name: "year", description: T("Année du statut social (#N/A pour une année non encodée).", "Jaar van het sociaal statuut (#N/B voor een niet gecodeerd jaar).", "Year of the social benefit (#N/A for a year not encoded).") },
      { name: "convention", description: T("« conventionne », « partiel », « formation » ou « non ».", "« conventionne » (geconventioneerd), « partiel » (gedeeltelijk), « formation » (in opleiding) of « non » (niet).", "\"conventionne\", \"partiel\" (partial), \"formation\" (in training) or \"non\" (not conventioned).") },
      { name: "hours", optional: true, description: T("Partiellement conventionné : heures par semaine aux tarifs de l'accord, comparées au minimum (sans effet sinon).", "Gedeeltelijk geconventioneerd: uren per week aan de tarieven van het akkoord, vergeleken met het minimum.", "Partially conventioned: weekly hours at agreement tariffs, compared with the minimum (no effect otherwise).") },
      { name: "reimbursed", optional: true, description: T("Remboursements de l'assurance soins de santé pour vos prestations de l'année x−2 (€), comparés au seuil d'activité.", "Terugbetalingen van de verplichte verzekering voor uw prestaties van het jaar x−2 (€), vergeleken met de activiteitsdrempel.", "Compulsory insurance reimbursements for your services of year x−2 (€), compared with the activity threshold.") },
      { name: "recognised", optional: true, description: T("Date du numéro INAMI de médecin agréé (moins de 5 ans au 1er janvier de x−2 : pas de seuil d'activité).", "Datum van het RIZIV-nummer van erkend arts (minder dan 5 jaar op 1 januari van x−2: geen activiteitsdrempel).", "Date of the recognised doctor's INAMI number (under 5 years on 1 January of x−2: no activity threshold).") },
      { name: "first_number", optional: true, description: T("Date du premier numéro INAMI : cette année-là, le montant est proportionnel à la durée d'adhésion.", "Datum van het eerste RIZIV-nummer: dat jaar is het bedrag evenredig met de duur van de toetreding.", "Date of the first INAMI number: that year, the amount is in proportion to the adherence period.") },
      { name: "adherence_start", optional: true, description: T("Début de l'adhésion à l'accord dans l'année (défaut : la date du premier numéro, ou le 1er janvier).", "Begin van de toetreding tot het akkoord in het jaar (standaard: datum van het eerste nummer, of 1 januari).", "Start of the adherence in the year (default: the first number's date, or 1 January).") },
    ],
    result: "euros",
    example: { formula: "=MG.STATUT.SOCIAL(2024; \"conventionne\")", value: "5 881,81" },
    run: (_ctx, y, conv, hours, reimbursed, recognised, first, start) =>
      inEuros(
        statutSocial(year(y), word(conv, "convention", CONVENTIONS), optNumOrNull(hours, "hours"), {
          reimbursedX2: isMissing(reimbursed) ? null : euros(reimbursed, "reimbursed"),
          recognisedSince: optDateOrNull(recognised, "recognised"),
          firstNumberDate: optDateOrNull(first, "first_number"),
          adherenceStart: optDateOrNull(start, "adherence_start"),
        }),
      ),
  },
  {
    id: "CONTINUITE.SOINS",
    description: T(
      "Intervention unique de l'INAMI pour la continuité des soins (cabinet de MG) : le minimum (ou le maximum) de la fourchette de l'année si les conditions sont remplies, 0 sinon (€).",
      "Eenmalige RIZIV-tegemoetkoming voor de continuïteit van zorg (huisartspraktijk): het minimum (of maximum) van de vork van het jaar als de voorwaarden vervuld zijn, anders 0 (€).",
      "One-off INAMI continuity of care support (GP practice): the minimum (or maximum) of the year's range if the conditions are met, else 0 (€).",
    ),
    args: [
      { name: "year", description: YEAR_PRIME },
      { name: "dmi", optional: true, description: DMI },
      { name: "reimbursements", optional: true, description: REIMB },
      { name: "hours", optional: true, description: HOURS },
      { name: "contract_start", optional: true, description: T("Date de prise d'effet du contrat (dans la fenêtre qui précède la fin de l'été de l'année de prime).", "Ingangsdatum van de overeenkomst (in het venster dat eindigt op het einde van de zomer van het premiejaar).", "Contract start date (in the window ending at the end of summer of the bonus year).") },
      { name: "young", optional: true, description: YOUNG },
      { name: "first", optional: true, description: T("VRAI : premier contrat (aucun dans les années précédentes fixées par l'AR) et intervention jamais reçue.", "WAAR: eerste overeenkomst (geen in de voorgaande jaren bepaald door het KB) en tegemoetkoming nooit ontvangen.", "TRUE: first contract (none in the previous years set by the royal decree) and the support never received.") },
      { name: "other_support", optional: true, description: OTHER },
      { name: "bound", optional: true, description: T("« min » (défaut) ou « max » : borne du montant, fixé selon le nombre de demandes recevables.", "« min » (standaard) of « max »: grens van het bedrag, bepaald door het aantal ontvankelijke aanvragen.", "\"min\" (default) or \"max\": bound of the amount, set by the number of admissible requests.") },
    ],
    result: "euros",
    example: { formula: "=MG.CONTINUITE.SOINS(2025; 600; 40000; 19; DATE(2025;3;1))", value: "5 000,00" },
    run: (_ctx, y, dmi, rem, hours, start, young, first, other, bound) =>
      inEuros(
        continuiteSoins({
          year: year(y),
          dmi: isMissing(dmi) ? null : int(dmi, "dmi", 0, 1e7),
          reimbursements: isMissing(rem) ? null : euros(rem, "reimbursements"),
          hours: optNumOrNull(hours, "hours"),
          contractStart: optDateOrNull(start, "contract_start"),
          young: optBoolOrNull(young, "young"),
          first: optBoolOrNull(first, "first"),
          otherSupport: optBoolOrNull(other, "other_support"),
          bound: optWord(bound, "bound", BOUNDS, "min"),
        }),
      ),
  },
  {
    id: "GESTION.CABINET",
    description: T(
      "Intervention annuelle de l'INAMI pour la gestion de cabinet : le montant minimal de l'année si les conditions sont remplies, 0 sinon (€).",
      "Jaarlijkse RIZIV-tegemoetkoming voor praktijkbeheer: het minimumbedrag van het jaar als de voorwaarden vervuld zijn, anders 0 (€).",
      "Yearly INAMI practice management support: the year's minimum amount if the conditions are met, else 0 (€).",
    ),
    args: [
      { name: "year", description: YEAR_PRIME },
      { name: "dmi", optional: true, description: DMI },
      { name: "reimbursements", optional: true, description: REIMB },
      { name: "hours", optional: true, description: HOURS },
      { name: "contract_start", optional: true, description: T("Date de prise d'effet du contrat (au plus tard à la fin de l'année de prime).", "Ingangsdatum van de overeenkomst (uiterlijk op het einde van het premiejaar).", "Contract start date (by the end of the bonus year at the latest).") },
      { name: "young", optional: true, description: YOUNG },
      { name: "other_support", optional: true, description: OTHER },
    ],
    result: "euros",
    example: { formula: "=MG.GESTION.CABINET(2025; 600; 40000; 19; DATE(2024;1;1))", value: "3 796,00" },
    run: (_ctx, y, dmi, rem, hours, start, young, other) =>
      inEuros(
        gestionCabinet({
          year: year(y),
          dmi: isMissing(dmi) ? null : int(dmi, "dmi", 0, 1e7),
          reimbursements: isMissing(rem) ? null : euros(rem, "reimbursements"),
          hours: optNumOrNull(hours, "hours"),
          contractStart: optDateOrNull(start, "contract_start"),
          young: optBoolOrNull(young, "young"),
          otherSupport: optBoolOrNull(other, "other_support"),
        }),
      ),
  },
  {
    id: "ECHEANCE",
    description: T(
      "Échéance d'une démarche (agrément, accréditation, subvention d'installation, Impulseo, continuité des soins, gestion de cabinet, contestation de la PPI, ...) à partir de sa date de départ (date Excel). Un événement inconnu donne #VALUE! avec la liste des événements.",
      "Termijn van een stap (erkenning, accreditering, installatiesubsidie, Impulseo, continuïteit van zorg, praktijkbeheer, betwisting PGP, ...) vanaf de begindatum (Excel-datum). Een onbekende gebeurtenis geeft #VALUE! met de lijst van de gebeurtenissen.",
      "Deadline of a procedure (recognition, accreditation, installation grant, Impulseo, continuity of care, practice management, bonus contest, ...) from its starting date (Excel date). An unknown event gives #VALUE! with the list of events.",
    ),
    args: [
      { name: "event", description: T("Événement : « agrement.commission », « installation.demande », « impulseo », « continuite », « gestion », « ppi.contestation »…", "Gebeurtenis: « agrement.commission », « installation.demande », « impulseo », « continuiteit », « praktijkbeheer »…", "Event, e.g. \"agrement.commission\", \"installation.demande\", \"impulseo\", \"continuity\", \"practice management\", \"contest\".") },
      { name: "date", description: T("Date de départ (dossier complet, installation, agrément…) ; pour un événement annuel, une date de l'année ou l'année (2025).", "Begindatum (volledig dossier, installatie, erkenning…); voor een jaarlijkse gebeurtenis een datum van het jaar of het jaar.", "Starting date (complete file, installation, recognition…); for a yearly event, a date of the year or the year itself (2025).") },
    ],
    result: "number",
    example: { formula: "=MG.ECHEANCE(\"installation.demande\"; DATE(2025;3;15))", value: "15/09/2025" },
    run: (_ctx, ev, d) => {
      const t = text(ev, "event");
      const id = matchWord(t, EVENT_WORDS);
      if (id === null) {
        throw invalid({
          fr: `« event » : « ${t} » n'est pas reconnu ; événements : ${EVENTS.map((e) => e.id).join(", ")}.`,
          nl: `« event »: « ${t} » niet herkend; gebeurtenissen: ${EVENTS.map((e) => e.id).join(", ")}.`,
        });
      }
      const e = eventById(id);
      let base: Serial;
      const asYear = e.base === "year" && !isMissing(d) && !Array.isArray(d) && /^\s*\d{4}\s*$/.test(String(d)) ? Number(d) : null;
      if (asYear !== null && asYear >= 1900 && asYear <= 9998) base = serialFromYmd(asYear, 1, 1);
      else base = date(d, "date");
      return deadline(id, base);
    },
  },
  {
    id: "PERMIS.URBANISME",
    description: T(
      "Permis d'urbanisme pour installer le cabinet à Bruxelles : « pas de permis », « permis d'urbanisme » ou « permis d'urbanisme + avis SIAMU » (PRAS, CoBAT).",
      "Stedenbouwkundige vergunning voor de praktijk in Brussel: « geen vergunning », « stedenbouwkundige vergunning » of « ... + advies DBDMH (SIAMU) » (GBP, BWRO).",
      "Planning permit to set up the practice in Brussels: \"no permit\", \"planning permit\" or \"planning permit + fire service (SIAMU) opinion\".",
    ),
    args: [
      { name: "cabinet_m2", description: T("Surface du cabinet (m²).", "Oppervlakte van de praktijk (m²).", "Practice area (m²).") },
      { name: "dwelling_m2", optional: true, description: T("Surface totale du logement, cabinet compris (m²) ; requise pour un cabinet de taille moyenne.", "Totale woonoppervlakte, praktijk inbegrepen (m²); vereist voor een middelgrote praktijk.", "Total dwelling area, practice included (m²); required for a mid-sized practice.") },
      { name: "apartment_building", optional: true, description: T("VRAI si le logement est dans un immeuble à appartements (défaut : FAUX).", "WAAR als de woning in een appartementsgebouw ligt (standaard: ONWAAR).", "TRUE if the dwelling is in an apartment building (default: FALSE).") },
      { name: "building_m2", optional: true, description: T("Surface totale de l'immeuble (m²) ; le cabinet y est limité à une part.", "Totale oppervlakte van het gebouw (m²); de praktijk is beperkt tot een aandeel.", "Total building area (m²); the practice is limited to a share.") },
      { name: "change_of_use", optional: true, description: T("VRAI en cas de changement d'affectation ou de destination (ex. commerce → cabinet) (défaut : FAUX).", "WAAR bij wijziging van bestemming of gebruik (bv. winkel → praktijk) (standaard: ONWAAR).", "TRUE for a change of use (e.g. shop → practice) (default: FALSE).") },
      { name: "public_m2", optional: true, description: T("Surface accessible au public (m²) ; au-delà du seuil, avis du SIAMU.", "Voor het publiek toegankelijke oppervlakte (m²); boven de drempel advies DBDMH.", "Area open to the public (m²); above the threshold, fire service opinion.") },
      { name: "in_residence", optional: true, description: T("VRAI si le cabinet est dans la résidence du médecin ou d'un associé (défaut : VRAI).", "WAAR als de praktijk in de woning van de arts of een vennoot ligt (standaard: WAAR).", "TRUE if the practice is in the residence of the doctor or a partner (default: TRUE).") },
      { name: "with_reason", optional: true, description: T("VRAI : ajoute la raison au verdict (défaut : FAUX).", "WAAR: voegt de reden toe aan het oordeel (standaard: ONWAAR).", "TRUE: appends the reason to the verdict (default: FALSE).") },
    ],
    result: "text",
    example: { formula: "=MG.PERMIS.URBANISME(90; 150)", value: "permis d'urbanisme" },
    run: (ctx, cab, dwell, apt, bld, change, pub, inRes, withReason) => {
      const r = permisUrbanisme({
        cabinet: num(cab, "cabinet_m2"),
        dwelling: optNumOrNull(dwell, "dwelling_m2"),
        apartmentBuilding: optBool(apt, "apartment_building", false),
        building: optNumOrNull(bld, "building_m2"),
        changeOfUse: optBool(change, "change_of_use", false),
        publicArea: optNumOrNull(pub, "public_m2"),
        inResidence: optBool(inRes, "in_residence", true),
        date: ctx.today,
      });
      const verdict = verdictText(r.value, ctx.lang);
      const value = optBool(withReason, "with_reason", false) ? `${verdict} : ${r.reasons.join(" ; ")}` : verdict;
      return { value, steps: r.steps, sources: r.sources, ...(r.conditions ? { conditions: r.conditions } : {}) };
    },
  },
  {
    id: "COTISATION.CERCLE",
    description: T(
      "Cotisation annuelle au cercle de médecine générale (FAMGB) : en direct, ou via une association locale (part Cercle/Garde + cotisation de l'association) (€).",
      "Jaarlijkse bijdrage aan de huisartsenkring (FAMGB): rechtstreeks, of via een lokale vereniging (deel Kring/Wachtdienst + bijdrage van de vereniging) (€).",
      "Yearly GP circle (FAMGB) dues: direct, or through a local association (circle/on-call share + the association's fee) (€).",
    ),
    args: [
      { name: "year", description: T("Année de la cotisation (#N/A pour une année non encodée).", "Jaar van de bijdrage (#N/B voor een niet gecodeerd jaar).", "Year of the dues (#N/A for a year not encoded).") },
      { name: "via_association", optional: true, description: T("VRAI si payée via une des 12 associations locales (défaut : FAUX).", "WAAR als betaald via een van de 12 lokale verenigingen (standaard: ONWAAR).", "TRUE if paid through one of the 12 local associations (default: FALSE).") },
      { name: "association_fee", optional: true, description: T("Cotisation propre de l'association locale (€), variable et non intégrée.", "Eigen bijdrage van de lokale vereniging (€), verschillend en niet ingebouwd.", "The local association's own fee (€), variable and not built in.") },
    ],
    result: "euros",
    example: { formula: "=MG.COTISATION.CERCLE(2025)", value: "550,00" },
    run: (_ctx, y, via, fee) => inEuros(cotisationCercle(year(y), optBool(via, "via_association", false), isMissing(fee) ? null : euros(fee, "association_fee"))),
  },
  {
    id: "DEDUCTIBLE",
    description: T(
      "Part fiscalement déductible d'une catégorie de frais professionnels (1 = 100 %) ; pour un investissement, la part déductible chaque année (amortissement linéaire).",
      "Fiscaal aftrekbaar deel van een categorie beroepskosten (1 = 100 %); voor een investering het jaarlijks aftrekbare deel (lineaire afschrijving).",
      "Tax-deductible share of a category of professional costs (1 = 100 %); for an investment, the yearly deductible share (straight-line depreciation).",
    ),
    args: [
      { name: "category", description: T("« consommables », « loyer », « plci », « litterature », « deplacement » (voiture), « reception » ou « investissement ».", "« consommables », « loyer » (huur), « plci » (VAPZ), « litterature », « deplacement » (auto), « reception », « investissement ».", "\"consommables\", \"loyer\" (rent), \"plci\" (pension), \"litterature\", \"deplacement\" (car), \"reception\" or \"investissement\".") },
      { name: "bound", optional: true, description: T("« min » ou « max » pour une part variable (voiture : selon le CO2).", "« min » of « max » voor een variabel deel (wagen: volgens CO2).", "\"min\" or \"max\" for a variable share (car: by CO2).") },
      { name: "life_years", optional: true, description: T("Durée d'amortissement en années (investissements).", "Afschrijvingsduur in jaren (investeringen).", "Depreciation period in years (investments).") },
      { name: "date", optional: true, description: T("Date de la dépense (défaut : aujourd'hui).", "Datum van de uitgave (standaard: vandaag).", "Date of the expense (default: today).") },
    ],
    result: "number",
    example: { formula: "=MG.DEDUCTIBLE(\"reception\")", value: "0,5" },
    run: (ctx, cat, bound, life, d) =>
      deductible(
        word(cat, "category", DEDUCTIBLE_CATEGORIES),
        optDate(d, "date", ctx),
        isMissing(bound) ? null : word(bound, "bound", BOUNDS),
        isMissing(life) ? null : int(life, "life_years", 1, 100),
      ),
  },
];
