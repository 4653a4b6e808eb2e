/**
 * npm run simulate [-- scenario.json ...] [--out FILE] [--lang fr|nl|en]
 *
 * Writes the simulation workbook (.xlsx, live formulas) of one scenario —
 * the embedded example examples/scenario-exemple.json by default — or of
 * several (their sheets side by side plus a Comparaison sheet), and prints a
 * short yearly summary. An invalid scenario prints the list of problems in
 * French (path : message), exits with code 2 and writes nothing.
 */
import "./checked-params";
import { readFileSync, mkdirSync } from "fs";
import { dirname, join, resolve } from "path";
import { parseScenario, formatProblems, LANGUAGES, type Language, type Scenario } from "../scenario/schema";
import { buildPlan } from "../scenario/plan";
import { simulate, type Simulation } from "../scenario/simulate";
import { writeXlsx } from "../workbook/xlsx-writer";
import { formatEuros } from "../money";
import { isRuleError } from "../errors";
import { penurieDisagreements, takeUserData, USER_DATA_USAGE } from "./user-params";

export const DEFAULT_SCENARIO = join(__dirname, "..", "..", "examples", "scenario-exemple.json");

const USAGE = `Utilisation : npm run simulate -- [scénario.json ...] [--out FICHIER.xlsx] [--lang fr|nl|en]
  sans scénario : l'exemple intégré (examples/scenario-exemple.json)
  plusieurs scénarios : un jeu de feuilles chacun et une feuille Comparaison
  --out   fichier à écrire (défaut : out/simulation-<nom>.xlsx)
  --lang  langue des feuilles (défaut : celle du scénario)
${USER_DATA_USAGE}`;

export interface CliResult {
  code: number;
  out: string;
  err: string;
  file?: string;
}

function slug(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "scenario"
  );
}

function pad(text: string, n: number): string {
  return text.length >= n ? text : " ".repeat(n - text.length) + text;
}

/** The yearly summary printed in the terminal. */
export function summary(sim: Simulation): string {
  const lines = [`Scénario « ${sim.scenario.name} »`];
  const head = ["Année", "Honoraires", "Primes", "Charges", "Résultat", "Cotisations", "IPP", "Net"];
  const w = [6, 16, 14, 14, 16, 14, 14, 16];
  lines.push(head.map((h, i) => pad(h, w[i])).join(" "));
  for (const y of sim.years) {
    const flag = y.extrapolated.length ? " *" : "";
    lines.push([String(y.year), formatEuros(y.revenue), formatEuros(y.primes), formatEuros(y.charges.total), formatEuros(y.result), formatEuros(y.social.amount), formatEuros(y.tax.total), formatEuros(y.net)].map((v, i) => pad(v, w[i])).join(" ") + flag);
  }
  const t = sim.totals;
  lines.push(["Total", formatEuros(t.revenue), formatEuros(t.primes), formatEuros(t.charges), formatEuros(t.result), formatEuros(t.social), formatEuros(t.tax), formatEuros(t.net)].map((v, i) => pad(v, w[i])).join(" "));
  if (sim.years.some((y) => y.extrapolated.length)) {
    lines.push(
      `* années avec des montants légaux extrapolés (dernier montant publié reconduit, indexé de ${String(sim.scenario.extrapolation.indexPercent).replace(".", ",")} %/an) : voir la feuille Paramètres.`,
    );
  }
  lines.push("Résultat avant impôts ; Net = résultat − cotisations sociales − IPP (détail dans la Synthèse). Années de début : cotisations provisoires, la régularisation ultérieure n'est pas comprise.");
  return lines.join("\n");
}

export async function run(argv: string[], cwd = process.cwd()): Promise<CliResult> {
  const user = takeUserData(argv, cwd); // --params, --penurie (src/cli/user-params.ts)
  if (!user.ok) return { code: 2, out: "", err: `${user.message}\nRien n'a été écrit.\n` };
  argv = user.argv;
  const files: string[] = [];
  let outFile: string | undefined;
  let lang: Language | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") return { code: 0, out: USAGE + "\n", err: "" };
    if (a === "--out" || a === "-o") {
      outFile = argv[++i];
      if (!outFile) return { code: 2, out: "", err: `--out demande un nom de fichier.\n${USAGE}\n` };
    } else if (a.startsWith("--out=")) outFile = a.slice(6);
    else if (a === "--lang" || a.startsWith("--lang=")) {
      const v = a.includes("=") ? a.slice(7) : argv[++i];
      if (!LANGUAGES.includes(v as Language)) return { code: 2, out: "", err: `Langue inconnue : ${v ?? "(rien)"} (fr, nl ou en).\n` };
      lang = v as Language;
    } else if (a.startsWith("-")) return { code: 2, out: "", err: `Option inconnue : ${a}\n${USAGE}\n` };
    else files.push(a);
  }
  if (files.length === 0) files.push(DEFAULT_SCENARIO);

  const scenarios: Scenario[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const path = resolve(cwd, f);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, "utf8"));
    } catch (e) {
      errors.push(`${f} : ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "fichier introuvable" : `JSON illisible (${(e as Error).message})`}`);
      continue;
    }
    const r = parseScenario(json);
    if (r.ok) scenarios.push(r.scenario);
    else errors.push(`${f} : scénario invalide (${r.problems.length} problème${r.problems.length > 1 ? "s" : ""}) :\n${formatProblems(r.problems)}`);
  }
  if (errors.length) return { code: 2, out: "", err: errors.join("\n") + "\nRien n'a été écrit.\n" };

  let plan;
  let sims: Simulation[];
  try {
    sims = scenarios.map((s) => simulate(s));
    plan = buildPlan(scenarios, lang ? { language: lang } : {});
  } catch (e) {
    if (isRuleError(e)) {
      const what = e.kind === "unknown" ? "Le scénario demande une valeur inconnue" : "Le scénario est incohérent avec les règles";
      return { code: 2, out: "", err: `${what} : ${e.text.fr}\nRien n'a été écrit.\n` };
    }
    throw e;
  }
  const file = resolve(cwd, outFile ?? join("out", `simulation-${scenarios.length > 1 ? "comparaison" : slug(scenarios[0].name)}.xlsx`));
  mkdirSync(dirname(file), { recursive: true });
  await writeXlsx(plan, file);
  const out = [...(user.report.length ? [user.report.join("\n")] : []), ...penurieDisagreements(scenarios), ...sims.map(summary), `Classeur écrit : ${file} (${plan.sheets.length} feuilles, formules recalculées à l'ouverture).`].join("\n\n");
  return { code: 0, out: out + "\n", err: "", file };
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (r) => {
      if (r.out) process.stdout.write(r.out);
      if (r.err) process.stderr.write(r.err);
      process.exitCode = r.code;
    },
    (e) => {
      process.stderr.write(`Erreur inattendue : ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
