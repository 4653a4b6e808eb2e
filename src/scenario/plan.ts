/**
 * Scenario -> sheet plan: a pure value (no I/O) that a writer applies
 * (src/workbook/xlsx-writer.ts offline, the Office.js writer in Excel).
 *
 * Sheets (French names; Dutch/English when the scenario's language says so):
 * Hypothèses (every input, editable: yellow cells), Paramètres (every legal
 * figure used, per year, published or extrapolated, with validity dates and
 * sources), Revenus, Primes (each condition as a TRUE/FALSE cell), Charges,
 * Synthèse (with a chart), Échéancier (deadlines for this GP). Several
 * scenarios: each gets its own sheets (prefixed by its name) and a
 * Comparaison sheet puts their syntheses side by side.
 *
 * Every computed cell is a native Excel formula (English syntax) over
 * Hypothèses and Paramètres — no legal figure is written in a formula — and
 * carries the value the core computed (simulate.ts) in `result`; tests check
 * that both agree to the cent (HyperFormula, LibreOffice).
 *
 * Structure is fixed at build time: the simulated years (first year and
 * horizon) and the list of investments; every other hypothesis can be
 * changed in the workbook and everything recalculates.
 */
import { columnLetter, type CellPlan, type CellStyle, type ChartPlan, type SheetPlan, type WorkbookPlan } from "../workbook/plan";
import { formatSource } from "../explain";
import { deadlines, type DeadlineRow } from "../rules/echeances";
import { serialFromIso, yearOf } from "../dates";
import { centsToEuros, eurosToCents, formatEuros, formatRate } from "../money";
import { parseScenario, formatProblems, yearsOf, type Language, type Scenario } from "./schema";
import { simulate, scenarioDates, depreciation, type SimYear, type Simulation } from "./simulate";
import { isIndexed, keyLabel, slabShape, splitKey, versionFor, yearValue } from "./year-params";
import { params } from "../params";
import { periodText, type Version } from "../params/registry";

export const EUR = '#,##0.00 "€"';
export const DATE = "dd/mm/yyyy";
export const INT = "#,##0";
export const PCT = "0.00%";
export const RATE = "0.0%";

type Tr = [fr: string, nl: string, en: string];

const SHEET_NAMES: Record<string, Tr> = {
  hyp: ["Hypothèses", "Hypothesen", "Assumptions"],
  par: ["Paramètres", "Parameters", "Parameters"],
  rev: ["Revenus", "Inkomsten", "Revenue"],
  pri: ["Primes", "Premies", "Grants"],
  chg: ["Charges", "Kosten", "Costs"],
  syn: ["Synthèse", "Overzicht", "Summary"],
  ech: ["Échéancier", "Kalender", "Deadlines"],
  cmp: ["Comparaison", "Vergelijking", "Comparison"],
};

export const SHEET_KEYS = ["hyp", "par", "rev", "pri", "chg", "syn", "ech"] as const;

function tr(lang: Language, t: Tr): string {
  return t[lang === "fr" ? 0 : lang === "nl" ? 1 : 2];
}

export interface PlanOptions {
  /** Language of names and labels; default: each scenario's own. */
  language?: Language;
}

/** One sheet under construction: rows of cells, row ids for references. */
class Sheet {
  readonly rows: (CellPlan | null)[][] = [];
  private readonly ids = new Map<string, number>();
  constructor(
    readonly key: string,
    readonly name: string,
  ) {}
  add(cells: (CellPlan | null)[], id?: string): number {
    const r = this.rows.length;
    this.rows.push(cells);
    if (id) {
      if (this.ids.has(id)) throw new Error(`ligne en double ${this.key}.${id}`);
      this.ids.set(id, r);
    }
    return r;
  }
  blank(): void {
    this.rows.push([]);
  }
  row(id: string): number {
    const r = this.ids.get(id);
    if (r === undefined) throw new Error(`ligne inconnue ${this.key}.${id}`);
    return r;
  }
  /** A1 reference of a row's cell in column `col` (letters), row absolute. */
  ref(id: string, col: string, absCol = false): string {
    return `${absCol ? "$" : ""}${col}$${this.row(id) + 1}`;
  }
  /** Reference from another sheet. */
  xref(id: string, col: string, absCol = false): string {
    return `{${this.key}}!${this.ref(id, col, absCol)}`;
  }
  plan(columnWidths: number[], freezeRows?: number, charts?: ChartPlan[]): SheetPlan {
    return { key: this.key, name: this.name, rows: this.rows, columnWidths, ...(freezeRows ? { freezeRows } : {}), ...(charts ? { charts } : {}) };
  }
}

const lab = (value: string, style: CellStyle = "label", note?: string): CellPlan => ({ value, style, ...(note ? { note } : {}) });
const head = (value: string | number): CellPlan => ({ value, style: "header" });

/**
 * The Paramètres rows: (key, year) pairs registered while the other sheets
 * are built (first pass), then laid out sorted (second pass).
 */
class ParIndex {
  private readonly wanted = new Map<string, Set<number>>();
  private layout: Map<string, number> | null = null;
  constructor(
    private readonly sheetKey: string,
    private readonly indexPercent: number,
  ) {}
  /** Absolute reference to the value cell (column D) of `key` for `year`, or to another column (F = valid from). */
  ref(key: string, year: number, col = "D"): string {
    if (!this.layout) {
      let years = this.wanted.get(key);
      if (!years) this.wanted.set(key, (years = new Set()));
      years.add(year);
      return `{${this.sheetKey}}!$${col}$1`;
    }
    const r = this.layout.get(`${key}|${year}`);
    if (r === undefined) throw new Error(`paramètre non préparé : ${key} ${year}`);
    return `{${this.sheetKey}}!$${col}$${r + 1}`;
  }
  /** Fixes the layout: header rows first, then keys in first-use order, years ascending; extrapolated years add their reference year. */
  fix(firstRow: number): { key: string; year: number }[] {
    const out: { key: string; year: number }[] = [];
    const layout = new Map<string, number>();
    for (const [key, set] of this.wanted) {
      const years = new Set(set);
      for (const y of set) {
        const v = yearValue(key, y, this.indexPercent);
        if (!v.published) years.add(v.refYear);
      }
      for (const y of [...years].sort((a, b) => a - b)) {
        layout.set(`${key}|${y}`, firstRow + out.length);
        out.push({ key, year: y });
      }
    }
    this.layout = layout;
    return out;
  }
}

interface Ctx {
  s: Scenario;
  sim: Simulation;
  lang: Language;
  /** Sheet key with the scenario prefix. */
  k: (key: string) => string;
  par: ParIndex;
  years: number[];
  /** Column letter of the i-th year (B, C, ...). */
  col: (i: number) => string;
  /** Legal figures quoted in labels, read from src/params (never written in code). */
  f: Figures;
}

interface Figures {
  stage: string;
  impRate: string;
  taxRate: string;
  ssHours: string;
  youngYears: string;
  instDelay: string;
  stayYears: string;
  quota: string;
  dmiMin: string;
  remMin: string;
  hMin: string;
  exYears: string;
  contFrom: string;
  contTo: string;
  contMin: string;
  contMax: string;
}

/** Figures for labels, at the first simulated year (or the last published value). */
function figures(y0: number): Figures {
  const v = (id: string) => {
    try {
      return yearValue(id, y0, 0);
    } catch {
      return yearValue(id, yearOf(params.get(splitKey(id).paramId).versions[0].from), 0);
    }
  };
  const rate = (id: string) => formatRate(v(id).rate!);
  const n = (id: string) => String(v(id).value);
  const money = (id: string) => formatEuros(v(id).value);
  const years = (id: string) => String(v(id).value / 12);
  const dayMonth = (id: string) => `${n(`${id}.jour`)}/${n(`${id}.mois`)}`;
  return {
    stage: rate("stage.taux"),
    impRate: rate("impulseo.taux"),
    taxRate: rate("impulseo.taux-distinct"),
    ssHours: n("statut-social.heures-min"),
    youngYears: years("installation.jeune.agrement-max"),
    instDelay: n("installation.demande.delai"),
    stayYears: years("installation.sejour-min"),
    quota: n("installation.jeune.octrois-max"),
    dmiMin: n("soutien.dmi-min"),
    remMin: money("soutien.remboursements-min"),
    hMin: n("soutien.heures-min"),
    exYears: n("soutien.exemption.annees"),
    contFrom: dayMonth("continuite.contrat.debut"),
    contTo: dayMonth("continuite.contrat.fin"),
    contMin: money("continuite.montant.min"),
    contMax: money("continuite.montant.max"),
  };
}

const Y0_COL = 1;

/**
 * Builds the workbook plan of one or several scenarios. Throws a RuleError
 * (French message) when a legal figure needed by the scenario is unknown, and
 * an Error listing the problems for an invalid scenario.
 */
