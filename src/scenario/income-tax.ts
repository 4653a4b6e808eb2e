/**
 * Personal income tax of the fiscal year (income year N): what was received
 * in N (fees, forfait income, primes and subsidies per their payment
 * timing) minus the deductible costs paid in N (costs, depreciation, social
 * contributions paid in N) = the taxable income; the tax by the rule
 * incomeTax (brackets, tax-free amount with the dependants' supplements,
 * communal surcharge of the commune of residence); Impulseo II/III taxed at
 * the separate rate (seed guide's rule, the disagreement is noted in
 * Paramètres). And when the tax is paid: advance payments in N (a scenario
 * choice), the rest with the assessment N + ipp.paiement.decalage — the
 * yearly computation and the rows side by side.
 */
import { mulRate, rateFromDecimal, type Rate } from "../money";
import { applyScale, incomeTax, slabsOf, taxScale, type Slab } from "../rules/ipp";
import { resolveCommune } from "../rules/taxe-communale";
import { params } from "../params";
import { slabShape, versionFor } from "./year-params";
import { isNA, receivedAfterHorizon, receivedIn, type Model, type Money } from "./model";
import { EUR, euroResult, H, lab, moneyRow, P, receivedF, yearRow, RATE, INT, type PlanCtx, type Sheet } from "./layout";

export interface TaxYear {
  /** Professional receipts taxed at the progressive scale: fees, forfait income, primes received. */
  receiptsTaxed: Money;
  /** Impulseo II/III received: taxed at the separate rate. */
  separateIncome: Money;
  deductibleCosts: Money;
  socialPaid: Money;
  /** Receipts − deductible costs − social contributions paid (the base of the definitive social contributions). */
  netProfessional: Money;
  taxable: Money;
  onIncome: Money;
  taxFreeAmount: Money;
  reduction: Money;
  federal: Money;
  communalRate: number;
  communal: Money;
  separate: Money;
  /** Income tax of the income year. */
  total: Money;
  /** Paid during the year itself as advance payments. */
  advance: Money;
  /** Paid with the assessment, `offset` years later. */
  balance: Money;
  offset: number;
}

/** The parameter key of the commune of residence's surcharge rate, or null when the rate is typed in. */
export function communeRateKey(m: Model): string | null {
  const h = m.s.household;
  if (h.communalRatePercent !== undefined || h.commune === undefined) return null;
  return `taxe-communale.${resolveCommune(h.commune).id}`;
}

/** Whether a commune has any published surcharge rate (else the scenario must type the rate). */
export function communeHasRates(commune: string): boolean {
  return params.has(`taxe-communale.${resolveCommune(commune).id}`);
}

export function computeTax(m: Model, i: number, input: { receiptsTaxed: Money; separateIncome: Money; deductibleCosts: Money; socialPaid: Money }): Omit<TaxYear, "offset"> & { offset: number } {
  const { receiptsTaxed, separateIncome, deductibleCosts, socialPaid } = input;
  const netProfessional = receiptsTaxed + separateIncome - deductibleCosts - socialPaid;
  const taxable = isNA(netProfessional) ? NaN : Math.max(0, netProfessional - separateIncome);
  const key = communeRateKey(m);
  let rate: Rate | null;
  let communalRate: number;
  if (key === null) {
    rate = rateFromDecimal(`${m.s.household.communalRatePercent}%`);
    communalRate = (m.s.household.communalRatePercent ?? 0) / 100;
  } else {
    rate = m.rate(i, key);
    communalRate = m.v(i, key);
  }
  const rt = m.ruleYear(i, "ipp.bareme");
  m.ruleYear(i, "ipp.quotite-exemptee.base");
  m.ruleYear(i, "ipp.quotite-exemptee.bareme");
  if (m.s.household.dependants > 0) m.ruleYear(i, "ipp.quotite-exemptee.enfants");
  const holder: { r: ReturnType<typeof incomeTax>["value"] | null } = { r: null };
  if (rt.known && rate !== null && !isNA(taxable) && !isNA(separateIncome)) {
    const t = m.rule(i, "ipp.bareme", () => {
      holder.r = incomeTax({ taxableIncome: taxable, incomeYear: rt.year, dependants: m.s.household.dependants, communalRate: rate, separateIncome }).value;
      return holder.r.total;
    });
    if (isNA(t)) holder.r = null;
  }
  const r = holder.r;
  // When the rule refuses (e.g. income below the tax-free amount with children: refundable credit not
  // encoded), the pieces that do not depend on the refusal are still shown, as the sheet does.
  const dep = m.s.household.dependants;
  const taxFreeAmount = r ? r.taxFreeAmount : m.v(i, "ipp.quotite-exemptee.base") + (dep > 0 ? m.v(i, `ipp.quotite-exemptee.enfants.enfants${Math.min(dep, 12)}`) : 0);
  const scaled = (amount: Money, slabs: () => Slab[]) => (isNA(amount) || !rt.known ? NaN : (applyScale(amount, slabs())?.tax ?? NaN));
  const onIncome = r ? r.taxOnIncome : scaled(taxable, () => taxScale(rt.year).slabs);
  const reduction = r ? r.taxFreeReduction : scaled(taxFreeAmount, () => slabsOf(params.forYear("ipp.quotite-exemptee.bareme", rt.year)));
  const separateRate = m.rate(i, "impulseo.taux-distinct");
  const separate = r ? r.separate : separateRate === null || isNA(separateIncome) ? NaN : mulRate(separateIncome, separateRate);
  const total = r ? r.total : NaN;
  const pct = m.s.tax.advancePaymentsPercent;
  const advance = isNA(total) ? NaN : mulRate(total, rateFromDecimal(`${pct}%`));
  return {
    receiptsTaxed,
    separateIncome,
    deductibleCosts,
    socialPaid,
    netProfessional,
    taxable,
    onIncome,
    taxFreeAmount,
    reduction,
    federal: r ? r.federal : NaN,
    communalRate,
    communal: r ? r.communal : NaN,
    separate,
    total,
    advance,
    balance: total - advance,
    offset: m.v(i, "ipp.paiement.decalage"),
  };
}

