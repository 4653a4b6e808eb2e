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
import { existsSync, readFileSync, mkdirSync } from "fs";
import { dirname, join, resolve } from "path";
import { parseScenario, formatProblems, LANGUAGES, type Language, type Scenario } from "../scenario/schema";
import { buildPlan } from "../scenario/plan";
import { simulate, type Simulation } from "../scenario/simulate";
import { writeXlsx } from "../workbook/xlsx-writer";
import { formatEuros } from "../money";
import { isRuleError } from "../errors";
import { penurieDisagreements, takeUserData, USER_DATA_USAGE } from "./user-params";
import { type CommandOutput, startCommand } from "./entry-point";

export const DEFAULT_SCENARIO = join(__dirname, "..", "..", "examples", "scenario-exemple.json");

const USAGE = `Utilisation : npm run simulate -- [scénario.json ...] [--out FICHIER.xlsx] [--lang fr|nl|en] [--json] [--no-xlsx] [--force]
  sans scénario : l'exemple intégré (examples/scenario-exemple.json)
  plusieurs scénarios : un jeu de feuilles chacun et une feuille Comparaison
  --out      fichier à écrire (défaut : out/simulation-<nom>.xlsx)
  --lang     langue des feuilles et du résumé (défaut : celle du scénario)
  --json     imprime la projection en JSON (euros) au lieu du résumé
  --no-xlsx  n'écrit pas de classeur
  --force    remplace un classeur existant (sinon : refus, rien n'est écrit)
${USER_DATA_USAGE}`;

