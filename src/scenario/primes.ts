/**
 * Primes and subsidies: each prime's amount for the year it relates to
 * (accrued), the year it is received (its payment timing, a dated parameter
 * of src/params/versements.json) — the yearly computation and the Primes
 * sheet's formulas side by side. The legal rules are not re-implemented:
 * each amount comes from its rule in src/rules, asked for the simulated year
 * when its figures are published, or for the last published year (then
 * indexed by the scenario's hypothesis) when the year is extrapolated.
 *
 * Modelling choices (shown in the sheet's notes):
 * - Impulseo II (salary) and III (telesecretariat) are not cumulable for the
 *   same period: salary months are claimed first, the telesecretariat for
 *   the remaining months; months are limited to the complete months after
 *   installation and agrément. In a regroupement/groupe the cap is per GP
 *   (× GPs) and this GP receives 1/n.
 * - Continuité des soins / gestion de cabinet are granted once per
 *   enterprise number and work address: the thresholds (DMI, reimbursements)
 *   are the cabinet's (this GP's figures × GPs, a hypothesis when the
 *   practice has several GPs) and this GP receives 1/n. They are not
 *   cumulated with Impulseo II for the same employee (parameter
 *   cumul.soutien-impulseo-ii): each year takes the better option for the GP.
 * - Statut social: paid by the INAMI to the GP's insurer or pension
 *   contract: shown on its own line, neither taxable income nor cash.
 * - Installation subsidy (young GP): only with the conventioned tariff, in a
 *   quartier en pénurie, installed at most N years after the agrément;
 *   amount min(cap, budget) for the year of installation.
 */
import { addMonths, addYears, endOfYear, serialFromIso, startOfYear, yearOf } from "../dates";
import { divRound, eurosToCents, mulFraction, mulRate } from "../money";
import { primeIntegree, type PracticeStatus } from "../rules/prime-integree";
import { impulseoRefund } from "../rules/impulseo";
import { dmgDebutant } from "../rules/dmg-debutant";
import { accreditationForfait } from "../rules/accreditation";
import { statutSocial } from "../rules/statut-social";
import { installationSubsidy } from "../rules/installation";
import { calendarParam } from "../rules/eligibility";
import { continuiteSoins, gestionCabinet } from "../rules/soutien-cabinet";
import { activityOf } from "./schema";
import { indexCents, versionFor } from "./year-params";
import { all, ge, isNA, type Model, type Money, type Tri } from "./model";
import { monthsFrom, type CostYear } from "./costs";
import type { RevenueYear } from "./revenues";
import {
  afterHorizonF,
  checkRow,
  countRow,
  EUR,
  euroResult,
  H,
  HA,
  INT,
  lab,
  moneyRow,
  monthsFromF,
  P,
  receivedF,
  startYearSheet,
  triResult,
  yearRow,
  yEnd,
  yStart,
  type PlanCtx,
  type Sheet,
  type Tr,
} from "./layout";

export interface ImpulseoClaim {
  claimedMonths: number;
  claimedCost: Money;
  /** Intervention for the practice (all its GPs). */
  practice: Money;
  /** This GP's share (1/n). */
  share: Money;
}

/** The primes whose cash timing is followed (each has a versement.* parameter). */
export const TIMED_PRIMES = ["ppi", "dmg", "impulseo", "accreditation", "installation", "continuite", "gestion"] as const;
export type TimedPrime = (typeof TIMED_PRIMES)[number];
export const TIMING_PARAM: Record<TimedPrime, string> = {
  ppi: "versement.ppi",
  dmg: "versement.dmg-debutant",
  impulseo: "versement.impulseo",
  accreditation: "versement.accreditation",
  installation: "versement.installation",
  continuite: "versement.continuite",
  gestion: "versement.gestion",
};

export interface PrimeYear {
  ppi: { status: PracticeStatus; active: boolean; software: boolean; criteria: number; thresholds: number[]; reached: Tri; amount: Money };
  dmg: { numberYear: boolean; fromFirstYear: Tri; ppiObtained: Tri; acte: boolean; electronic: boolean; amount: Money };
  impulseoAgree: boolean;
  eligibleMonths: number;
  /** Option A: Impulseo II for the employee, III for the remaining months. */
  employee: ImpulseoClaim;
  telesecretariat: ImpulseoClaim;
  /** Option B: Impulseo III for all eligible months (the employee supported by the INAMI intervention instead). */
  telesecretariatAll: ImpulseoClaim;
  accreditation: { inForce: boolean; amount: Money };
  statutSocial: { conventioned: boolean; agreeAllYear: boolean; activeAllYear: boolean; firstNumberYear: boolean; adherenceDays: number; amount: Money };
  installation: { installationYear: boolean; inForce: boolean; conventioned: boolean; penurie: boolean; young: Tri; amount: Money };
  support: {
    contract: boolean;
    /** The scheme exists for the prime year (its amounts have a version in force or before). */
    continuiteInForce: boolean;
    gestionInForce: boolean;
    hours: Tri;
    exempt: Tri;
    cabinetDmi: number;
    cabinetReimbursements: Money;
    dmi: Tri;
    reimbursements: Tri;
    continuiteWindow: Tri;
    first: boolean;
    /** Practice-level amounts (all GPs). */
    continuitePractice: Money;
    gestionContract: boolean;
    noContinuite: Tri;
    gestionPractice: Money;
  };
  /** The II-or-INAMI choice for the employee: cumulable (parameter), option values, and the option taken. */
  choice: { cumulable: Tri; optionImpulseo: Money; optionSupport: Money; support: Tri };
  /** Accrued amounts kept (this GP's), per timed prime. */
  accrued: Record<TimedPrime, Money>;
  /** Payment offset (years) of each timed prime accrued this year. */
  offsets: Record<TimedPrime, number>;
  /** Impulseo II/III kept (this GP's share), taxed at the separate rate when received. */
  impulseoKept: Money;
  /** Accrued primes of the year, statut social apart. */
  total: Money;
}

