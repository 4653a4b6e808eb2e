/**
 * The Échéancier: the administrative calendar of this GP (deadlines of
 * src/rules/echeances.ts), each date a formula over the Hypothèses dates and
 * the Paramètres delays; rows that do not concern this GP are left out.
 */
import type { CellPlan } from "../workbook/plan";
import { deadlines, type DeadlineRow } from "../rules/echeances";
import { yearOf } from "../dates";
import type { Scenario } from "./schema";
import type { ModelDates } from "./model";
import { DATE, H, head, lab, Sheet, type PlanCtx } from "./layout";

/** How a deadline of src/rules/echeances.ts is written as a formula: base date + duration, or a calendar date of the base year. */
type EventFormula = { param: string; kind: "calendar" | "months" | "days" | "accreditation-end" | "accreditation-renewal"; sign?: -1 };
const EVENT_FORMULAS: Record<string, EventFormula> = {
  // From the accreditation start of Hypothèses: last day = EDATE(start; duration) − 1; renewal request = EDATE(last day; −notice).
  "accreditation.fin": { param: "accreditation.provisoire.duree", kind: "accreditation-end" },
  "accreditation.renouvellement": { param: "accreditation.renouvellement.preavis", kind: "accreditation-renewal" },
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

export interface CalendarEvent {
  /** Row id on the Échéancier sheet. */
  id: string;
  date: number;
  label: string;
}

export function calendarSheet(ctx: PlanCtx, name: string): { sheet: Sheet; events: CalendarEvent[] } {
  const { s, L } = ctx;
  const sh = new Sheet(ctx.k("ech"), name);
  const d = ctx.sim.model.d;
  sh.add([lab(`${L(["Échéancier", "Kalender", "Deadlines"])} — ${s.name}`, "title")]);
  sh.add([lab(L(["Démarches et délais calculés depuis les dates de Hypothèses et les délais de Paramètres.", "Stappen en termijnen berekend uit de datums van Hypothesen en de termijnen van Parameters.", "Steps and deadlines computed from the dates in Assumptions and the periods in Parameters."]), "note")]);
  sh.add([head(L(["Date", "Datum", "Date"])), head(L(["Démarche", "Stap", "Step"])), head(L(["Source", "Bron", "Source"]))]);
  const rows = scenarioDeadlines(ctx);
  const events: CalendarEvent[] = [];
  rows.forEach((r, k) => {
    const def = EVENT_FORMULAS[r.event];
    const baseYear = r.year ?? yearOf(baseOf(r, d));
    let dateCell: CellPlan;
    if (r.date === null) {
      dateCell = { value: L(["inconnue", "onbekend", "unknown"]), style: "note", note: r.error };
    } else {
      const f = eventFormula(ctx, r, def, baseYear);
      dateCell = { formula: f, result: r.date, format: DATE, style: "formula" };
    }
    const label = deadlineLabel(ctx, r);
    sh.add([dateCell, lab(label), lab(r.source, "source")], `ev${k}`);
    if (r.date !== null) events.push({ id: `ev${k}`, date: r.date, label });
  });
  return { sheet: sh, events };
}

/** The deadlines of src/rules/echeances.ts that concern this GP (the Échéancier's rows; also the portfolio's, src/portfolio). */
export function scenarioDeadlines(ctx: Pick<PlanCtx, "s" | "sim" | "years" | "lang">): DeadlineRow[] {
  const d = ctx.sim.model.d;
  const sim = ctx.sim.years;
  const claims = new Set(sim.filter((y) => y.primes.accrued.impulseo > 0).map((y) => y.year));
  const continuite = new Set(sim.filter((y) => y.primes.accrued.continuite > 0).map((y) => y.year));
  const gestion = new Set(sim.filter((y) => y.primes.accrued.gestion > 0).map((y) => y.year));
  return deadlines(
    // The accreditation dates are counted from its start (the day before it = both received, or a later known start).
    { endOfTraining: d.endOfTraining, agrement: d.agrement, installation: d.installation, years: ctx.years, ...(d.accreditationStart !== null ? { accreditationReceived: d.accreditationStart - 1 } : {}) },
    ctx.lang,
  ).filter((r) => keepEvent(r, ctx.s, ctx.sim.model.penurie, { claims, continuite, gestion }, yearOf(d.inamiNumber)));
}

/** A deadline's label as the Échéancier shows it (a yearly step with its year). */
export function deadlineLabel(ctx: Pick<PlanCtx, "L">, r: DeadlineRow): string {
  return r.year !== undefined && !r.event.startsWith("dmg.") ? `${r.label} (${ctx.L(["année", "jaar", "year"])} ${r.year})` : r.label;
}

function baseOf(r: DeadlineRow, d: ModelDates): number {
  const base = EVENT_BASES[r.event];
  if (base === "accreditationReceived") return (d.accreditationStart ?? d.agrement + 1) - 1;
  return base === "agrement" ? d.agrement : base === "installation" ? d.installation : d.endOfTraining;
}

const EVENT_BASES: Record<string, "endOfTraining" | "agrement" | "installation" | "accreditationReceived" | "year"> = {
  "agrement.demande-anticipee": "endOfTraining",
  "agrement.carnet": "endOfTraining",
  "agrement.complement": "endOfTraining",
  "accreditation.demande-fin": "agrement",
  "accreditation.fin": "accreditationReceived",
  "accreditation.renouvellement": "accreditationReceived",
  "installation.jeune-limite": "agrement",
  "installation.demande": "installation",
  "installation.depenses-debut": "installation",
  "installation.depenses-fin": "installation",
};

function keepEvent(r: DeadlineRow, s: Scenario, penurie: boolean, years: { claims: Set<number>; continuite: Set<number>; gestion: Set<number> }, numberYear: number): boolean {
  if (!(r.event in EVENT_FORMULAS)) return false;
  const claims = years.claims;
  if (r.event.startsWith("continuite.")) return r.year !== undefined && years.continuite.has(r.year);
  if (r.event.startsWith("gestion.")) return r.year !== undefined && years.gestion.has(r.year);
  if (r.event.startsWith("statut-social.")) return s.conventionnement !== "aucun";
  if (r.event.startsWith("installation.")) return penurie && s.conventionnement !== "aucun";
  if (r.event.startsWith("dmg.")) return r.year === numberYear;
  if (r.event.startsWith("impulseo.")) return r.year !== undefined && claims.has(r.year);
  if (r.event.startsWith("accreditation.")) return s.accreditation.accredited;
  return true;
}

function eventFormula(ctx: PlanCtx, r: DeadlineRow, def: EventFormula, baseYear: number): string {
  const P = (key: string) => ctx.par.ref(key, baseYear);
  if (def.kind === "accreditation-end" || def.kind === "accreditation-renewal") {
    const end = `EDATE(${H(ctx, "accreditationStart")},${P("accreditation.provisoire.duree")})-1`;
    return def.kind === "accreditation-end" ? `=${end}` : `=EDATE(${end},-${P(def.param)})`;
  }
  if (def.kind === "calendar") {
    const yr = r.year !== undefined ? String(r.year) : `YEAR(${H(ctx, BASE_CELLS[EVENT_BASES[r.event]])})`;
    return `=DATE(${yr}+${P(`${def.param}.decalage`)},${P(`${def.param}.mois`)},${P(`${def.param}.jour`)})`;
  }
  const base = H(ctx, BASE_CELLS[EVENT_BASES[r.event]]);
  const n = def.sign === -1 ? `-${P(def.param)}` : P(def.param);
  return def.kind === "months" ? `=EDATE(${base},${n})` : `=${base}+${n}`;
}

