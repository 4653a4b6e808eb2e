/**
 * The yearly core computation of a scenario: the values every formula cell of
 * the workbook must show (CellPlan.result). Amounts are integer cents,
 * rounded once per step, half away from zero, exactly where the sheet's
 * formulas use ROUND(…; 2).
 *
 * The legal rules are NOT re-implemented here: each amount comes from its
 * rule in src/rules (R1 fee/stageTariff, R4 accreditationForfait,
 * R5 statutSocial, R6 primeIntegree, R7 dmgDebutant, R8 installationSubsidy,
 * R9 impulseoRefund, R10 continuiteSoins/gestionCabinet), called for the simulated year when its figures are
 * published, or for the reference year of the last published figures when
 * the year is extrapolated (see year-params.ts); the indexation hypothesis
 * is then applied to the published amount. Two rules combine a figure with
 * an input before rounding (R1 75 % of the indexed fee; R9 cap × GPs ×
 * months / 12): with a non-zero index, their extrapolated years use the
 * same arithmetic on the indexed figure (with 0 %, the rule's own value).
 *
 * Modelling choices where the seeds are silent (shown in the sheets' notes):
 * - Activity: acts of a full year = per week × weeks worked; a year is
 *   prorated by its days of practice (from the installation date) and split
 *   at the agrément date (acts before it are billed at 75 %, R1). Each count
 *   is rounded to a whole act. Accredited consultations = share × count.
 * - Revenues are the full fee (patient's ticket + AMI share): the GP's gross
 *   fees. Years are accrual years (a prime is counted in the year it is
 *   for, not the year it is paid).
 * - Staff: the yearly cost is for the months of use; the first year counts
 *   only the complete months from the installation. Impulseo II and III are
 *   not cumulable for the same period: salary months are claimed first, the
 *   telesecretariat for the remaining months (a 6 + 6 split is possible).
 *   Claimed months are also limited to the complete months after agrément.
 *   In a regroupement/groupe, staff costs are those of the practice, shared
 *   by its GPs: the cap is per GP (× GPs) and this GP bears 1/n of the costs
 *   and receives 1/n of the intervention.
 * - Statut social: counted for years the GP is agréé on 1 January and
 *   active the whole year; the year of the agrément (prorata, GP in training
 *   amount) is not counted.
 * - Accreditation: the yearly flat fee is counted in full for each year the
 *   accreditation is in force on 31 December.
 * - Installation subsidy (young GP): only if the scenario says the quarter
 *   is en pénurie; amount min(cap, budget) in the year of installation.
 * - From gross to net (R14): social contributions on the year's result
 *   (rule socialContributions; fund fees not included), per quarter of
 *   activity from the installation quarter; a starter (installation year +
 *   the following full calendar years of the parameter) pays the provisional
 *   contribution on the minimum income (the later regularisation is not
 *   simulated). Taxable base = result − contributions − Impulseo II/III
 *   (rule taxableBase; costs are already in the charges); income tax by the
 *   rule incomeTax (single, no dependants; communal rate from the scenario;
 *   Impulseo II/III at the separate rate, R9). Net = result − contributions
 *   − tax. Years without a published tax or contribution scale use the last
 *   published one, NOT indexed (year-params NOT_INDEXED_PREFIXES), so the
 *   rule itself gives the amount.
 * - Rent and other costs are prorated by the days of practice; cercle dues
 *   are yearly; investments are depreciated straight-line over their years
 *   (the last year takes the rounding remainder).
 */
import { endOfYear, serialFromIso, startOfYear, yearOf, addMonths, addYears, type Serial } from "../dates";
import { divRound, mulFraction, mulRate, eurosToCents, rateFromDecimal, type Cents } from "../money";
import { fee, stageTariff } from "../rules/stage-tariff";
import { primeIntegree, type PracticeStatus } from "../rules/prime-integree";
import { impulseoRefund } from "../rules/impulseo";
import { dmgDebutant } from "../rules/dmg-debutant";
import { accreditationForfait } from "../rules/accreditation";
import { statutSocial } from "../rules/statut-social";
import { installationSubsidy } from "../rules/installation";
import { calendarParam } from "../rules/eligibility";
import { continuiteSoins, gestionCabinet } from "../rules/soutien-cabinet";
import { incomeTax, taxableBase } from "../rules/ipp";
import { socialContributions } from "../rules/social-contributions";
import { activityOf, yearsOf, type Scenario } from "./schema";
import { indexCents, versionFor, yearValue } from "./year-params";

