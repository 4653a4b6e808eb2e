/**
 * Costs: staff (telesecretariat, employee), rent, other costs, cercle dues,
 * depreciation of investments — the yearly computation and the Charges
 * sheet's formulas side by side.
 *
 * Fiscal view: every cost is deducted in the year it is paid, an investment
 * through its straight-line depreciation (the last year takes the rounding
 * remainder). Cash view: costs paid, and each investment's purchase price in
 * its purchase year. Rent and other costs are prorated by the days of
 * practice; in a regroupement/groupe, staff costs are the practice's, shared
 * by its GPs (this GP bears 1/n).
 */
import { divRound, eurosToCents, mulFraction } from "../money";
import { yearOf } from "../dates";
import type { Investment } from "./schema";
import type { Model, Money } from "./model";
import { countRow, EUR, H, moneyRow, monthsFromF, P, startYearSheet, yearRow, euroResult, type PlanCtx, type Sheet } from "./layout";

export interface StaffCost {
  /** Complete months of use this year (≤ months of practice). */
  months: number;
  /** Cost borne this year by the practice. */
  cost: Money;
  /** This GP's share of the cost. */
  share: Money;
}

export interface CostYear {
  /** Complete months of practice in the year. */
  activeMonths: number;
  telesecretariat: StaffCost;
  employee: StaffCost;
  rent: Money;
  other: Money;
  cercle: Money;
  depreciation: Money;
  /** Deductible costs of the year (fiscal view): staff shares, rent, other, cercle, depreciation. */
  total: Money;
  /** Costs paid in the year (cash view): the same without depreciation. */
  paid: Money;
  /** Purchase prices of the investments bought this year (cash view). */
  investments: Money;
}

/** Complete months of the year `year` counted from `date`: 12 if before the year, 0 after, else complete months (the month of `date` counts if it starts on the 1st). */
export function monthsFrom(date: number, year: number): number {
  const y = yearOf(date);
  if (y < year) return 12;
  if (y > year) return 0;
  const d = new Date(Date.UTC(1899, 11, 30 + date));
  return 12 - (d.getUTCMonth() + 1) + (d.getUTCDate() === 1 ? 1 : 0);
}

/** Depreciation of one investment in `year` (straight line, remainder in the last year). */
export function depreciation(amount: number, from: number, years: number, year: number): number {
  if (year < from || year >= from + years) return 0;
  const yearly = divRound(amount, years);
  return year === from + years - 1 ? amount - yearly * (years - 1) : yearly;
}

export function computeCosts(m: Model, i: number, activeDays: number, daysInYear: number): CostYear {
  const { s } = m;
  const year = m.years[i];
  const activeMonths = monthsFrom(m.d.installation, year);
  const staff = (line: { months: number; yearlyCost: number }): StaffCost => {
    const months = Math.min(line.months, activeMonths);
    const cost = line.months === 0 ? 0 : mulFraction(eurosToCents(line.yearlyCost), months, line.months);
    return { months, cost, share: divRound(cost, m.gps) };
  };
  const telesecretariat = staff(s.staff.telesecretariat);
  const employee = staff(s.staff.employee);
  const prorata = (euros: number) => mulFraction(eurosToCents(euros), activeDays, daysInYear);
  let cercle = 0;
  if (activeDays > 0 && s.costs.cercle === "famgb") cercle = m.v(i, "cercle.cotisation.directe");
  else if (activeDays > 0 && s.costs.cercle === "association") cercle = m.v(i, "cercle.cotisation.association") + eurosToCents(s.costs.associationFee);
  const dep = s.investments.reduce((t, inv) => t + depreciation(eurosToCents(inv.amount), inv.year, inv.years, year), 0);
  const rent = prorata(s.costs.rent);
  const other = prorata(s.costs.other);
  const paid = telesecretariat.share + employee.share + rent + other + cercle;
  return {
    activeMonths,
    telesecretariat,
    employee,
    rent,
    other,
    cercle,
    depreciation: dep,
    total: paid + dep,
    paid,
    investments: s.investments.filter((inv) => inv.year === year).reduce((t, inv) => t + eurosToCents(inv.amount), 0),
  };
}