/** Balances of earlier (or this) income years paid with their assessment during calendar year i. */
export function taxBalancePaidIn(i: number, years: readonly TaxYear[]): Money {
  return receivedIn(i, years.map((y) => y.balance), years.map((y) => y.offset));
}
export function taxAfterHorizon(years: readonly TaxYear[]): Money {
  return receivedAfterHorizon(years.map((y) => y.balance), years.map((y) => y.offset));
}

/** The receipts rows (first rows of the "Impôt et cotisations" sheet). */
export function receiptRows(ctx: PlanCtx, sh: Sheet, rev: Sheet, pri: Sheet, chg: Sheet): void {
  const { L } = ctx;
  const T = ctx.sim.years.map((y) => y.tax);
  sh.add([lab(L(["Recettes professionnelles de l'année (encaissées)", "Beroepsontvangsten van het jaar (geïnd)", "Professional receipts of the year (collected)"]), "subtitle")]);
  moneyRow(ctx, sh, "rcFees", ["Honoraires et forfait", "Erelonen en forfait", "Fees and capitation"], (i, c) => rev.xref("total", c), (i) => ctx.sim.years[i].revenues.total);
  moneyRow(ctx, sh, "rcPrimes", ["Primes et subsides reçus (imposés au barème)", "Ontvangen premies en subsidies (volgens tarief belast)", "Grants and subsidies received (taxed at the scale)"], (i, c) => pri.xref("recvTaxed", c), (i) => ctx.sim.years[i].receivedTaxed);
  moneyRow(ctx, sh, "rcTaxed", ["Recettes imposées au barème", "Ontvangsten belast volgens tarief", "Receipts taxed at the scale"], (i, c) => `${sh.ref("rcFees", c)}+${sh.ref("rcPrimes", c)}`, (i) => T[i].receiptsTaxed, "total");
  moneyRow(ctx, sh, "rcSeparate", ["Impulseo II/III reçus (imposés au taux distinct)", "Ontvangen Impulseo II/III (afzonderlijk belast)", "Impulseo II/III received (separate rate)"], (i, c) => pri.xref("recv_impulseo", c), (i) => T[i].separateIncome);
  moneyRow(ctx, sh, "costs", ["Charges déductibles (y compris amortissements)", "Aftrekbare kosten (afschrijvingen inbegrepen)", "Deductible costs (depreciation included)"], (i, c) => chg.xref("total", c), (i) => T[i].deductibleCosts);
}

/** The net professional income row (between the social contributions paid and the definitive ones). */
export function netProfessionalRow(ctx: PlanCtx, sh: Sheet): void {
  const T = ctx.sim.years.map((y) => y.tax);
  moneyRow(ctx, sh, "netProf", ["Revenu professionnel net (recettes − charges − cotisations payées)", "Netto beroepsinkomen (ontvangsten − kosten − betaalde bijdragen)", "Net professional income (receipts − costs − contributions paid)"], (i, c) => `ROUND(${sh.ref("rcTaxed", c)}+${sh.ref("rcSeparate", c)}-${sh.ref("costs", c)}-${sh.ref("socPaid", c)},2)`, (i) => T[i].netProfessional, "total");
}
/** The year's own income before its provisional contributions (the provisional base when the reference year is not simulated). */
export function ownBaseF(sh: Sheet): (c: string) => string {
  return (c) => `ROUND(${sh.ref("rcTaxed", c)}+${sh.ref("rcSeparate", c)}-${sh.ref("costs", c)}-${sh.ref("socRegPaid", c)},2)`;
}