export const FEE_CODES = ["101076", "101032", "103132"] as const;

/** Months of the year `year` counted from `date`: 12 if before the year, 0 after, else complete months (the month of `date` counts if it starts on the 1st). */
export function monthsFrom(date: Serial, year: number): number {
  const y = yearOf(date);
  if (y < year) return 12;
  if (y > year) return 0;
  const d = new Date(Date.UTC(1899, 11, 30 + date));
  return 12 - (d.getUTCMonth() + 1) + (d.getUTCDate() === 1 ? 1 : 0);
}

export interface Acts {
  accredited: number;
  notAccredited: number;
  visits: number;
}

export interface StaffYear {
  /** Complete months of use this year (≤ months of practice). */
  months: number;
  /** Cost borne this year by the practice (cents). */
  cost: Cents;
  /** Months claimed for Impulseo (non-cumul II/III, after agrément). */
  claimedMonths: number;
  /** Cost basis of the claimed months (cents). */
  claimedCost: Cents;
  /** Intervention for the practice (all its GPs). */
  refundPractice: Cents;
  /** This GP's share (1/n). */
  refund: Cents;
  /** This GP's share of the cost. */
  costShare: Cents;
}

export interface SimYear {
  year: number;
  index: number;
  /** Extrapolated legal figures used this year: "id (réf. 2025)". */
  extrapolated: string[];
  daysInYear: number;
  activeDays: number;
  daysBefore: number;
  daysAfter: number;
  activeMonths: number;
  eligibleMonths: number;
  before: Acts;
  after: Acts;
  fees: Record<(typeof FEE_CODES)[number], Cents>;
  tariffs75: Record<(typeof FEE_CODES)[number], Cents>;
  revenueBefore: Cents;
  revenueAfter: Cents;
  revenue: Cents;
  tickets: Record<(typeof FEE_CODES)[number], Cents>;
  /** Patients' share (ticket modérateur) of the year's acts. */
  ticketsTotal: Cents;
  /** Reimbursements by the insurance (AMI): fees − patients' share. */
  reimbursements: Cents;
  ppi: { status: PracticeStatus; active: boolean; software: boolean; criteria: number; firstThreshold: number; reached: boolean; amount: Cents };
  dmg: { numberYear: boolean; fromFirstYear: boolean; ppiObtained: boolean; acte: boolean; electronic: boolean; amount: Cents };
  employee: StaffYear;
  telesecretariat: StaffYear;
  impulseoAgree: boolean;
  accreditation: { inForce: boolean; amount: Cents };
  statutSocial: { conventioned: boolean; agreeAllYear: boolean; activeAllYear: boolean; amount: Cents };
  installation: { installationYear: boolean; inForce: boolean; penurie: boolean; young: boolean; amount: Cents };
  support: {
    contract: boolean;
    hours: boolean;
    exempt: boolean;
    dmi: boolean;
    reimbursements: boolean;
    continuiteWindow: boolean;
    first: boolean;
    continuite: Cents;
    gestionContract: boolean;
    noContinuite: boolean;
    gestion: Cents;
  };
  primes: Cents;
  charges: {
    telesecretariat: Cents;
    employee: Cents;
    rent: Cents;
    other: Cents;
    cercle: Cents;
    depreciation: Cents;
    total: Cents;
  };
  result: Cents;
  /** R14 social contributions of the year (self-employed, main activity), fund fees not included. */
  social: {
    /** Quarters of activity in the year (from the installation quarter). */
    quarters: number;
    /** Year of the starting period (1 = year of installation), 0 before the installation. */
    starterYear: number;
    starter: boolean;
    /** Quarterly contribution: provisional on the minimum income for a starter, else definitive on the result. */
    quarterly: Cents;
    amount: Cents;
  };
  /** R14 income tax of the year (income year; exercice = year + 1). */
  tax: {
    /** Impulseo II/III (the GP's share): taxed at the separate rate, out of the progressive base. */
    separateIncome: Cents;
    taxable: Cents;
    onIncome: Cents;
    taxFreeAmount: Cents;
    reduction: Cents;
    federal: Cents;
    communal: Cents;
    separate: Cents;
    total: Cents;
  };
  /** Net disposable income: result − social contributions − income tax. */
  net: Cents;
}