export function buildPlan(scenarios: Scenario[] | Scenario, opts: PlanOptions = {}): WorkbookPlan {
  const list = Array.isArray(scenarios) ? scenarios : [scenarios];
  if (list.length === 0) throw new Error("aucun scénario");
  const checked = list.map((s, i) => {
    const r = parseScenario(s);
    if (!r.ok) throw new Error(`Scénario ${i + 1} invalide :\n${formatProblems(r.problems)}`);
    return r.scenario;
  });
  const many = checked.length > 1;
  const sheets: SheetPlan[] = [];
  const syntheses: { s: Scenario; sim: Simulation; synKey: string; syn: Sheet }[] = [];
  checked.forEach((s, n) => {
    const lang = opts.language ?? s.language;
    const prefix = many ? `s${n + 1}-` : "";
    // Sheet names may not contain : \ / ? * [ ] (nor start or end with an apostrophe).
    const short = s.name.replace(/[:\\/?*[\]']/g, "-").slice(0, 14).trim();
    const clash = checked.some((o, m) => m !== n && o.name.replace(/[:\\/?*[\]']/g, "-").slice(0, 14).trim() === short);
    const namePrefix = many ? `${clash ? `${n + 1}. ${short.slice(0, 11)}` : short} - ` : "";
    const names = (key: string) => (namePrefix + tr(lang, SHEET_NAMES[key])).slice(0, 31);
    const sim = simulate(s);
    const years = yearsOf(s);
    // Two passes: the first registers the Paramètres rows the formulas need, the second lays them out.
    const make = (par: ParIndex) => {
      const ctx: Ctx = { s, sim, lang, k: (key) => prefix + key, par, years, col: (i) => columnLetter(Y0_COL + i), f: figures(years[0]) };
      return buildScenarioSheets(ctx, names);
    };
    const par = new ParIndex(prefix + "par", s.extrapolation.indexPercent);
    make(par);
    const built = make(par);
    sheets.push(...built.sheets);
    syntheses.push({ s, sim, synKey: prefix + "syn", syn: built.syn });
  });
  if (many) sheets.push(comparison(syntheses, opts.language ?? checked[0].language));
  return { sheets };
}

function buildScenarioSheets(ctx: Ctx, names: (key: string) => string): { sheets: SheetPlan[]; syn: Sheet } {
  const hyp = hypotheses(ctx, names("hyp"));
  const rev = revenues(ctx, names("rev"), hyp);
  const chg = charges(ctx, names("chg"), hyp, rev);
  const pri = primes(ctx, names("pri"), hyp, rev, chg);
  const syn = synthesis(ctx, names("syn"), hyp, rev, pri, chg);
  const ech = calendar(ctx, names("ech"), hyp);
  const par = parameters(ctx, names("par"), hyp);
  const w = (first: number) => [first, ...ctx.years.map(() => 15), 15];
  return {
    sheets: [
      hyp.plan([52, 18, ...ctx.years.slice(1).map(() => 15), 60], 3),
      par,
      rev.plan(w(58), 3),
      pri.plan(w(64), 3),
      chg.plan(w(58), 3),
      syn.plan(w(40), 3, [
        {
          kind: "columnClustered",
          title: tr(ctx.lang, ["Du brut au net : revenus, charges, résultat, cotisations, impôt et revenu net par année", "Van bruto naar netto: inkomsten, kosten, resultaat, bijdragen, belasting en netto-inkomen per jaar", "From gross to net: revenue, costs, result, contributions, tax and net income per year"]),
          // The years as categories, each figure row as a named series (no header row Excel would have to guess: see ChartPlan).
          categories: `${ctx.col(0)}${syn.row("year") + 1}:${ctx.col(ctx.years.length - 1)}${syn.row("year") + 1}`,
          series: ["revenue", "primes", "charges", "result", "social", "tax", "net"].map((id) => ({
            name: `A${syn.row(id) + 1}`,
            values: `${ctx.col(0)}${syn.row(id) + 1}:${ctx.col(ctx.years.length - 1)}${syn.row(id) + 1}`,
          })),
          anchor: `A${syn.rows.length + 2}`,
        },
      ]),
      ech.plan([14, 90, 8, 60], 3),
    ],
    syn,
  };
}

/* ------------------------------------------------------------------ */
/* Hypothèses                                                          */
/* ------------------------------------------------------------------ */

function hypotheses(ctx: Ctx, name: string): Sheet {
  const { s, lang } = ctx;
  const L = (t: Tr) => tr(lang, t);
  const sh = new Sheet(ctx.k("hyp"), name);
  const d = scenarioDates(s);
  sh.add([lab(`${L(["Hypothèses", "Hypothesen", "Assumptions"])} — ${s.name}`, "title")]);
  sh.add([
    lab(
      L([
        "Cellules jaunes : hypothèses modifiables (tout le classeur se recalcule). Années et investissements : structure fixe (regénérez le classeur pour les changer).",
        "Gele cellen: aanpasbare hypothesen (de hele werkmap wordt herberekend). Jaren en investeringen: vaste structuur (genereer de werkmap opnieuw om ze te wijzigen).",
        "Yellow cells: editable assumptions (the whole workbook recalculates). Years and investments: fixed structure (rebuild the workbook to change them).",
      ]),
      "note",
    ),
  ]);
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
  row("name", ["Nom du scénario", "Naam van het scenario", "Scenario name"], input(s.name));
  row("endOfTraining", ["Fin du stage", "Einde van de stage", "End of training"], input(d.endOfTraining, DATE));
  row("agrement", ["Agrément comme médecin généraliste", "Erkenning als huisarts", "Recognition as GP"], input(d.agrement, DATE), L([`Avant cette date, les actes sont facturés à ${ctx.f.stage} (R1).`, `Vóór deze datum worden prestaties aan ${ctx.f.stage} aangerekend (R1).`, `Before this date, acts are billed at ${ctx.f.stage} (R1).`]));
  row("inamiNumber", ["Numéro INAMI d'agréé (003/004) obtenu le", "RIZIV-nummer erkende huisarts (003/004) verkregen op", "Recognised INAMI number (003/004) obtained on"], input(d.inamiNumber, DATE));
  row("installation", ["Date d'installation", "Installatiedatum", "Installation date"], input(d.installation, DATE));
  row("firstYear", ["Première année simulée", "Eerste gesimuleerde jaar", "First simulated year"], lab(String(ctx.years[0])), L(["Structure fixe.", "Vaste structuur.", "Fixed structure."]));
  row("horizon", ["Horizon (années)", "Horizon (jaren)", "Horizon (years)"], lab(String(s.horizon)), L(["Structure fixe.", "Vaste structuur.", "Fixed structure."]));
  row("quartierCode", ["Quartier (Monitoring des Quartiers) : code", "Wijk (Wijkmonitoring): code", "Quarter (Monitoring des Quartiers): code"], input(s.quartier.code ?? null));
  row("quartierName", ["Quartier : nom", "Wijk: naam", "Quarter: name"], input(s.quartier.name ?? null));
  row(
    "penurie",
    ["Quartier en pénurie (déclaré)", "Tekortwijk (verklaard)", "Quarter in shortage (declared)"],
    input(s.quartier.penurie),
    L([
      "VRAI seulement si le quartier figure dans l'arrêté ministériel du 13/05/2019 (liste officielle non intégrée).",
      "WAAR alleen als de wijk in het ministerieel besluit van 13/05/2019 staat (officiële lijst niet ingebouwd).",
      "TRUE only if the quarter is in the ministerial order of 13/05/2019 (official list not built in).",
    ]),
  );
  row("practiceType", ["Type de pratique", "Praktijkvorm", "Practice type"], input(s.practice.type), "solo, regroupement, groupe, maison-medicale");
  row("gps", ["Nombre de médecins partageant le personnel", "Aantal artsen die het personeel delen", "GPs sharing the staff"], input(s.practice.gps, INT));
  row("conventionnement", ["Conventionnement", "Conventionering", "Agreement adherence"], input(s.conventionnement), "total, partiel, aucun");
  row("accredited", ["Accrédité", "Geaccrediteerd", "Accredited"], input(s.accreditation.accredited));
  row("accreditationFrom", ["Accréditation depuis le", "Accreditering sinds", "Accredited since"], input(d.accreditationFrom ?? (s.accreditation.from ? serialFromIso(s.accreditation.from) : null), DATE));
  row("teleMonths", ["Télésecrétariat : mois d'utilisation par an", "Telesecretariaat: maanden gebruik per jaar", "Telesecretariat: months of use per year"], input(s.staff.telesecretariat.months, INT));
  row("teleCost", ["Télésecrétariat : coût annuel de ces mois", "Telesecretariaat: jaarlijkse kost van die maanden", "Telesecretariat: yearly cost of those months"], input(s.staff.telesecretariat.yearlyCost, EUR));
  row("empMonths", ["Employé : mois par an", "Werknemer: maanden per jaar", "Employee: months per year"], input(s.staff.employee.months, INT));
  row("empCost", ["Employé : coût salarial annuel de ces mois", "Werknemer: jaarlijkse loonkost van die maanden", "Employee: yearly salary cost of those months"], input(s.staff.employee.yearlyCost, EUR));
  row("empHours", ["Employé : heures par semaine (contrat)", "Werknemer: uren per week (contract)", "Employee: hours per week (contract)"], input(s.staff.employee.hoursPerWeek ?? null), L(["Vide : interventions continuité / gestion de cabinet (R10) non calculées.", "Leeg: tegemoetkomingen continuïteit / praktijkbeheer (R10) niet berekend.", "Empty: continuity / practice-management interventions (R10) not computed."]));
  row("empContractStart", ["Employé : prise d'effet du contrat", "Werknemer: ingangsdatum van het contract", "Employee: contract start"], input(s.staff.employee.contractStart ? serialFromIso(s.staff.employee.contractStart) : null, DATE));
  row("empFirst", ["Employé : premier contrat (aucun dans les 10 ans, continuité jamais reçue)", "Werknemer: eerste contract (geen in 10 jaar, continuïteit nooit ontvangen)", "Employee: first contract (none in 10 years, continuity never received)"], input(s.staff.employee.firstContract));
  row("rent", ["Loyer du cabinet (par an)", "Huur van de praktijk (per jaar)", "Cabinet rent (per year)"], input(s.costs.rent, EUR));
  row("other", ["Autres frais (par an)", "Andere kosten (per jaar)", "Other costs (per year)"], input(s.costs.other, EUR));
  row("cercle", ["Adhésion au cercle", "Lidmaatschap van de huisartsenkring", "Cercle membership"], input(s.costs.cercle), "famgb, association, aucun");
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
  row(
    "communalRate",
    ["Taxe communale additionnelle (% de l'impôt)", "Aanvullende gemeentebelasting (% van de belasting)", "Communal surcharge (% of the tax)"],
    input(s.tax.communalRatePercent / 100, PCT),
    L([
      "Taux de la commune de résidence (hypothèse, pas un montant légal encodé) ; 0 % = non compris.",
      "Tarief van de woonplaats (hypothese, geen gecodeerd wettelijk bedrag); 0 % = niet inbegrepen.",
      "Rate of the commune of residence (an assumption, not an encoded legal figure); 0 % = not included.",
    ]),
  );
  if (s.note) row("note", ["Note", "Opmerking", "Note"], lab(s.note, "note"));
  sh.blank();
  sh.add([head(L(["Activité par année", "Activiteit per jaar", "Activity per year"])), ...ctx.years.map((y) => head(y))], "actYear");
  const act = (id: string, t: Tr, get: (i: number) => CellPlan["value"], format?: string) =>
    sh.add([lab(L(t)), ...ctx.years.map((_, i) => input(get(i), format))], id);
  const A = (i: number) => s.activity[Math.min(i, s.activity.length - 1)];
  act("cons", ["Consultations au cabinet par semaine", "Raadplegingen per week", "Office consultations per week"], (i) => A(i).consultationsPerWeek, INT);
  act("visits", ["Visites à domicile par semaine", "Huisbezoeken per week", "Home visits per week"], (i) => A(i).visitsPerWeek, INT);
  act("weeks", ["Semaines travaillées (année complète)", "Gewerkte weken (volledig jaar)", "Weeks worked (full year)"], (i) => A(i).weeksWorked, INT);
  act("accPct", ["Part des consultations accréditées (%, moyenne de l'année, code 101076)", "Aandeel geaccrediteerde raadplegingen (%, jaargemiddelde, code 101076)", "Share of accredited consultations (%, yearly average, code 101076)"], (i) => A(i).accreditedSharePercent, INT);
  act("dmg", ["DMG gérés (fin d'année)", "Beheerde GMD's (einde jaar)", "GMRs managed (year end)"], (i) => A(i).dmgCount, INT);
  act("criteria", ["Critères e-services atteints (prime de pratique intégrée)", "Bereikte e-dienstencriteria (geïntegreerde praktijkpremie)", "E-services criteria reached (integrated practice bonus)"], (i) => A(i).eServicesCriteria, INT);
  act("software", ["Logiciel accepté (VRAI/FAUX)", "Aanvaarde software (WAAR/ONWAAR)", "Accepted software (TRUE/FALSE)"], (i) => A(i).acceptedSoftware);
  if (s.activity.length < s.horizon) {
    sh.add([lab(L(["Années au-delà de l'activité saisie : dernière année reprise.", "Jaren na de ingevoerde activiteit: laatste jaar overgenomen.", "Years beyond the activity entered: last year carried over."]), "note")]);
  }
  sh.blank();
  sh.add([head(L(["Investissements", "Investeringen", "Investments"])), head(L(["Montant", "Bedrag", "Amount"])), head(L(["Année d'achat", "Aankoopjaar", "Year bought"])), head(L(["Durée (ans)", "Duur (jaren)", "Life (years)"]))], "invHead");
  s.investments.forEach((inv, i) => sh.add([input(inv.label), input(inv.amount, EUR), input(inv.year), input(inv.years, INT)], `inv${i}`));
  if (s.investments.length === 0) sh.add([lab(L(["(aucun)", "(geen)", "(none)"]), "note")]);
  return sh;
}

/** Absolute reference to a Hypothèses scalar. */
function H(ctx: Ctx, hyp: Sheet, id: string): string {
  return hyp.xref(id, "B", true);
}
/** Reference to the year-i activity cell of Hypothèses. */
function HA(ctx: Ctx, hyp: Sheet, id: string, i: number): string {
  return hyp.xref(id, ctx.col(i));
}

/* ------------------------------------------------------------------ */
/* Year sheets helpers                                                 */
/* ------------------------------------------------------------------ */

type YearCell = { formula: string; result: CellPlan["result"] };

function startYearSheet(ctx: Ctx, key: string, name: string, title: Tr, extrapolatedOf: (y: SimYear) => string[], flag = true): Sheet {
  const L = (t: Tr) => tr(ctx.lang, t);
  const sh = new Sheet(ctx.k(key), name);
  sh.add([lab(`${L(title)} — ${ctx.s.name}`, "title")]);
  sh.add([lab(L(["Formules sur Hypothèses et Paramètres ; montants en euros.", "Formules op Hypothesen en Parameters; bedragen in euro.", "Formulas over Assumptions and Parameters; amounts in euros."]), "note")]);
  sh.add([head(L(["Année", "Jaar", "Year"])), ...ctx.years.map((y) => head(y))], "year");
  if (flag) addFlagRow(ctx, sh, extrapolatedOf);
  return sh;
}

/** The row saying, per year, whether the legal figures used are published or extrapolated. */
function addFlagRow(ctx: Ctx, sh: Sheet, extrapolatedOf: (y: SimYear) => string[]): void {
  const L = (t: Tr) => tr(ctx.lang, t);
  sh.add(
    [
      lab(L(["Montants légaux de l'année", "Wettelijke bedragen van het jaar", "Legal amounts of the year"])),
      ...ctx.sim.years.map((y) => {
        const ex = extrapolatedOf(y);
        return ex.length === 0
          ? lab(L(["publiés", "gepubliceerd", "published"]), "check")
          : lab(L(["EXTRAPOLÉS", "GEËXTRAPOLEERD", "EXTRAPOLATED"]), "note", `${L(["Dernier montant publié reconduit (indexation : Hypothèses)", "Laatst gepubliceerd bedrag behouden (indexering: Hypothesen)", "Last published amount carried over (indexation: Assumptions)"])} : ${ex.join(", ")}`);
      }),
    ],
    "flag",
  );
}

/** A row with one formula per year. */
function yearRow(ctx: Ctx, sh: Sheet, id: string, label: string, cell: (i: number, col: string, yearRef: string) => YearCell, format: string | undefined, style: CellStyle = "formula", note?: string): void {
  sh.add(
    [
      lab(label, style === "total" ? "total" : "label", note),
      ...ctx.years.map((_, i) => {
        const col = ctx.col(i);
        const c = cell(i, col, sh.ref("year", col));
        return { formula: c.formula, result: c.result, style, ...(format ? { format } : {}) } as CellPlan;
      }),
    ],
    id,
  );
}

const eur = (cents: number) => centsToEuros(cents);
const yEnd = (yr: string) => `DATE(${yr},12,31)`;
const yStart = (yr: string) => `DATE(${yr},1,1)`;

/** Complete months of year `yr` from a date cell (12 if before the year, 0 after). */
const monthsFromF = (date: string, yr: string) => `IF(YEAR(${date})<${yr},12,IF(YEAR(${date})>${yr},0,12-MONTH(${date})+IF(DAY(${date})=1,1,0)))`;

/* ------------------------------------------------------------------ */
/* Revenus                                                             */
/* ------------------------------------------------------------------ */

function revenues(ctx: Ctx, name: string, hyp: Sheet): Sheet {
  const L = (t: Tr) => tr(ctx.lang, t);
  const Y = ctx.sim.years;
  const sh = startYearSheet(ctx, "rev", name, ["Revenus (honoraires)", "Inkomsten (erelonen)", "Revenue (fees)"], (y) => y.extrapolated.filter((e) => e.startsWith("honoraire.")));
  const inst = H(ctx, hyp, "installation");
  const agr = H(ctx, hyp, "agrement");
  sh.add([lab(L(["Jours d'activité", "Activiteitsdagen", "Days of practice"]), "subtitle")]);
  yearRow(ctx, sh, "activeDays", L(["Jours d'activité dans l'année (depuis l'installation)", "Activiteitsdagen in het jaar (sinds de installatie)", "Days of practice in the year (since installation)"]), (i, c, yr) => ({ formula: `=MAX(0,${yEnd(yr)}-MAX(${yStart(yr)},${inst})+1)`, result: Y[i].activeDays }), INT);
  yearRow(ctx, sh, "daysInYear", L(["Jours dans l'année", "Dagen in het jaar", "Days in the year"]), (i, c, yr) => ({ formula: `=${yEnd(yr)}-${yStart(yr)}+1`, result: Y[i].daysInYear }), INT);
  yearRow(ctx, sh, "daysBefore", L([`dont avant l'agrément (tarif à ${ctx.f.stage})`, `waarvan vóór de erkenning (tarief ${ctx.f.stage})`, `of which before recognition (${ctx.f.stage} tariff)`]), (i, c, yr) => ({ formula: `=MAX(0,MIN(${yEnd(yr)},${agr}-1)-MAX(${yStart(yr)},${inst})+1)`, result: Y[i].daysBefore }), INT);
  yearRow(ctx, sh, "daysAfter", L(["dont après l'agrément", "waarvan na de erkenning", "of which after recognition"]), (i, c) => ({ formula: `=${sh.ref("activeDays", c)}-${sh.ref("daysBefore", c)}`, result: Y[i].daysAfter }), INT);

  const acts = (part: "before" | "after", days: string, t: Tr) => {
    sh.add([lab(L(t), "subtitle")]);
    const D = (c: string) => `${sh.ref(days, c)}/${sh.ref("daysInYear", c)}`;
    yearRow(ctx, sh, `cons_${part}`, L(["Consultations (nombre, arrondi)", "Raadplegingen (aantal, afgerond)", "Consultations (count, rounded)"]), (i, c) => ({ formula: `=ROUND(${HA(ctx, hyp, "cons", i)}*${HA(ctx, hyp, "weeks", i)}*${D(c)},0)`, result: Y[i][part].accredited + Y[i][part].notAccredited }), INT);
    yearRow(ctx, sh, `acc_${part}`, L(["dont accréditées (101076)", "waarvan geaccrediteerd (101076)", "of which accredited (101076)"]), (i, c) => ({ formula: `=ROUND(${sh.ref(`cons_${part}`, c)}*${HA(ctx, hyp, "accPct", i)}/100,0)`, result: Y[i][part].accredited }), INT);
    yearRow(ctx, sh, `non_${part}`, L(["dont non accréditées (101032)", "waarvan niet geaccrediteerd (101032)", "of which not accredited (101032)"]), (i, c) => ({ formula: `=${sh.ref(`cons_${part}`, c)}-${sh.ref(`acc_${part}`, c)}`, result: Y[i][part].notAccredited }), INT);
    yearRow(ctx, sh, `vis_${part}`, L(["Visites à domicile (103132)", "Huisbezoeken (103132)", "Home visits (103132)"]), (i, c) => ({ formula: `=ROUND(${HA(ctx, hyp, "visits", i)}*${HA(ctx, hyp, "weeks", i)}*${D(c)},0)`, result: Y[i][part].visits }), INT);
  };
  acts("before", "daysBefore", ["Actes avant l'agrément", "Prestaties vóór de erkenning", "Acts before recognition"]);
  acts("after", "daysAfter", ["Actes après l'agrément", "Prestaties na de erkenning", "Acts after recognition"]);

  sh.add([lab(L(["Honoraires par acte", "Erelonen per prestatie", "Fees per act"]), "subtitle")]);
  const codes = [
    ["101076", ["Consultation, médecin accrédité (101076)", "Raadpleging, geaccrediteerde arts (101076)", "Consultation, accredited GP (101076)"]],
    ["101032", ["Consultation, médecin non accrédité (101032)", "Raadpleging, niet-geaccrediteerde arts (101032)", "Consultation, non-accredited GP (101032)"]],
    ["103132", ["Visite à domicile (103132)", "Huisbezoek (103132)", "Home visit (103132)"]],
  ] as const;
  for (const [code, t] of codes) {
    yearRow(ctx, sh, `fee${code}`, L(t as unknown as Tr), (i) => ({ formula: `=${ctx.par.ref(`honoraire.${code}`, ctx.years[i])}`, result: eur(Y[i].fees[code]) }), EUR, "formula", L(["Honoraire complet (ticket modérateur + intervention AMI).", "Volledig ereloon (remgeld + ZIV-tegemoetkoming).", "Full fee (patient's share + insurance share)."]));
  }
  for (const [code, t] of codes) {
    yearRow(ctx, sh, `t75_${code}`, `${L(t as unknown as Tr)} — ${L([`à ${ctx.f.stage} (avant agrément)`, `aan ${ctx.f.stage} (vóór erkenning)`, `at ${ctx.f.stage} (before recognition)`])}`, (i, c) => ({ formula: `=ROUND(${sh.ref(`fee${code}`, c)}*${ctx.par.ref("stage.taux", ctx.years[i])},2)`, result: eur(Y[i].tariffs75[code]) }), EUR);
  }
  sh.add([lab(L(["Honoraires", "Erelonen", "Fees"]), "subtitle")]);
  const sum = (part: "before" | "after", pre: string) => (c: string) =>
    `${sh.ref(`acc_${part}`, c)}*${sh.ref(`${pre}101076`, c)}+${sh.ref(`non_${part}`, c)}*${sh.ref(`${pre}101032`, c)}+${sh.ref(`vis_${part}`, c)}*${sh.ref(`${pre}103132`, c)}`;
  yearRow(ctx, sh, "revBefore", L([`Honoraires avant l'agrément (${ctx.f.stage})`, `Erelonen vóór de erkenning (${ctx.f.stage})`, `Fees before recognition (${ctx.f.stage})`]), (i, c) => ({ formula: `=ROUND(${sum("before", "t75_")(c)},2)`, result: eur(Y[i].revenueBefore) }), EUR);
  yearRow(ctx, sh, "revAfter", L(["Honoraires après l'agrément", "Erelonen na de erkenning", "Fees after recognition"]), (i, c) => ({ formula: `=ROUND(${sum("after", "fee")(c)},2)`, result: eur(Y[i].revenueAfter) }), EUR);
  yearRow(ctx, sh, "total", L(["Total des honoraires", "Totaal erelonen", "Total fees"]), (i, c) => ({ formula: `=${sh.ref("revBefore", c)}+${sh.ref("revAfter", c)}`, result: eur(Y[i].revenue) }), EUR, "total");
  sh.add([lab(L(["Part du patient et remboursements (seuils R10)", "Aandeel patiënt en terugbetalingen (drempels R10)", "Patients' share and reimbursements (R10 thresholds)"]), "subtitle")]);
  for (const [code, t] of codes) {
    yearRow(ctx, sh, `tk${code}`, `${L(["Ticket modérateur", "Remgeld", "Patient's share"])} — ${L(t as unknown as Tr)}`, (i) => ({ formula: `=${ctx.par.ref(`ticket.${code}`, ctx.years[i])}`, result: eur(Y[i].tickets[code]) }), EUR);
  }
  yearRow(
    ctx,
    sh,
    "tickets",
    L(["Tickets modérateurs payés par les patients", "Remgeld betaald door de patiënten", "Patients' shares paid"]),
    (i, c) =>
      ({
        formula: `=ROUND((${sh.ref("acc_before", c)}+${sh.ref("acc_after", c)})*${sh.ref("tk101076", c)}+(${sh.ref("non_before", c)}+${sh.ref("non_after", c)})*${sh.ref("tk101032", c)}+(${sh.ref("vis_before", c)}+${sh.ref("vis_after", c)})*${sh.ref("tk103132", c)},2)`,
        result: eur(Y[i].ticketsTotal),
      }),
    EUR,
  );
  yearRow(ctx, sh, "ami", L(["Remboursements de l'assurance (AMI)", "Terugbetalingen door de verzekering (ZIV)", "Insurance reimbursements"]), (i, c) => ({ formula: `=${sh.ref("total", c)}-${sh.ref("tickets", c)}`, result: eur(Y[i].reimbursements) }), EUR, "formula", L(["Patients ordinaires avec DMG (tickets du guide) : approximation.", "Gewone patiënten met GMD (remgeld uit de gids): benadering.", "Ordinary patients with a GMR (guide's shares): approximation."]));
  return sh;
}

/* ------------------------------------------------------------------ */
/* Charges                                                             */
/* ------------------------------------------------------------------ */

function charges(ctx: Ctx, name: string, hyp: Sheet, rev: Sheet): Sheet {
  const L = (t: Tr) => tr(ctx.lang, t);
  const Y = ctx.sim.years;
  const sh = startYearSheet(ctx, "chg", name, ["Charges", "Kosten", "Costs"], (y) => y.extrapolated.filter((e) => e.startsWith("cercle.")));
  const gps = H(ctx, hyp, "gps");
  yearRow(ctx, sh, "activeMonths", L(["Mois complets d'activité", "Volledige activiteitsmaanden", "Complete months of practice"]), (i, c, yr) => ({ formula: `=${monthsFromF(H(ctx, hyp, "installation"), yr)}`, result: Y[i].activeMonths }), INT);
  const staff = (p: "tele" | "emp", key: "telesecretariat" | "employee", t: Tr) => {
    sh.add([lab(L(t), "subtitle")]);
    const months = H(ctx, hyp, `${p}Months`);
    const cost = H(ctx, hyp, `${p}Cost`);
    yearRow(ctx, sh, `${p}Months`, L(["Mois d'utilisation cette année", "Maanden gebruik dit jaar", "Months of use this year"]), (i, c) => ({ formula: `=MIN(${months},${sh.ref("activeMonths", c)})`, result: Y[i][key].months }), INT);
    yearRow(ctx, sh, `${p}Cost`, L(["Coût pour le cabinet", "Kost voor de praktijk", "Cost for the practice"]), (i, c) => ({ formula: `=IF(${months}=0,0,ROUND(${cost}*${sh.ref(`${p}Months`, c)}/${months},2))`, result: eur(Y[i][key].cost) }), EUR);
  };
  staff("tele", "telesecretariat", ["Télésecrétariat", "Telesecretariaat", "Telesecretariat"]);
  staff("emp", "employee", ["Employé", "Werknemer", "Employee"]);
  sh.add([lab(L(["Charges du médecin", "Kosten van de arts", "The GP's costs"]), "subtitle")]);
  const days = (c: string) => `${rev.xref("activeDays", c)}/${rev.xref("daysInYear", c)}`;
  yearRow(ctx, sh, "tele", L(["Télésecrétariat (part du médecin)", "Telesecretariaat (deel van de arts)", "Telesecretariat (the GP's share)"]), (i, c) => ({ formula: `=ROUND(${sh.ref("teleCost", c)}/${gps},2)`, result: eur(Y[i].charges.telesecretariat) }), EUR);
  yearRow(ctx, sh, "emp", L(["Personnel salarié (part du médecin)", "Loonkosten (deel van de arts)", "Salary costs (the GP's share)"]), (i, c) => ({ formula: `=ROUND(${sh.ref("empCost", c)}/${gps},2)`, result: eur(Y[i].charges.employee) }), EUR);
  yearRow(ctx, sh, "rent", L(["Loyer (prorata des jours d'activité)", "Huur (pro rata activiteitsdagen)", "Rent (prorated by days of practice)"]), (i, c) => ({ formula: `=ROUND(${H(ctx, hyp, "rent")}*${days(c)},2)`, result: eur(Y[i].charges.rent) }), EUR);
  yearRow(ctx, sh, "other", L(["Autres frais (prorata des jours d'activité)", "Andere kosten (pro rata activiteitsdagen)", "Other costs (prorated by days of practice)"]), (i, c) => ({ formula: `=ROUND(${H(ctx, hyp, "other")}*${days(c)},2)`, result: eur(Y[i].charges.other) }), EUR);
  const cercle = H(ctx, hyp, "cercle");
  yearRow(
    ctx,
    sh,
    "cercle",
    L(["Cotisation au cercle (R13)", "Bijdrage huisartsenkring (R13)", "Cercle dues (R13)"]),
    (i, c) => ({
      formula: `=IF(${rev.xref("activeDays", c)}>0,IF(${cercle}="famgb",${ctx.par.ref("cercle.cotisation.directe", ctx.years[i])},IF(${cercle}="association",${ctx.par.ref("cercle.cotisation.association", ctx.years[i])}+${H(ctx, hyp, "associationFee")},0)),0)`,
      result: eur(Y[i].charges.cercle),
    }),
    EUR,
  );
  const invRows: string[] = [];
  ctx.s.investments.forEach((inv, n) => {
    const [amount, year, life] = ["B", "C", "D"].map((col) => hyp.xref(`inv${n}`, col, true));
    const id = `dep${n}`;
    invRows.push(id);
    yearRow(
      ctx,
      sh,
      id,
      `${L(["Amortissement", "Afschrijving", "Depreciation"])} : ${inv.label}`,
      (i, c, yr) => ({
        formula: `=IF(AND(${yr}>=${year},${yr}<${year}+${life}),IF(${yr}=${year}+${life}-1,${amount}-ROUND(${amount}/${life},2)*(${life}-1),ROUND(${amount}/${life},2)),0)`,
        result: eur(depreciationOf(ctx, n, ctx.years[i])),
      }),
      EUR,
      "formula",
      L(["Linéaire ; la dernière année reprend l'arrondi.", "Lineair; het laatste jaar neemt de afronding op.", "Straight line; the last year takes the rounding remainder."]),
    );
  });
  yearRow(ctx, sh, "depreciation", L(["Amortissements", "Afschrijvingen", "Depreciation"]), (i, c) => ({ formula: invRows.length ? `=${invRows.map((r) => sh.ref(r, c)).join("+")}` : "=0", result: eur(Y[i].charges.depreciation) }), EUR);
  yearRow(
    ctx,
    sh,
    "total",
    L(["Total des charges", "Totaal kosten", "Total costs"]),
    (i, c) => ({ formula: `=${["tele", "emp", "rent", "other", "cercle", "depreciation"].map((r) => sh.ref(r, c)).join("+")}`, result: eur(Y[i].charges.total) }),
    EUR,
    "total",
  );
  return sh;
}

function depreciationOf(ctx: Ctx, n: number, year: number): number {
  const inv = ctx.s.investments[n];
  return depreciation(eurosToCents(inv.amount), inv.year, inv.years, year);
}

/* ------------------------------------------------------------------ */
/* Primes                                                              */
/* ------------------------------------------------------------------ */

function primes(ctx: Ctx, name: string, hyp: Sheet, rev: Sheet, chg: Sheet): Sheet {
  const L = (t: Tr) => tr(ctx.lang, t);
  const Y = ctx.sim.years;
  const P = (key: string, i: number) => ctx.par.ref(key, ctx.years[i]);
  const sh = startYearSheet(ctx, "pri", name, ["Primes et subsides", "Premies en subsidies", "Grants and subsidies"], (y) => y.extrapolated.filter((e) => !e.startsWith("honoraire.") && !e.startsWith("cercle.")));
  const agr = H(ctx, hyp, "agrement");
  const inst = H(ctx, hyp, "installation");
  const type = H(ctx, hyp, "practiceType");
  const cond = (id: string, t: Tr, f: (i: number, c: string, yr: string) => string, res: (y: SimYear) => boolean) =>
    yearRow(ctx, sh, id, `  ${L(t)}`, (i, c, yr) => ({ formula: `=${f(i, c, yr)}`, result: res(Y[i]) }), undefined, "check");
  const amount = (id: string, t: Tr, f: (i: number, c: string, yr: string) => string, res: (y: SimYear) => number, note?: string) =>
    yearRow(ctx, sh, id, L(t), (i, c, yr) => ({ formula: `=${f(i, c, yr)}`, result: eur(res(Y[i])) }), EUR, "formula", note);
  const toVerify = (items: string) => sh.add([lab(`${L(["À vérifier (non calculable ici)", "Na te gaan (hier niet berekenbaar)", "To check (not computable here)"])} : ${items}`, "note")]);

  // R6 Prime de pratique intégrée
  sh.add([lab(L(["Prime de pratique intégrée (R6, INAMI)", "Geïntegreerde praktijkpremie (R6, RIZIV)", "Integrated practice bonus (R6, INAMI)"]), "subtitle")]);
  yearRow(ctx, sh, "ppiStatus", `  ${L(["Statut (acte, forfait, formation)", "Statuut (acte, forfait, formation)", "Status (acte, forfait, formation)"])}`, (i, c, yr) => ({ formula: `=IF(${agr}<=${yEnd(yr)},IF(${type}="maison-medicale","forfait","acte"),"formation")`, result: Y[i].ppi.status }), undefined);
  cond("ppiActive", ["Actif pendant l'année", "Actief tijdens het jaar", "Active during the year"], (i, c) => `${rev.xref("activeDays", c)}>0`, (y) => y.ppi.active);
  cond("ppiSoftware", ["Logiciel accepté", "Aanvaarde software", "Accepted software"], (i) => HA(ctx, hyp, "software", i), (y) => y.ppi.software);
  yearRow(ctx, sh, "ppiCriteria", `  ${L(["Critères e-services atteints", "Bereikte e-dienstencriteria", "E-services criteria reached"])}`, (i) => ({ formula: `=${HA(ctx, hyp, "criteria", i)}`, result: Y[i].ppi.criteria }), INT);
  for (const n of [1, 2, 3]) {
    yearRow(
      ctx,
      sh,
      `ppiS${n}`,
      `  ${L([`Palier ${n} (critères)`, `Drempel ${n} (criteria)`, `Tier ${n} (criteria)`])}`,
      (i, c) => ({ formula: `=IF(${sh.ref("ppiStatus", c)}="forfait",${P(`ppi.criteres.forfait.seuil${n}`, i)},${P(`ppi.criteres.acte.seuil${n}`, i)})`, result: yearValue(`ppi.criteres.${Y[i].ppi.status === "forfait" ? "forfait" : "acte"}.seuil${n}`, ctx.years[i], 0).value }),
      INT,
    );
  }
  cond("ppiReached", ["Premier palier atteint", "Eerste drempel bereikt", "First tier reached"], (i, c) => `${sh.ref("ppiCriteria", c)}>=${sh.ref("ppiS1", c)}`, (y) => y.ppi.reached);
  amount(
    "ppi",
    ["Prime de pratique intégrée", "Geïntegreerde praktijkpremie", "Integrated practice bonus"],
    (i, c) => {
      const st = sh.ref("ppiStatus", c);
      const soft = sh.ref("ppiSoftware", c);
      const cr = sh.ref("ppiCriteria", c);
      return `IF(NOT(${sh.ref("ppiActive", c)}),0,IF(${st}="formation",IF(${soft},${P("ppi.montant.formation", i)},0),IF(NOT(${soft}),${P("ppi.montant.base", i)},IF(${cr}>=${sh.ref("ppiS3", c)},${P("ppi.montant.palier3", i)},IF(${cr}>=${sh.ref("ppiS2", c)},${P("ppi.montant.palier2", i)},IF(${cr}>=${sh.ref("ppiS1", c)},${P("ppi.montant.palier1", i)},${P("ppi.montant.base", i)}))))))`;
    },
    (y) => y.ppi.amount,
  );
  // The total row of criteria is a rule input bound (more criteria than exist = #VALUE! in R6): register it for the Paramètres sheet.
  ctx.years.forEach((y, i) => {
    P("ppi.criteres.acte.total", i);
    P("ppi.criteres.forfait.total", i);
  });

  // R7 Prime DMG débutant
  sh.add([lab(L(["Prime DMG débutant (R7, une fois)", "GMD-starterpremie (R7, eenmalig)", "Starter GMR bonus (R7, once)"]), "subtitle")]);
  const inami = H(ctx, hyp, "inamiNumber");
  cond("dmgYear", ["Numéro 003/004 obtenu cette année", "Nummer 003/004 dit jaar verkregen", "Number 003/004 obtained this year"], (i, c, yr) => `YEAR(${inami})=${yr}`, (y) => y.dmg.numberYear);
  cond("dmgFrom", ["Numéro obtenu à partir de l'année fixée", "Nummer verkregen vanaf het vastgelegde jaar", "Number obtained from the set year"], (i) => `YEAR(${inami})>=${P("dmg-debutant.premiere-annee", i)}`, (y) => y.dmg.fromFirstYear);
  cond("dmgPpi", ["Prime de pratique intégrée obtenue cette année", "Geïntegreerde praktijkpremie dit jaar verkregen", "Integrated practice bonus obtained this year"], (i, c) => `${sh.ref("ppi", c)}>0`, (y) => y.dmg.ppiObtained);
  cond("dmgActe", ["À l'acte (pas en maison médicale au forfait)", "Per prestatie (niet in een forfaitair wijkgezondheidscentrum)", "Fee-for-service (not a capitation health centre)"], () => `${type}<>"maison-medicale"`, (y) => y.dmg.acte);
  cond("dmgElec", ["DMG gérés électroniquement (logiciel accepté)", "GMD's elektronisch beheerd (aanvaarde software)", "GMRs managed electronically (accepted software)"], (i) => HA(ctx, hyp, "software", i), (y) => y.dmg.electronic);
  amount(
    "dmg",
    ["Prime DMG débutant", "GMD-starterpremie", "Starter GMR bonus"],
    (i, c) => `IF(AND(${["dmgYear", "dmgFrom", "dmgPpi", "dmgActe", "dmgElec"].map((r) => sh.ref(r, c)).join(",")}),${P("dmg-debutant.montant", i)},0)`,
    (y) => y.dmg.amount,
  );

  // R9 Impulseo II and III
  sh.add([lab(L(["Impulseo II (salaire) et III (télésecrétariat) (R9, Bruxelles)", "Impulseo II (loon) en III (telesecretariaat) (R9, Brussel)", "Impulseo II (salary) and III (telesecretariat) (R9, Brussels)"]), "subtitle")]);
  cond("impAgree", ["Agréé pendant l'année", "Erkend tijdens het jaar", "Recognised during the year"], (i, c, yr) => `${agr}<=${yEnd(yr)}`, (y) => y.impulseoAgree);
  yearRow(ctx, sh, "impMonths", `  ${L(["Mois admissibles (complets, après installation et agrément)", "Aanvaardbare maanden (volledig, na installatie en erkenning)", "Eligible months (complete, after installation and recognition)"])}`, (i, c, yr) => ({ formula: `=MIN(${chg.xref("activeMonths", c)},${monthsFromF(agr, yr)})`, result: Y[i].eligibleMonths }), INT);
  const gps = H(ctx, hyp, "gps");
  const imp = (p: "emp" | "tele", key: "employee" | "telesecretariat", kind: "salaire" | "telesecretariat", t: Tr, claimable: (c: string) => string) => {
    yearRow(ctx, sh, `${p}Claim`, `  ${L(t)} : ${L(["mois demandés", "aangevraagde maanden", "months claimed"])}`, (i, c) => ({ formula: `=MIN(${chg.xref(`${p}Months`, c)},${claimable(c)})`, result: Y[i][key].claimedMonths }), INT, "formula", L(["II et III ne se cumulent pas pour la même période : salaire d'abord, télésecrétariat pour les mois restants.", "II en III zijn niet cumuleerbaar voor dezelfde periode: eerst loon, telesecretariaat voor de overige maanden.", "II and III are not cumulable for the same period: salary first, telesecretariat for the remaining months."]));
    yearRow(ctx, sh, `${p}ClaimCost`, `  ${L(t)} : ${L(["frais des mois demandés", "kosten van de aangevraagde maanden", "costs of the months claimed"])}`, (i, c) => ({ formula: `=IF(${chg.xref(`${p}Months`, c)}=0,0,ROUND(${chg.xref(`${p}Cost`, c)}*${sh.ref(`${p}Claim`, c)}/${chg.xref(`${p}Months`, c)},2))`, result: eur(Y[i][key].claimedCost) }), EUR);
    yearRow(
      ctx,
      sh,
      `${p}Practice`,
      `  ${L(t)} : ${L(["intervention du cabinet", "tegemoetkoming van de praktijk", "intervention for the practice"])}`,
      (i, c) => ({
        formula: `=IF(${sh.ref(`${p}Claim`, c)}=0,0,MIN(ROUND(${sh.ref(`${p}ClaimCost`, c)}*${P("impulseo.taux", i)},2),ROUND(${P(`impulseo.plafond.${kind}`, i)}*${gps}*${sh.ref(`${p}Claim`, c)}/12,2)))`,
        result: eur(Y[i][key].refundPractice),
      }),
      EUR,
      "formula",
      L([`${ctx.f.impRate} des frais, plafonné par médecin au prorata des mois.`, `${ctx.f.impRate} van de kosten, geplafonneerd per arts pro rata de maanden.`, `${ctx.f.impRate} of the costs, capped per GP, prorated by months.`]),
    );
    amount(`${p}Refund`, [`${t[0]} (part du médecin)`, `${t[1]} (deel van de arts)`, `${t[2]} (the GP's share)`], (i, c) => `ROUND(${sh.ref(`${p}Practice`, c)}/${gps},2)`, (y) => y[key].refund);
  };
  imp("emp", "employee", "salaire", ["Impulseo II", "Impulseo II", "Impulseo II"], (c) => sh.ref("impMonths", c));
  imp("tele", "telesecretariat", "telesecretariat", ["Impulseo III", "Impulseo III", "Impulseo III"], (c) => `${sh.ref("impMonths", c)}-${sh.ref("empClaim", c)}`);
  toVerify(
    L([
      `nombre minimal de DMG ou de forfaits (sauf jeunes agréés), membre d'un cercle et de la garde, Réseau Santé Bruxellois et Sumehr, agenda en ligne partagé, employé au barème de la CP 330.04, demande dans les délais (Échéancier). Impôt distinct de ${ctx.f.taxRate} non déduit.`,
      `minimaal aantal GMD's of forfaits (behalve jonge erkende artsen), lid van een kring en van de wachtdienst, Brussels Gezondheidsnetwerk en Sumehr, gedeelde online agenda, werknemer volgens het barema van PC 330.04, aanvraag binnen de termijn (Kalender). Afzonderlijke aanslag van ${ctx.f.taxRate} niet afgetrokken.`,
      `minimum number of GMRs or capitations (except young recognised GPs), member of a cercle and of the on-call service, Brussels Health Network and Sumehr, shared online agenda, employee on the JC 330.04 scale, request in time (Deadlines). Separate ${ctx.f.taxRate} tax not deducted.`,
    ]),
  );

  // R4 Accreditation
  sh.add([lab(L(["Accréditation : forfait annuel (R4)", "Accreditering: jaarlijks forfait (R4)", "Accreditation: yearly flat fee (R4)"]), "subtitle")]);
  const accFrom = H(ctx, hyp, "accreditationFrom");
  cond("accInForce", ["Accréditation en cours au 31 décembre", "Accreditering lopend op 31 december", "Accreditation in force on 31 December"], (i, c, yr) => `AND(${H(ctx, hyp, "accredited")},${accFrom}>0,${accFrom}<=${yEnd(yr)})`, (y) => y.accreditation.inForce);
  amount("acc", ["Forfait d'accréditation", "Accrediteringsforfait", "Accreditation flat fee"], (i, c) => `IF(${sh.ref("accInForce", c)},${P("accreditation.forfait", i)},0)`, (y) => y.accreditation.amount, L(["Compté en entier l'année où l'accréditation est en cours au 31/12 (hypothèse).", "Volledig geteld in het jaar waarin de accreditering op 31/12 loopt (hypothese).", "Counted in full in a year the accreditation is in force on 31/12 (assumption)."]));

  // R5 Statut social
  sh.add([lab(L(["Statut social INAMI (R5)", "Sociaal statuut RIZIV (R5)", "INAMI social benefit (R5)"]), "subtitle")]);
  const conv = H(ctx, hyp, "conventionnement");
  cond("ssConv", ["Conventionné (total ou partiel)", "Geconventioneerd (volledig of gedeeltelijk)", "Conventioned (full or partial)"], () => `${conv}<>"aucun"`, (y) => y.statutSocial.conventioned);
  cond("ssAgree", ["Agréé au 1er janvier", "Erkend op 1 januari", "Recognised on 1 January"], (i, c, yr) => `${agr}<=${yStart(yr)}`, (y) => y.statutSocial.agreeAllYear);
  cond("ssActive", ["Actif toute l'année", "Het hele jaar actief", "Active the whole year"], (i, c) => `${rev.xref("activeDays", c)}=${rev.xref("daysInYear", c)}`, (y) => y.statutSocial.activeAllYear);
  amount(
    "ss",
    ["Statut social", "Sociaal statuut", "Social benefit"],
    (i, c) => `IF(AND(${sh.ref("ssConv", c)},${sh.ref("ssAgree", c)},${sh.ref("ssActive", c)}),IF(${conv}="total",${P("statut-social.conventionne", i)},${P("statut-social.partiel", i)}),0)`,
    (y) => y.statutSocial.amount,
    L(["L'année de l'agrément (prorata, montant de MG en formation) n'est pas comptée.", "Het jaar van de erkenning (pro rata, bedrag huisarts in opleiding) wordt niet geteld.", "The year of recognition (prorata, GP-in-training amount) is not counted."]),
  );
  toVerify(L([`≥ ${ctx.f.ssHours} h/semaine, adhésion toute l'année, contrat d'assurance ou de pension effectif dans les délais (Échéancier).`, `≥ ${ctx.f.ssHours} u/week, toetreding het hele jaar, verzekerings- of pensioencontract tijdig van kracht (Kalender).`, `≥ ${ctx.f.ssHours} h/week, adherence the whole year, insurance or pension contract effective in time (Deadlines).`]));

  // R8 Installation subsidy
  sh.add([lab(L(["Subvention d'installation jeune MG (R8, COCOM)", "Installatiesubsidie jonge huisarts (R8, GGC)", "Young GP installation grant (R8, COCOM)"]), "subtitle")]);
  cond("instYear", ["Année d'installation", "Installatiejaar", "Year of installation"], (i, c, yr) => `YEAR(${inst})=${yr}`, (y) => y.installation.installationYear);
  cond(
    "instInForce",
    ["Dispositif en vigueur à la date d'installation (arrêté COCOM du 19/12/2024)", "Regeling van kracht op de installatiedatum (GGC-besluit van 19/12/2024)", "Scheme in force on the installation date (COCOM order of 19/12/2024)"],
    (i) => `${inst}>=${ctx.par.ref("installation.jeune.plafond", ctx.years[i], "F")}`,
    (y) => y.installation.inForce,
  );
  cond("instPenurie", ["Quartier en pénurie (déclaré dans Hypothèses)", "Tekortwijk (verklaard in Hypothesen)", "Quarter in shortage (declared in Assumptions)"], () => H(ctx, hyp, "penurie"), (y) => y.installation.penurie);
  cond("instYoung", [`Jeune MG : agréé depuis ${ctx.f.youngYears} ans au plus à l'installation`, `Jonge huisarts: ten hoogste ${ctx.f.youngYears} jaar erkend bij de installatie`, `Young GP: recognised ${ctx.f.youngYears} years at most at installation`], (i) => `AND(${inst}>=${agr},${inst}<=EDATE(${agr},${P("installation.jeune.agrement-max", i)}))`, (y) => y.installation.young);
  amount(
    "inst",
    ["Subvention d'installation", "Installatiesubsidie", "Installation grant"],
    (i, c) => `IF(AND(${sh.ref("instYear", c)},${sh.ref("instInForce", c)},${sh.ref("instPenurie", c)},${sh.ref("instYoung", c)}),MIN(${P("installation.jeune.plafond", i)},${H(ctx, hyp, "installationBudget")}),0)`,
    (y) => y.installation.amount,
    L(["Montant : le plus petit du plafond et du budget présenté.", "Bedrag: het kleinste van plafond en voorgelegd budget.", "Amount: the lesser of the cap and the budget presented."]),
  );
  toVerify(L([`tarifs conventionnés, missions de première ligne, actions FR/NL, budget, Sumehr, demande dans les ${ctx.f.instDelay} mois, rester ${ctx.f.stayYears} ans dans le quartier, au plus ${ctx.f.quota} subventions par an.`, `geconventioneerde tarieven, eerstelijnsopdrachten, acties FR/NL, budget, Sumehr, aanvraag binnen ${ctx.f.instDelay} maanden, ${ctx.f.stayYears} jaar in de wijk blijven, max. ${ctx.f.quota} subsidies per jaar.`, `conventioned tariffs, first-line missions, FR/NL actions, budget, Sumehr, request within ${ctx.f.instDelay} months, stay ${ctx.f.stayYears} years in the quarter, at most ${ctx.f.quota} grants a year.`]));

  // R10 Continuité des soins / gestion de cabinet
  sh.add([lab(L(["Continuité des soins (une fois) ou gestion de cabinet (annuelle) (R10, INAMI)", "Continuïteit van zorg (eenmalig) of praktijkbeheer (jaarlijks) (R10, RIZIV)", "Continuity of care (once) or practice management (yearly) (R10, INAMI)"]), "subtitle")]);
  const cs = H(ctx, hyp, "empContractStart");
  const hours = H(ctx, hyp, "empHours");
  const W = (id: string, i: number, yr: string) => `DATE(${yr}+${P(`${id}.decalage`, i)},${P(`${id}.mois`, i)},${P(`${id}.jour`, i)})`;
  cond("supContract", ["Employé sous contrat (date et heures renseignées)", "Werknemer onder contract (datum en uren ingevuld)", "Employee under contract (date and hours given)"], () => `AND(${H(ctx, hyp, "empMonths")}>0,${cs}>0,ISNUMBER(${hours}))`, (y) => y.support.contract);
  cond("supHours", [`Contrat d'au moins ${ctx.f.hMin} h/semaine`, `Contract van ten minste ${ctx.f.hMin} u/week`, `Contract of at least ${ctx.f.hMin} h/week`], (i) => `${hours}>=${P("soutien.heures-min", i)}`, (y) => y.support.hours);
  cond("supExempt", [`Exempté des seuils : médecin seul, numéro reconnu depuis moins de ${ctx.f.exYears} ans au 1er janvier`, `Vrijgesteld van drempels: alleen werkende arts, nummer minder dan ${ctx.f.exYears} jaar erkend op 1 januari`, `Exempt from thresholds: single GP, number recognised less than ${ctx.f.exYears} years on 1 January`], (i, c, yr) => `AND(${type}="solo",${inami}>EDATE(${yStart(yr)},-12*${P("soutien.exemption.annees", i)}))`, (y) => y.support.exempt);
  cond("supDmi", [`Au moins ${ctx.f.dmiMin} DMI (DMG gérés) ou exempté`, `Ten minste ${ctx.f.dmiMin} EMD (beheerde GMD's) of vrijgesteld`, `At least ${ctx.f.dmiMin} EMRs (GMRs managed) or exempt`], (i, c) => `OR(${sh.ref("supExempt", c)},${HA(ctx, hyp, "dmg", i)}>=${P("soutien.dmi-min", i)})`, (y) => y.support.dmi);
  cond("supRem", [`Au moins ${ctx.f.remMin} de remboursements ou exempté`, `Ten minste ${ctx.f.remMin} terugbetalingen of vrijgesteld`, `At least ${ctx.f.remMin} of reimbursements or exempt`], (i, c) => `OR(${sh.ref("supExempt", c)},${rev.xref("ami", c)}>=${P("soutien.remboursements-min", i)})`, (y) => y.support.reimbursements);
  cond("supWindow", [`Continuité : contrat prenant effet du ${ctx.f.contFrom} de l'année précédente au ${ctx.f.contTo}`, `Continuïteit: contract van kracht van ${ctx.f.contFrom} van het vorige jaar tot ${ctx.f.contTo}`, `Continuity: contract effective from ${ctx.f.contFrom} of the previous year to ${ctx.f.contTo}`], (i, c, yr) => `AND(${cs}>=${W("continuite.contrat.debut", i, yr)},${cs}<=${W("continuite.contrat.fin", i, yr)})`, (y) => y.support.continuiteWindow);
  cond("supFirst", ["Continuité : premier contrat (déclaré)", "Continuïteit: eerste contract (verklaard)", "Continuity: first contract (declared)"], () => H(ctx, hyp, "empFirst"), (y) => y.support.first);
  amount(
    "cont",
    ["Intervention continuité des soins (minimum)", "Tegemoetkoming continuïteit van zorg (minimum)", "Continuity-of-care intervention (minimum)"],
    (i, c) => `IF(AND(${["supContract", "supHours", "supDmi", "supRem", "supWindow", "supFirst"].map((r) => sh.ref(r, c)).join(",")}),${P("continuite.montant.min", i)},0)`,
    (y) => y.support.continuite,
    L([`Montant final de ${ctx.f.contMin} à ${ctx.f.contMax} selon les demandes : le minimum est retenu.`, `Eindbedrag ${ctx.f.contMin} tot ${ctx.f.contMax} naargelang de aanvragen: het minimum wordt genomen.`, `Final amount ${ctx.f.contMin} to ${ctx.f.contMax} depending on requests: the minimum is used.`]),
  );
  cond("supGestion", ["Gestion : contrat en vigueur au plus tard le 31 décembre", "Beheer: contract van kracht uiterlijk op 31 december", "Management: contract in force by 31 December"], (i, c, yr) => `AND(${cs}>0,${cs}<=${yEnd(yr)})`, (y) => y.support.gestionContract);
  cond("supNoCont", ["Gestion : pas d'intervention continuité la même année (non cumulable)", "Beheer: geen tegemoetkoming continuïteit hetzelfde jaar (niet cumuleerbaar)", "Management: no continuity intervention the same year (not cumulable)"], (i, c) => `${sh.ref("cont", c)}=0`, (y) => y.support.noContinuite);
  amount(
    "gestion",
    ["Intervention gestion de cabinet (minimum)", "Tegemoetkoming praktijkbeheer (minimum)", "Practice-management intervention (minimum)"],
    (i, c) => `IF(AND(${["supContract", "supHours", "supDmi", "supRem", "supGestion", "supNoCont"].map((r) => sh.ref(r, c)).join(",")}),${P("gestion.montant.min", i)},0)`,
    (y) => y.support.gestion,
  );
  toVerify(L(["contrat à durée indéterminée, pas de Maribel social ni de subvention des pouvoirs locaux pour ce poste, type de cabinet, demande dans les délais (Échéancier).", "contract van onbepaalde duur, geen Sociale Maribel of subsidie van lokale besturen voor deze functie, type praktijk, aanvraag binnen de termijn (Kalender).", "open-ended contract, no social Maribel or local-authority subsidy for this job, practice type, request in time (Deadlines)."]));

  sh.blank();
  yearRow(
    ctx,
    sh,
    "total",
    L(["Total des primes et subsides", "Totaal premies en subsidies", "Total grants and subsidies"]),
    (i, c) => ({ formula: `=${["ppi", "dmg", "empRefund", "teleRefund", "acc", "ss", "inst", "cont", "gestion"].map((r) => sh.ref(r, c)).join("+")}`, result: eur(Y[i].primes) }),
    EUR,
    "total",
  );
  sh.add([
    lab(
      L([
        "Non modélisés : prime Impulseo I, revenus du forfait en maison médicale, subvention de structure multidisciplinaire.",
        "Niet gemodelleerd: Impulseo I, forfaitaire inkomsten in een wijkgezondheidscentrum, subsidie voor een multidisciplinaire structuur.",
        "Not modelled: Impulseo I, capitation income of a health centre, multidisciplinary structure grant.",
      ]),
      "note",
    ),
  ]);
  return sh;
}

/* ------------------------------------------------------------------ */
/* Synthèse                                                            */
/* ------------------------------------------------------------------ */

function synthesis(ctx: Ctx, name: string, hyp: Sheet, rev: Sheet, pri: Sheet, chg: Sheet): Sheet {
  const L = (t: Tr) => tr(ctx.lang, t);
  const Y = ctx.sim.years;
  // The flag row comes after the figures, so that the chart's range holds only the years and the seven series (gross to net).
  const sh = startYearSheet(ctx, "syn", name, ["Synthèse", "Overzicht", "Summary"], (y) => y.extrapolated, false);
  sh.rows[sh.row("year")].push(head(L(["Total", "Totaal", "Total"])));
  const withTotal = (id: string, t: Tr, f: (c: string) => string, res: (y: SimYear) => number, total: number, style: CellStyle = "formula") => {
    yearRow(ctx, sh, id, L(t), (i, c) => ({ formula: `=${f(c)}`, result: eur(res(Y[i])) }), EUR, style);
    sh.rows[sh.row(id)].push({ formula: `=SUM(${ctx.col(0)}${sh.row(id) + 1}:${ctx.col(ctx.years.length - 1)}${sh.row(id) + 1})`, result: eur(total), format: EUR, style: "total" });
  };
  const T = ctx.sim.totals;
  withTotal("revenue", ["Honoraires", "Erelonen", "Fees"], (c) => rev.xref("total", c), (y) => y.revenue, T.revenue);
  withTotal("primes", ["Primes et subsides", "Premies en subsidies", "Grants and subsidies"], (c) => pri.xref("total", c), (y) => y.primes, T.primes);
  withTotal("charges", ["Charges", "Kosten", "Costs"], (c) => chg.xref("total", c), (y) => y.charges.total, T.charges);
  withTotal("result", ["Résultat avant impôts et cotisations sociales", "Resultaat vóór belastingen en sociale bijdragen", "Result before tax and social contributions"], (c) => `${sh.ref("revenue", c)}+${sh.ref("primes", c)}-${sh.ref("charges", c)}`, (y) => y.result, T.result, "total");
  // Their formulas read the detail rows below the chart's range: written once those rows exist.
  withTotal("social", ["Cotisations sociales d'indépendant (R14)", "Sociale bijdragen zelfstandige (R14)", "Self-employed social contributions (R14)"], () => "0", (y) => y.social.amount, T.social);
  withTotal("tax", ["Impôt des personnes physiques (R14)", "Personenbelasting (R14)", "Personal income tax (R14)"], () => "0", (y) => y.tax.total, T.tax);
  withTotal("net", ["Revenu net disponible", "Beschikbaar netto-inkomen", "Net disposable income"], (c) => `${sh.ref("result", c)}-${sh.ref("social", c)}-${sh.ref("tax", c)}`, (y) => y.net, T.net, "total");
  addFlagRow(ctx, sh, (y) => y.extrapolated);
  sh.blank();
  taxDetail(ctx, sh, hyp, pri);
  const patch = (id: string, f: (c: string) => string) =>
    ctx.years.forEach((_, i) => {
      const c = ctx.col(i);
      (sh.rows[sh.row(id)][i + 1] as CellPlan).formula = `=${f(c)}`;
    });
  patch("social", (c) => `${sh.ref("socQuarterly", c)}*${sh.ref("socQuarters", c)}`);
  patch("tax", (c) => `${sh.ref("taxFederal", c)}+${sh.ref("taxCommunal", c)}+${sh.ref("taxSeparate", c)}`);
  sh.blank();
  sh.add([
    lab(
      L([
        "Graphique : histogramme groupé de ces lignes par année (ajouté quand le classeur est construit depuis Excel ; le fichier .xlsx hors ligne n'en contient pas, ExcelJS ne sachant pas dessiner de graphique — Insertion > Graphique sur ce tableau le recrée).",
        "Grafiek: gegroepeerd kolomdiagram van deze rijen per jaar (toegevoegd wanneer de werkmap vanuit Excel wordt gebouwd; het offline .xlsx-bestand bevat er geen, ExcelJS kan geen grafieken tekenen — Invoegen > Grafiek op deze tabel maakt hem opnieuw).",
        "Chart: clustered columns of these rows per year (added when the workbook is built from Excel; the offline .xlsx has none, as ExcelJS cannot draw charts — Insert > Chart on this table recreates it).",
      ]),
      "note",
    ),
  ]);
  return sh;
}

/**
 * From the result to the net income (R14): social contributions (rule
 * socialContributions: starters pay the provisional contribution on the
 * minimum income; fund fees not included), the taxable base (rule
 * taxableBase) and the income tax (rule incomeTax), every figure read from
 * Paramètres. Tax and contribution scales of a year without a published
 * scale are the last published ones, carried over unchanged (the rule is
 * asked for that year), see the Statut column of Paramètres.
 */
function taxDetail(ctx: Ctx, sh: Sheet, hyp: Sheet, pri: Sheet): void {
  const L = (t: Tr) => tr(ctx.lang, t);
  const Y = ctx.sim.years;
  const P = (key: string, i: number) => ctx.par.ref(key, ctx.years[i]);
  const inst = H(ctx, hyp, "installation");
  sh.add([head(L(["Du résultat au revenu net (R14)", "Van resultaat naar netto-inkomen (R14)", "From result to net income (R14)"])), ...ctx.years.map((y) => head(y))], "taxHead");
  sh.add([
    lab(
      L([
        "Cotisations sociales sur le résultat de l'année (indépendant à titre principal, frais de gestion de la caisse non compris) ; débutant : cotisation provisoire sur le revenu minimum pendant l'année du début et les années civiles complètes suivantes (régularisation ultérieure non simulée). Impôt : barème progressif moins l'impôt sur la quotité exemptée (isolé, sans enfant à charge), taxe communale (Hypothèses), Impulseo II/III au taux distinct hors base progressive (R9, voir la note de Paramètres). Années sans barème publié : dernier barème reconduit sans indexation.",
        "Sociale bijdragen op het resultaat van het jaar (zelfstandige in hoofdberoep, beheerskosten van het sociaal verzekeringsfonds niet inbegrepen); starter: voorlopige bijdrage op het minimuminkomen tijdens het beginjaar en de volgende volledige kalenderjaren (latere regularisatie niet gesimuleerd). Belasting: progressief tarief min de belasting op de belastingvrije som (alleenstaande, zonder kinderen ten laste), gemeentebelasting (Hypothesen), Impulseo II/III tegen het afzonderlijk tarief buiten de progressieve grondslag (R9, zie de opmerking in Parameters). Jaren zonder gepubliceerd tarief: laatste tarief behouden zonder indexering.",
        "Social contributions on the year's result (self-employed, main activity, fund fees not included); starter: provisional contribution on the minimum income during the starting year and the following full calendar years (later regularisation not simulated). Tax: progressive scale minus the tax on the tax-free amount (single, no dependent children), communal surcharge (Assumptions), Impulseo II/III at the separate rate outside the progressive base (R9, see the note in Parameters). Years without a published scale: last scale carried over, not indexed.",
      ]),
      "note",
    ),
  ]);
  const row = (id: string, t: Tr, f: (i: number, c: string, yr: string) => string, res: (y: SimYear) => number | boolean, format: string | null = EUR) =>
    yearRow(
      ctx,
      sh,
      id,
      `  ${L(t)}`,
      (i, c, yr) => ({ formula: `=${f(i, c, yr)}`, result: typeof res(Y[i]) === "boolean" ? (res(Y[i]) as boolean) : format === EUR ? eur(res(Y[i]) as number) : (res(Y[i]) as number) }),
      format ?? undefined,
      typeof res(Y[0]) === "boolean" ? "check" : "formula",
    );
  const r = (id: string, c: string) => sh.ref(id, c);
  /** Progressive scale of `param` (slabs of the version used that year) on amount `x`, rounded once. */
  const scale = (param: string, i: number, x: string): string => {
    const { count, open } = slabShape(versionFor(param, ctx.years[i]).version.value);
    const parts: string[] = [];
    for (let n = 1; n <= count; n++) {
      const rate = P(`${param}.taux${n}`, i);
      const lo = n === 1 ? null : P(`${param}.limite${n - 1}`, i);
      const hi = n === count && open ? null : P(`${param}.limite${n}`, i);
      const top = hi === null ? x : `MIN(${x},${hi})`;
      parts.push(lo === null ? `MAX(0,${top})*${rate}` : `MAX(0,${top}-${lo})*${rate}`);
    }
    return `ROUND(${parts.join("+")},2)`;
  };
  row("socQuarters", ["Trimestres d'activité (depuis le trimestre d'installation)", "Kwartalen van activiteit (vanaf het installatiekwartaal)", "Quarters of activity (from the installation quarter)"], (i, c, yr) => `IF(YEAR(${inst})<${yr},4,IF(YEAR(${inst})>${yr},0,4-INT((MONTH(${inst})-1)/3)))`, (y) => y.social.quarters, INT);
  row("socStarterYear", ["Année de la période de début (1 = année d'installation)", "Jaar van de beginperiode (1 = installatiejaar)", "Year of the starting period (1 = installation year)"], (i, c, yr) => `IF(${yr}>=YEAR(${inst}),${yr}-YEAR(${inst})+1,0)`, (y) => y.social.starterYear, INT);
  row("socStarter", ["Débutant : cotisations provisoires sur le revenu minimum", "Starter: voorlopige bijdragen op het minimuminkomen", "Starter: provisional contributions on the minimum income"], (i, c) => `AND(${r("socStarterYear", c)}>=1,${r("socStarterYear", c)}<=${P("cotisations.debut.annees-completes", i)}+1)`, (y) => y.social.starter, null);
  row("socBase", ["Revenu de calcul des cotisations", "Berekeningsinkomen van de bijdragen", "Income the contributions are computed on"], (i, c) => `IF(${r("socStarter", c)},${P("cotisations.revenu-minimum", i)},MAX(MAX(0,${r("result", c)}),${P("cotisations.revenu-minimum", i)}))`, (y) => {
    const min = yearValue("cotisations.revenu-minimum", y.year, ctx.s.extrapolation.indexPercent).value;
    return y.social.starter ? min : Math.max(Math.max(0, y.result), min);
  });
  row("socQuarterly", ["Cotisation par trimestre", "Bijdrage per kwartaal", "Contribution per quarter"], (i, c) => {
    const b = r("socBase", c);
    const l1 = P("cotisations.plafond.1", i);
    return `IF(${r("socQuarters", c)}=0,0,ROUND((MIN(${b},${l1})*${P("cotisations.taux.1", i)}+MAX(0,MIN(${b},${P("cotisations.plafond.2", i)})-${l1})*${P("cotisations.taux.2", i)})/4,2))`;
  }, (y) => y.social.quarterly);
  row("taxSeparateIncome", ["Impulseo II/III (part du médecin), imposés distinctement (R9)", "Impulseo II/III (deel van de arts), afzonderlijk belast (R9)", "Impulseo II/III (the GP's share), taxed separately (R9)"], (i, c) => `${pri.xref("empRefund", c)}+${pri.xref("teleRefund", c)}`, (y) => y.tax.separateIncome);
  row("taxable", ["Revenu imposable au barème (résultat − cotisations − Impulseo II/III)", "Belastbaar inkomen volgens tarief (resultaat − bijdragen − Impulseo II/III)", "Income taxable at the scale (result − contributions − Impulseo II/III)"], (i, c) => `MAX(0,${r("result", c)}-${r("social", c)}-${r("taxSeparateIncome", c)})`, (y) => y.tax.taxable);
  row("taxOnIncome", ["Impôt selon le barème progressif", "Belasting volgens het progressieve tarief", "Tax by the progressive scale"], (i, c) => scale("ipp.bareme", i, r("taxable", c)), (y) => y.tax.onIncome);
  row("taxFree", ["Quotité exemptée d'impôt (de base)", "Belastingvrije som (basis)", "Tax-free amount (basic)"], (i) => P("ipp.quotite-exemptee.base", i), (y) => y.tax.taxFreeAmount);
  row("taxReduction", ["Réduction pour la quotité exemptée", "Vermindering voor de belastingvrije som", "Reduction for the tax-free amount"], (i, c) => scale("ipp.quotite-exemptee.bareme", i, r("taxFree", c)), (y) => y.tax.reduction);
  row("taxFederal", ["Impôt de base (jamais négatif)", "Basisbelasting (nooit negatief)", "Basic tax (never negative)"], (i, c) => `MAX(0,${r("taxOnIncome", c)}-${r("taxReduction", c)})`, (y) => y.tax.federal);
  row("taxCommunal", ["Taxe communale additionnelle", "Aanvullende gemeentebelasting", "Communal surcharge"], (i, c) => `ROUND(${r("taxFederal", c)}*${H(ctx, hyp, "communalRate")},2)`, (y) => y.tax.communal);
  row("taxSeparate", ["Impôt au taux distinct sur Impulseo II/III (R9)", "Belasting tegen afzonderlijk tarief op Impulseo II/III (R9)", "Separate-rate tax on Impulseo II/III (R9)"], (i, c) => `ROUND(${r("taxSeparateIncome", c)}*${P("impulseo.taux-distinct", i)},2)`, (y) => y.tax.separate);
}

/* ------------------------------------------------------------------ */
/* Échéancier                                                          */
/* ------------------------------------------------------------------ */

/** How a deadline of src/rules/echeances.ts is written as a formula: base date + duration, or a calendar date of the base year. */
const EVENT_FORMULAS: Record<string, { param: string; kind: "calendar" | "months" | "days"; sign?: -1 }> = {
  "agrement.demande-anticipee": { param: "agrement.demande-anticipee.debut", kind: "calendar" },
  "agrement.carnet": { param: "agrement.carnet.fin", kind: "calendar" },
  "agrement.complement": { param: "agrement.complement.debut", kind: "calendar" },
  "accreditation.demande-fin": { param: "accreditation.demande.apres-agrement", kind: "months" },
  "statut-social.contrat": { param: "statut-social.contrat.echeance", kind: "calendar" },
  "dmg.forfait-debut": { param: "dmg-debutant.forfait.periode-debut", kind: "calendar" },
  "dmg.forfait-fin": { param: "dmg-debutant.forfait.periode-fin", kind: "calendar" },
  "installation.jeune-limite": { param: "installation.jeune.agrement-max", kind: "months" },
  "installation.demande": { param: "installation.demande.delai", kind: "months" },
  "installation.depenses-debut": { param: "installation.depenses.avant", kind: "months", sign: -1 },
  "installation.depenses-fin": { param: "installation.depenses.apres", kind: "months" },
  "impulseo.demande-debut": { param: "impulseo.demande.debut", kind: "calendar" },
  "impulseo.demande": { param: "impulseo.demande.fin", kind: "calendar" },
  "continuite.demande": { param: "continuite.demande.fin", kind: "calendar" },
  "continuite.paiement": { param: "continuite.paiement", kind: "calendar" },
  "gestion.demande-debut": { param: "gestion.demande.debut", kind: "calendar" },
  "gestion.demande": { param: "gestion.demande.fin", kind: "calendar" },
  "gestion.paiement": { param: "gestion.paiement", kind: "calendar" },
};

const BASE_CELLS: Record<string, string> = { endOfTraining: "endOfTraining", agrement: "agrement", installation: "installation" };

function calendar(ctx: Ctx, name: string, hyp: Sheet): Sheet {
  const { s, lang } = ctx;
  const L = (t: Tr) => tr(lang, t);
  const sh = new Sheet(ctx.k("ech"), name);
  const d = scenarioDates(s);
  sh.add([lab(`${L(["Échéancier", "Kalender", "Deadlines"])} — ${s.name}`, "title")]);
  sh.add([lab(L(["Démarches et délais calculés depuis les dates de Hypothèses et les délais de Paramètres.", "Stappen en termijnen berekend uit de datums van Hypothesen en de termijnen van Parameters.", "Steps and deadlines computed from the dates in Assumptions and the periods in Parameters."]), "note")]);
  sh.add([head(L(["Date", "Datum", "Date"])), head(L(["Démarche", "Stap", "Step"])), head(L(["Règle", "Regel", "Rule"])), head(L(["Source", "Bron", "Source"]))]);
  const sim = ctx.sim.years;
  const claims = new Set(sim.filter((y) => y.employee.claimedMonths + y.telesecretariat.claimedMonths > 0).map((y) => y.year));
  const continuite = new Set(sim.filter((y) => y.support.continuite > 0).map((y) => y.year));
  const gestion = new Set(sim.filter((y) => y.support.gestion > 0).map((y) => y.year));
  const rows = deadlines(
    { endOfTraining: d.endOfTraining, agrement: d.agrement, installation: d.installation, years: ctx.years },
    lang,
  ).filter((r) => keepEvent(r, s, { claims, continuite, gestion }, yearOf(d.inamiNumber)));
  for (const r of rows) {
    const def = EVENT_FORMULAS[r.event];
    const baseYear = r.year ?? yearOf(baseOf(r, d));
    let dateCell: CellPlan;
    if (r.date === null) {
      dateCell = { value: L(["inconnue", "onbekend", "unknown"]), style: "note", note: r.error };
    } else {
      const f = eventFormula(ctx, hyp, r, def, baseYear);
      dateCell = { formula: f, result: r.date, format: DATE, style: "formula" };
    }
    sh.add([dateCell, lab(r.year !== undefined && !r.event.startsWith("dmg.") ? `${r.label} (${L(["année", "jaar", "year"])} ${r.year})` : r.label), lab(r.rule), lab(r.source, "source")]);
  }
  return sh;
}

function baseOf(r: DeadlineRow, d: ReturnType<typeof scenarioDates>): number {
  const base = EVENT_BASES[r.event];
  return base === "agrement" ? d.agrement : base === "installation" ? d.installation : d.endOfTraining;
}

const EVENT_BASES: Record<string, "endOfTraining" | "agrement" | "installation" | "year"> = {
  "agrement.demande-anticipee": "endOfTraining",
  "agrement.carnet": "endOfTraining",
  "agrement.complement": "endOfTraining",
  "accreditation.demande-fin": "agrement",
  "installation.jeune-limite": "agrement",
  "installation.demande": "installation",
  "installation.depenses-debut": "installation",
  "installation.depenses-fin": "installation",
};

function keepEvent(r: DeadlineRow, s: Scenario, years: { claims: Set<number>; continuite: Set<number>; gestion: Set<number> }, numberYear: number): boolean {
  if (!(r.event in EVENT_FORMULAS)) return false;
  const claims = years.claims;
  if (r.event.startsWith("continuite.")) return r.year !== undefined && years.continuite.has(r.year);
  if (r.event.startsWith("gestion.")) return r.year !== undefined && years.gestion.has(r.year);
  if (r.event.startsWith("statut-social.")) return s.conventionnement !== "aucun";
  if (r.event.startsWith("dmg.")) return r.year === numberYear;
  if (r.event.startsWith("impulseo.")) return r.year !== undefined && claims.has(r.year);
  if (r.event.startsWith("accreditation.")) return s.accreditation.accredited;
  return true;
}

function eventFormula(ctx: Ctx, hyp: Sheet, r: DeadlineRow, def: { param: string; kind: "calendar" | "months" | "days"; sign?: -1 }, baseYear: number): string {
  const P = (key: string) => ctx.par.ref(key, baseYear);
  if (def.kind === "calendar") {
    const yr = r.year !== undefined ? String(r.year) : `YEAR(${H(ctx, hyp, BASE_CELLS[EVENT_BASES[r.event]])})`;
    return `=DATE(${yr}+${P(`${def.param}.decalage`)},${P(`${def.param}.mois`)},${P(`${def.param}.jour`)})`;
  }
  const base = H(ctx, hyp, BASE_CELLS[EVENT_BASES[r.event]]);
  const n = def.sign === -1 ? `-${P(def.param)}` : P(def.param);
  return def.kind === "months" ? `=EDATE(${base},${n})` : `=${base}+${n}`;
}

/* ------------------------------------------------------------------ */
/* Paramètres                                                          */
/* ------------------------------------------------------------------ */

/** The sources of a parameter version as one line, formatted once per version (a row per year repeats it). */
const sourceLines = new WeakMap<Version, string>();
function sourcesText(version: Version): string {
  let text = sourceLines.get(version);
  if (text === undefined) {
    text = version.sources.map(formatSource).join(" ; ");
    sourceLines.set(version, text);
  }
  return text;
}

function parameters(ctx: Ctx, name: string, hyp: Sheet): SheetPlan {
  const L = (t: Tr) => tr(ctx.lang, t);
  const key = ctx.k("par");
  const rows: (CellPlan | null)[][] = [];
  rows.push([lab(`${L(["Paramètres légaux", "Wettelijke parameters", "Legal parameters"])} — ${ctx.s.name}`, "title")]);
  rows.push([
    lab(
      L([
        "Chaque montant légal utilisé, par année : publié (période de validité et source) ou extrapolé (dernier montant publié reconduit, indexé selon Hypothèses). Les formules des autres feuilles lisent la colonne Valeur.",
        "Elk gebruikt wettelijk bedrag, per jaar: gepubliceerd (geldigheidsperiode en bron) of geëxtrapoleerd (laatst gepubliceerd bedrag behouden, geïndexeerd volgens Hypothesen). De formules van de andere bladen lezen de kolom Waarde.",
        "Every legal figure used, per year: published (validity and source) or extrapolated (last published amount carried over, indexed per Assumptions). Formulas elsewhere read the Value column.",
      ]),
      "note",
    ),
  ]);
  rows.push(
    [
      ["Identifiant", "Id", "Id"],
      ["Libellé", "Omschrijving", "Label"],
      ["Année", "Jaar", "Year"],
      ["Valeur", "Waarde", "Value"],
      ["Statut", "Status", "Status"],
      ["Du", "Van", "From"],
      ["Au", "Tot", "To"],
      ["Source", "Bron", "Source"],
      ["Note", "Opmerking", "Note"],
    ].map((t) => head(L(t as Tr))),
  );
  const list = ctx.par.fix(rows.length);
  const idx = ctx.s.extrapolation.indexPercent;
  const rowOf = new Map(list.map((e, i) => [`${e.key}|${e.year}`, rows.length + i]));
  for (const e of list) {
    const v = yearValue(e.key, e.year, idx);
    const r = rowOf.get(`${e.key}|${e.year}`)!;
    const format = v.kind === "money" ? EUR : v.kind === "rate" ? RATE : "0";
    const literal = v.kind === "money" ? centsToEuros(v.value) : v.value;
    let valueCell: CellPlan;
    if (v.published) {
      valueCell = { value: literal, format };
    } else {
      const refRow = rowOf.get(`${e.key}|${v.refYear}`)! + 1;
      const formula = v.kind === "money" && isIndexed(e.key) ? `=ROUND(D${refRow}*(1+${H(ctx, hyp, "indexRate")})^(C${r + 1}-C${refRow}),2)` : `=D${refRow}`;
      valueCell = { formula, result: literal, format, style: "formula" };
    }
    const status = v.published
      ? L(["publié", "gepubliceerd", "published"])
      : `${L(["extrapolé depuis", "geëxtrapoleerd vanaf", "extrapolated from"])} ${v.refYear}${v.kind === "money" && !isIndexed(e.key) ? L([" (reconduit sans indexation)", " (behouden zonder indexering)", " (carried over, not indexed)"]) : ""}`;
    rows.push([
      lab(e.key),
      lab(keyLabel(e.key, ctx.lang)),
      { value: e.year, format: "0" },
      valueCell,
      lab(status, v.published ? "check" : "note"),
      v.published ? { value: v.version.from, format: DATE } : null,
      v.published ? (v.version.to === Infinity ? lab("—") : { value: v.version.to, format: DATE }) : null,
      lab(sourcesText(v.version), "source"),
      v.version.note || v.param.note ? lab((v.version.note ?? v.param.note)!, "note") : (v.published ? null : lab(`${L(["Valeur publiée :", "Gepubliceerde waarde:", "Published value:"])} ${periodText(v.version)}`, "note")),
    ]);
  }
  return { key, name, rows, columnWidths: [32, 60, 8, 14, 22, 12, 12, 70, 70], freezeRows: 3 };
}

/* ------------------------------------------------------------------ */
/* Comparaison                                                         */
/* ------------------------------------------------------------------ */

function comparison(list: { s: Scenario; sim: Simulation; synKey: string; syn: Sheet }[], lang: Language): SheetPlan {
  const L = (t: Tr) => tr(lang, t);
  const rows: (CellPlan | null)[][] = [];
  rows.push([lab(L(["Comparaison des scénarios", "Vergelijking van de scenario's", "Scenario comparison"]), "title")]);
  rows.push([lab(L(["Chaque bloc lit la Synthèse de son scénario.", "Elk blok leest het Overzicht van zijn scenario.", "Each block reads its scenario's Summary."]), "note")]);
  const lines: { id: string; t: Tr; get: (y: SimYear) => number; total: (sim: Simulation) => number }[] = [
    { id: "revenue", t: ["Honoraires", "Erelonen", "Fees"], get: (y) => y.revenue, total: (x) => x.totals.revenue },
    { id: "primes", t: ["Primes et subsides", "Premies en subsidies", "Grants and subsidies"], get: (y) => y.primes, total: (x) => x.totals.primes },
    { id: "charges", t: ["Charges", "Kosten", "Costs"], get: (y) => y.charges.total, total: (x) => x.totals.charges },
    { id: "result", t: ["Résultat avant impôts", "Resultaat vóór belastingen", "Result before tax"], get: (y) => y.result, total: (x) => x.totals.result },
    { id: "social", t: ["Cotisations sociales", "Sociale bijdragen", "Social contributions"], get: (y) => y.social.amount, total: (x) => x.totals.social },
    { id: "tax", t: ["Impôt des personnes physiques", "Personenbelasting", "Personal income tax"], get: (y) => y.tax.total, total: (x) => x.totals.tax },
    { id: "net", t: ["Revenu net disponible", "Beschikbaar netto-inkomen", "Net disposable income"], get: (y) => y.net, total: (x) => x.totals.net },
  ];
  const nameRow: (CellPlan | null)[] = [head(L(["Scénario", "Scenario", "Scenario"]))];
  const yearRowCells: (CellPlan | null)[] = [head(L(["Année", "Jaar", "Year"]))];
  const body = lines.map((l) => [lab(L(l.t), l.id === "result" ? "total" : "label")] as (CellPlan | null)[]);
  for (const { sim, synKey, syn } of list) {
    const n = sim.years.length;
    nameRow.push(head(sim.scenario.name), ...Array.from({ length: n }, () => head("")));
    sim.years.forEach((y) => yearRowCells.push(head(y.year)));
    yearRowCells.push(head(L(["Total", "Totaal", "Total"])));
    lines.forEach((l, k) => {
      sim.years.forEach((y, i) => body[k].push({ formula: `={${synKey}}!${columnLetter(Y0_COL + i)}${syn.row(l.id) + 1}`, result: centsToEuros(l.get(y)), format: EUR, style: l.id === "result" || l.id === "net" ? "total" : "formula" }));
      body[k].push({ formula: `={${synKey}}!${columnLetter(Y0_COL + n)}${syn.row(l.id) + 1}`, result: centsToEuros(l.total(sim)), format: EUR, style: "total" });
    });
    nameRow.push(null);
    yearRowCells.push(null);
    body.forEach((b) => b.push(null));
  }
  rows.push(nameRow, yearRowCells, ...body);
  const width = Math.max(...rows.map((r) => r.length));
  return { key: "cmp", name: L(["Comparaison", "Vergelijking", "Comparison"]), rows, columnWidths: [40, ...Array.from({ length: width - 1 }, () => 14)], freezeRows: 4 };
}
