/**
 * npm run portfolio -- DOSSIER|clients.csv [--out portefeuille.xlsx] [--date AAAA-MM-JJ]
 *   [--clients-dir DOSSIER] [--no-client-files] [--lang fr|nl|en] [--force]
 *
 * The accountant's portfolio: every scenario file (*.json) of a folder, or
 * every row of a CSV with French headers (template: examples/clients-modele.csv),
 * validated and simulated client by client; one workbook per client (the
 * simulation workbook of npm run simulate) and one summary workbook
 * (Portefeuille, Échéances: src/portfolio/portfolio.ts). An invalid client
 * is listed with its problems and does not stop the others.
 *
 * Exit codes: 0 when the summary is written (invalid clients are listed in
 * it and in the terminal); 2 for bad arguments, nothing readable (no client
 * at all, a CSV whose headers are refused) or a file that already exists
 * without --force — then nothing is written.
 */
import "./checked-params";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "fs";
import { basename, dirname, extname, join, relative, resolve } from "path";
import { formatDateFr, parseDateText, todaySerial, type Serial } from "../dates";
import { LANGUAGES, type Language } from "../scenario/schema";
import { buildPlan } from "../scenario/plan";
import { tr, type Tr } from "../scenario/layout";
import { writeXlsx } from "../workbook/xlsx-writer";
import { readClientsCsv } from "../portfolio/csv";
import { clientLine, evaluateClients, portfolioPlan, type ClientInput, type ClientResult } from "../portfolio/portfolio";
import { penurieDisagreements, takeUserData, USER_DATA_USAGE } from "./user-params";
import { type CommandOutput, startCommand } from "./entry-point";

const USAGE = `Utilisation : npm run portfolio -- DOSSIER|clients.csv [--out FICHIER.xlsx] [--date AAAA-MM-JJ] [--clients-dir DOSSIER] [--no-client-files] [--lang fr|nl|en] [--force]
  DOSSIER          chaque scénario (*.json) du dossier est un client
  clients.csv      un client par ligne, en-têtes français, séparateur « ; » (modèle : examples/clients-modele.csv)
  --out            classeur de synthèse (défaut : out/portefeuille.xlsx)
  --date           date de la situation des échéances (défaut : aujourd'hui ; AAAA-MM-JJ ou JJ/MM/AAAA)
  --clients-dir    dossier des classeurs par client (défaut : « clients » à côté de --out)
  --no-client-files  n'écrit que le classeur de synthèse
  --lang           langue du terminal et de la synthèse (défaut : fr) ; aussi celle des classeurs des clients si donnée
  --force          remplace les fichiers existants (sinon : refus, rien n'est écrit)
${USER_DATA_USAGE}`;

export interface PortfolioCliResult extends CommandOutput {
  /** Files written: the summary first, then the clients' workbooks. */
  files: string[];
  results?: ClientResult[];
}

function slug(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "client"
  );
}

/** Reads a folder of scenario files or a CSV of clients. */
export function readClients(path: string, shown: string, lang: Language = "fr"): { ok: true; clients: ClientInput[]; ignored: string[] } | { ok: false; message: string } {
  let st;
  try {
    st = statSync(path);
  } catch {
    return { ok: false, message: `${shown} : dossier ou fichier introuvable.` };
  }
  if (st.isDirectory()) {
    const all = readdirSync(path).sort((a, b) => a.localeCompare(b, "fr"));
    const files = all.filter((f) => extname(f).toLowerCase() === ".json" && statSync(join(path, f)).isFile());
    const ignored = all.filter((f) => !files.includes(f) && statSync(join(path, f)).isFile());
    if (files.length === 0) return { ok: false, message: `${shown} : aucun scénario (*.json) dans ce dossier.` };
    const clients = files.map((f): ClientInput => {
      const fileBase = slug(basename(f, extname(f)));
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(join(path, f), "utf8"));
      } catch (e) {
        return { source: f, fileBase, readProblems: [{ path: "(fichier)", message: `JSON illisible (${(e as Error).message})` }] };
      }
      return { source: f, fileBase, input };
    });
    return { ok: true, clients, ignored };
  }
  if (extname(path).toLowerCase() !== ".csv") return { ok: false, message: `${shown} : donnez un dossier de scénarios (*.json) ou un fichier .csv.` };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return { ok: false, message: `${shown} : fichier illisible (${(e as Error).message}).` };
  }
  const r = readClientsCsv(text);
  if (!r.ok) return { ok: false, message: `${shown} : ${r.message}` };
  if (r.clients.length === 0) return { ok: false, message: `${shown} : aucune ligne de client sous les en-têtes.` };
  const file = basename(path);
  return {
    ok: true,
    ignored: [],
    clients: r.clients.map((c) => ({
      source: `${file}, ${tr(lang, ["ligne", "regel", "line"])} ${c.line}`,
      fileBase: slug(typeof c.input.name === "string" ? c.input.name : `ligne-${c.line}`),
      input: c.input,
      readProblems: c.problems,
      csv: true,
    })),
  };
}