export interface Simulation {
  scenario: Scenario;
  years: SimYear[];
  totals: { revenue: Cents; primes: Cents; charges: Cents; result: Cents; social: Cents; tax: Cents; net: Cents };
}

/** A calendar parameter {month, day, yearOffset} of `year` as a date (DATE(year + offset; month; day) in the sheet). */
function calendarDate(year: number, id: string, idx: number, offset: number): Serial {
  const m = yearValue(`${id}.mois`, year, idx).value;
  const day = yearValue(`${id}.jour`, year, idx).value;
  return serialFromIso(`${year + offset}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
}

/** Scenario dates as serials. */
export function scenarioDates(s: Scenario) {
  return {
    endOfTraining: serialFromIso(s.dates.endOfTraining),
    agrement: serialFromIso(s.dates.agrement),
    inamiNumber: serialFromIso(s.dates.inamiNumber),
    installation: serialFromIso(s.dates.installation),
    accreditationFrom: s.accreditation.accredited && s.accreditation.from ? serialFromIso(s.accreditation.from) : null,
  };
}

/** Depreciation of one investment in `year` (straight line, remainder in the last year). */
export function depreciation(amount: Cents, from: number, years: number, year: number): Cents {
  if (year < from || year >= from + years) return 0;
  const yearly = divRound(amount, years);
  return year === from + years - 1 ? amount - yearly * (years - 1) : yearly;
}

export function simulate(s: Scenario): Simulation {
  const d = scenarioDates(s);
  const idx = s.extrapolation.indexPercent;
  const gps = s.practice.gps;
  const years = yearsOf(s).map((year, i): SimYear => {
    const extrapolated = new Set<string>();
    /** The year to ask a rule for, given its main parameter; records extrapolation. */
    const ruleYear = (paramId: string): { year: number; n: number } => {
      const v = versionFor(paramId, year);
      if (!v.published) extrapolated.add(`${paramId} (${v.refYear})`);
      return { year: v.refYear, n: year - v.refYear };
    };
    const indexed = (cents: Cents, n: number) => indexCents(cents, idx, n);

    const yS = startOfYear(year);
    const yE = endOfYear(year);
    const daysInYear = yE - yS + 1;
    const activeDays = Math.max(0, yE - Math.max(yS, d.installation) + 1);
    const daysBefore = Math.max(0, Math.min(yE, d.agrement - 1) - Math.max(yS, d.installation) + 1);
    const daysAfter = activeDays - daysBefore;
    const a = activityOf(s, i);
    const count = (perWeek: number, days: number) => divRound(perWeek * a.weeksWorked * days, daysInYear);
    const acts = (days: number): Acts => {
      const cons = count(a.consultationsPerWeek, days);
      const accredited = divRound(cons * a.accreditedSharePercent, 100);
      return { accredited, notAccredited: cons - accredited, visits: count(a.visitsPerWeek, days) };
    };
    const before = acts(daysBefore);
    const after = acts(daysAfter);

    // R1: fees and the 75 % tariff (fee and stageTariff rules, at a date of the reference year).
    const fees = {} as SimYear["fees"];
    const tariffs75 = {} as SimYear["tariffs75"];
    for (const code of FEE_CODES) {
      const ry = ruleYear(`honoraire.${code}`);
      const at = endOfYear(ry.year);
      fees[code] = indexed(fee(code, at).value, ry.n);
      if (ry.n === 0 || idx === 0) tariffs75[code] = stageTariff(code, at).value;
      else tariffs75[code] = mulRate(fees[code], yearValue("stage.taux", year, idx).rate!);
    }
    const revenueOf = (x: Acts, t: Record<string, Cents>) => x.accredited * t["101076"] + x.notAccredited * t["101032"] + x.visits * t["103132"];
    const revenueBefore = revenueOf(before, tariffs75);
    const revenueAfter = revenueOf(after, fees);
    const revenue = revenueBefore + revenueAfter;
    // Patients' share: the ticket modérateur of each act (R1 rule, part "ticket"), the same before and after agrément.
    const tickets = {} as SimYear["tickets"];
    for (const code of FEE_CODES) {
      const ry = ruleYear(`ticket.${code}`);
      tickets[code] = indexed(stageTariff(code, endOfYear(ry.year), "ticket").value, ry.n);
    }
    const ticketsTotal =
      (before.accredited + after.accredited) * tickets["101076"] + (before.notAccredited + after.notAccredited) * tickets["101032"] + (before.visits + after.visits) * tickets["103132"];
    const reimbursements = revenue - ticketsTotal;

    // R6: prime de pratique intégrée of the year.
    const status: PracticeStatus = d.agrement <= yE ? (s.practice.type === "maison-medicale" ? "forfait" : "acte") : "formation";
    const active = activeDays > 0;
    const ppiYear = ruleYear(status === "formation" ? "ppi.montant.formation" : "ppi.montant.base");
    const ppiTable = yearValue(`ppi.criteres.${status === "forfait" ? "forfait" : "acte"}.seuil1`, year, idx);
    const ppiAmount = active ? indexed(primeIntegree(ppiYear.year, status, a.eServicesCriteria, a.acceptedSoftware).value, ppiYear.n) : 0;
    const ppi = {
      status,
      active,
      software: a.acceptedSoftware,
      criteria: a.eServicesCriteria,
      firstThreshold: ppiTable.value,
      reached: a.eServicesCriteria >= ppiTable.value,
      amount: ppiAmount,
    };

    // R7: prime DMG débutant, the year the GP number (003/004) was obtained.
    const numberYear = yearOf(d.inamiNumber) === year;
    const firstYearParam = yearValue("dmg-debutant.premiere-annee", year, idx).value;
    const dmgInfo = {
      numberYear,
      fromFirstYear: yearOf(d.inamiNumber) >= firstYearParam,
      ppiObtained: ppiAmount > 0,
      acte: s.practice.type !== "maison-medicale",
      electronic: a.acceptedSoftware,
      amount: 0,
    };
    if (numberYear) {
      const ry = ruleYear("dmg-debutant.montant");
      // forfaitDays: 0 for a GP à l'acte; a maison médicale au forfait is on forfait the whole window (exclusion).
      const w0 = calendarParam("dmg-debutant.forfait.periode-debut", ry.year).date;
      const w1 = calendarParam("dmg-debutant.forfait.periode-fin", ry.year).date;
      const r = dmgDebutant({ numberYear: ry.year, ppiObtained: dmgInfo.ppiObtained, electronicDmg: dmgInfo.electronic, forfaitDays: dmgInfo.acte ? 0 : w1 - w0 + 1 });
      dmgInfo.amount = dmgInfo.fromFirstYear ? indexed(r.value, ry.n) : 0;
    }

    // R9: Impulseo II (employee) then III (telesecretariat) for the remaining months.
    const activeMonths = monthsFrom(d.installation, year);
    const eligibleMonths = Math.min(activeMonths, monthsFrom(d.agrement, year));
    const impulseoAgree = d.agrement <= yE;
    const staff = (line: { months: number; yearlyCost: number }, claimable: number, kind: "salaire" | "telesecretariat"): StaffYear => {
      const months = Math.min(line.months, activeMonths);
      const yearly = eurosToCents(line.yearlyCost);
      const cost = line.months === 0 ? 0 : mulFraction(yearly, months, line.months);
      const claimedMonths = Math.min(months, Math.max(0, claimable));
      const claimedCost = months === 0 ? 0 : mulFraction(cost, claimedMonths, months);
      let refundPractice = 0;
      if (claimedMonths > 0) {
        const capId = `impulseo.plafond.${kind}`;
        const ry = ruleYear(capId);
        if (ry.n === 0 || idx === 0) {
          refundPractice = impulseoRefund({ kind, year: ry.year, costs: claimedCost, months: claimedMonths, gps }).value;
        } else {
          const rate = yearValue("impulseo.taux", year, idx).rate!;
          const cap = yearValue(capId, year, idx).value;
          refundPractice = Math.min(mulRate(claimedCost, rate), mulFraction(cap * gps, claimedMonths, 12));
        }
      }
      return { months, cost, claimedMonths, claimedCost, refundPractice, refund: divRound(refundPractice, gps), costShare: divRound(cost, gps) };
    };
    const employee = staff(s.staff.employee, eligibleMonths, "salaire");
    const telesecretariat = staff(s.staff.telesecretariat, eligibleMonths - employee.claimedMonths, "telesecretariat");

    // R4: accreditation flat fee.
    const accInForce = d.accreditationFrom !== null && d.accreditationFrom <= yE;
    let accAmount = 0;
    if (accInForce) {
      const ry = ruleYear("accreditation.forfait");
      accAmount = indexed(accreditationForfait(ry.year).value, ry.n);
    }

    // R5: statut social.
    const conventioned = s.conventionnement !== "aucun";
    const agreeAllYear = d.agrement <= yS;
    const activeAllYear = activeDays === daysInYear;
    let ssAmount = 0;
    if (conventioned && agreeAllYear && activeAllYear) {
      const ry = ruleYear(`statut-social.${s.conventionnement === "total" ? "conventionne" : "partiel"}`);
      ssAmount = indexed(statutSocial(ry.year, s.conventionnement === "total" ? "conventionne" : "partiel").value, ry.n);
    }

    // R8: installation subsidy (young GP), the year of installation.
    const installationYear = yearOf(d.installation) === year;
    const youngLimit = addMonths(d.agrement, yearValue("installation.jeune.agrement-max", year, idx).value);
    // The scheme exists from the version start of its cap (arrêté COCOM 19/12/2024, in force 14/01/2025).
    const capVersion = versionFor("installation.jeune.plafond", year);
    const inst = {
      installationYear,
      inForce: capVersion.published ? d.installation >= capVersion.version.from : true,
      penurie: s.quartier.penurie,
      young: d.installation >= d.agrement && d.installation <= youngLimit,
      amount: 0,
    };
    if (installationYear && inst.inForce) {
      inst.amount = installationSubsidy({
        kind: "jeune",
        budget: eurosToCents(s.installationBudget),
        penurie: s.quartier.penurie,
        agrement: d.agrement,
        installation: d.installation,
        request: null,
        fallbackDate: d.installation,
      }).value;
    }

    // R10: continuité des soins (once, contract taking effect from 1/9 of the year before to 31/8)
    // or gestion de cabinet (yearly), not both the same year; only with an employee whose contract
    // date and hours are given. DMI are taken as the DMG managed; reimbursements = AMI share of fees.
    // An extrapolated year asks the rule of the last published year with the contract date shifted
    // by the same number of years (same windows, published amounts), then indexes the amount.
    const e = s.staff.employee;
    const cs = e.contractStart ? serialFromIso(e.contractStart) : null;
    const hours = e.hoursPerWeek ?? null;
    const contract = e.months > 0 && cs !== null && hours !== null;
    const hoursMin = yearValue("soutien.heures-min", year, idx).value;
    const exempt = s.practice.type === "solo" && d.inamiNumber > addMonths(yS, -12 * yearValue("soutien.exemption.annees", year, idx).value);
    const cWindow = [yearValue("continuite.contrat.debut.decalage", year, idx).value, yearValue("continuite.contrat.fin.decalage", year, idx).value];
    const wFrom = calendarDate(year, "continuite.contrat.debut", idx, cWindow[0]);
    const wTo = calendarDate(year, "continuite.contrat.fin", idx, cWindow[1]);
    const support = {
      contract,
      hours: hours !== null && hours >= hoursMin,
      exempt,
      dmi: exempt || a.dmgCount >= yearValue("soutien.dmi-min", year, idx).value,
      reimbursements: exempt || reimbursements >= yearValue("soutien.remboursements-min", year, idx).value,
      continuiteWindow: cs !== null && cs >= wFrom && cs <= wTo,
      first: e.firstContract,
      continuite: 0,
      gestionContract: cs !== null && cs <= yE,
      noContinuite: true,
      gestion: 0,
    };
    if (contract) {
      const common = { dmi: a.dmgCount, reimbursements, young: exempt, hours };
      const rc = ruleYear("continuite.montant.min");
      support.continuite = indexed(continuiteSoins({ ...common, year: rc.year, contractStart: addYears(cs, -rc.n), otherSupport: null, first: e.firstContract, bound: "min" }).value, rc.n);
      support.noContinuite = support.continuite === 0;
      const rg = ruleYear("gestion.montant.min");
      support.gestion = indexed(gestionCabinet({ ...common, year: rg.year, contractStart: addYears(cs, -rg.n), otherSupport: support.noContinuite ? null : true }).value, rg.n);
    }

    const primes = ppi.amount + dmgInfo.amount + employee.refund + telesecretariat.refund + accAmount + ssAmount + inst.amount + support.continuite + support.gestion;

    // Charges.
    const prorata = (euros: number) => mulFraction(eurosToCents(euros), activeDays, daysInYear);
    let cercle = 0;
    // R13: cercle dues (a yearly figure, no rule function: the parameter of the year, published or extrapolated).
    if (active && s.costs.cercle === "famgb") {
      ruleYear("cercle.cotisation.directe");
      cercle = yearValue("cercle.cotisation.directe", year, idx).value;
    } else if (active && s.costs.cercle === "association") {
      ruleYear("cercle.cotisation.association");
      cercle = yearValue("cercle.cotisation.association", year, idx).value + eurosToCents(s.costs.associationFee);
    }
    const dep = s.investments.reduce((sum, inv) => sum + depreciation(eurosToCents(inv.amount), inv.year, inv.years, year), 0);
    const charges = {
      telesecretariat: telesecretariat.costShare,
      employee: employee.costShare,
      rent: prorata(s.costs.rent),
      other: prorata(s.costs.other),
      cercle,
      depreciation: dep,
      total: 0,
    };
    charges.total = charges.telesecretariat + charges.employee + charges.rent + charges.other + charges.cercle + charges.depreciation;

    const result = revenue + primes - charges.total;

    // R14 social contributions (rule socialContributions at the year of its last published figures; never indexed, see year-params).
    const instYear = yearOf(d.installation);
    const quarters = instYear < year ? 4 : instYear > year ? 0 : 4 - Math.floor((new Date(Date.UTC(1899, 11, 30 + d.installation)).getUTCMonth()) / 3);
    const starterYear = year >= instYear ? year - instYear + 1 : 0;
    const rs = ruleYear("cotisations.plafond.1");
    ruleYear("cotisations.plafond.2");
    ruleYear("cotisations.revenu-minimum");
    const maxStarter = yearValue("cotisations.debut.annees-completes", year, idx).value + 1;
    const starter = starterYear >= 1 && starterYear <= maxStarter;
    let socialQuarterly = 0;
    if (quarters > 0) {
      socialQuarterly = socialContributions({ income: Math.max(0, result), year: rs.year, starter: starter ? starterYear : 0 }).value.due.quarterly;
    }
    const social = { quarters, starterYear, starter, quarterly: socialQuarterly, amount: socialQuarterly * quarters };

    // R14 income tax: taxable base (rule taxableBase) and tax (rule incomeTax), at the year of the last published scale.
    const separateIncome = employee.refund + telesecretariat.refund;
    const taxable = taxableBase({ professionalIncome: revenue + primes, deductibleCosts: charges.total, socialContributions: social.amount, separatelyTaxed: separateIncome }).value;
    const rt = ruleYear("ipp.bareme");
    ruleYear("ipp.quotite-exemptee.base");
    ruleYear("ipp.quotite-exemptee.bareme");
    const it = incomeTax({ taxableIncome: taxable, incomeYear: rt.year, communalRate: rateFromDecimal(`${s.tax.communalRatePercent}%`), separateIncome }).value;
    const tax = {
      separateIncome,
      taxable,
      onIncome: it.taxOnIncome,
      taxFreeAmount: it.taxFreeAmount,
      reduction: it.taxFreeReduction,
      federal: it.federal,
      communal: it.communal,
      separate: it.separate,
      total: it.total,
    };

    return {
      year,
      index: i,
      extrapolated: [...extrapolated].sort(),
      daysInYear,
      activeDays,
      daysBefore,
      daysAfter,
      activeMonths,
      eligibleMonths,
      before,
      after,
      fees,
      tariffs75,
      revenueBefore,
      revenueAfter,
      revenue,
      tickets,
      ticketsTotal,
      reimbursements,
      ppi,
      dmg: dmgInfo,
      employee,
      telesecretariat,
      impulseoAgree,
      accreditation: { inForce: accInForce, amount: accAmount },
      statutSocial: { conventioned, agreeAllYear, activeAllYear, amount: ssAmount },
      installation: inst,
      support,
      primes,
      charges,
      result,
      social,
      tax,
      net: result - social.amount - tax.total,
    };
  });
  const sum = (f: (y: SimYear) => Cents) => years.reduce((t, y) => t + f(y), 0);
  return {
    scenario: s,
    years,
    totals: {
      revenue: sum((y) => y.revenue),
      primes: sum((y) => y.primes),
      charges: sum((y) => y.charges.total),
      result: sum((y) => y.result),
      social: sum((y) => y.social.amount),
      tax: sum((y) => y.tax.total),
      net: sum((y) => y.net),
    },
  };
}