export interface CliResult extends CommandOutput {
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

type T3 = [string, string, string];
const t3 = (lang: Language, t: T3) => t[lang === "fr" ? 0 : lang === "nl" ? 1 : 2];
const money = (cents: number) => (Number.isNaN(cents) ? "#N/A" : formatEuros(cents));

/** The yearly summary printed in the terminal: the fiscal year, what is paid, the cash. */
export function summary(sim: Simulation, lang: Language = "fr"): string {
  const L = (t: T3) => t3(lang, t);
  const lines = [`${L(["Scénario", "Scenario", "Scenario"])} « ${sim.scenario.name} »`];
  const cols: { t: T3; get: (y: Simulation["years"][number]) => number; total?: (s: Simulation) => number }[] = [
    { t: ["Honoraires", "Erelonen", "Fees"], get: (y) => y.revenues.total, total: (x) => x.totals.fees },
    { t: ["Primes reçues", "Premies ontv.", "Grants recv."], get: (y) => y.receivedTotal, total: (x) => x.totals.primesReceived },
    { t: ["Imposable", "Belastbaar", "Taxable"], get: (y) => y.tax.taxable, total: (x) => x.totals.taxable },
    { t: ["IPP de l'année", "PB van het jaar", "Tax of year"], get: (y) => y.tax.total, total: (x) => x.totals.tax },
    { t: ["IPP payé", "PB betaald", "Tax paid"], get: (y) => y.taxPaid, total: (x) => x.totals.taxPaid },
    { t: ["Cotis. payées", "Bijdr. betaald", "Contrib. paid"], get: (y) => y.social.paid, total: (x) => x.totals.socialPaid },
    { t: ["dont régul.", "waarvan regul.", "of which reg."], get: (y) => y.social.regularisationPaid },
    { t: ["Trésorerie", "Thesaurie", "Net cash"], get: (y) => y.cash.net, total: (x) => x.totals.netCash },
    { t: ["Cumulée", "Gecumuleerd", "Cumulative"], get: (y) => y.cash.cumulative },
  ];
  const w = [6, ...cols.map(() => 15)];
  lines.push([L(["Année", "Jaar", "Year"]), ...cols.map((c) => L(c.t))].map((h, i) => pad(h, w[i])).join(" "));
  for (const y of sim.years) {
    const flag = y.unknown.length ? " #" : y.extrapolated.length ? " *" : "";
    lines.push([String(y.year), ...cols.map((c) => money(c.get(y)))].map((v, i) => pad(v, w[i])).join(" ") + flag);
  }
  lines.push([L(["Total", "Totaal", "Total"]), ...cols.map((c) => (c.total ? money(c.total(sim)) : ""))].map((v, i) => pad(v, w[i])).join(" "));
  const a = sim.afterHorizon;
  const primesAfter = Object.values(a.primes).reduce((t, v) => t + v, 0);
  lines.push(
    `${L(["Après l'horizon", "Na de horizon", "After the horizon"])} : ${L(["régularisations de cotisations", "regularisaties van bijdragen", "contribution regularisations"])} ${money(a.socialRegularisation)}, ${L(["solde d'impôt", "belastingsaldo", "tax balance"])} ${money(a.tax)}, ${L(["primes à recevoir", "te ontvangen premies", "grants to receive"])} ${money(primesAfter)}.`,
  );
  lines.push(`${L(["Statut social versé à l'assureur (hors revenus et trésorerie)", "Sociaal statuut gestort aan de verzekeraar (buiten inkomen en thesaurie)", "Social benefit paid to the insurer (not income, not cash)"])} : ${money(sim.totals.statutSocial)}.`);
  if (sim.years.some((y) => y.extrapolated.length)) {
    lines.push(
      `* ${L(["montants légaux extrapolés (dernier montant publié reconduit, indexé de", "geëxtrapoleerde wettelijke bedragen (laatst gepubliceerd bedrag behouden, geïndexeerd met", "extrapolated legal figures (last published amount carried over, indexed by"])} ${String(sim.scenario.extrapolation.indexPercent).replace(".", ",")} %/${L(["an) : feuille Paramètres.", "jaar): blad Parameters.", "year): Parameters sheet."])}`,
    );
  }
  for (const y of sim.years) {
    for (const u of y.unknown) lines.push(`# ${y.year} : ${u.param} — ${u.reason}`);
  }
  return lines.join("\n");
}

const euros = (cents: number): number | null => (Number.isNaN(cents) ? null : Math.round(cents) / 100);

/** The projection as plain data for scripts (euros as numbers; null = not published, #N/A). */
export function projectionJson(sim: Simulation) {
  return {
    name: sim.scenario.name,
    years: sim.years.map((y) => ({
      year: y.year,
      fees: euros(y.revenues.total),
      primesAccrued: euros(y.primes.total),
      primesReceived: euros(y.receivedTotal),
      deductibleCosts: euros(y.costs.total),
      taxableIncome: euros(y.tax.taxable),
      incomeTax: euros(y.tax.total),
      incomeTaxPaid: euros(y.taxPaid),
      socialContributionsProvisional: euros(y.social.provisional),
      socialContributionsDefinitive: euros(y.social.definitive),
      socialContributionsRegularisation: euros(y.social.regularisation),
      socialContributionsRegularisationPaid: euros(y.social.regularisationPaid),
      socialContributionsPaid: euros(y.social.paid),
      statutSocial: euros(y.primes.statutSocial.amount),
      installationSubsidy: euros(y.primes.accrued.installation),
      installationSubsidyReceived: euros(y.received.installation),
      investmentsPaid: euros(y.costs.investments),
      cashIn: euros(y.cash.inflows),
      cashOut: euros(y.cash.outflows),
      netCash: euros(y.cash.net),
      cumulativeCash: euros(y.cash.cumulative),
      extrapolated: y.extrapolated,
      unknown: y.unknown,
    })),
    afterHorizon: {
      socialContributionsRegularisation: euros(sim.afterHorizon.socialRegularisation),
      incomeTax: euros(sim.afterHorizon.tax),
      primes: euros(Object.values(sim.afterHorizon.primes).reduce((t, v) => t + v, 0)),
    },
  };
}

export async function run(argv: string[], cwd = process.cwd()): Promise<CliResult> {
  const user = takeUserData(argv, cwd); // --params, --penurie (src/cli/user-params.ts)
  if (!user.ok) return { code: 2, out: "", err: `${user.message}\nRien n'a été écrit.\n` };
  argv = user.argv;
  const files: string[] = [];
  let outFile: string | undefined;
  let lang: Language | undefined;
  let json = false;
  let xlsx = true;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") return { code: 0, out: USAGE + "\n", err: "" };
    if (a === "--json") {
      json = true;
      continue;
    }
    if (a === "--no-xlsx") {
      xlsx = false;
      continue;
    }
    if (a === "--force") {
      force = true;
      continue;
    }
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
  const l = lang ?? scenarios[0].language;
  if (xlsx && existsSync(file) && !force) {
    return { code: 2, out: "", err: `${t3(l, ["Le fichier existe déjà", "Het bestand bestaat al", "The file already exists"])} : ${file} — ${t3(l, ["ajoutez --force pour le remplacer, ou --out pour un autre nom. Rien n'a été écrit.", "voeg --force toe om het te vervangen, of --out voor een andere naam. Er is niets geschreven.", "add --force to replace it, or --out for another name. Nothing was written."])}\n` };
  }
  if (xlsx) {
    mkdirSync(dirname(file), { recursive: true });
    await writeXlsx(plan, file);
  }
  const written = xlsx ? `${t3(l, ["Classeur écrit", "Werkmap geschreven", "Workbook written"])} : ${file} (${plan.sheets.length} ${t3(l, ["feuilles, formules recalculées à l'ouverture", "bladen, formules herberekend bij het openen", "sheets, formulas recalculated on opening"])}).` : "";
  if (json) return { code: 0, out: JSON.stringify({ scenarios: sims.map(projectionJson) }, null, 2) + "\n", err: [...user.report, written].filter(Boolean).join("\n") + "\n", file: xlsx ? file : undefined };
  const out = [...(user.report.length ? [user.report.join("\n")] : []), ...penurieDisagreements(scenarios), ...sims.map((sim) => summary(sim, l)), written].filter(Boolean).join("\n\n");
  return { code: 0, out: out + "\n", err: "", file: xlsx ? file : undefined };
}

if (require.main === module) startCommand(run);
