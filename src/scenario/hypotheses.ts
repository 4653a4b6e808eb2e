/**
 * The Hypothèses sheet: every input of the scenario, editable (yellow
 * cells); the whole workbook recalculates from it. The accreditation start
 * is a formula (the rule of MG.ACCREDITATION.DATE over the agrément and
 * request dates), never an input that could precede it.
 */
import type { CellPlan } from "../workbook/plan";
import { serialFromIso } from "../dates";
import { activityOf } from "./schema";
import { communeRateKey } from "./income-tax";
import { resolveCommune } from "../rules/taxe-communale";
import { DATE, EUR, head, INT, lab, PCT, Sheet, type PlanCtx, type Tr } from "./layout";

export function hypothesesSheet(ctx: Omit<PlanCtx, "hyp">, name: string): Sheet {
  const { s, L } = ctx;
  const d = ctx.sim.model.d;
  const sh = new Sheet(ctx.k("hyp"), name);
  sh.add([lab(`${L(["Hypothèses", "Hypothesen", "Assumptions"])} — ${s.name}`, "title")]);
  sh.note(L([
        "Cellules jaunes : hypothèses modifiables (tout le classeur se recalcule). Années, investissements et enfants à charge : structure fixe (régénérez le classeur pour les changer).",
        "Gele cellen: aanpasbare hypothesen (de hele werkmap wordt herberekend). Jaren, investeringen en kinderen ten laste: vaste structuur (genereer de werkmap opnieuw om ze te wijzigen).",
        "Yellow cells: editable assumptions (the whole workbook recalculates). Years, investments and dependent children: fixed structure (rebuild the workbook to change them).",
      ]));
  sh.add([head(L(["Hypothèse", "Hypothese", "Assumption"])), head(L(["Valeur", "Waarde", "Value"])), ...ctx.years.slice(1).map(() => head("")), head(L(["Remarque", "Opmerking", "Note"]))]);
  const noteCol = ctx.years.length + 1;
  const row = (id: string, t: Tr, cell: CellPlan, note?: string) => {
    const cells: (CellPlan | null)[] = [lab(L(t)), cell];
    if (note) {
      while (cells.length < noteCol) cells.push(null);
      cells.push(lab(note, "note"));
    }
    sh.add(cells, id);
  };
  const input = (value: CellPlan["value"], format?: string): CellPlan => ({ value, style: "input", ...(format ? { format } : {}) });
  const fixed = L(["Structure fixe.", "Vaste structuur.", "Fixed structure."]);
  row("name", ["Nom du scénario", "Naam van het scenario", "Scenario name"], input(s.name));
  row("endOfTraining", ["Fin du stage", "Einde van de stage", "End of training"], input(d.endOfTraining, DATE));
  row("agrement", ["Agrément comme médecin généraliste", "Erkenning als huisarts", "Recognition as GP"], input(d.agrement, DATE), L([`Avant cette date, les actes sont facturés à ${ctx.f.stage}.`, `Vóór deze datum worden prestaties aan ${ctx.f.stage} aangerekend.`, `Before this date, acts are billed at ${ctx.f.stage}.`]));
  row("inamiNumber", ["Numéro INAMI d'agréé (003/004) obtenu le", "RIZIV-nummer erkende huisarts (003/004) verkregen op", "Recognised INAMI number (003/004) obtained on"], input(d.inamiNumber, DATE));
  row("installation", ["Date d'installation", "Installatiedatum", "Installation date"], input(d.installation, DATE));
  row("firstYear", ["Première année simulée", "Eerste gesimuleerde jaar", "First simulated year"], lab(String(ctx.years[0])), fixed);
  row("horizon", ["Horizon (années)", "Horizon (jaren)", "Horizon (years)"], lab(String(s.horizon)), fixed);
  const q = ctx.sim.model.quartier;
  row("quartierCode", ["Quartier (Monitoring des Quartiers) : code", "Wijk (Wijkmonitoring): code", "Quarter (Monitoring des Quartiers): code"], input(q.code));
  row("quartierName", ["Quartier : nom", "Wijk: naam", "Quarter: name"], lab(ctx.lang === "nl" ? q.nl : q.fr));
  const list = ctx.sim.model.penurieList;
  if (list && ctx.penurieRange) {
    row(
      "penurie",
      ["Quartier en pénurie (liste officielle saisie)", "Tekortwijk (ingevoerde officiële lijst)", "Quarter in shortage (official list entered)"],
      { formula: `=COUNTIF(${ctx.penurieRange},${sh.ref("quartierCode", "B", true)})>0`, result: ctx.sim.model.penurie, style: "formula" },
      L([
        `Liste saisie par l'utilisateur le ${list.enteredOn.split("-").reverse().join("/")}, référence ${list.reference} (feuille Quartiers en pénurie).`,
        `Lijst ingevoerd door de gebruiker op ${list.enteredOn.split("-").reverse().join("/")}, referentie ${list.reference} (blad Tekortwijken).`,
        `List entered by the user on ${list.enteredOn.split("-").reverse().join("/")}, reference ${list.reference} (sheet Quarters in shortage).`,
      ]),
    );
  } else {
    row(
      "penurie",
      ["Quartier en pénurie (déclaré)", "Tekortwijk (verklaard)", "Quarter in shortage (declared)"],
      input(ctx.sim.model.penurie),
      L([
        "VRAI seulement si le quartier figure dans l'arrêté ministériel du 13/05/2019 (saisissez la liste officielle une fois dans le volet pour qu'elle décide).",
        "WAAR alleen als de wijk in het ministerieel besluit van 13/05/2019 staat (voer de officiële lijst één keer in het paneel in).",
        "TRUE only if the quarter is in the ministerial order of 13/05/2019 (enter the official list once in the pane to let it decide).",
      ]),
    );
  }
  const choice = (id: string, t: Tr, code: string, labels: Record<string, Tr>) => {
    // The accountant picks a label of the sheet's language (drop-down); the row below turns it into the code the formulas read.
    row(`${id}Label`, t, input(L(labels[code])), Object.values(labels).map((x) => L(x)).join(" ; "));
    const cell = sh.ref(`${id}Label`, "B", true);
    const f = Object.entries(labels).reduceRight((rest, [c, lt]) => `IF(${cell}="${L(lt)}","${c}",${rest})`, "NA()");
    row(id, [`  (code : ${L(t).toLowerCase()})`, `  (code: ${L(t).toLowerCase()})`, `  (code: ${L(t).toLowerCase()})`], { formula: `=${f}`, result: code, style: "formula" });
  };
  choice("practiceType", ["Type de pratique", "Praktijkvorm", "Practice type"], s.practice.type, PRACTICE_LABELS);
  row("gps", ["Nombre de médecins partageant le personnel", "Aantal artsen die het personeel delen", "GPs sharing the staff"], input(s.practice.gps, INT));
  choice("conventionnement", ["Conventionnement", "Conventionering", "Agreement adherence"], s.conventionnement, CONVENTION_LABELS);
  row("accredited", ["Accrédité", "Geaccrediteerd", "Accredited"], input(s.accreditation.accredited));
  row("accreditationRequest", ["Demande d'accréditation provisoire le (vide : au plus tard à l'agrément)", "Aanvraag voorlopige accreditering op (leeg: uiterlijk bij de erkenning)", "Provisional accreditation requested on (empty: by the recognition)"], input(d.accreditationRequest, DATE));
  row("accreditationFrom", ["Début connu de l'accréditation, s'il est plus tardif (facultatif)", "Bekend begin van de accreditering, indien later (facultatief)", "Known later start of accreditation (optional)"], input(s.accreditation.from ? d.accreditationStart : null, DATE));
  const H = (id: string) => sh.ref(id, "B", true);
  const recv = `MAX(${H("agrement")},IF(ISNUMBER(${H("accreditationRequest")}),${H("accreditationRequest")},${H("agrement")}))`;
  row(
    "accreditationStart",
    ["Début de l'accréditation (calculé)", "Begin van de accreditering (berekend)", "Accreditation start (computed)"],
    { formula: `=IF(${H("accredited")},MAX(IF(ISNUMBER(${H("accreditationFrom")}),${H("accreditationFrom")},0),DATE(YEAR(${recv}),MONTH(${recv})+1,1)),0)`, result: d.accreditationStart ?? 0, format: DATE, style: "formula" },
    L([
      "1er jour du mois qui suit la réception de l'agrément et de la demande (règle de MG.ACCREDITATION.DATE) ; 0 si non accrédité.",
      "1e dag van de maand na ontvangst van de erkenning en de aanvraag (regel van MG.ACCREDITATION.DATE); 0 indien niet geaccrediteerd.",
      "1st day of the month after the recognition and the request are received (rule of MG.ACCREDITATION.DATE); 0 if not accredited.",
    ]),
  );
  row("teleMonths", ["Télésecrétariat : mois d'utilisation par an", "Telesecretariaat: maanden gebruik per jaar", "Telesecretariat: months of use per year"], input(s.staff.telesecretariat.months, INT));
  row("teleCost", ["Télésecrétariat : coût annuel de ces mois", "Telesecretariaat: jaarlijkse kost van die maanden", "Telesecretariat: yearly cost of those months"], input(s.staff.telesecretariat.yearlyCost, EUR));
  row("empMonths", ["Employé : mois par an", "Werknemer: maanden per jaar", "Employee: months per year"], input(s.staff.employee.months, INT));
  row("empCost", ["Employé : coût salarial annuel de ces mois", "Werknemer: jaarlijkse loonkost van die maanden", "Employee: yearly salary cost of those months"], input(s.staff.employee.yearlyCost, EUR));
  row("empHours", ["Employé : heures par semaine (contrat)", "Werknemer: uren per week (contract)", "Employee: hours per week (contract)"], input(s.staff.employee.hoursPerWeek ?? null), L(["Vide : interventions continuité / gestion de cabinet non calculées.", "Leeg: tegemoetkomingen continuïteit / praktijkbeheer niet berekend.", "Empty: continuity / practice-management interventions not computed."]));
  row("empContractStart", ["Employé : prise d'effet du contrat", "Werknemer: ingangsdatum van het contract", "Employee: contract start"], input(s.staff.employee.contractStart ? serialFromIso(s.staff.employee.contractStart) : null, DATE));
  row("empFirst", ["Employé : premier contrat (aucun dans les 10 ans, continuité jamais reçue)", "Werknemer: eerste contract (geen in 10 jaar, continuïteit nooit ontvangen)", "Employee: first contract (none in 10 years, continuity never received)"], input(s.staff.employee.firstContract));
  row("rent", ["Loyer du cabinet (par an)", "Huur van de praktijk (per jaar)", "Cabinet rent (per year)"], input(s.costs.rent, EUR));
  row("other", ["Autres frais (par an)", "Andere kosten (per jaar)", "Other costs (per year)"], input(s.costs.other, EUR));
  choice("cercle", ["Adhésion au cercle", "Lidmaatschap van de huisartsenkring", "Cercle membership"], s.costs.cercle, CERCLE_LABELS);
  row("associationFee", ["Cotisation propre de l'association locale (par an)", "Eigen bijdrage van de lokale vereniging (per jaar)", "Local association's own fee (per year)"], input(s.costs.associationFee, EUR));
  row("installationBudget", ["Subvention d'installation : budget présenté", "Installatiesubsidie: voorgelegd budget", "Installation grant: budget presented"], input(s.installationBudget, EUR));
  row(
    "indexRate",
    ["Années sans barème publié : indexation annuelle", "Jaren zonder gepubliceerd barema: jaarlijkse indexering", "Years without a published scale: yearly indexation"],
    input(s.extrapolation.indexPercent / 100, PCT),
    L([
      "Dernier montant connu reconduit, indexé de ce pourcentage par an (0 % = inchangé). Voir la colonne Statut de Paramètres.",
      "Laatst gekend bedrag behouden, geïndexeerd met dit percentage per jaar (0 % = ongewijzigd). Zie de kolom Status van Parameters.",
      "Last known amount carried over, indexed by this percentage a year (0 % = unchanged). See the Status column of Parameters.",
    ]),
  );
  const h = s.household;
  row("dependants", ["Enfants à charge", "Kinderen ten laste", "Dependent children"], lab(String(h.dependants)), fixed);
  const key = communeRateKey(ctx.sim.model);
  row(
    "commune",
    ["Commune de résidence", "Woonplaats", "Commune of residence"],
    input(h.commune ? resolveCommune(h.commune)[ctx.lang === "nl" ? "nl" : "fr"] : null),
    key
      ? L(["Taux de la taxe communale de chaque année : Paramètres.", "Tarief van de gemeentebelasting per jaar: Parameters.", "Communal surcharge rate of each year: Parameters."])
      : L(["Taux saisi ci-dessous (hypothèse de l'utilisateur).", "Tarief hieronder ingevoerd (hypothese van de gebruiker).", "Rate entered below (the user's assumption)."]),
  );
  row(
    "communalRate",
    ["Taxe communale additionnelle saisie (% de l'impôt)", "Ingevoerde aanvullende gemeentebelasting (% van de belasting)", "Communal surcharge entered (% of the tax)"],
    input(h.communalRatePercent !== undefined ? h.communalRatePercent / 100 : null, PCT),
    L(["Seulement hors Bruxelles, ou si le taux de la commune n'est pas publié dans les sources consultées.", "Alleen buiten Brussel, of als het tarief van de gemeente niet gepubliceerd is in de geraadpleegde bronnen.", "Only outside Brussels, or if the commune's rate is not published in the sources consulted."]),
  );
  row(
    "advancePct",
    ["Versements anticipés : part de l'impôt de l'année payée dans l'année", "Voorafbetalingen: deel van de belasting van het jaar betaald in het jaar", "Advance payments: share of the year's tax paid in the year"],
    input(s.tax.advancePaymentsPercent / 100, PCT),
    L(["Le reste est payé avec l'avertissement-extrait de rôle (Paramètres : ipp.paiement.decalage).", "De rest wordt betaald met het aanslagbiljet (Parameters: ipp.paiement.decalage).", "The rest is paid with the assessment (Parameters: ipp.paiement.decalage)."]),
  );
  if (s.note) row("note", ["Note", "Opmerking", "Note"], lab(s.note, "note"));
  sh.blank();
  sh.add([head(L(["Activité par année", "Activiteit per jaar", "Activity per year"])), ...ctx.years.map((y) => head(y))], "actYear");
  const act = (id: string, t: Tr, get: (i: number) => CellPlan["value"], format?: string) => sh.add([lab(L(t)), ...ctx.years.map((_, i) => input(get(i), format))], id);
  const A = (i: number) => activityOf(s, i);
  act("cons", ["Consultations au cabinet par semaine", "Raadplegingen per week", "Office consultations per week"], (i) => A(i).consultationsPerWeek, INT);
  act("visits", ["Visites à domicile par semaine", "Huisbezoeken per week", "Home visits per week"], (i) => A(i).visitsPerWeek, INT);
  act("weeks", ["Semaines travaillées (année complète)", "Gewerkte weken (volledig jaar)", "Weeks worked (full year)"], (i) => A(i).weeksWorked, INT);
  act("forfaitIncome", ["Maison médicale au forfait : revenu annuel du forfait (hypothèse)", "Forfaitair wijkgezondheidscentrum: jaarlijks forfaitinkomen (hypothese)", "Capitation health centre: yearly capitation income (assumption)"], (i) => A(i).forfaitIncome ?? 0, EUR);
  act("dmg", ["DMG gérés (fin d'année)", "Beheerde GMD's (einde jaar)", "GMRs managed (year end)"], (i) => A(i).dmgCount, INT);
  act("criteria", ["Critères e-services atteints (prime de pratique intégrée)", "Bereikte e-dienstencriteria (geïntegreerde praktijkpremie)", "E-services criteria reached (integrated practice bonus)"], (i) => A(i).eServicesCriteria, INT);
  act("software", ["Logiciel accepté (VRAI/FAUX)", "Aanvaarde software (WAAR/ONWAAR)", "Accepted software (TRUE/FALSE)"], (i) => A(i).acceptedSoftware);
  if (s.activity.length < s.horizon) {
    sh.note(L(["Années au-delà de l'activité saisie : dernière année reprise.", "Jaren na de ingevoerde activiteit: laatste jaar overgenomen.", "Years beyond the activity entered: last year carried over."]));
  }
  sh.blank();
  sh.add([head(L(["Investissements", "Investeringen", "Investments"])), head(L(["Montant", "Bedrag", "Amount"])), head(L(["Année d'achat", "Aankoopjaar", "Year bought"])), head(L(["Durée (ans)", "Duur (jaren)", "Life (years)"]))], "invHead");
  s.investments.forEach((inv, i) => sh.add([input(inv.label), input(inv.amount, EUR), input(inv.year), input(inv.years, INT)], `inv${i}`));
  if (s.investments.length === 0) sh.note(L(["(aucun)", "(geen)", "(none)"]));
  // The scenario as built, for the pane's « Reprendre le scénario de ce classeur » (src/scenario/read-back.ts): not printed.
  sh.blank();
  sh.add([lab(SCENARIO_MARKER, "source"), lab(JSON.stringify(s), "source")], "scenarioJson");
  return sh;
}

