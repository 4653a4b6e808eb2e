/**
 * Self-employed social contributions (main activity), as a GP pays them:
 * the yearly computation and the rows of the "Impôt et cotisations" sheet
 * side by side.
 *
 * - Paid per quarter of activity (from the installation quarter). During the
 *   starting period (the year of the start and the following full calendar
 *   years) the provisional contribution is computed on the minimum income;
 *   afterwards on the income of the reference year (N − the parameter
 *   cotisations.provisoire.reference, not revalued), or, when that year is
 *   before the simulation, on the year's own income before contributions.
 * - The definitive contribution of year N is computed on the net
 *   professional income of N (annualized when the year has fewer than four
 *   quarters), and the difference with the provisional contributions (the
 *   regularisation) is paid or refunded N + cotisations.regularisation.delai
 *   years later.
 * - Contributions are deducted from the taxable income of the year they are
 *   paid (provisional ones and regularisations alike). The fund's management
 *   fee is not included.
 */
import { yearOf } from "../dates";
import { divRound } from "../money";
import { socialContributions } from "../rules/social-contributions";
import { isNA, type Model, type Money, type Tri } from "./model";
import { countRow, EUR, euroResult, H, lab, moneyRow, P, checkRow, type PlanCtx, type Sheet } from "./layout";

export interface SocialYear {
  quarters: number;
  /** Year of the starting period (1 = year of installation), 0 before the installation. */
  starterYear: number;
  starter: Tri;
  /** Index (in the simulation) of the reference year of the provisional contributions, or -1 (minimum, or the year's own income). */
  referenceIndex: number;
  /** Annual income the provisional contribution is computed on (before the minimum). */
  provisionalBase: Money;
  provisionalQuarterly: Money;
  provisional: Money;
  /** Regularisation of an earlier year paid (positive) or refunded (negative) this year. */
  regularisationPaid: Money;
  /** Contributions paid this year (provisional + regularisation): deductible this year. */
  paid: Money;
  /** Annualized net professional income of the year (the definitive base, before the minimum). */
  definitiveBase: Money;
  definitiveQuarterly: Money;
  definitive: Money;
  /** Definitive − provisional: paid (or refunded) `delay` years later. */
  regularisation: Money;
}

function quartersOf(installation: number, year: number): number {
  const y = yearOf(installation);
  if (y < year) return 4;
  if (y > year) return 0;
  return 4 - Math.floor(new Date(Date.UTC(1899, 11, 30 + installation)).getUTCMonth() / 3);
}

/** The quarterly contribution (rule socialContributions) on an annual income for year i; NaN when the scale is unknown. */
function quarterlyOn(m: Model, i: number, income: Money, starterYear: number): Money {
  if (isNA(income)) return NaN;
  const rs = m.ruleYear(i, "cotisations.plafond.1");
  m.ruleYear(i, "cotisations.plafond.2");
  m.ruleYear(i, "cotisations.revenu-minimum");
  if (!rs.known) return NaN;
  return m.rule(i, "cotisations.plafond.1", () => socialContributions({ income: Math.max(0, income), year: rs.year, starter: starterYear }).value.provisional.quarterly);
}

/**
 * First half of the year's contributions: what is paid during the year
 * (needs the earlier years' definitive bases and regularisations).
 * `ownBase` = the year's net income before its own provisional
 * contributions (used when the reference year is not simulated).
 */
export function computeSocialPaid(m: Model, i: number, earlier: readonly SocialYear[], ownBase: (regularisationPaid: Money) => Money): Omit<SocialYear, "definitiveBase" | "definitiveQuarterly" | "definitive" | "regularisation"> {
  const year = m.years[i];
  const instYear = yearOf(m.d.installation);
  const quarters = quartersOf(m.d.installation, year);
  const starterYear = year >= instYear ? year - instYear + 1 : 0;
  const maxStarter = m.v(i, "cotisations.debut.annees-completes") + 1;
  const starter: Tri = isNA(maxStarter) ? null : starterYear >= 1 && starterYear <= maxStarter;
  const refYears = m.v(i, "cotisations.provisoire.reference");
  const delay = m.v(i, "cotisations.regularisation.delai");
  const referenceIndex = starter || isNA(refYears) || refYears < 1 || i - refYears < 0 ? -1 : i - refYears;
  const regularisationPaid = isNA(delay) ? NaN : delay >= 1 && i - delay >= 0 ? earlier[i - delay].regularisation : 0;
  let provisionalBase: Money;
  if (starter === null) provisionalBase = NaN;
  else if (starter) provisionalBase = m.v(i, "cotisations.revenu-minimum");
  else if (referenceIndex >= 0) provisionalBase = earlier[referenceIndex].definitiveBase;
  else provisionalBase = quarters === 0 ? 0 : annualize(ownBase(regularisationPaid), quarters);
  const provisionalQuarterly = quarters === 0 ? 0 : quarterlyOn(m, i, provisionalBase, starter ? starterYear : 0);
  const provisional = provisionalQuarterly * quarters;
  return { quarters, starterYear, starter, referenceIndex, provisionalBase, provisionalQuarterly, provisional, regularisationPaid, paid: provisional + regularisationPaid };
}

