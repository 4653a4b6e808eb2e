import { buildPlan } from "../../src/scenario/plan";
import { evaluatePlan } from "../../tests/scenario/evaluate";
import example from "../../examples/scenario-exemple.json";
import { parseScenario } from "../../src/scenario/schema";
const r = parseScenario(JSON.parse(process.argv[2] ?? JSON.stringify(example)));
if (!r.ok) { console.log(r.problems); process.exit(1); }
const { mismatches, formulas } = evaluatePlan(buildPlan(r.scenario));
console.log(formulas, mismatches.length);
for (const m of mismatches.slice(0, 25)) console.log(m.sheet, m.cell, m.formula.slice(0, 160), "exp", m.expected, "got", m.actual);