/** The Charges sheet. */
export function costSheet(ctx: PlanCtx, name: string, rev: Sheet): Sheet {
  const { L } = ctx;
  const C = ctx.sim.years.map((y) => y.costs);
  const sh = startYearSheet(ctx, "chg", name, ["Charges", "Kosten", "Costs"], (i) => ctx.sim.years[i].extrapolated.filter((e) => e.startsWith("cercle.")));
  const gps = H(ctx, "gps");
  countRow(ctx, sh, "activeMonths", ["Mois complets d'activité", "Volledige activiteitsmaanden", "Complete months of practice"], (i, c, yr) => monthsFromF(H(ctx, "installation"), yr), (i) => C[i].activeMonths);
  const staff = (p: "tele" | "emp", key: "telesecretariat" | "employee", t: [string, string, string]) => {
    sh.add([{ value: L(t), style: "subtitle" }]);
    const months = H(ctx, `${p}Months`);
    const cost = H(ctx, `${p}Cost`);
    countRow(ctx, sh, `${p}Months`, ["Mois d'utilisation cette année", "Maanden gebruik dit jaar", "Months of use this year"], (i, c) => `MIN(${months},${sh.ref("activeMonths", c)})`, (i) => C[i][key].months);
    moneyRow(ctx, sh, `${p}Cost`, ["Coût pour le cabinet", "Kost voor de praktijk", "Cost for the practice"], (i, c) => `IF(${months}=0,0,ROUND(${cost}*${sh.ref(`${p}Months`, c)}/${months},2))`, (i) => C[i][key].cost);
  };
  staff("tele", "telesecretariat", ["Télésecrétariat", "Telesecretariaat", "Telesecretariat"]);
  staff("emp", "employee", ["Employé", "Werknemer", "Employee"]);
  sh.add([{ value: L(["Charges du médecin (payées dans l'année)", "Kosten van de arts (betaald in het jaar)", "The GP's costs (paid in the year)"]), style: "subtitle" }]);
  const days = (c: string) => `${rev.xref("activeDays", c)}/${rev.xref("daysInYear", c)}`;
  moneyRow(ctx, sh, "tele", ["Télésecrétariat (part du médecin)", "Telesecretariaat (deel van de arts)", "Telesecretariat (the GP's share)"], (i, c) => `ROUND(${sh.ref("teleCost", c)}/${gps},2)`, (i) => C[i].telesecretariat.share);
  moneyRow(ctx, sh, "emp", ["Personnel salarié (part du médecin)", "Loonkosten (deel van de arts)", "Salary costs (the GP's share)"], (i, c) => `ROUND(${sh.ref("empCost", c)}/${gps},2)`, (i) => C[i].employee.share);
  moneyRow(ctx, sh, "rent", ["Loyer (prorata des jours d'activité)", "Huur (pro rata activiteitsdagen)", "Rent (prorated by days of practice)"], (i, c) => `ROUND(${H(ctx, "rent")}*${days(c)},2)`, (i) => C[i].rent);
  moneyRow(ctx, sh, "other", ["Autres frais (prorata des jours d'activité)", "Andere kosten (pro rata activiteitsdagen)", "Other costs (prorated by days of practice)"], (i, c) => `ROUND(${H(ctx, "other")}*${days(c)},2)`, (i) => C[i].other);
  const cercle = H(ctx, "cercle");
  moneyRow(
    ctx,
    sh,
    "cercle",
    ["Cotisation au cercle", "Bijdrage huisartsenkring", "Cercle dues"],
    (i, c) => `IF(${rev.xref("activeDays", c)}>0,IF(${cercle}="famgb",${P(ctx, "cercle.cotisation.directe", i)},IF(${cercle}="association",${P(ctx, "cercle.cotisation.association", i)}+${H(ctx, "associationFee")},0)),0)`,
    (i) => C[i].cercle,
  );
  moneyRow(ctx, sh, "paid", ["Charges payées dans l'année (hors investissements)", "In het jaar betaalde kosten (zonder investeringen)", "Costs paid in the year (investments apart)"], (i, c) => ["tele", "emp", "rent", "other", "cercle"].map((r) => sh.ref(r, c)).join("+"), (i) => C[i].paid, "total");
  sh.add([{ value: L(["Investissements", "Investeringen", "Investments"]), style: "subtitle" }]);
  const invRows: string[] = [];
  const buyRows: string[] = [];
  ctx.s.investments.forEach((inv: Investment, n) => {
    const [amount, year, life] = ["B", "C", "D"].map((col) => ctx.hyp.xref(`inv${n}`, col, true));
    yearRow(
      ctx,
      sh,
      `dep${n}`,
      `${L(["Amortissement", "Afschrijving", "Depreciation"])} : ${inv.label}`,
      (i, c, yr) => ({
        formula: `=IF(AND(${yr}>=${year},${yr}<${year}+${life}),IF(${yr}=${year}+${life}-1,${amount}-ROUND(${amount}/${life},2)*(${life}-1),ROUND(${amount}/${life},2)),0)`,
        result: euroResult(depreciation(eurosToCents(inv.amount), inv.year, inv.years, ctx.years[i])),
      }),
      EUR,
      "formula",
      L(["Linéaire ; la dernière année reprend l'arrondi.", "Lineair; het laatste jaar neemt de afronding op.", "Straight line; the last year takes the rounding remainder."]),
    );
    yearRow(ctx, sh, `buy${n}`, `${L(["Achat (prix payé)", "Aankoop (betaalde prijs)", "Purchase (price paid)"])} : ${inv.label}`, (i, c, yr) => ({ formula: `=IF(${yr}=${year},${amount},0)`, result: euroResult(inv.year === ctx.years[i] ? eurosToCents(inv.amount) : 0) }), EUR);
    invRows.push(`dep${n}`);
    buyRows.push(`buy${n}`);
  });
  moneyRow(ctx, sh, "depreciation", ["Amortissements (charge fiscale)", "Afschrijvingen (fiscale kost)", "Depreciation (tax-deductible)"], (i, c) => (invRows.length ? invRows.map((r) => sh.ref(r, c)).join("+") : "0"), (i) => C[i].depreciation);
  moneyRow(ctx, sh, "investments", ["Investissements payés (trésorerie)", "Betaalde investeringen (thesaurie)", "Investments paid (cash)"], (i, c) => (buyRows.length ? buyRows.map((r) => sh.ref(r, c)).join("+") : "0"), (i) => C[i].investments);
  moneyRow(ctx, sh, "total", ["Total des charges déductibles (hors cotisations sociales)", "Totaal aftrekbare kosten (zonder sociale bijdragen)", "Total deductible costs (social contributions apart)"], (i, c) => `${sh.ref("paid", c)}+${sh.ref("depreciation", c)}`, (i) => C[i].total, "total");
  return sh;
}