function annualize(income: Money, quarters: number): Money {
  return isNA(income) ? NaN : divRound(Math.max(0, income) * 4, quarters);
}

/** Second half: the definitive contribution on the year's net professional income, and the regularisation. */
export function computeSocialDefinitive(m: Model, i: number, paid: ReturnType<typeof computeSocialPaid>, netProfessional: Money): SocialYear {
  const definitiveBase = paid.quarters === 0 ? 0 : annualize(netProfessional, paid.quarters);
  const definitiveQuarterly = paid.quarters === 0 ? 0 : quarterlyOn(m, i, definitiveBase, 0);
  const definitive = definitiveQuarterly * paid.quarters;
  return { ...paid, definitiveBase, definitiveQuarterly, definitive, regularisation: definitive - paid.provisional };
}

/** Quarterly contribution formula on the annual base cell `b` (minimum applied), for year i. */
function quarterlyF(ctx: PlanCtx, i: number, b: string): string {
  const base = `MAX(${b},${P(ctx, "cotisations.revenu-minimum", i)})`;
  const l1 = P(ctx, "cotisations.plafond.1", i);
  return `ROUND((MIN(${base},${l1})*${P(ctx, "cotisations.taux.1", i)}+MAX(0,MIN(${base},${P(ctx, "cotisations.plafond.2", i)})-${l1})*${P(ctx, "cotisations.taux.2", i)})/4,2)`;
}

/**
 * The value of row `id` `back` years before year i (0 before the simulation):
 * INDEX over the earlier years' columns only (a range reaching the year's
 * own column would be a circular reference for Excel).
 */
function earlierF(ctx: PlanCtx, sh: Sheet, id: string, i: number, back: string): string {
  if (i === 0) return "0";
  const r = sh.row(id) + 1;
  return `IF(OR(${back}<1,${i + 1}-${back}<1),0,INDEX($${ctx.col(0)}$${r}:$${ctx.col(i - 1)}$${r},1,${i + 1}-${back}))`;
}

/** Rows of what is paid during the year (before the net professional income row). */
export function socialPaidRows(ctx: PlanCtx, sh: Sheet, ownBase: (c: string) => string): void {
  const { L } = ctx;
  const S = ctx.sim.years.map((y) => y.social);
  const inst = H(ctx, "installation");
  sh.add([lab(L(["Cotisations sociales payées dans l'année (déductibles cette année-là)", "Sociale bijdragen betaald in het jaar (dat jaar aftrekbaar)", "Social contributions paid in the year (deductible that year)"]), "subtitle")]);
  countRow(ctx, sh, "socQuarters", ["Trimestres d'activité (depuis le trimestre d'installation)", "Kwartalen van activiteit (vanaf het installatiekwartaal)", "Quarters of activity (from the installation quarter)"], (i, c, yr) => `IF(YEAR(${inst})<${yr},4,IF(YEAR(${inst})>${yr},0,4-INT((MONTH(${inst})-1)/3)))`, (i) => S[i].quarters);
  countRow(ctx, sh, "socStarterYear", ["Année de la période de début (1 = année d'installation)", "Jaar van de beginperiode (1 = installatiejaar)", "Year of the starting period (1 = installation year)"], (i, c, yr) => `IF(${yr}>=YEAR(${inst}),${yr}-YEAR(${inst})+1,0)`, (i) => S[i].starterYear);
  checkRow(ctx, sh, "socStarter", ["Débutant : cotisations provisoires sur le revenu minimum", "Starter: voorlopige bijdragen op het minimuminkomen", "Starter: provisional contributions on the minimum income"], (i, c) => `AND(${sh.ref("socStarterYear", c)}>=1,${sh.ref("socStarterYear", c)}<=${P(ctx, "cotisations.debut.annees-completes", i)}+1)`, (i) => S[i].starter);
  // The provisional base reads the definitive base row (added later): patched once that row exists.
  moneyRow(ctx, sh, "socProvBase", ["Revenu de calcul des cotisations provisoires (minimum ; revenu de l'année de référence ; à défaut, revenu de l'année)", "Berekeningsinkomen van de voorlopige bijdragen (minimum; inkomen van het referentiejaar; anders, inkomen van het jaar)", "Income of the provisional contributions (minimum; reference-year income; else the year's income)"], () => "0", (i) => S[i].provisionalBase);
  moneyRow(ctx, sh, "socProvQuarterly", ["Cotisation provisoire par trimestre", "Voorlopige bijdrage per kwartaal", "Provisional contribution per quarter"], (i, c) => `IF(${sh.ref("socQuarters", c)}=0,0,${quarterlyF(ctx, i, sh.ref("socProvBase", c))})`, (i) => S[i].provisionalQuarterly);
  moneyRow(ctx, sh, "socProvisional", ["Cotisations provisoires de l'année", "Voorlopige bijdragen van het jaar", "Provisional contributions of the year"], (i, c) => `${sh.ref("socProvQuarterly", c)}*${sh.ref("socQuarters", c)}`, (i) => S[i].provisional);
  moneyRow(ctx, sh, "socRegPaid", ["Régularisation d'une année antérieure payée (+) ou remboursée (−)", "Regularisatie van een vorig jaar betaald (+) of terugbetaald (−)", "Regularisation of an earlier year paid (+) or refunded (−)"], () => "0", (i) => S[i].regularisationPaid);
  moneyRow(ctx, sh, "socPaid", ["Cotisations sociales payées dans l'année", "Sociale bijdragen betaald in het jaar", "Social contributions paid in the year"], (i, c) => `${sh.ref("socProvisional", c)}+${sh.ref("socRegPaid", c)}`, (i) => S[i].paid, "total");
  void ownBase;
}

