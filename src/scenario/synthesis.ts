/**
 * The Synthèse sheet: the two views of each year side by side — the fiscal
 * year (receipts, deductible costs, social contributions paid, taxable
 * income, the year's income tax) and the cash year (receipts, payments, net
 * and cumulative cash) — what is left to pay or receive after the horizon,
 * and the statut social for the record (not income, not cash).
 */
import type { CellPlan, CellStyle, ChartPlan } from "../workbook/plan";
import type { SimYear } from "./simulate";
import { TIMED_PRIMES } from "./primes";
import { addFlagRow, EUR, euroResult, head, lab, Sheet, startYearSheet, yearRow, type PlanCtx, type Tr } from "./layout";

export interface SynthesisLine {
  id: string;
  t: Tr;
  get: (y: SimYear) => number;
  /** Sheet key and row id the line reads. */
  from: [string, string];
  style?: CellStyle;
  /** No total over the years (a stock, not a flow). */
  noTotal?: boolean;
}

/** The lines of the synthesis (also used by the comparison and the summaries). */
export const SYNTHESIS_LINES: SynthesisLine[] = [
  { id: "fees", t: ["Honoraires et forfait", "Erelonen en forfait", "Fees and capitation"], get: (y) => y.revenues.total, from: ["rev", "total"] },
  { id: "primes", t: ["Primes et subsides reçus", "Ontvangen premies en subsidies", "Grants and subsidies received"], get: (y) => y.receivedTotal, from: ["pri", "recvTotal"] },
  { id: "costs", t: ["Charges déductibles (y compris amortissements)", "Aftrekbare kosten (afschrijvingen inbegrepen)", "Deductible costs (depreciation included)"], get: (y) => y.costs.total, from: ["chg", "total"] },
  { id: "social", t: ["Cotisations sociales payées (déductibles)", "Betaalde sociale bijdragen (aftrekbaar)", "Social contributions paid (deductible)"], get: (y) => y.social.paid, from: ["fis", "socPaid"] },
  { id: "taxable", t: ["Revenu imposable au barème", "Belastbaar inkomen volgens tarief", "Income taxable at the scale"], get: (y) => y.tax.taxable, from: ["fis", "taxable"], style: "total" },
  { id: "tax", t: ["Impôt des revenus de l'année (IPP)", "Belasting op de inkomsten van het jaar (PB)", "Income tax on the year's income"], get: (y) => y.tax.total, from: ["fis", "taxTotal"] },
  { id: "regularisation", t: ["Régularisation des cotisations de l'année (payée plus tard)", "Regularisatie van de bijdragen van het jaar (later betaald)", "Regularisation of the year's contributions (paid later)"], get: (y) => y.social.regularisation, from: ["fis", "socReg"] },
  { id: "inflows", t: ["Trésorerie : encaissements", "Thesaurie: ontvangsten", "Cash: receipts"], get: (y) => y.cash.inflows, from: ["cash", "inflows"] },
  { id: "outflows", t: ["Trésorerie : décaissements (tout ce qui est payé)", "Thesaurie: uitgaven (alles wat betaald wordt)", "Cash: payments (everything paid)"], get: (y) => y.cash.outflows, from: ["cash", "outflows"] },
  { id: "taxPaid", t: ["dont impôt payé dans l'année", "waarvan belasting betaald in het jaar", "of which tax paid in the year"], get: (y) => y.taxPaid, from: ["fis", "taxPaid"] },
  { id: "net", t: ["Trésorerie nette de l'année", "Netto thesaurie van het jaar", "Net cash of the year"], get: (y) => y.cash.net, from: ["cash", "net"], style: "total" },
  { id: "cumulative", t: ["Trésorerie cumulée", "Gecumuleerde thesaurie", "Cumulative cash"], get: (y) => y.cash.cumulative, from: ["cash", "cumulative"], style: "total", noTotal: true },
  { id: "statutSocial", t: ["Pour mémoire : statut social (versé à l'assureur)", "Pro memorie: sociaal statuut (aan de verzekeraar)", "For the record: social benefit (paid to the insurer)"], get: (y) => y.primes.statutSocial.amount, from: ["pri", "ss"] },
];

