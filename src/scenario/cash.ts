/**
 * The cash year (calendar N): what the GP receives and pays in N — fees
 * collected, each prime and subsidy received per its payment timing, costs
 * and investments paid (purchase price in the purchase year), social
 * contributions paid (provisional quarters, then the regularisation when the
 * definitive amount is established), income tax paid (advance payments, then
 * the assessment) — net cash of the year and cumulative cash. The statut
 * social is not cash (paid to the GP's insurer): shown on its own line.
 * The yearly computation and the Trésorerie sheet's formulas side by side.
 */
import type { Money } from "./model";
import { TIMED_PRIMES, primeLabel } from "./primes";
import { lab, moneyRow, startYearSheet, yearRow, EUR, euroResult, type PlanCtx, type Sheet } from "./layout";

export interface CashYear {
  fees: Money;
  forfait: Money;
  primes: Money;
  inflows: Money;
  costs: Money;
  investments: Money;
  social: Money;
  tax: Money;
  outflows: Money;
  net: Money;
  cumulative: Money;
}

export function computeCash(input: Omit<CashYear, "inflows" | "outflows" | "net" | "cumulative">, previousCumulative: Money): CashYear {
  const inflows = input.fees + input.forfait + input.primes;
  const outflows = input.costs + input.investments + input.social + input.tax;
  const net = inflows - outflows;
  return { ...input, inflows, outflows, net, cumulative: previousCumulative + net };
}

/** The Trésorerie sheet. */
export function cashSheet(ctx: PlanCtx, name: string, rev: Sheet, pri: Sheet, chg: Sheet, fis: Sheet): Sheet {
  const { L } = ctx;
  const K = ctx.sim.years.map((y) => y.cash);
  const sh = startYearSheet(ctx, "cash", name, ["Trésorerie (année civile)", "Thesaurie (kalenderjaar)", "Cash (calendar year)"]);
  sh.add([lab(L(["Encaissements", "Ontvangsten", "Receipts"]), "subtitle")]);
  moneyRow(ctx, sh, "fees", ["Honoraires encaissés", "Geïnde erelonen", "Fees collected"], (i, c) => rev.xref("actFees", c), (i) => K[i].fees);
  moneyRow(ctx, sh, "forfait", ["Revenu du forfait (maison médicale)", "Forfaitinkomen (wijkgezondheidscentrum)", "Capitation income (health centre)"], (i, c) => rev.xref("forfait", c), (i) => K[i].forfait);
  for (const p of TIMED_PRIMES) {
    const t = primeLabel(p);
    moneyRow(ctx, sh, `p_${p}`, [`${t[0]} reçue`, `${t[1]} ontvangen`, `${t[2]} received`], (i, c) => pri.xref(`recv_${p}`, c), (i) => ctx.sim.years[i].received[p]);
  }
  moneyRow(ctx, sh, "inflows", ["Total des encaissements", "Totaal ontvangsten", "Total receipts"], (i, c) => ["fees", "forfait", ...TIMED_PRIMES.map((p) => `p_${p}`)].map((r) => sh.ref(r, c)).join("+"), (i) => K[i].inflows, "total");
  sh.add([lab(L(["Décaissements", "Uitgaven", "Payments"]), "subtitle")]);
  moneyRow(ctx, sh, "costs", ["Charges payées (personnel, loyer, frais, cercle)", "Betaalde kosten (personeel, huur, kosten, kring)", "Costs paid (staff, rent, costs, cercle)"], (i, c) => chg.xref("paid", c), (i) => K[i].costs);
  moneyRow(ctx, sh, "investments", ["Investissements payés (prix d'achat)", "Betaalde investeringen (aankoopprijs)", "Investments paid (purchase price)"], (i, c) => chg.xref("investments", c), (i) => K[i].investments);
  moneyRow(ctx, sh, "social", ["Cotisations sociales payées (provisoires et régularisations)", "Betaalde sociale bijdragen (voorlopig en regularisaties)", "Social contributions paid (provisional and regularisations)"], (i, c) => fis.xref("socPaid", c), (i) => K[i].social);
  moneyRow(ctx, sh, "tax", ["Impôt des personnes physiques payé", "Betaalde personenbelasting", "Personal income tax paid"], (i, c) => fis.xref("taxPaid", c), (i) => K[i].tax);
  moneyRow(ctx, sh, "outflows", ["Total des décaissements", "Totaal uitgaven", "Total payments"], (i, c) => ["costs", "investments", "social", "tax"].map((r) => sh.ref(r, c)).join("+"), (i) => K[i].outflows, "total");
  sh.blank();
  moneyRow(ctx, sh, "net", ["Trésorerie nette de l'année", "Netto thesaurie van het jaar", "Net cash of the year"], (i, c) => `${sh.ref("inflows", c)}-${sh.ref("outflows", c)}`, (i) => K[i].net, "total");
  const own = sh.rows.length + 1;
  yearRow(ctx, sh, "cumulative", L(["Trésorerie cumulée", "Gecumuleerde thesaurie", "Cumulative cash"]), (i, c) => ({ formula: i === 0 ? `=${sh.ref("net", c)}` : `=${ctx.col(i - 1)}$${own}+${sh.ref("net", c)}`, result: euroResult(K[i].cumulative) }), EUR, "total");
  sh.blank();
  moneyRow(ctx, sh, "statutSocial", ["Pour mémoire : avantage social (statut social) versé par l'INAMI à l'assureur — hors trésorerie", "Pro memorie: sociaal voordeel (sociaal statuut) door het RIZIV aan de verzekeraar gestort — buiten thesaurie", "For the record: social benefit paid by the INAMI to the insurer — not cash"], (i, c) => pri.xref("ss", c), (i) => ctx.sim.years[i].primes.statutSocial.amount);
  sh.note(L(["Honoraires encaissés l'année de l'acte (délais du tiers payant non modélisés). L'impôt et les régularisations de revenus antérieurs à la première année simulée ne sont pas compris.", "Erelonen geïnd in het jaar van de prestatie (termijnen derdebetaler niet gemodelleerd). Belasting en regularisaties van inkomsten vóór het eerste gesimuleerde jaar zijn niet inbegrepen.", "Fees collected in the year of the act (third-party payment delays not modelled). Tax and regularisations of income before the first simulated year are not included."]));
  return sh;
}
