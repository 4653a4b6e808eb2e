/**
 * Revenues: the acts of each year and the fees they bring (rule of
 * MG.HONORAIRE / MG.STAGE.TARIFF), or the forfait income of a GP in a
 * maison médicale au forfait — the yearly computation and the Revenus
 * sheet's formulas side by side.
 *
 * A year is prorated by its days of practice (from the installation) and
 * split into three periods: before the agrément (billed at 75 %, code 101032
 * for consultations: accreditation cannot start before the recognition),
 * after the agrément without accreditation (101032) and from the start of
 * the accreditation (101076, the start derived by the rule of
 * MG.ACCREDITATION.DATE). Each count is rounded to a whole act. Fees are
 * collected in the year of the act (tiers-payant delays are not modelled).
 */
import { endOfYear, startOfYear } from "../dates";
import { divRound, eurosToCents, mulFraction, mulRate } from "../money";
import { fee, stageTariff } from "../rules/stage-tariff";
import { activityOf } from "./schema";
import { indexCents } from "./year-params";
import type { Model, Money } from "./model";
import { countRow, EUR, H, HA, moneyRow, P, startYearSheet, yearRow, yEnd, yStart, euroResult, type PlanCtx, type Sheet, type Tr } from "./layout";

export const FEE_CODES = ["101076", "101032", "103132"] as const;
export type FeeCode = (typeof FEE_CODES)[number];

export interface RevenueYear {
  daysInYear: number;
  activeDays: number;
  /** Days before the agrément (75 % tariff). */
  daysBefore: number;
  /** Days from the accreditation start (accredited consultation fee). */
  daysAccredited: number;
  /** Days after the agrément without accreditation. */
  daysAfter: number;
  /** Maison médicale au forfait: no per-act fees. */
  forfaitPractice: boolean;
  consBefore: number;
  consAfter: number;
  consAccredited: number;
  visitsBefore: number;
  visitsAfter: number;
  fees: Record<FeeCode, Money>;
  tariffs75: Record<FeeCode, Money>;
  tickets: Record<FeeCode, Money>;
  feesBefore: Money;
  feesAfter: Money;
  /** Fees of the acts of the year (collected the same year). */
  actFees: Money;
  /** Forfait income of a GP in a maison médicale au forfait (hypothesis of the scenario). */
  forfaitIncome: Money;
  /** Fees + forfait income. */
  total: Money;
  ticketsTotal: Money;
  /** Reimbursements by the insurance (AMI): fees − patients' share. */
  reimbursements: Money;
}

