/**
 * Every text of the task pane, in French (first), Dutch and English.
 * The validation messages of the scenario schema (src/scenario/schema.ts)
 * are French; the messages of the form's own checks (number and date
 * formats) are translated here.
 */
import { FIELD_TEXTS } from "../src/scenario/field-labels";

export type UiLang = "fr" | "nl" | "en";
export const UI_LANGS: UiLang[] = ["fr", "nl", "en"];

const T = {
  ...FIELD_TEXTS,
  appTitle: { fr: "MG Bruxelles", nl: "MG Brussel", en: "MG Brussels" },
  appSubtitle: {
    fr: "Simulation des premières années d'un cabinet de médecine générale",
    nl: "Simulatie van de eerste jaren van een huisartsenpraktijk",
    en: "Simulation of the first years of a general practice",
  },
  uiLanguage: { fr: "Langue", nl: "Taal", en: "Language" },
  scenarioTabs: { fr: "Scénarios", nl: "Scenario's", en: "Scenarios" },
  addScenario: { fr: "Ajouter un scénario à comparer", nl: "Scenario toevoegen om te vergelijken", en: "Add a scenario to compare" },
  removeScenario: { fr: "Retirer ce scénario", nl: "Dit scenario verwijderen", en: "Remove this scenario" },
  secondScenarioName: { fr: "Variante", nl: "Variant", en: "Variant" },
  loadExample: { fr: "Charger l'exemple", nl: "Voorbeeld laden", en: "Load the example" },
  openScenario: { fr: "Ouvrir un scénario", nl: "Scenario openen", en: "Open a scenario" },
  saveScenario: { fr: "Enregistrer le scénario", nl: "Scenario opslaan", en: "Save the scenario" },
  reopenWorkbook: { fr: "Reprendre le scénario de ce classeur", nl: "Scenario van deze werkmap hernemen", en: "Reopen this workbook's scenario" },
  reopenNone: {
    fr: "Aucune feuille Hypothèses construite par MG Bruxelles dans ce classeur.",
    nl: "Geen blad Hypothesen van MG Brussel in deze werkmap.",
    en: "No Assumptions sheet built by MG Brussels in this workbook.",
  },
  reopenDone: { fr: "Scénario repris de la feuille « {sheet} » (avec vos modifications).", nl: "Scenario hernomen uit blad « {sheet} » (met uw wijzigingen).", en: "Scenario reopened from sheet \"{sheet}\" (with your edits)." },
  reopenProblems: { fr: "Scénario repris de « {sheet} », à corriger : {n} problème(s) signalé(s) sous les champs.", nl: "Scenario hernomen uit « {sheet} », te verbeteren: {n} probleem/problemen onder de velden.", en: "Scenario reopened from \"{sheet}\", to fix: {n} problem(s) shown under the fields." },
  scenarioSaved: { fr: "Scénario enregistré : {file}.", nl: "Scenario opgeslagen: {file}.", en: "Scenario saved: {file}." },
  scenarioSavedIncomplete: {
    fr: "Scénario enregistré : {file} (incomplet : {n} champ(s) à corriger avant de créer le classeur).",
    nl: "Scenario opgeslagen: {file} (onvolledig: {n} veld(en) te verbeteren).",
    en: "Scenario saved: {file} (incomplete: {n} field(s) to fix before building).",
  },
  scenarioFileNotObject: { fr: "un objet JSON est attendu", nl: "een JSON-object verwacht", en: "a JSON object is expected" },
  scenarioOpened: { fr: "Scénario ouvert : {file}.", nl: "Scenario geopend: {file}.", en: "Scenario opened: {file}." },
  scenarioOpenedProblems: {
    fr: "Scénario ouvert : {file}, avec {n} problème(s) signalé(s) ci-dessous.",
    nl: "Scenario geopend: {file}, met {n} probleem/problemen hieronder.",
    en: "Scenario opened: {file}, with {n} problem(s) shown below.",
  },
  scenarioFileInvalid: {
    fr: "{file} n'est pas un fichier de scénario JSON lisible ({reason}) : rien n'a changé.",
    nl: "{file} is geen leesbaar JSON-scenariobestand ({reason}): er is niets gewijzigd.",
    en: "{file} is not a readable JSON scenario file ({reason}): nothing changed.",
  },
  compareHint: {
    fr: "Deux scénarios : le classeur contiendra aussi une feuille Comparaison.",
    nl: "Twee scenario's: de werkmap krijgt ook een vergelijkingsblad.",
    en: "Two scenarios: the workbook will also get a comparison sheet.",
  },

  secScenario: { fr: "Scénario", nl: "Scenario", en: "Scenario" },
  secDates: { fr: "Dates clés", nl: "Belangrijke data", en: "Key dates" },
  secPractice: { fr: "Pratique et quartier", nl: "Praktijk en wijk", en: "Practice and district" },
  secActivity: { fr: "Activité par année", nl: "Activiteit per jaar", en: "Activity per year" },
  secStaff: { fr: "Personnel (Impulseo)", nl: "Personeel (Impulseo)", en: "Staff (Impulseo)" },
  secCosts: { fr: "Frais et hypothèses", nl: "Kosten en hypothesen", en: "Costs and assumptions" },
  secInvestments: { fr: "Investissements", nl: "Investeringen", en: "Investments" },


















  penurieHelp: {
    fr: "La liste officielle (AM du 13/05/2019) n'est pas intégrée : cochez si le quartier y figure.",
    nl: "De officiële lijst (MB van 13/05/2019) is niet ingebouwd: vink aan als de wijk erop staat.",
    en: "The official list (ministerial order of 13/05/2019) is not built in: tick if the district is on it.",
  },
  year: { fr: "Année", nl: "Jaar", en: "Year" },
  yearN: { fr: "Année {n}", nl: "Jaar {n}", en: "Year {n}" },
  addYear: { fr: "+ Année", nl: "+ Jaar", en: "+ Year" },
  removeYear: { fr: "− Dernière année", nl: "− Laatste jaar", en: "− Last year" },
  activityHelp: {
    fr: "La dernière année saisie vaut pour les années suivantes de l'horizon.",
    nl: "Het laatst ingevulde jaar geldt voor de volgende jaren van de horizon.",
    en: "The last year entered applies to the later years of the horizon.",
  },














  employeeContractHelp: {
    fr: "Heures et début du contrat : pour les interventions INAMI continuité des soins et gestion de cabinet (laisser vide pour ne pas les calculer).",
    nl: "Uren en begin van het contract: voor de RIZIV-tegemoetkomingen continuïteit van zorg en praktijkbeheer (leeg laten om ze niet te berekenen).",
    en: "Hours and contract start: for the INAMI continuity-of-care and practice-management grants (leave blank not to compute them).",
  },







  communalRateHelp: {
    fr: "En pour cent : 7 = 7 %. Seulement hors Bruxelles ou si le taux de la commune n'est pas publié ; sinon le taux vient des paramètres.",
    nl: "In procent: 7 = 7 %. Alleen buiten Brussel of als het tarief van de gemeente niet gepubliceerd is; anders komt het uit de parameters.",
    en: "In percent: 7 = 7 %. Only outside Brussels or if the commune's rate is not published; otherwise it comes from the parameters.",
  },

  communeHelp: {
    fr: "Une des 19 communes bruxelloises (nom français ou néerlandais) : son taux de taxe communale de chaque année vient des paramètres.",
    nl: "Een van de 19 Brusselse gemeenten (Franse of Nederlandse naam): het tarief van de gemeentebelasting per jaar komt uit de parameters.",
    en: "One of the 19 Brussels communes (French or Dutch name): its communal surcharge rate of each year comes from the parameters.",
  },


  advanceHelp: {
    fr: "En pour cent : part de l'impôt de l'année payée la même année ; le reste est payé avec l'avertissement-extrait de rôle l'année suivante.",
    nl: "In procent: deel van de belasting van het jaar dat hetzelfde jaar betaald wordt; de rest met het aanslagbiljet het volgende jaar.",
    en: "In percent: share of the year's tax paid the same year; the rest is paid with the assessment the next year.",
  },

  accreditationHelp: {
    fr: "L'accréditation commence le 1er jour du mois qui suit l'agrément et la demande (vide : demandée au plus tard à l'agrément). « Début » : seulement s'il est plus tardif.",
    nl: "De accreditering begint de 1e dag van de maand na de erkenning en de aanvraag (leeg: uiterlijk bij de erkenning aangevraagd). « Begin »: alleen als het later is.",
    en: "Accreditation starts on the 1st day of the month after the recognition and the request (empty: requested by the recognition). \"Start\": only if later.",
  },
  taxOfYear: { fr: "Impôt", nl: "Belasting", en: "Tax" },
  socialPaid: { fr: "Cotis. payées", nl: "Bijdr. betaald", en: "Contrib. paid" },
  netCash: { fr: "Trésorerie", nl: "Thesaurie", en: "Net cash" },
  taxableIncome: { fr: "Imposable", nl: "Belastbaar", en: "Taxable" },
  regulPaid: { fr: "Régul. payées", nl: "Regul. betaald", en: "Reg. paid" },
  cumulativeCash: { fr: "Cumulée", nl: "Gecumuleerd", en: "Cumulative" },
  indexHelp: {
    fr: "Pour les années sans montant légal publié : dernier montant connu, indexé de ce pourcentage (hypothèse visible dans le classeur).",
    nl: "Voor jaren zonder gepubliceerd wettelijk bedrag: laatst bekend bedrag, geïndexeerd met dit percentage (zichtbare hypothese).",
    en: "For years without a published legal amount: the last known amount, indexed by this percentage (a visible assumption).",
  },




  addInvestment: { fr: "+ Investissement", nl: "+ Investering", en: "+ Investment" },
  remove: { fr: "Retirer", nl: "Verwijderen", en: "Remove" },
  noInvestments: { fr: "Aucun investissement.", nl: "Geen investeringen.", en: "No investments." },

  build: { fr: "Créer le classeur de simulation", nl: "Simulatiewerkmap aanmaken", en: "Create the simulation workbook" },
  building: { fr: "Création en cours…", nl: "Bezig met aanmaken…", en: "Creating…" },
  buildHint: {
    fr: "De nouvelles feuilles sont ajoutées ; aucune feuille existante n'est modifiée.",
    nl: "Er worden nieuwe bladen toegevoegd; geen bestaand blad wordt gewijzigd.",
    en: "New sheets are added; no existing sheet is changed.",
  },
  invalidForm: {
    fr: "Corrigez les champs signalés ({n}) : rien n'a été écrit.",
    nl: "Verbeter de aangeduide velden ({n}): er werd niets geschreven.",
    en: "Fix the fields marked ({n}): nothing was written.",
  },
  loading: { fr: "Chargement…", nl: "Laden…", en: "Loading…" },
  notInExcel: {
    fr: "Ce volet fonctionne dans Excel : ouvrez le complément depuis Excel pour créer le classeur.",
    nl: "Dit venster werkt in Excel: open de invoegtoepassing vanuit Excel.",
    en: "This pane works inside Excel: open the add-in from Excel to create the workbook.",
  },
  excelTooOld: {
    fr: "Cette version d'Excel ne prend pas en charge ExcelApi 1.9 : le classeur ne peut pas être créé ici.",
    nl: "Deze Excel-versie ondersteunt ExcelApi 1.9 niet: de werkmap kan hier niet worden aangemaakt.",
    en: "This Excel version does not support ExcelApi 1.9: the workbook cannot be created here.",
  },
  planFailed: { fr: "Le plan du classeur n'a pas pu être construit : {m}", nl: "Het plan van de werkmap kon niet worden opgebouwd: {m}", en: "The workbook plan could not be built: {m}" },
  done: { fr: "Classeur créé.", nl: "Werkmap aangemaakt.", en: "Workbook created." },
  sheetsCreated: { fr: "Feuilles créées", nl: "Aangemaakte bladen", en: "Sheets created" },
  syncs: { fr: "{n} synchronisations avec Excel", nl: "{n} synchronisaties met Excel", en: "{n} syncs with Excel" },
  keyFigures: { fr: "Chiffres clés — {name}", nl: "Kerncijfers — {name}", en: "Key figures — {name}" },
  revenue: { fr: "Honoraires", nl: "Honoraria", en: "Fees" },
  primes: { fr: "Primes", nl: "Premies", en: "Grants" },
  charges: { fr: "Frais", nl: "Kosten", en: "Costs" },
  result: { fr: "Résultat", nl: "Resultaat", en: "Result" },
  total: { fr: "Total", nl: "Totaal", en: "Total" },
  figuresNote: {
    fr: "Impôt : IPP des revenus de l'année (payé l'année suivante). Cotisations payées dans l'année, régularisations comprises. Trésorerie : argent reçu moins payé dans l'année ; cumulée depuis la première année. Mêmes montants que la Synthèse du classeur.",
    nl: "Belasting: PB op de inkomsten van het jaar (het volgende jaar betaald). Bijdragen betaald in het jaar, regularisaties inbegrepen. Thesaurie: ontvangen min betaald in het jaar. Dezelfde bedragen als het Overzicht van de werkmap.",
    en: "Tax: income tax on the year's income (paid the next year). Contributions paid in the year, regularisations included. Net cash: received minus paid in the year. Same amounts as the workbook's Summary.",
  },
  figuresUnavailable: { fr: "Chiffres clés indisponibles : {m}", nl: "Kerncijfers niet beschikbaar: {m}", en: "Key figures unavailable: {m}" },

  optSolo: { fr: "Solo", nl: "Solo", en: "Solo" },
  optRegroupement: { fr: "Regroupement", nl: "Samenwerkingsverband", en: "Shared practice (regroupement)" },
  optGroupe: { fr: "Pratique de groupe", nl: "Groepspraktijk", en: "Group practice" },
  optMaisonMedicaleActe: { fr: "Maison médicale à l'acte", nl: "Wijkgezondheidscentrum per prestatie", en: "Community health centre (fee for service)" },
  optMaisonMedicaleForfait: { fr: "Maison médicale au forfait", nl: "Forfaitair wijkgezondheidscentrum", en: "Community health centre (capitation)" },
  optTotal: { fr: "Conventionné", nl: "Geconventioneerd", en: "Agreed (conventionné)" },
  optPartiel: { fr: "Partiellement conventionné", nl: "Gedeeltelijk geconventioneerd", en: "Partially agreed" },
  optAucun: { fr: "Non conventionné", nl: "Niet geconventioneerd", en: "Not agreed" },
  optFamgb: { fr: "FAMGB (direct)", nl: "FAMGB (rechtstreeks)", en: "FAMGB (direct)" },
  optAssociation: { fr: "Via une association locale", nl: "Via een lokale vereniging", en: "Through a local association" },
  optNone: { fr: "Aucun", nl: "Geen", en: "None" },
  optFr: { fr: "Français", nl: "Frans", en: "French" },
  optNl: { fr: "Néerlandais", nl: "Nederlands", en: "Dutch" },
  optEn: { fr: "Anglais", nl: "Engels", en: "English" },

  errInt: { fr: "nombre entier attendu", nl: "geheel getal verwacht", en: "whole number expected" },
  errNumber: { fr: "nombre attendu (par ex. 9 600 ou 9600,50)", nl: "getal verwacht (bv. 9 600 of 9600,50)", en: "number expected (e.g. 9 600 or 9600.50)" },
  errDateFormat: { fr: "date au format JJ/MM/AAAA attendue (par ex. 01/10/2025)", nl: "datum in de vorm DD/MM/JJJJ verwacht (bv. 01/10/2025)", en: "date expected as DD/MM/YYYY (e.g. 01/10/2025)" },
  errDateImpossible: { fr: "date impossible : ce jour n'existe pas", nl: "onmogelijke datum: deze dag bestaat niet", en: "impossible date: this day does not exist" },
  errRequired: { fr: "valeur requise", nl: "waarde vereist", en: "value required" },
  errAtMost: { fr: "au plus {n}", nl: "maximaal {n}", en: "at most {n}" },
  errAtLeast: { fr: "au moins {n}", nl: "minimaal {n}", en: "at least {n}" },
  errNegative: { fr: "le montant ne peut pas être négatif", nl: "het bedrag mag niet negatief zijn", en: "the amount cannot be negative" },
  errCents: { fr: "au plus deux décimales (centimes)", nl: "hoogstens twee decimalen (centen)", en: "at most two decimals (cents)" },
  datePlaceholder: { fr: "JJ/MM/AAAA", nl: "DD/MM/JJJJ", en: "DD/MM/YYYY" },
} satisfies Record<string, Record<UiLang, string>>;

export type TextKey = keyof typeof T;

/** The text `key` in `lang`, with {name} placeholders replaced. */
export function t(lang: UiLang, key: TextKey, vars: Record<string, string | number> = {}): string {
  return T[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export const TEXT_KEYS = Object.keys(T) as TextKey[];

/** The UI language for an Office display language ("nl-BE" -> nl, "en-US" -> en, else fr). */
export function uiLangOf(displayLanguage: string | undefined | null): UiLang {
  const l = (displayLanguage ?? "").toLowerCase();
  if (l.startsWith("nl")) return "nl";
  if (l.startsWith("en")) return "en";
  return "fr";
}