/** The drop-down labels of the enumerated inputs, per language (the formulas read the code row under each). */
export const PRACTICE_LABELS: Record<string, Tr> = {
  solo: ["Solo", "Solo", "Solo"],
  regroupement: ["Regroupement", "Samenwerkingsverband", "Shared practice"],
  groupe: ["Pratique de groupe", "Groepspraktijk", "Group practice"],
  "maison-medicale-acte": ["Maison médicale à l'acte", "Wijkgezondheidscentrum per prestatie", "Health centre, fee for service"],
  "maison-medicale-forfait": ["Maison médicale au forfait", "Forfaitair wijkgezondheidscentrum", "Health centre, capitation"],
};
export const CONVENTION_LABELS: Record<string, Tr> = {
  total: ["Conventionné", "Geconventioneerd", "Conventioned"],
  partiel: ["Partiellement conventionné", "Gedeeltelijk geconventioneerd", "Partially conventioned"],
  aucun: ["Non conventionné", "Niet geconventioneerd", "Not conventioned"],
};
export const CERCLE_LABELS: Record<string, Tr> = {
  famgb: ["FAMGB en direct", "FAMGB rechtstreeks", "FAMGB directly"],
  association: ["Via une association locale", "Via een lokale vereniging", "Through a local association"],
  aucun: ["Aucun", "Geen", "None"],
};

/** Column A of the row holding the scenario's JSON (column B) in Hypothèses; the same in every language. */
export const SCENARIO_MARKER = "MG Bruxelles — scénario (JSON)";