export function synthesisSheet(ctx: PlanCtx, name: string, sheets: Record<string, Sheet>): { sheet: Sheet; chart: ChartPlan } {
  const { L } = ctx;
  const Y = ctx.sim.years;
  const sh = startYearSheet(ctx, "syn", name, ["Synthèse : année fiscale et trésorerie", "Overzicht: fiscaal jaar en thesaurie", "Summary: fiscal year and cash"]);
  sh.rows[sh.row("year")].push(head(L(["Total", "Totaal", "Total"])), head(L(["Après l'horizon", "Na de horizon", "After the horizon"])));
  const n = ctx.years.length;
  const after: Record<string, [number, string, string]> = {
    primes: [Object.values(ctx.sim.afterHorizon.primes).reduce((t, v) => t + v, 0), "pri", "recv_"],
    regularisation: [ctx.sim.afterHorizon.socialRegularisation, "fis", "socReg"],
    tax: [ctx.sim.afterHorizon.tax, "fis", "taxBalance"],
  };
  const lastCol = ctx.col(n);
  for (const line of SYNTHESIS_LINES) {
    const src = sheets[line.from[0]];
    if (line.id === "inflows") sh.add([lab(L(["Trésorerie (année civile)", "Thesaurie (kalenderjaar)", "Cash (calendar year)"]), "subtitle")]);
    if (line.id === "fees") sh.add([lab(L(["Année fiscale (revenus de l'année)", "Fiscaal jaar (inkomsten van het jaar)", "Fiscal year (the year's income)"]), "subtitle")]);
    yearRow(ctx, sh, line.id, L(line.t), (i, c) => ({ formula: `=${src.xref(line.from[1], c)}`, result: euroResult(line.get(Y[i])) }), EUR, line.style ?? "formula");
    const cells = sh.rows[sh.row(line.id)];
    const r = sh.row(line.id) + 1;
    cells.push(line.noTotal ? null : ({ formula: `=SUM(${ctx.col(0)}${r}:${ctx.col(n - 1)}${r})`, result: euroResult(Y.reduce((t, y) => t + line.get(y), 0)), format: EUR, style: "total" } as CellPlan));
    const a = after[line.id];
    if (a) {
      const [value, key, row] = a;
      const ref = line.id === "primes" ? TIMED_PRIMES.map((p) => sheets.pri.xref(`${row}${p}`, lastCol)).join("+") : sheets[key].xref(row, lastCol);
      cells.push({ formula: `=${ref}`, result: euroResult(value), format: EUR, style: "formula" });
    }
  }
  addFlagRow(
    ctx,
    sh,
    (i) => Y[i].extrapolated,
    (i) => Y[i].unknown.map((u) => u.param),
  );
  sh.blank();
  sh.note(L([
        "Année fiscale : ce qui est reçu et payé dans l'année (honoraires, primes à leur date de versement, charges, cotisations payées) ; impôt des revenus de l'année, payé l'année suivante (Impôt et cotisations). Trésorerie : argent reçu et payé dans l'année civile. « Après l'horizon » : acquis dans la période, reçu ou payé ensuite.",
        "Fiscaal jaar: wat in het jaar ontvangen en betaald wordt (erelonen, premies op hun stortingsdatum, kosten, betaalde bijdragen); belasting op de inkomsten van het jaar, het volgende jaar betaald. Thesaurie: geld ontvangen en betaald in het kalenderjaar. « Na de horizon »: verworven in de periode, later ontvangen of betaald.",
        "Fiscal year: what is received and paid in the year (fees, grants at their payment date, costs, contributions paid); the tax on the year's income, paid the next year. Cash: money received and paid in the calendar year. \"After the horizon\": accrued in the period, received or paid later.",
      ]));
  const chart: ChartPlan = {
    kind: "columnClustered",
    title: L(["Recettes, cotisations et impôt payés, trésorerie nette par année", "Ontvangsten, betaalde bijdragen en belasting, netto thesaurie per jaar", "Receipts, contributions and tax paid, net cash per year"]),
    categories: `${ctx.col(0)}${sh.row("year") + 1}:${ctx.col(n - 1)}${sh.row("year") + 1}`,
    series: ["fees", "primes", "social", "taxPaid", "net"].map((id) => ({ name: `A${sh.row(id) + 1}`, values: `${ctx.col(0)}${sh.row(id) + 1}:${ctx.col(n - 1)}${sh.row(id) + 1}` })),
    anchor: `A${sh.rows.length + 2}`,
  };
  return { sheet: sh, chart };
}