/** Unique file names for the clients' workbooks ("dr-exemple", "dr-exemple-2"). */
function uniqueBases(results: ClientResult[]): string[] {
  const used = new Set<string>();
  return results.map((r) => {
    let b = r.fileBase;
    for (let k = 2; used.has(b); k++) b = `${r.fileBase}-${k}`;
    used.add(b);
    return b;
  });
}

export async function run(argv: string[], cwd = process.cwd()): Promise<PortfolioCliResult> {
  const fail = (message: string): PortfolioCliResult => ({ code: 2, out: "", err: message.endsWith("\n") ? message : message + "\n", files: [] });
  const user = takeUserData(argv, cwd);
  if (!user.ok) return fail(`${user.message}\nRien n'a été écrit.`);
  argv = user.argv;
  const inputs: string[] = [];
  let outFile: string | undefined;
  let clientsDir: string | undefined;
  let date: Serial | undefined;
  let lang: Language | undefined;
  let force = false;
  let clientFiles = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = () => (eq > 0 ? a.slice(eq + 1) : argv[++i]);
    if (name === "--help" || name === "-h") return { code: 0, out: USAGE + "\n", err: "", files: [] };
    if (name === "--force") force = true;
    else if (name === "--no-client-files") clientFiles = false;
    else if (name === "--out" || name === "-o") {
      outFile = value();
      if (!outFile || outFile.startsWith("--")) return fail(`--out demande un nom de fichier.\n${USAGE}`);
    } else if (name === "--clients-dir") {
      clientsDir = value();
      if (!clientsDir || clientsDir.startsWith("--")) return fail(`--clients-dir demande un dossier.\n${USAGE}`);
    } else if (name === "--date") {
      const v = value();
      const d = v ? parseDateText(v) : null;
      if (d === null) return fail(`--date : « ${v ?? ""} » n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA).`);
      date = d;
    } else if (name === "--lang") {
      const v = value();
      if (!LANGUAGES.includes(v as Language)) return fail(`Langue inconnue : ${v ?? "(rien)"} (fr, nl ou en).`);
      lang = v as Language;
    } else if (a.startsWith("-")) return fail(`Option inconnue : ${a}\n${USAGE}`);
    else inputs.push(a);
  }
  const l: Language = lang ?? "fr";
  const L = (t: Tr) => tr(l, t);
  if (inputs.length !== 1) return fail(`${inputs.length === 0 ? L(["Donnez un dossier de scénarios ou un fichier CSV de clients.", "Geef een map met scenario's of een CSV-bestand met klanten.", "Give a folder of scenarios or a CSV file of clients."]) : L(["Un seul dossier ou fichier CSV à la fois.", "Eén map of CSV-bestand tegelijk.", "One folder or CSV file at a time."])}\n${USAGE}`);
  if (clientsDir !== undefined && !clientFiles) return fail("--clients-dir et --no-client-files s'excluent.");
  const read = readClients(resolve(cwd, inputs[0]), inputs[0], l);
  if (!read.ok) return fail(`${read.message}\n${L(["Rien n'a été écrit.", "Er is niets geschreven.", "Nothing was written."])}`);
  const ref = date ?? todaySerial();
  const results = evaluateClients(read.clients, { date: ref, lang: l });

  const summaryFile = resolve(cwd, outFile ?? join("out", "portefeuille.xlsx"));
  const dir = resolve(cwd, clientsDir ?? join(dirname(summaryFile), "clients"));
  const bases = uniqueBases(results);
  const clientTargets = clientFiles ? results.map((r, k) => (r.ok ? join(dir, `${bases[k]}.xlsx`) : null)) : results.map(() => null);
  const targets = [summaryFile, ...clientTargets.filter((f): f is string => f !== null)];
  if (new Set(targets).size !== targets.length) return fail(`${L(["Le classeur de synthèse porterait le nom d'un classeur de client", "De overzichtswerkmap zou de naam van een klantwerkmap dragen", "The summary workbook would have a client workbook's name"])} : ${summaryFile}. ${L(["Choisissez un autre --out ou --clients-dir. Rien n'a été écrit.", "Kies een andere --out of --clients-dir. Er is niets geschreven.", "Choose another --out or --clients-dir. Nothing was written."])}`);
  if (!force) {
    const existing = targets.filter((f) => existsSync(f));
    if (existing.length) {
      const shown = existing.slice(0, 5).map((f) => `  ${relative(cwd, f).startsWith("..") ? f : relative(cwd, f)}`);
      if (existing.length > 5) shown.push(`  … ${L(["et", "en", "and"])} ${existing.length - 5} ${L(["autres", "andere", "more"])}`);
      return fail(
        `${existing.length > 1 ? L(["Ces fichiers existent déjà", "Deze bestanden bestaan al", "These files already exist"]) : L(["Le fichier existe déjà", "Het bestand bestaat al", "The file already exists"])} :\n${shown.join("\n")}\n${L(["Ajoutez --force pour les remplacer, ou --out / --clients-dir pour d'autres noms. Rien n'a été écrit.", "Voeg --force toe om ze te vervangen, of --out / --clients-dir voor andere namen. Er is niets geschreven.", "Add --force to replace them, or --out / --clients-dir for other names. Nothing was written."])}`,
      );
    }
  }

  const plan = portfolioPlan(results, { date: ref, lang: l });
  mkdirSync(dirname(summaryFile), { recursive: true });
  await writeXlsx(plan, summaryFile);
  const files = [summaryFile];
  const written: string[] = [];
  for (let k = 0; k < results.length; k++) {
    const f = clientTargets[k];
    const s = results[k].scenario;
    if (!f || !s) continue;
    mkdirSync(dirname(f), { recursive: true });
    await writeXlsx(buildPlan(s, lang ? { language: lang } : {}), f);
    files.push(f);
    written.push(f);
  }

  const ok = results.filter((r) => r.ok).length;
  const bad = results.length - ok;
  const late = results.reduce((n, r) => n + r.deadlines.filter((d) => d.status === "late").length, 0);
  const soon = results.reduce((n, r) => n + r.deadlines.filter((d) => d.status === "soon").length, 0);
  const lines: string[] = [];
  if (user.report.length) lines.push(user.report.join("\n"), "");
  const warnings = penurieDisagreements(results.flatMap((r) => (r.scenario ? [r.scenario] : [])));
  if (warnings.length) lines.push(...warnings, "");
  for (const r of results) lines.push(clientLine(r, l));
  lines.push("");
  lines.push(
    `${results.length} ${L(["clients", "klanten", "clients"])} : ${ok} ok, ${bad} ${L(["invalides", "ongeldig", "invalid"])}${bad ? ` (${L(["listés avec leurs problèmes dans la synthèse ; corrigez-les et relancez avec --force", "met hun problemen vermeld in het overzicht; verbeter ze en start opnieuw met --force", "listed with their problems in the summary; fix them and run again with --force"])})` : ""}.`,
  );
  lines.push(`${L(["Échéances au", "Termijnen op", "Deadlines on"])} ${formatDateFr(ref)} : ${late} ${L(["en retard", "te laat", "overdue"])}, ${soon} ${L(["dans les 30 jours", "binnen 30 dagen", "within 30 days"])}.`);
  if (read.ignored.length) lines.push(`${L(["Fichiers ignorés (pas .json)", "Genegeerde bestanden (geen .json)", "Files ignored (not .json)"])} : ${read.ignored.join(", ")}.`);
  lines.push(`${L(["Classeur de synthèse écrit", "Overzichtswerkmap geschreven", "Summary workbook written"])} : ${summaryFile} (${L(["feuilles", "bladen", "sheets"])} ${plan.sheets.map((s) => s.name).join(", ")}).`);
  if (clientFiles) lines.push(`${L(["Classeurs des clients écrits", "Werkmappen van de klanten geschreven", "Clients' workbooks written"])} : ${written.length} ${L(["dans", "in", "in"])} ${dir}${written.length ? "" : ` (${L(["aucun client valide", "geen geldige klant", "no valid client"])})`}.`);
  return { code: 0, out: lines.join("\n") + "\n", err: "", files, results };
}

if (require.main === module) startCommand(run);
