import { readFileSync } from "fs";
import { readClientsCsv } from "../../src/portfolio/csv";
import { evaluateClients, clientLine } from "../../src/portfolio/portfolio";
import { parseScenario } from "../../src/scenario/schema";
import { simulate } from "../../src/scenario/simulate";
const r = readClientsCsv(readFileSync("/work/wt-portfolio/examples/clients-modele.csv", "utf8"));
if (!r.ok) { console.log(r.message); process.exit(); }
console.log(JSON.stringify(r.clients[1].input));
const res = evaluateClients(r.clients.map(c => ({ source: "l" + c.line, fileBase: "x", input: c.input, readProblems: c.problems, csv: true })), { date: 46357, lang: "fr" });
for (const x of res) { console.log(clientLine(x, "fr")); console.log(x.refusals, x.deadlines.length); }
const ex = parseScenario(JSON.parse(readFileSync("/work/wt-portfolio/examples/scenario-exemple.json","utf8")));
if (ex.ok) console.log(simulate(ex.scenario).totals.netCash, res[0].sim?.totals.netCash);
for (const y of res[1].sim!.years) console.log(y.year, y.unknown, y.cash.net, y.tax.total);