/** The income tax rows. */
export function taxRows(ctx: PlanCtx, sh: Sheet): void {
  const { L } = ctx;
  const T = ctx.sim.years.map((y) => y.tax);
  const dependants = ctx.s.household.dependants;
  const key = communeRateKey(ctx.m);
  sh.add([lab(L(["Impôt des personnes physiques des revenus de l'année", "Personenbelasting op de inkomsten van het jaar", "Personal income tax on the year's income"]), "subtitle")]);
  /** Progressive scale of `param` (slabs of the version used that year) on amount `x`, rounded once; #N/A past an incomplete scale. */
  const scale = (param: string, i: number, x: string): string => {
    const v = versionFor(param, ctx.years[i]);
    const { count, open } = slabShape(v.version.value);
    const parts: string[] = [];
    for (let n = 1; n <= count; n++) {
      const rate = P(ctx, `${param}.taux${n}`, i);
      const lo = n === 1 ? null : P(ctx, `${param}.limite${n - 1}`, i);
      const hi = n === count && open ? null : P(ctx, `${param}.limite${n}`, i);
      const top = hi === null ? x : `MIN(${x},${hi})`;
      parts.push(lo === null ? `MAX(0,${top})*${rate}` : `MAX(0,${top}-${lo})*${rate}`);
    }
    const sum = `ROUND(${parts.join("+")},2)`;
    return open ? sum : `IF(${x}>${P(ctx, `${param}.limite${count}`, i)},NA(),${sum})`;
  };
  const r = (id: string, c: string) => sh.ref(id, c);
  moneyRow(ctx, sh, "taxable", ["Revenu imposable au barème", "Belastbaar inkomen volgens tarief", "Income taxable at the scale"], (i, c) => `ROUND(MAX(0,${r("netProf", c)}-${r("rcSeparate", c)}),2)`, (i) => T[i].taxable, "total");
  moneyRow(ctx, sh, "taxOnIncome", ["Impôt selon le barème progressif", "Belasting volgens het progressieve tarief", "Tax by the progressive scale"], (i, c) => scale("ipp.bareme", i, r("taxable", c)), (i) => T[i].onIncome);
  moneyRow(
    ctx,
    sh,
    "taxFree",
    dependants > 0
      ? [`Quotité exemptée (base + ${dependants} enfant(s) à charge)`, `Belastingvrije som (basis + ${dependants} kind(eren) ten laste)`, `Tax-free amount (basic + ${dependants} dependent child(ren))`]
      : ["Quotité exemptée d'impôt (de base, sans enfant à charge)", "Belastingvrije som (basis, zonder kinderen ten laste)", "Tax-free amount (basic, no dependent child)"],
    (i) => (dependants > 0 ? `${P(ctx, "ipp.quotite-exemptee.base", i)}+${P(ctx, `ipp.quotite-exemptee.enfants.enfants${Math.min(dependants, 12)}`, i)}` : P(ctx, "ipp.quotite-exemptee.base", i)),
    (i) => T[i].taxFreeAmount,
  );
  moneyRow(ctx, sh, "taxReduction", ["Réduction pour la quotité exemptée", "Vermindering voor de belastingvrije som", "Reduction for the tax-free amount"], (i, c) => scale("ipp.quotite-exemptee.bareme", i, r("taxFree", c)), (i) => T[i].reduction);
  moneyRow(
    ctx,
    sh,
    "taxFederal",
    ["Impôt de base (barème − réduction, au moins 0)", "Basisbelasting (tarief − vermindering, minstens 0)", "Basic tax (scale − reduction, at least 0)"],
    (i, c) => (dependants > 0 ? `IF(${r("taxable", c)}<${r("taxFree", c)},NA(),MAX(0,${r("taxOnIncome", c)}-${r("taxReduction", c)}))` : `MAX(0,${r("taxOnIncome", c)}-${r("taxReduction", c)})`),
    (i) => T[i].federal,
    "formula",
    dependants > 0 ? L(["#N/A si le revenu est inférieur à la quotité avec enfants : le crédit d'impôt remboursable n'est pas encodé.", "#N/A als het inkomen lager is dan de belastingvrije som met kinderen: het terugbetaalbaar belastingkrediet is niet gecodeerd.", "#N/A if the income is below the tax-free amount with children: the refundable tax credit is not encoded."]) : undefined,
  );
  yearRow(ctx, sh, "taxCommunalRate", ctx.L(key ? ["Taux de la taxe communale (commune de résidence, Paramètres)", "Tarief gemeentebelasting (woonplaats, Parameters)", "Communal surcharge rate (commune of residence, Parameters)"] : ["Taux de la taxe communale (saisi dans Hypothèses)", "Tarief gemeentebelasting (ingevoerd in Hypothesen)", "Communal surcharge rate (entered in Assumptions)"]), (i) => ({ formula: `=${key ? P(ctx, key, i) : H(ctx, "communalRate")}`, result: isNA(T[i].communalRate) ? "#N/A" : T[i].communalRate }), RATE);
  moneyRow(ctx, sh, "taxCommunal", ["Taxe communale additionnelle", "Aanvullende gemeentebelasting", "Communal surcharge"], (i, c) => `ROUND(${r("taxFederal", c)}*${r("taxCommunalRate", c)},2)`, (i) => T[i].communal);
  moneyRow(ctx, sh, "taxSeparate", ["Impôt au taux distinct sur Impulseo II/III reçus", "Belasting tegen afzonderlijk tarief op ontvangen Impulseo II/III", "Separate-rate tax on Impulseo II/III received"], (i, c) => `ROUND(${r("rcSeparate", c)}*${P(ctx, "impulseo.taux-distinct", i)},2)`, (i) => T[i].separate);
  moneyRow(ctx, sh, "taxTotal", ["Impôt des revenus de l'année", "Belasting op de inkomsten van het jaar", "Tax on the year's income"], (i, c) => `${r("taxFederal", c)}+${r("taxCommunal", c)}+${r("taxSeparate", c)}`, (i) => T[i].total, "total");
  sh.add([lab(L(["Paiement de l'impôt", "Betaling van de belasting", "Payment of the tax"]), "subtitle"), ...ctx.years.map(() => null), lab(L(["Après l'horizon", "Na de horizon", "After the horizon"]), "header")]);
  moneyRow(ctx, sh, "taxAdvance", ["Versements anticipés payés dans l'année (Hypothèses)", "Voorafbetalingen betaald in het jaar (Hypothesen)", "Advance payments made in the year (Assumptions)"], (i, c) => `ROUND(${r("taxTotal", c)}*${H(ctx, "advancePct")},2)`, (i) => T[i].advance);
  moneyRow(ctx, sh, "taxBalance", ["Solde payé avec l'avertissement-extrait de rôle", "Saldo betaald met het aanslagbiljet", "Balance paid with the assessment"], (i, c) => `${r("taxTotal", c)}-${r("taxAdvance", c)}`, (i) => T[i].balance);
  yearRow(ctx, sh, "taxOffset", `  ${L(["Avertissement-extrait de rôle payé N + (années)", "Aanslagbiljet betaald N + (jaren)", "Assessment paid N + (years)"])}`, (i) => ({ formula: `=${P(ctx, "ipp.paiement.decalage", i)}`, result: isNA(T[i].offset) ? "#N/A" : T[i].offset }), INT);
  moneyRow(ctx, sh, "taxAssessPaid", ["Solde d'impôt payé dans l'année (revenus antérieurs)", "Belastingsaldo betaald in het jaar (vorige inkomsten)", "Tax balance paid in the year (earlier income)"], (i) => receivedF(ctx, sh, i, "taxBalance", "taxOffset"), (i) => ctx.sim.years[i].taxBalancePaid);
  moneyRow(ctx, sh, "taxPaid", ["Impôt payé dans l'année", "In het jaar betaalde belasting", "Income tax paid in the year"], (i, c) => `${r("taxAdvance", c)}+${r("taxAssessPaid", c)}`, (i) => ctx.sim.years[i].taxPaid, "total", L(["L'impôt des revenus antérieurs à la première année simulée n'est pas compris.", "De belasting op inkomsten vóór het eerste gesimuleerde jaar is niet inbegrepen.", "Tax on income before the first simulated year is not included."]));
  const n = ctx.years.length;
  sh.rows[sh.row("taxBalance")].push({ formula: `=${ctx.years.map((_, j) => `IF(${r("taxOffset", ctx.col(j))}>=${n - j},${r("taxBalance", ctx.col(j))},0)`).join("+")}`, result: euroResult(ctx.sim.afterHorizon.tax), format: EUR, style: "formula" });
}