/** Rows of the definitive contribution (after the net professional income row), and the patches of the provisional rows. */
export function socialDefinitiveRows(ctx: PlanCtx, sh: Sheet, netProf: string, ownBase: (c: string) => string): void {
  const { L } = ctx;
  const S = ctx.sim.years.map((y) => y.social);
  sh.add([lab(L(["Cotisations définitives et régularisation", "Definitieve bijdragen en regularisatie", "Definitive contributions and regularisation"]), "subtitle")]);
  moneyRow(ctx, sh, "socDefBase", ["Revenu professionnel net annualisé (base définitive)", "Geannualiseerd netto beroepsinkomen (definitieve grondslag)", "Annualized net professional income (definitive base)"], (i, c) => `IF(${sh.ref("socQuarters", c)}=0,0,ROUND(MAX(0,${sh.ref(netProf, c)})*4/${sh.ref("socQuarters", c)},2))`, (i) => S[i].definitiveBase);
  moneyRow(ctx, sh, "socDefQuarterly", ["Cotisation définitive par trimestre", "Definitieve bijdrage per kwartaal", "Definitive contribution per quarter"], (i, c) => `IF(${sh.ref("socQuarters", c)}=0,0,${quarterlyF(ctx, i, sh.ref("socDefBase", c))})`, (i) => S[i].definitiveQuarterly);
  moneyRow(ctx, sh, "socDefinitive", ["Cotisations définitives de l'année", "Definitieve bijdragen van het jaar", "Definitive contributions of the year"], (i, c) => `${sh.ref("socDefQuarterly", c)}*${sh.ref("socQuarters", c)}`, (i) => S[i].definitive);
  moneyRow(ctx, sh, "socReg", ["Régularisation (définitives − provisoires), payée plus tard", "Regularisatie (definitief − voorlopig), later betaald", "Regularisation (definitive − provisional), paid later"], (i, c) => `${sh.ref("socDefinitive", c)}-${sh.ref("socProvisional", c)}`, (i) => S[i].regularisation, "total", L(["Payée (ou remboursée) N + délai de régularisation (Paramètres) ; piège classique du jeune indépendant.", "Betaald (of terugbetaald) N + regularisatietermijn (Parameters); klassieke valkuil van de jonge zelfstandige.", "Paid (or refunded) N + regularisation delay (Parameters); the classic trap of a young self-employed GP."]));
  const delay = (i: number) => P(ctx, "cotisations.regularisation.delai", i);
  const n = ctx.years.length;
  sh.rows[sh.row("socReg")].push({
    formula: `=${ctx.years.map((_, j) => `IF(${j}+${delay(j)}>=${n},${sh.ref("socReg", ctx.col(j))},0)`).join("+")}`,
    result: euroResult(ctx.sim.afterHorizon.socialRegularisation),
    format: EUR,
    style: "formula",
  });
  // Patch the provisional rows now that the rows they read exist.
  const patch = (id: string, f: (i: number, c: string) => string) =>
    ctx.years.forEach((_, i) => {
      (sh.rows[sh.row(id)][i + 1] as { formula: string }).formula = `=${f(i, ctx.col(i))}`;
    });
  patch("socProvBase", (i, c) => {
    const ref = P(ctx, "cotisations.provisoire.reference", i);
    return `IF(${sh.ref("socStarter", c)},${P(ctx, "cotisations.revenu-minimum", i)},IF(AND(${ref}>=1,${i + 1}-${ref}>=1),${earlierF(ctx, sh, "socDefBase", i, ref)},IF(${sh.ref("socQuarters", c)}=0,0,ROUND(MAX(0,${ownBase(c)})*4/${sh.ref("socQuarters", c)},2))))`;
  });
  patch("socRegPaid", (i) => earlierF(ctx, sh, "socReg", i, delay(i)));
}