export function computePrimes(m: Model, i: number, rev: RevenueYear, costs: CostYear): PrimeYear {
  const { s, d } = m;
  const year = m.years[i];
  const yS = startOfYear(year);
  const yE = endOfYear(year);
  const a = activityOf(s, i);
  const indexed = (cents: number, n: number) => indexCents(cents, m.idx, n);
  const forfait = s.practice.type === "maison-medicale-forfait";
  const active = rev.activeDays > 0;

  // Prime de pratique intégrée.
  const status: PracticeStatus = d.agrement <= yE ? (forfait ? "forfait" : "acte") : "formation";
  const table = status === "forfait" ? "forfait" : "acte";
  const thresholds = [1, 2, 3].map((n) => m.v(i, `ppi.criteres.${table}.seuil${n}`));
  m.v(i, `ppi.criteres.acte.total`);
  m.v(i, `ppi.criteres.forfait.total`);
  const ppiYear = m.ruleYear(i, status === "formation" ? "ppi.montant.formation" : "ppi.montant.base");
  const ppiAmount = !active ? 0 : ppiYear.known ? m.rule(i, "ppi.montant.base", () => indexed(primeIntegree(ppiYear.year, status, a.eServicesCriteria, a.acceptedSoftware).value, ppiYear.n)) : NaN;
  const ppi = { status, active, software: a.acceptedSoftware, criteria: a.eServicesCriteria, thresholds, reached: ge(a.eServicesCriteria, thresholds[0]), amount: ppiAmount };

  // Prime DMG débutant, the year the GP number (003/004) was obtained.
  const numberYear = yearOf(d.inamiNumber) === year;
  const firstYearParam = m.v(i, "dmg-debutant.premiere-annee");
  const dmg = {
    numberYear,
    fromFirstYear: ge(yearOf(d.inamiNumber), firstYearParam),
    ppiObtained: isNA(ppiAmount) ? null : ppiAmount > 0,
    acte: !forfait,
    electronic: a.acceptedSoftware,
    amount: 0 as Money,
  };
  if (numberYear) {
    const ry = m.ruleYear(i, "dmg-debutant.montant");
    if (!ry.known || dmg.fromFirstYear === null || dmg.ppiObtained === null) dmg.amount = NaN;
    else if (dmg.fromFirstYear) {
      const w0 = calendarParam("dmg-debutant.forfait.periode-debut", ry.year).date;
      const w1 = calendarParam("dmg-debutant.forfait.periode-fin", ry.year).date;
      const r = dmgDebutant({ numberYear: ry.year, ppiObtained: dmg.ppiObtained, electronicDmg: dmg.electronic, forfaitDays: dmg.acte ? 0 : w1 - w0 + 1 });
      dmg.amount = indexed(r.value, ry.n);
    }
  }

  // Impulseo II (employee) and III (telesecretariat).
  const eligibleMonths = Math.min(costs.activeMonths, monthsFrom(d.agrement, year));
  const claim = (line: { months: number; cost: Money }, claimable: number, kind: "salaire" | "telesecretariat"): ImpulseoClaim => {
    const claimedMonths = Math.min(line.months, Math.max(0, claimable));
    const claimedCost = line.months === 0 ? 0 : mulFraction(line.cost, claimedMonths, line.months);
    let practice: Money = 0;
    if (claimedMonths > 0) {
      const capId = `impulseo.plafond.${kind}`;
      const ry = m.ruleYear(i, capId);
      if (!ry.known) practice = NaN;
      else if (ry.n === 0 || m.idx === 0) practice = m.rule(i, capId, () => impulseoRefund({ kind, year: ry.year, costs: claimedCost, months: claimedMonths, gps: m.gps }).value);
      else {
        const rate = m.rate(i, "impulseo.taux");
        const cap = m.v(i, capId);
        practice = rate === null ? NaN : Math.min(mulRate(claimedCost, rate), mulFraction(cap * m.gps, claimedMonths, 12));
      }
    }
    return { claimedMonths, claimedCost, practice, share: isNA(practice) ? NaN : divRound(practice, m.gps) };
  };
  const employee = claim(costs.employee, eligibleMonths, "salaire");
  const telesecretariat = claim(costs.telesecretariat, eligibleMonths - employee.claimedMonths, "telesecretariat");
  const telesecretariatAll = claim(costs.telesecretariat, eligibleMonths, "telesecretariat");

  // Accreditation flat fee: counted in full for a year the accreditation is in force on 31 December.
  const accInForce = d.accreditationStart !== null && d.accreditationStart <= yE;
  let accAmount: Money = 0;
  if (accInForce) {
    const ry = m.ruleYear(i, "accreditation.forfait");
    accAmount = ry.known ? m.rule(i, "accreditation.forfait", () => indexed(accreditationForfait(ry.year).value, ry.n)) : NaN;
  }

  // Statut social: agréé on 1 January and active the whole year; the year of the agréé INAMI number,
  // adherence for the whole year is not required and the amount is proportional to its duration
  // (FAMGB: « sauf si vous avez reçu votre 1er numéro INAMI » ; GBO: « proportionnelle à la durée de votre adhésion »).
  const conventioned = s.conventionnement !== "aucun";
  const agreeAllYear = d.agrement <= yS;
  const activeAllYear = rev.activeDays === rev.daysInYear;
  const firstNumberYear = yearOf(d.inamiNumber) === year && d.agrement <= yE;
  const adherenceDays = firstNumberYear ? yE - d.inamiNumber + 1 : 0;
  let ssAmount: Money = 0;
  if (conventioned && (firstNumberYear || (agreeAllYear && activeAllYear))) {
    const kind = s.conventionnement === "total" ? "conventionne" : "partiel";
    const ry = m.ruleYear(i, `statut-social.${kind}`);
    const full = ry.known ? m.rule(i, `statut-social.${kind}`, () => indexed(statutSocial(ry.year, kind).value, ry.n)) : NaN;
    ssAmount = firstNumberYear ? (isNA(full) ? NaN : mulFraction(full, adherenceDays, rev.daysInYear)) : full;
  }

  // Installation subsidy (young GP), the year of installation.
  const installationYear = yearOf(d.installation) === year;
  const youngMonths = m.v(i, "installation.jeune.agrement-max");
  const capVersion = versionFor("installation.jeune.plafond", year);
  const inst = {
    installationYear,
    inForce: d.installation >= capVersion.version.from,
    conventioned,
    penurie: m.penurie,
    young: (isNA(youngMonths) ? null : d.installation >= d.agrement && d.installation <= addMonths(d.agrement, youngMonths)) as Tri,
    amount: 0 as Money,
  };
  if (installationYear && inst.inForce) {
    const eligible = all(inst.conventioned, inst.penurie, inst.young);
    inst.amount =
      eligible === null
        ? NaN
        : eligible
          ? m.rule(i, "installation.jeune.plafond", () =>
              installationSubsidy({ kind: "jeune", budget: eurosToCents(s.installationBudget), penurie: true, conventioned: true, agrement: d.agrement, installation: d.installation, request: null, fallbackDate: d.installation }).value,
            )
          : 0;
  }

  // Continuité des soins (once) or gestion de cabinet (yearly), per cabinet; this GP's share 1/n.
  const e = s.staff.employee;
  const cs = e.contractStart ? serialFromIso(e.contractStart) : null;
  const hours = e.hoursPerWeek ?? null;
  const contract = e.months > 0 && cs !== null && hours !== null;
  const hoursMin = m.v(i, "soutien.heures-min");
  const exemptYears = m.v(i, "soutien.exemption.annees");
  const exempt = s.practice.type === "solo" && !isNA(exemptYears) && d.inamiNumber > addMonths(yS, -12 * exemptYears);
  const cabinetDmi = a.dmgCount * m.gps;
  const cabinetReimbursements = rev.reimbursements * m.gps;
  const window = (id: string) => {
    const off = m.v(i, `${id}.decalage`);
    const mo = m.v(i, `${id}.mois`);
    const day = m.v(i, `${id}.jour`);
    return isNA(off) || isNA(mo) || isNA(day) ? NaN : serialFromIso(`${year + off}-${String(mo).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
  };
  const wFrom = window("continuite.contrat.debut");
  const wTo = window("continuite.contrat.fin");
  const dmiMin = m.v(i, "soutien.dmi-min");
  const remMin = m.v(i, "soutien.remboursements-min");
  const tri = (unknownIf: boolean, f: () => boolean): Tri => (unknownIf ? null : f());
  const exemptT = tri(isNA(exemptYears), () => exempt);
  const csv = cs ?? 0;
  const support = {
    contract,
    continuiteInForce: !versionFor("continuite.montant.min", year).unknown,
    gestionInForce: !versionFor("gestion.montant.min", year).unknown,
    hours: tri(isNA(hoursMin), () => (hours ?? 0) >= hoursMin),
    exempt: exemptT,
    cabinetDmi,
    cabinetReimbursements,
    dmi: tri(exemptT === null || isNA(dmiMin), () => exempt || cabinetDmi >= dmiMin),
    reimbursements: tri(exemptT === null || isNA(remMin) || isNA(cabinetReimbursements), () => exempt || cabinetReimbursements >= remMin),
    continuiteWindow: tri(isNA(wFrom) || isNA(wTo), () => csv >= wFrom && csv <= wTo),
    first: e.firstContract,
    continuitePractice: 0 as Money,
    gestionContract: cs !== null && cs <= yE,
    noContinuite: true as Tri,
    gestionPractice: 0 as Money,
  };
  const common = { dmi: cabinetDmi, reimbursements: isNA(cabinetReimbursements) ? null : cabinetReimbursements, young: exempt, hours };
  if (support.continuiteInForce) {
    const ok = all(support.contract, support.hours, support.dmi, support.reimbursements, support.continuiteWindow, support.first);
    const rc = m.ruleYear(i, "continuite.montant.min");
    support.continuitePractice =
      ok === null || !rc.known
        ? NaN
        : ok
          ? m.rule(i, "continuite.montant.min", () => indexed(continuiteSoins({ ...common, year: rc.year, contractStart: addYears(cs!, -rc.n), otherSupport: null, first: e.firstContract, bound: "min" }).value, rc.n))
          : 0;
  }
  support.noContinuite = isNA(support.continuitePractice) ? null : support.continuitePractice === 0;
  if (support.gestionInForce) {
    const ok = all(support.contract, support.hours, support.dmi, support.reimbursements, support.gestionContract, support.noContinuite);
    const rg = m.ruleYear(i, "gestion.montant.min");
    support.gestionPractice =
      ok === null || !rg.known
        ? NaN
        : ok
          ? m.rule(i, "gestion.montant.min", () => indexed(gestionCabinet({ ...common, year: rg.year, contractStart: addYears(cs!, -rg.n), otherSupport: null }).value, rg.n))
          : 0;
  }
  const share = (x: Money) => (isNA(x) ? NaN : divRound(x, m.gps));
  const contShare = share(support.continuitePractice);
  const gestShare = share(support.gestionPractice);

  // Impulseo II or the INAMI intervention for the same employee.
  const schemes = support.continuiteInForce || support.gestionInForce;
  const cumulRate = schemes ? m.v(i, "cumul.soutien-impulseo-ii") : 0;
  const cumulable: Tri = !schemes ? false : isNA(cumulRate) ? null : cumulRate > 0;
  const optionImpulseo = employee.share + telesecretariat.share;
  const optionSupport = telesecretariatAll.share + contShare + gestShare;
  const supportChosen: Tri = cumulable === null || isNA(optionImpulseo) || isNA(optionSupport) ? null : !cumulable && optionSupport > optionImpulseo;
  const choice = { cumulable, optionImpulseo, optionSupport, support: supportChosen };
  const impulseoKept = supportChosen === null ? NaN : supportChosen ? telesecretariatAll.share : optionImpulseo;
  const keepSupport = (x: Money) => (supportChosen === null ? NaN : supportChosen || cumulable ? x : 0);

  const accrued: Record<TimedPrime, Money> = {
    ppi: ppi.amount,
    dmg: dmg.amount,
    impulseo: impulseoKept,
    accreditation: accAmount,
    installation: inst.amount,
    continuite: keepSupport(contShare),
    gestion: keepSupport(gestShare),
  };
  const offsets = {} as Record<TimedPrime, number>;
  for (const p of TIMED_PRIMES) offsets[p] = m.v(i, `${TIMING_PARAM[p]}.decalage`);
  return {
    ppi,
    dmg,
    impulseoAgree: d.agrement <= yE,
    eligibleMonths,
    employee,
    telesecretariat,
    telesecretariatAll,
    accreditation: { inForce: accInForce, amount: accAmount },
    statutSocial: { conventioned, agreeAllYear, activeAllYear, firstNumberYear, adherenceDays, amount: ssAmount },
    installation: inst,
    support,
    choice,
    accrued,
    offsets,
    impulseoKept,
    total: TIMED_PRIMES.reduce((t, p) => t + accrued[p], 0),
  };
}

const PRIME_LABELS: Record<TimedPrime, Tr> = {
  ppi: ["Prime de pratique intégrée", "Geïntegreerde praktijkpremie", "Integrated practice bonus"],
  dmg: ["Prime DMG débutant", "GMD-starterpremie", "Starter GMR bonus"],
  impulseo: ["Impulseo II et III (part du médecin)", "Impulseo II en III (deel van de arts)", "Impulseo II and III (the GP's share)"],
  accreditation: ["Forfait d'accréditation", "Accrediteringsforfait", "Accreditation flat fee"],
  installation: ["Subvention d'installation", "Installatiesubsidie", "Installation grant"],
  continuite: ["Intervention continuité des soins (part du médecin)", "Tegemoetkoming continuïteit van zorg (deel van de arts)", "Continuity-of-care intervention (the GP's share)"],
  gestion: ["Intervention gestion de cabinet (part du médecin)", "Tegemoetkoming praktijkbeheer (deel van de arts)", "Practice-management intervention (the GP's share)"],
};
export function primeLabel(p: TimedPrime): Tr {
  return PRIME_LABELS[p];
}

/** Rows of the accrued amount of each timed prime (ids used by the cash rows). */
export const ACCRUED_ROW: Record<TimedPrime, string> = {
  ppi: "ppi",
  dmg: "dmg",
  impulseo: "impKept",
  accreditation: "acc",
  installation: "inst",
  continuite: "contKept",
  gestion: "gestKept",
};

/** The Primes sheet: conditions, accrued amounts, the II-or-INAMI choice, then when each prime is received. */
export function primeSheet(ctx: PlanCtx, name: string, rev: Sheet, chg: Sheet): Sheet {
  const { L, f } = ctx;
  const Y = ctx.sim.years.map((y) => y.primes);
  const sh = startYearSheet(ctx, "pri", name, ["Primes et subsides", "Premies en subsidies", "Grants and subsidies"], (i) =>
    ctx.sim.years[i].extrapolated.filter((e) => !e.startsWith("honoraire.") && !e.startsWith("ticket.") && !e.startsWith("cercle.") && !e.startsWith("ipp.") && !e.startsWith("cotisations.")),
  );
  const agr = H(ctx, "agrement");
  const inst = H(ctx, "installation");
  const type = H(ctx, "practiceType");
  const gps = H(ctx, "gps");
  const sub = (t: Tr) => sh.add([lab(L(t), "subtitle")]);
  const toVerify = (items: string) => sh.note(`${L(["À vérifier (hors calcul)", "Na te gaan (niet berekend)", "To check (not computed)"])} : ${items}`);

  // Prime de pratique intégrée
  sub(["Prime de pratique intégrée (INAMI)", "Geïntegreerde praktijkpremie (RIZIV)", "Integrated practice bonus (INAMI)"]);
  yearRow(ctx, sh, "ppiStatus", `  ${L(["Statut (acte, forfait, formation)", "Statuut (acte, forfait, formation)", "Status (acte, forfait, formation)"])}`, (i, c, yr) => ({ formula: `=IF(${agr}<=${yEnd(yr)},IF(${type}="maison-medicale-forfait","forfait","acte"),"formation")`, result: Y[i].ppi.status }), undefined);
  checkRow(ctx, sh, "ppiActive", ["Actif pendant l'année", "Actief tijdens het jaar", "Active during the year"], (i, c) => `${rev.xref("activeDays", c)}>0`, (i) => Y[i].ppi.active);
  checkRow(ctx, sh, "ppiSoftware", ["Logiciel accepté", "Aanvaarde software", "Accepted software"], (i) => HA(ctx, "software", i), (i) => Y[i].ppi.software);
  yearRow(ctx, sh, "ppiCriteria", `  ${L(["Critères e-services atteints", "Bereikte e-dienstencriteria", "E-services criteria reached"])}`, (i) => ({ formula: `=${HA(ctx, "criteria", i)}`, result: Y[i].ppi.criteria }), INT);
  for (const n of [1, 2, 3]) {
    yearRow(ctx, sh, `ppiS${n}`, `  ${L([`Palier ${n} (critères)`, `Drempel ${n} (criteria)`, `Tier ${n} (criteria)`])}`, (i, c) => ({ formula: `=IF(${sh.ref("ppiStatus", c)}="forfait",${P(ctx, `ppi.criteres.forfait.seuil${n}`, i)},${P(ctx, `ppi.criteres.acte.seuil${n}`, i)})`, result: isNA(Y[i].ppi.thresholds[n - 1]) ? "#N/A" : Y[i].ppi.thresholds[n - 1] }), INT);
  }
  checkRow(ctx, sh, "ppiReached", ["Premier palier atteint", "Eerste drempel bereikt", "First tier reached"], (i, c) => `${sh.ref("ppiCriteria", c)}>=${sh.ref("ppiS1", c)}`, (i) => Y[i].ppi.reached);
  moneyRow(ctx, sh, "ppi", ["Prime de pratique intégrée (année de prime)", "Geïntegreerde praktijkpremie (premiejaar)", "Integrated practice bonus (bonus year)"], (i, c) => {
    const st = sh.ref("ppiStatus", c);
    const soft = sh.ref("ppiSoftware", c);
    const cr = sh.ref("ppiCriteria", c);
    const Pm = (k: string) => P(ctx, k, i);
    return `IF(NOT(${sh.ref("ppiActive", c)}),0,IF(${st}="formation",IF(${soft},${Pm("ppi.montant.formation")},0),IF(NOT(${soft}),${Pm("ppi.montant.base")},IF(${cr}>=${sh.ref("ppiS3", c)},${Pm("ppi.montant.palier3")},IF(${cr}>=${sh.ref("ppiS2", c)},${Pm("ppi.montant.palier2")},IF(${cr}>=${sh.ref("ppiS1", c)},${Pm("ppi.montant.palier1")},${Pm("ppi.montant.base")}))))))`;
  }, (i) => Y[i].ppi.amount);
  ctx.years.forEach((y, i) => {
    P(ctx, "ppi.criteres.acte.total", i);
    P(ctx, "ppi.criteres.forfait.total", i);
  });

  // Prime DMG débutant
  sub(["Prime DMG débutant (une fois)", "GMD-starterpremie (eenmalig)", "Starter GMR bonus (once)"]);
  const inami = H(ctx, "inamiNumber");
  checkRow(ctx, sh, "dmgYear", ["Numéro 003/004 obtenu cette année", "Nummer 003/004 dit jaar verkregen", "Number 003/004 obtained this year"], (i, c, yr) => `YEAR(${inami})=${yr}`, (i) => Y[i].dmg.numberYear);
  checkRow(ctx, sh, "dmgFrom", ["Numéro obtenu à partir de l'année fixée", "Nummer verkregen vanaf het vastgelegde jaar", "Number obtained from the set year"], (i) => `YEAR(${inami})>=${P(ctx, "dmg-debutant.premiere-annee", i)}`, (i) => Y[i].dmg.fromFirstYear);
  checkRow(ctx, sh, "dmgPpi", ["Prime de pratique intégrée obtenue cette année", "Geïntegreerde praktijkpremie dit jaar verkregen", "Integrated practice bonus obtained this year"], (i, c) => `${sh.ref("ppi", c)}>0`, (i) => Y[i].dmg.ppiObtained);
  checkRow(ctx, sh, "dmgActe", ["À l'acte (pas en maison médicale au forfait)", "Per prestatie (niet in een forfaitair wijkgezondheidscentrum)", "Fee-for-service (not a capitation health centre)"], () => `${type}<>"maison-medicale-forfait"`, (i) => Y[i].dmg.acte);
  checkRow(ctx, sh, "dmgElec", ["DMG gérés électroniquement (logiciel accepté)", "GMD's elektronisch beheerd (aanvaarde software)", "GMRs managed electronically (accepted software)"], (i) => HA(ctx, "software", i), (i) => Y[i].dmg.electronic);
  moneyRow(ctx, sh, "dmg", ["Prime DMG débutant", "GMD-starterpremie", "Starter GMR bonus"], (i, c) => `IF(AND(${["dmgYear", "dmgFrom", "dmgPpi", "dmgActe", "dmgElec"].map((r) => sh.ref(r, c)).join(",")}),${P(ctx, "dmg-debutant.montant", i)},0)`, (i) => Y[i].dmg.amount);

  // Impulseo II and III
  sub(["Impulseo II (salaire) et III (télésecrétariat), Bruxelles", "Impulseo II (loon) en III (telesecretariaat), Brussel", "Impulseo II (salary) and III (telesecretariat), Brussels"]);
  checkRow(ctx, sh, "impAgree", ["Agréé pendant l'année", "Erkend tijdens het jaar", "Recognised during the year"], (i, c, yr) => `${agr}<=${yEnd(yr)}`, (i) => Y[i].impulseoAgree);
  countRow(ctx, sh, "impMonths", ["Mois admissibles (complets, après installation et agrément)", "Aanvaardbare maanden (volledig, na installatie en erkenning)", "Eligible months (complete, after installation and recognition)"], (i, c, yr) => `MIN(${chg.xref("activeMonths", c)},${monthsFromF(agr, yr)})`, (i) => Y[i].eligibleMonths);
  const imp = (p: string, costRow: "emp" | "tele", get: (i: number) => ImpulseoClaim, kind: "salaire" | "telesecretariat", t: Tr, claimable: (c: string) => string) => {
    yearRow(ctx, sh, `${p}Claim`, `  ${L(t)} : ${L(["mois demandés", "aangevraagde maanden", "months claimed"])}`, (i, c) => ({ formula: `=MIN(${chg.xref(`${costRow}Months`, c)},MAX(0,${claimable(c)}))`, result: get(i).claimedMonths }), INT);
    moneyRow(ctx, sh, `${p}ClaimCost`, [`  ${t[0]} : frais des mois demandés`, `  ${t[1]}: kosten van de aangevraagde maanden`, `  ${t[2]}: costs of the months claimed`], (i, c) => `IF(${chg.xref(`${costRow}Months`, c)}=0,0,ROUND(${chg.xref(`${costRow}Cost`, c)}*${sh.ref(`${p}Claim`, c)}/${chg.xref(`${costRow}Months`, c)},2))`, (i) => get(i).claimedCost);
    moneyRow(
      ctx,
      sh,
      `${p}Practice`,
      [`  ${t[0]} : intervention du cabinet`, `  ${t[1]}: tegemoetkoming van de praktijk`, `  ${t[2]}: intervention for the practice`],
      (i, c) => `IF(${sh.ref(`${p}Claim`, c)}=0,0,MIN(ROUND(${sh.ref(`${p}ClaimCost`, c)}*${P(ctx, "impulseo.taux", i)},2),ROUND(${P(ctx, `impulseo.plafond.${kind}`, i)}*${gps}*${sh.ref(`${p}Claim`, c)}/12,2)))`,
      (i) => get(i).practice,
      "formula",
      L([`${f.impRate} des frais, plafonné par médecin au prorata des mois.`, `${f.impRate} van de kosten, geplafonneerd per arts pro rata de maanden.`, `${f.impRate} of the costs, capped per GP, prorated by months.`]),
    );
    moneyRow(ctx, sh, `${p}Share`, [`  ${t[0]} (part du médecin)`, `  ${t[1]} (deel van de arts)`, `  ${t[2]} (the GP's share)`], (i, c) => `ROUND(${sh.ref(`${p}Practice`, c)}/${gps},2)`, (i) => get(i).share);
  };
  imp("emp", "emp", (i) => Y[i].employee, "salaire", ["Impulseo II", "Impulseo II", "Impulseo II"], (c) => sh.ref("impMonths", c));
  imp("tele", "tele", (i) => Y[i].telesecretariat, "telesecretariat", ["Impulseo III (mois restants)", "Impulseo III (overige maanden)", "Impulseo III (remaining months)"], (c) => `${sh.ref("impMonths", c)}-${sh.ref("empClaim", c)}`);
  imp("teleAll", "tele", (i) => Y[i].telesecretariatAll, "telesecretariat", ["Impulseo III (tous les mois, sans Impulseo II)", "Impulseo III (alle maanden, zonder Impulseo II)", "Impulseo III (all months, without Impulseo II)"], (c) => sh.ref("impMonths", c));
  toVerify(
    L([
      `nombre minimal de DMG ou de forfaits (sauf jeunes agréés), membre d'un cercle et de la garde, Réseau Santé Bruxellois et Sumehr, agenda en ligne partagé, employé au barème de la CP 330.04, demande dans les délais (Échéancier). Imposé au taux distinct de ${f.taxRate} (Impôt et cotisations).`,
      `minimaal aantal GMD's of forfaits (behalve jonge erkende artsen), lid van een kring en van de wachtdienst, Brussels Gezondheidsnetwerk en Sumehr, gedeelde online agenda, werknemer volgens het barema van PC 330.04, aanvraag binnen de termijn (Kalender). Belast tegen het afzonderlijk tarief van ${f.taxRate}.`,
      `minimum number of GMRs or capitations (except young recognised GPs), member of a cercle and of the on-call service, Brussels Health Network and Sumehr, shared online agenda, employee on the JC 330.04 scale, request in time (Deadlines). Taxed at the separate ${f.taxRate} rate.`,
    ]),
  );

  // Accreditation
  sub(["Accréditation : forfait annuel", "Accreditering: jaarlijks forfait", "Accreditation: yearly flat fee"]);
  const accStart = H(ctx, "accreditationStart");
  checkRow(ctx, sh, "accInForce", ["Accréditation en cours au 31 décembre", "Accreditering lopend op 31 december", "Accreditation in force on 31 December"], (i, c, yr) => `AND(${accStart}>0,${accStart}<=${yEnd(yr)})`, (i) => Y[i].accreditation.inForce);
  moneyRow(ctx, sh, "acc", ["Forfait d'accréditation", "Accrediteringsforfait", "Accreditation flat fee"], (i, c) => `IF(${sh.ref("accInForce", c)},${P(ctx, "accreditation.forfait", i)},0)`, (i) => Y[i].accreditation.amount, "formula", L(["Compté en entier l'année où l'accréditation est en cours au 31/12 (hypothèse).", "Volledig geteld in het jaar waarin de accreditering op 31/12 loopt (hypothese).", "Counted in full in a year the accreditation is in force on 31/12 (assumption)."]));

  // Statut social
  sub(["Statut social INAMI : avantage social versé à l'assureur", "Sociaal statuut RIZIV: sociaal voordeel gestort aan de verzekeraar", "INAMI social benefit: paid to the insurer"]);
  const conv = H(ctx, "conventionnement");
  checkRow(ctx, sh, "ssConv", ["Conventionné (total ou partiel)", "Geconventioneerd (volledig of gedeeltelijk)", "Conventioned (full or partial)"], () => `${conv}<>"aucun"`, (i) => Y[i].statutSocial.conventioned);
  checkRow(ctx, sh, "ssAgree", ["Agréé au 1er janvier", "Erkend op 1 januari", "Recognised on 1 January"], (i, c, yr) => `${agr}<=${yStart(yr)}`, (i) => Y[i].statutSocial.agreeAllYear);
  checkRow(ctx, sh, "ssActive", ["Actif toute l'année", "Het hele jaar actief", "Active the whole year"], (i, c) => `${rev.xref("activeDays", c)}=${rev.xref("daysInYear", c)}`, (i) => Y[i].statutSocial.activeAllYear);
  checkRow(ctx, sh, "ssFirst", ["Année du numéro INAMI d'agréé : adhésion de toute l'année non exigée", "Jaar van het RIZIV-nummer als erkend arts: toetreding voor het hele jaar niet vereist", "Year of the recognised INAMI number: full-year adherence not required"], (i, c, yr) => `AND(YEAR(${inami})=${yr},${agr}<=${yEnd(yr)})`, (i) => Y[i].statutSocial.firstNumberYear);
  countRow(ctx, sh, "ssDays", ["  Jours d'adhésion cette année-là (depuis le numéro)", "  Dagen toetreding dat jaar (sinds het nummer)", "  Days of adherence that year (since the number)"], (i, c, yr) => `IF(${sh.ref("ssFirst", c)},${yEnd(yr)}-${inami}+1,0)`, (i) => Y[i].statutSocial.adherenceDays);
  moneyRow(
    ctx,
    sh,
    "ss",
    ["Avantage social versé à l'assureur (hors revenus et trésorerie)", "Sociaal voordeel gestort aan de verzekeraar (buiten inkomen en thesaurie)", "Social benefit paid to the insurer (outside income and cash)"],
    (i, c) => {
      const amount = `IF(${conv}="total",${P(ctx, "statut-social.conventionne", i)},${P(ctx, "statut-social.partiel", i)})`;
      return `IF(${sh.ref("ssConv", c)},IF(${sh.ref("ssFirst", c)},ROUND(${amount}*${sh.ref("ssDays", c)}/${rev.xref("daysInYear", c)},2),IF(AND(${sh.ref("ssAgree", c)},${sh.ref("ssActive", c)}),${amount},0)),0)`;
    },
    (i) => Y[i].statutSocial.amount,
    "formula",
    L([
      "Versé par l'INAMI au contrat d'assurance ou de pension du médecin : ni revenu imposable, ni trésorerie (voir Paramètres). L'année du numéro d'agréé : au prorata des jours d'adhésion (lecture : le « 1er numéro INAMI » du guide FAMGB est le numéro d'agréé).",
      "Door het RIZIV gestort op het verzekerings- of pensioencontract van de arts: geen belastbaar inkomen, geen thesaurie (zie Parameters). Het jaar van het erkend nummer: pro rata van de dagen toetreding.",
      "Paid by the INAMI to the GP's insurance or pension contract: neither taxable income nor cash (see Parameters). The year of the recognised number: prorated by the days of adherence.",
    ]),
  );
  P(ctx, "statut-social.hors-revenus", 0);

  // Installation subsidy
  sub(["Subvention d'installation jeune MG (COCOM)", "Installatiesubsidie jonge huisarts (GGC)", "Young GP installation grant (COCOM)"]);
  checkRow(ctx, sh, "instYear", ["Année d'installation", "Installatiejaar", "Year of installation"], (i, c, yr) => `YEAR(${inst})=${yr}`, (i) => Y[i].installation.installationYear);
  checkRow(ctx, sh, "instInForce", ["Dispositif en vigueur à la date d'installation", "Regeling van kracht op de installatiedatum", "Scheme in force on the installation date"], (i) => `${inst}>=${ctx.par.ref("installation.jeune.plafond", ctx.years[i], "F")}`, (i) => Y[i].installation.inForce);
  checkRow(ctx, sh, "instConv", ["Tarif conventionné facturé (conventionné)", "Geconventioneerd tarief aangerekend (geconventioneerd)", "Conventioned tariff billed (conventioned)"], () => `${conv}<>"aucun"`, (i) => Y[i].installation.conventioned, L(["« Prester ses activités moyennant la facturation du tarif conventionné » (FAMGB). Conventionnement partiel : à vérifier.", "Activiteiten uitoefenen tegen het geconventioneerd tarief (FAMGB). Gedeeltelijke conventionering: na te gaan.", "Practise at the conventioned tariff (FAMGB). Partial conventionnement: to check."]));
  checkRow(ctx, sh, "instPenurie", ["Quartier en pénurie (Hypothèses)", "Tekortwijk (Hypothesen)", "Quarter in shortage (Assumptions)"], () => H(ctx, "penurie"), (i) => Y[i].installation.penurie);
  checkRow(ctx, sh, "instYoung", [`Jeune MG : agréé depuis ${f.youngYears} ans au plus à l'installation`, `Jonge huisarts: ten hoogste ${f.youngYears} jaar erkend bij de installatie`, `Young GP: recognised ${f.youngYears} years at most at installation`], (i) => `AND(${inst}>=${agr},${inst}<=EDATE(${agr},${P(ctx, "installation.jeune.agrement-max", i)}))`, (i) => Y[i].installation.young);
  moneyRow(ctx, sh, "inst", ["Subvention d'installation", "Installatiesubsidie", "Installation grant"], (i, c) => `IF(AND(${sh.ref("instYear", c)},${sh.ref("instInForce", c)}),IF(AND(${["instConv", "instPenurie", "instYoung"].map((r) => sh.ref(r, c)).join(",")}),MIN(${P(ctx, "installation.jeune.plafond", i)},${H(ctx, "installationBudget")}),0),0)`, (i) => Y[i].installation.amount, "formula", L(["Montant : le plus petit du plafond et du budget présenté.", "Bedrag: het kleinste van plafond en voorgelegd budget.", "Amount: the lesser of the cap and the budget presented."]));
  toVerify(L([`missions de première ligne, actions FR/NL, budget, Sumehr, demande dans les ${f.instDelay} mois, rester ${f.stayYears} ans dans le quartier, au plus ${f.quota} subventions par an.`, `eerstelijnsopdrachten, acties FR/NL, budget, Sumehr, aanvraag binnen ${f.instDelay} maanden, ${f.stayYears} jaar in de wijk blijven, max. ${f.quota} subsidies per jaar.`, `first-line missions, FR/NL actions, budget, Sumehr, request within ${f.instDelay} months, stay ${f.stayYears} years in the quarter, at most ${f.quota} grants a year.`]));

  // Continuité des soins / gestion de cabinet
  sub(["Continuité des soins (une fois) ou gestion de cabinet (annuelle), par cabinet (INAMI)", "Continuïteit van zorg (eenmalig) of praktijkbeheer (jaarlijks), per praktijk (RIZIV)", "Continuity of care (once) or practice management (yearly), per practice (INAMI)"]);
  const cs = H(ctx, "empContractStart");
  const hours = H(ctx, "empHours");
  const W = (id: string, i: number, yr: string) => `DATE(${yr}+${P(ctx, `${id}.decalage`, i)},${P(ctx, `${id}.mois`, i)},${P(ctx, `${id}.jour`, i)})`;
  const S = (i: number) => Y[i].support;
  checkRow(ctx, sh, "supContract", ["Employé sous contrat (date et heures renseignées)", "Werknemer onder contract (datum en uren ingevuld)", "Employee under contract (date and hours given)"], () => `AND(${H(ctx, "empMonths")}>0,${cs}>0,ISNUMBER(${hours}))`, (i) => S(i).contract);
  checkRow(ctx, sh, "supHours", [`Contrat d'au moins ${f.hMin} h/semaine`, `Contract van ten minste ${f.hMin} u/week`, `Contract of at least ${f.hMin} h/week`], (i) => `${hours}>=${P(ctx, "soutien.heures-min", i)}`, (i) => S(i).hours);
  checkRow(ctx, sh, "supExempt", [`Exempté des seuils : médecin seul, numéro reconnu depuis moins de ${f.exYears} ans au 1er janvier`, `Vrijgesteld van drempels: alleen werkende arts, nummer minder dan ${f.exYears} jaar erkend op 1 januari`, `Exempt from thresholds: single GP, number recognised less than ${f.exYears} years on 1 January`], (i, c, yr) => `AND(${type}="solo",${inami}>EDATE(${yStart(yr)},-12*${P(ctx, "soutien.exemption.annees", i)}))`, (i) => S(i).exempt);
  countRow(ctx, sh, "supCabDmi", ["DMI du cabinet (DMG du médecin × médecins, hypothèse)", "EMD van de praktijk (GMD's van de arts × artsen, hypothese)", "Practice EMRs (the GP's GMRs × GPs, assumption)"], (i) => `${HA(ctx, "dmg", i)}*${gps}`, (i) => S(i).cabinetDmi);
  moneyRow(ctx, sh, "supCabRem", ["Remboursements du cabinet (ceux du médecin × médecins, hypothèse)", "Terugbetalingen van de praktijk (die van de arts × artsen, hypothese)", "Practice reimbursements (the GP's × GPs, assumption)"], (i, c) => `${rev.xref("ami", c)}*${gps}`, (i) => S(i).cabinetReimbursements);
  checkRow(ctx, sh, "supDmi", [`Au moins ${f.dmiMin} DMI au cabinet ou exempté`, `Ten minste ${f.dmiMin} EMD in de praktijk of vrijgesteld`, `At least ${f.dmiMin} EMRs in the practice or exempt`], (i, c) => `OR(${sh.ref("supExempt", c)},${sh.ref("supCabDmi", c)}>=${P(ctx, "soutien.dmi-min", i)})`, (i) => S(i).dmi);
  checkRow(ctx, sh, "supRem", [`Au moins ${f.remMin} de remboursements au cabinet ou exempté`, `Ten minste ${f.remMin} terugbetalingen in de praktijk of vrijgesteld`, `At least ${f.remMin} of reimbursements in the practice or exempt`], (i, c) => `OR(${sh.ref("supExempt", c)},${sh.ref("supCabRem", c)}>=${P(ctx, "soutien.remboursements-min", i)})`, (i) => S(i).reimbursements);
  checkRow(ctx, sh, "supWindow", [`Continuité : contrat prenant effet du ${f.contFrom} de l'année précédente au ${f.contTo}`, `Continuïteit: contract van kracht van ${f.contFrom} van het vorige jaar tot ${f.contTo}`, `Continuity: contract effective from ${f.contFrom} of the previous year to ${f.contTo}`], (i, c, yr) => `AND(${cs}>=${W("continuite.contrat.debut", i, yr)},${cs}<=${W("continuite.contrat.fin", i, yr)})`, (i) => S(i).continuiteWindow);
  checkRow(ctx, sh, "supFirst", ["Continuité : premier contrat (déclaré)", "Continuïteit: eerste contract (verklaard)", "Continuity: first contract (declared)"], () => H(ctx, "empFirst"), (i) => S(i).first);
  checkRow(ctx, sh, "contInForce", ["Continuité : dispositif en vigueur cette année de prime", "Continuïteit: regeling van kracht in dit premiejaar", "Continuity: scheme in force this bonus year"], (i, c, yr) => `${yr}>=YEAR(${ctx.par.ref("continuite.montant.min", ctx.years[i], "F")})`, (i) => S(i).continuiteInForce);
  moneyRow(ctx, sh, "cont", ["Intervention continuité des soins du cabinet (minimum)", "Tegemoetkoming continuïteit van zorg van de praktijk (minimum)", "Continuity-of-care intervention of the practice (minimum)"], (i, c) => `IF(${sh.ref("contInForce", c)},IF(AND(${["supContract", "supHours", "supDmi", "supRem", "supWindow", "supFirst"].map((r) => sh.ref(r, c)).join(",")}),${P(ctx, "continuite.montant.min", i)},0),0)`, (i) => S(i).continuitePractice, "formula", L([`Montant final de ${f.contMin} à ${f.contMax} selon les demandes : le minimum est retenu.`, `Eindbedrag ${f.contMin} tot ${f.contMax} naargelang de aanvragen: het minimum wordt genomen.`, `Final amount ${f.contMin} to ${f.contMax} depending on requests: the minimum is used.`]));
  checkRow(ctx, sh, "supGestion", ["Gestion : contrat en vigueur au plus tard le 31 décembre", "Beheer: contract van kracht uiterlijk op 31 december", "Management: contract in force by 31 December"], (i, c, yr) => `AND(${cs}>0,${cs}<=${yEnd(yr)})`, (i) => S(i).gestionContract);
  checkRow(ctx, sh, "supNoCont", ["Gestion : pas d'intervention continuité la même année (non cumulable)", "Beheer: geen tegemoetkoming continuïteit hetzelfde jaar (niet cumuleerbaar)", "Management: no continuity intervention the same year (not cumulable)"], (i, c) => `${sh.ref("cont", c)}=0`, (i) => S(i).noContinuite);
  checkRow(ctx, sh, "gestInForce", ["Gestion : dispositif en vigueur cette année de prime", "Beheer: regeling van kracht in dit premiejaar", "Management: scheme in force this bonus year"], (i, c, yr) => `${yr}>=YEAR(${ctx.par.ref("gestion.montant.min", ctx.years[i], "F")})`, (i) => S(i).gestionInForce);
  moneyRow(ctx, sh, "gestion", ["Intervention gestion de cabinet du cabinet (minimum)", "Tegemoetkoming praktijkbeheer van de praktijk (minimum)", "Practice-management intervention of the practice (minimum)"], (i, c) => `IF(${sh.ref("gestInForce", c)},IF(AND(${["supContract", "supHours", "supDmi", "supRem", "supGestion", "supNoCont"].map((r) => sh.ref(r, c)).join(",")}),${P(ctx, "gestion.montant.min", i)},0),0)`, (i) => S(i).gestionPractice);
  toVerify(L(["contrat à durée indéterminée, pas de Maribel social ni de subvention des pouvoirs locaux pour ce poste, type de cabinet, demande dans les délais (Échéancier).", "contract van onbepaalde duur, geen Sociale Maribel of subsidie van lokale besturen voor deze functie, type praktijk, aanvraag binnen de termijn (Kalender).", "open-ended contract, no social Maribel or local-authority subsidy for this job, practice type, request in time (Deadlines)."]));

  // Impulseo II or the INAMI intervention for the same employee
  sub(["Impulseo II ou intervention INAMI pour le même employé : choix retenu", "Impulseo II of RIZIV-tegemoetkoming voor dezelfde werknemer: gekozen optie", "Impulseo II or the INAMI intervention for the same employee: option taken"]);
  const C = (i: number) => Y[i].choice;
  moneyRow(ctx, sh, "optImp", ["Option Impulseo : II + III des mois restants (part du médecin)", "Optie Impulseo: II + III van de overige maanden (deel van de arts)", "Impulseo option: II + III for the remaining months (the GP's share)"], (i, c) => `${sh.ref("empShare", c)}+${sh.ref("teleShare", c)}`, (i) => C(i).optionImpulseo);
  moneyRow(ctx, sh, "optSup", ["Option INAMI : continuité ou gestion + III de tous les mois (part du médecin)", "Optie RIZIV: continuïteit of beheer + III van alle maanden (deel van de arts)", "INAMI option: continuity or management + III for all months (the GP's share)"], (i, c) => `ROUND(${sh.ref("cont", c)}/${gps},2)+ROUND(${sh.ref("gestion", c)}/${gps},2)+${sh.ref("teleAllShare", c)}`, (i) => C(i).optionSupport);
  checkRow(ctx, sh, "cumulable", ["Cumulable avec Impulseo II pour le même employé (Paramètres)", "Cumuleerbaar met Impulseo II voor dezelfde werknemer (Parameters)", "Cumulable with Impulseo II for the same employee (Parameters)"], (i, c) => `IF(OR(${sh.ref("contInForce", c)},${sh.ref("gestInForce", c)}),${P(ctx, "cumul.soutien-impulseo-ii", i)}>0,1=0)`, (i) => C(i).cumulable);
  checkRow(ctx, sh, "choiceSup", ["Intervention INAMI retenue (meilleure option, non cumulable avec Impulseo II)", "RIZIV-tegemoetkoming gekozen (beste optie, niet cumuleerbaar met Impulseo II)", "INAMI intervention taken (better option, not cumulable with Impulseo II)"], (i, c) => `AND(NOT(${sh.ref("cumulable", c)}),${sh.ref("optSup", c)}>${sh.ref("optImp", c)})`, (i) => C(i).support, L(["Lecture retenue (voir la note de Paramètres, cumul.soutien-impulseo-ii) : aide publique similaire pour le même employé.", "Gekozen lezing (zie de opmerking in Parameters): vergelijkbare overheidssteun voor dezelfde werknemer.", "Reading taken (see the note in Parameters): similar public support for the same employee."]));
  moneyRow(ctx, sh, "impKept", PRIME_LABELS.impulseo, (i, c) => `IF(${sh.ref("choiceSup", c)},${sh.ref("teleAllShare", c)},${sh.ref("optImp", c)})`, (i) => Y[i].accrued.impulseo);
  moneyRow(ctx, sh, "contKept", PRIME_LABELS.continuite, (i, c) => `IF(OR(${sh.ref("choiceSup", c)},${sh.ref("cumulable", c)}),ROUND(${sh.ref("cont", c)}/${gps},2),0)`, (i) => Y[i].accrued.continuite);
  moneyRow(ctx, sh, "gestKept", PRIME_LABELS.gestion, (i, c) => `IF(OR(${sh.ref("choiceSup", c)},${sh.ref("cumulable", c)}),ROUND(${sh.ref("gestion", c)}/${gps},2),0)`, (i) => Y[i].accrued.gestion);

  sh.blank();
  moneyRow(ctx, sh, "total", ["Total des primes et subsides de l'année (acquis, hors statut social)", "Totaal premies en subsidies van het jaar (verworven, zonder sociaal statuut)", "Total grants and subsidies of the year (accrued, social benefit apart)"], (i, c) => TIMED_PRIMES.map((p) => sh.ref(ACCRUED_ROW[p], c)).join("+"), (i) => Y[i].total, "total");

  // When each prime is received
  const head = [lab(L(["Versements : année où chaque prime est reçue", "Stortingen: jaar waarin elke premie ontvangen wordt", "Payments: year each grant is received"]), "subtitle"), ...ctx.years.map(() => null), lab(L(["Après l'horizon", "Na de horizon", "After the horizon"]), "header")];
  sh.add(head);
  const recv = ctx.sim.years.map((y) => y.received);
  for (const p of TIMED_PRIMES) {
    yearRow(ctx, sh, `off_${p}`, `  ${L(PRIME_LABELS[p])} : ${L(["versée N + (années)", "gestort N + (jaren)", "paid N + (years)"])}`, (i) => ({ formula: `=${P(ctx, `${TIMING_PARAM[p]}.decalage`, i)}`, result: isNA(Y[i].offsets[p]) ? "#N/A" : Y[i].offsets[p] }), INT, "formula");
    moneyRow(ctx, sh, `recv_${p}`, [`${PRIME_LABELS[p][0]} reçue dans l'année`, `${PRIME_LABELS[p][1]} ontvangen in het jaar`, `${PRIME_LABELS[p][2]} received in the year`], (i) => receivedF(ctx, sh, i, ACCRUED_ROW[p], `off_${p}`), (i) => recv[i][p]);
    const r = sh.rows[sh.row(`recv_${p}`)];
    r.push({ formula: `=${afterHorizonF(ctx, sh, ACCRUED_ROW[p], `off_${p}`)}`, result: euroResult(ctx.sim.afterHorizon.primes[p]), format: EUR, style: "formula" });
  }
  moneyRow(ctx, sh, "recvTaxed", ["Primes reçues imposées au barème", "Ontvangen premies belast volgens tarief", "Grants received taxed at the scale"], (i, c) => TIMED_PRIMES.filter((p) => p !== "impulseo").map((p) => sh.ref(`recv_${p}`, c)).join("+"), (i) => ctx.sim.years[i].receivedTaxed, "total");
  moneyRow(ctx, sh, "recvTotal", ["Total des primes et subsides reçus dans l'année", "Totaal ontvangen premies en subsidies in het jaar", "Total grants and subsidies received in the year"], (i, c) => `${sh.ref("recvTaxed", c)}+${sh.ref("recv_impulseo", c)}`, (i) => ctx.sim.years[i].receivedTotal, "total");
  sh.note(L(["Dates de versement : Paramètres (versement.*) ; une fenêtre de demande ou de versement est comptée à sa fin.", "Stortingsdata: Parameters (versement.*); een aanvraag- of stortingsperiode wordt op haar einde geteld.", "Payment dates: Parameters (versement.*); a request or payment window is counted at its end."]));
  sh.note(L(["Non modélisés : prime Impulseo I, subvention de structure multidisciplinaire.", "Niet gemodelleerd: Impulseo I, subsidie voor een multidisciplinaire structuur.", "Not modelled: Impulseo I, multidisciplinary structure grant."]));
  return sh;
}

export { triResult };
