import { buildPlan } from "../../src/scenario/plan";
import { evaluatePlan } from "../../tests/scenario/evaluate";
import example from "../../examples/scenario-exemple.json";
import { parseScenario } from "../../src/scenario/schema";
const s = { ...example, dates: { endOfTraining: "2025-01-01", agrement: "2025-01-01", inamiNumber: "2025-01-01", installation: "2025-01-01" }, horizon: 5, firstYear: 2025, practice: { type: "maison-medicale-acte", gps: 2 }, conventionnement: "total", accreditation: { accredited: true }, activity: [{ consultationsPerWeek: 50, visitsPerWeek: 9, weeksWorked: 16, dmgCount: 0, eServicesCriteria: 0, acceptedSoftware: false }], staff: { telesecretariat: { months: 1, yearlyCost: 23014.63 }, employee: { months: 1, yearlyCost: 0.13 } }, quartier: { code: 11, penurie: false }, extrapolation: { indexPercent: 0.03 }, household: { dependants: 0, commune: "Etterbeek" } };
const r = parseScenario(s);
if (!r.ok) { console.log(r.problems); process.exit(1); }
const { mismatches } = evaluatePlan(buildPlan(r.scenario));
for (const m of mismatches.slice(0, 10)) console.log(m.sheet, m.cell, m.formula.slice(0, 120), "exp", m.expected, "got", m.actual);