export function computeRevenues(m: Model, i: number): RevenueYear {
  const { s, d } = m;
  const year = m.years[i];
  const yS = startOfYear(year);
  const yE = endOfYear(year);
  const daysInYear = yE - yS + 1;
  const from = Math.max(yS, d.installation);
  const activeDays = Math.max(0, yE - from + 1);
  const daysBefore = Math.max(0, Math.min(yE, d.agrement - 1) - from + 1);
  const daysAccredited = d.accreditationStart === null ? 0 : Math.max(0, yE - Math.max(from, d.accreditationStart) + 1);
  const daysAfter = activeDays - daysBefore - daysAccredited;
  const a = activityOf(s, i);
  const forfaitPractice = s.practice.type === "maison-medicale-forfait";
  const count = (perWeek: number, days: number) => divRound((forfaitPractice ? 0 : perWeek) * a.weeksWorked * days, daysInYear);
  const consBefore = count(a.consultationsPerWeek, daysBefore);
  const consAfter = count(a.consultationsPerWeek, daysAfter);
  const consAccredited = count(a.consultationsPerWeek, daysAccredited);
  const visitsBefore = count(a.visitsPerWeek, daysBefore);
  const visitsAfter = count(a.visitsPerWeek, daysAfter + daysAccredited);

  const fees = {} as Record<FeeCode, Money>;
  const tariffs75 = {} as Record<FeeCode, Money>;
  const tickets = {} as Record<FeeCode, Money>;
  for (const code of FEE_CODES) {
    const ry = m.ruleYear(i, `honoraire.${code}`);
    const at = endOfYear(ry.year);
    fees[code] = ry.known ? m.rule(i, `honoraire.${code}`, () => indexCents(fee(code, at).value, m.idx, ry.n)) : NaN;
    if (!ry.known) tariffs75[code] = NaN;
    else if (ry.n === 0 || m.idx === 0) tariffs75[code] = m.rule(i, `honoraire.${code}`, () => stageTariff(code, at).value);
    else {
      const r = m.rate(i, "stage.taux");
      tariffs75[code] = r === null ? NaN : mulRate(fees[code], r);
    }
    const rt = m.ruleYear(i, `ticket.${code}`);
    tickets[code] = rt.known ? m.rule(i, `ticket.${code}`, () => indexCents(stageTariff(code, endOfYear(rt.year), "ticket").value, m.idx, rt.n)) : NaN;
  }
  const feesBefore = consBefore * tariffs75["101032"] + visitsBefore * tariffs75["103132"];
  const feesAfter = consAfter * fees["101032"] + consAccredited * fees["101076"] + visitsAfter * fees["103132"];
  const actFees = feesBefore + feesAfter;
  const forfaitIncome = forfaitPractice ? mulFraction(eurosToCents(a.forfaitIncome ?? 0), activeDays, daysInYear) : 0;
  const ticketsTotal = consAccredited * tickets["101076"] + (consBefore + consAfter) * tickets["101032"] + (visitsBefore + visitsAfter) * tickets["103132"];
  return {
    daysInYear,
    activeDays,
    daysBefore,
    daysAccredited,
    daysAfter,
    forfaitPractice,
    consBefore,
    consAfter,
    consAccredited,
    visitsBefore,
    visitsAfter,
    fees,
    tariffs75,
    tickets,
    feesBefore,
    feesAfter,
    actFees,
    forfaitIncome,
    total: actFees + forfaitIncome,
    ticketsTotal,
    reimbursements: actFees - ticketsTotal,
  };
}

const CODES: [FeeCode, Tr][] = [
  ["101076", ["Consultation, médecin accrédité (101076)", "Raadpleging, geaccrediteerde arts (101076)", "Consultation, accredited GP (101076)"]],
  ["101032", ["Consultation, médecin non accrédité (101032)", "Raadpleging, niet-geaccrediteerde arts (101032)", "Consultation, non-accredited GP (101032)"]],
  ["103132", ["Visite à domicile (103132)", "Huisbezoek (103132)", "Home visit (103132)"]],
];

/** The Revenus sheet. */
export function revenueSheet(ctx: PlanCtx, name: string): Sheet {
  const { L } = ctx;
  const R = ctx.sim.years.map((y) => y.revenues);
  const stage = ctx.f.stage;
  const sh = startYearSheet(ctx, "rev", name, ["Revenus (honoraires)", "Inkomsten (erelonen)", "Revenue (fees)"], (i) => ctx.sim.years[i].extrapolated.filter((e) => e.startsWith("honoraire.") || e.startsWith("ticket.")));
  const inst = H(ctx, "installation");
  const agr = H(ctx, "agrement");
  const acc = H(ctx, "accreditationStart");
  const forfait = `${H(ctx, "practiceType")}="maison-medicale-forfait"`;
  sh.add([{ value: L(["Jours d'activité", "Activiteitsdagen", "Days of practice"]), style: "subtitle" }]);
  countRow(ctx, sh, "activeDays", ["Jours d'activité dans l'année (depuis l'installation)", "Activiteitsdagen in het jaar (sinds de installatie)", "Days of practice in the year (since installation)"], (i, c, yr) => `MAX(0,${yEnd(yr)}-MAX(${yStart(yr)},${inst})+1)`, (i) => R[i].activeDays);
  countRow(ctx, sh, "daysInYear", ["Jours dans l'année", "Dagen in het jaar", "Days in the year"], (i, c, yr) => `${yEnd(yr)}-${yStart(yr)}+1`, (i) => R[i].daysInYear);
  countRow(ctx, sh, "daysBefore", [`dont avant l'agrément (tarif à ${stage})`, `waarvan vóór de erkenning (tarief ${stage})`, `of which before recognition (${stage} tariff)`], (i, c, yr) => `MAX(0,MIN(${yEnd(yr)},${agr}-1)-MAX(${yStart(yr)},${inst})+1)`, (i) => R[i].daysBefore);
  countRow(ctx, sh, "daysAcc", ["dont accrédité (depuis le début de l'accréditation)", "waarvan geaccrediteerd (sinds het begin van de accreditering)", "of which accredited (since the accreditation start)"], (i, c, yr) => `IF(${acc}>0,MAX(0,${yEnd(yr)}-MAX(${yStart(yr)},${inst},${acc})+1),0)`, (i) => R[i].daysAccredited, L(["Début de l'accréditation : Hypothèses (1er jour du mois qui suit l'agrément et la demande).", "Begin van de accreditering: Hypothesen (1e dag van de maand na erkenning en aanvraag).", "Accreditation start: Assumptions (1st day of the month after recognition and request)."]));
  countRow(ctx, sh, "daysAfter", ["dont après l'agrément, non accrédité", "waarvan na de erkenning, niet geaccrediteerd", "of which after recognition, not accredited"], (i, c) => `${sh.ref("activeDays", c)}-${sh.ref("daysBefore", c)}-${sh.ref("daysAcc", c)}`, (i) => R[i].daysAfter);

  sh.add([{ value: L(["Actes (arrondis ; aucun acte facturé en maison médicale au forfait)", "Prestaties (afgerond; geen prestaties aangerekend in een forfaitair wijkgezondheidscentrum)", "Acts (rounded; none billed in a capitation health centre)"]), style: "subtitle" }]);
  const cnt = (what: "cons" | "visits", days: string, c: string, i: number) =>
    `ROUND(IF(${forfait},0,${HA(ctx, what, i)})*${HA(ctx, "weeks", i)}*(${days})/${sh.ref("daysInYear", c)},0)`;
  countRow(ctx, sh, "consBefore", ["Consultations avant l'agrément (101032 à 75 %)", "Raadplegingen vóór de erkenning (101032 aan 75 %)", "Consultations before recognition (101032 at 75 %)"], (i, c) => cnt("cons", sh.ref("daysBefore", c), c, i), (i) => R[i].consBefore);
  countRow(ctx, sh, "consAfter", ["Consultations après l'agrément, non accrédité (101032)", "Raadplegingen na de erkenning, niet geaccrediteerd (101032)", "Consultations after recognition, not accredited (101032)"], (i, c) => cnt("cons", sh.ref("daysAfter", c), c, i), (i) => R[i].consAfter);
  countRow(ctx, sh, "consAcc", ["Consultations accrédité (101076)", "Raadplegingen geaccrediteerd (101076)", "Consultations accredited (101076)"], (i, c) => cnt("cons", sh.ref("daysAcc", c), c, i), (i) => R[i].consAccredited);
  countRow(ctx, sh, "visBefore", ["Visites à domicile avant l'agrément (103132 à 75 %)", "Huisbezoeken vóór de erkenning (103132 aan 75 %)", "Home visits before recognition (103132 at 75 %)"], (i, c) => cnt("visits", sh.ref("daysBefore", c), c, i), (i) => R[i].visitsBefore);
  countRow(ctx, sh, "visAfter", ["Visites à domicile après l'agrément (103132)", "Huisbezoeken na de erkenning (103132)", "Home visits after recognition (103132)"], (i, c) => cnt("visits", `${sh.ref("daysAfter", c)}+${sh.ref("daysAcc", c)}`, c, i), (i) => R[i].visitsAfter);

  sh.add([{ value: L(["Honoraires par acte", "Erelonen per prestatie", "Fees per act"]), style: "subtitle" }]);
  for (const [code, t] of CODES) {
    yearRow(ctx, sh, `fee${code}`, L(t), (i) => ({ formula: `=${P(ctx, `honoraire.${code}`, i)}`, result: euroResult(R[i].fees[code]) }), EUR, "formula", L(["Honoraire complet (ticket modérateur + intervention AMI).", "Volledig ereloon (remgeld + ZIV-tegemoetkoming).", "Full fee (patient's share + insurance share)."]));
  }
  for (const [code, t] of CODES.filter(([c]) => c !== "101076")) {
    yearRow(ctx, sh, `t75_${code}`, `${L(t)} — ${L([`à ${stage} (avant agrément)`, `aan ${stage} (vóór erkenning)`, `at ${stage} (before recognition)`])}`, (i, c) => ({ formula: `=ROUND(${sh.ref(`fee${code}`, c)}*${P(ctx, "stage.taux", i)},2)`, result: euroResult(R[i].tariffs75[code]) }), EUR);
  }
  sh.add([{ value: L(["Honoraires", "Erelonen", "Fees"]), style: "subtitle" }]);
  moneyRow(ctx, sh, "feesBefore", [`Honoraires avant l'agrément (${stage})`, `Erelonen vóór de erkenning (${stage})`, `Fees before recognition (${stage})`], (i, c) => `ROUND(${sh.ref("consBefore", c)}*${sh.ref("t75_101032", c)}+${sh.ref("visBefore", c)}*${sh.ref("t75_103132", c)},2)`, (i) => R[i].feesBefore);
  moneyRow(ctx, sh, "feesAfter", ["Honoraires après l'agrément", "Erelonen na de erkenning", "Fees after recognition"], (i, c) => `ROUND(${sh.ref("consAfter", c)}*${sh.ref("fee101032", c)}+${sh.ref("consAcc", c)}*${sh.ref("fee101076", c)}+${sh.ref("visAfter", c)}*${sh.ref("fee103132", c)},2)`, (i) => R[i].feesAfter);
  moneyRow(ctx, sh, "actFees", ["Honoraires des actes (encaissés dans l'année)", "Erelonen van de prestaties (in het jaar geïnd)", "Fees of the acts (collected in the year)"], (i, c) => `${sh.ref("feesBefore", c)}+${sh.ref("feesAfter", c)}`, (i) => R[i].actFees);
  moneyRow(ctx, sh, "forfait", ["Revenu du forfait (maison médicale au forfait, hypothèse)", "Inkomen uit het forfait (forfaitair wijkgezondheidscentrum, hypothese)", "Capitation income (capitation health centre, assumption)"], (i, c) => `IF(${forfait},ROUND(${HA(ctx, "forfaitIncome", i)}*${sh.ref("activeDays", c)}/${sh.ref("daysInYear", c)},2),0)`, (i) => R[i].forfaitIncome, "formula", L(["Aucun document ne donne les montants du forfait : revenu annuel saisi dans Hypothèses.", "Geen document geeft de forfaitbedragen: jaarinkomen ingevoerd in Hypothesen.", "No document gives the capitation amounts: yearly income entered in Assumptions."]));
  moneyRow(ctx, sh, "total", ["Total des honoraires et du forfait", "Totaal erelonen en forfait", "Total fees and capitation"], (i, c) => `${sh.ref("actFees", c)}+${sh.ref("forfait", c)}`, (i) => R[i].total, "total");
  sh.add([{ value: L(["Part du patient et remboursements (seuils des interventions INAMI)", "Aandeel patiënt en terugbetalingen (drempels van de RIZIV-tegemoetkomingen)", "Patients' share and reimbursements (thresholds of the INAMI interventions)"]), style: "subtitle" }]);
  for (const [code, t] of CODES) {
    yearRow(ctx, sh, `tk${code}`, `${L(["Ticket modérateur", "Remgeld", "Patient's share"])} — ${L(t)}`, (i) => ({ formula: `=${P(ctx, `ticket.${code}`, i)}`, result: euroResult(R[i].tickets[code]) }), EUR);
  }
  moneyRow(ctx, sh, "tickets", ["Tickets modérateurs payés par les patients", "Remgeld betaald door de patiënten", "Patients' shares paid"], (i, c) => `ROUND(${sh.ref("consAcc", c)}*${sh.ref("tk101076", c)}+(${sh.ref("consBefore", c)}+${sh.ref("consAfter", c)})*${sh.ref("tk101032", c)}+(${sh.ref("visBefore", c)}+${sh.ref("visAfter", c)})*${sh.ref("tk103132", c)},2)`, (i) => R[i].ticketsTotal);
  moneyRow(ctx, sh, "ami", ["Remboursements de l'assurance (AMI)", "Terugbetalingen door de verzekering (ZIV)", "Insurance reimbursements"], (i, c) => `${sh.ref("actFees", c)}-${sh.ref("tickets", c)}`, (i) => R[i].reimbursements, "formula", L(["Patients ordinaires avec DMG (tickets du guide) : approximation.", "Gewone patiënten met GMD (remgeld uit de gids): benadering.", "Ordinary patients with a GMR (guide's shares): approximation."]));
  return sh;
}
