/**
 * A portfolio of clients: each client's scenario validated (parseScenario)
 * and simulated (simulate), then one summary workbook plan — a
 * "Portefeuille" sheet (one row per client: status, the key figures of each
 * calendar year, what remains due after the horizon, the aids refused and
 * why) and an "Échéances" sheet (every client's deadlines, the rows of each
 * client's Échéancier, with their situation on a given date).
 *
 * Pure: inputs in, results and a WorkbookPlan out (src/cli/portfolio.ts reads
 * the files and writes the workbooks). An invalid client is kept with its
 * problems and never stops the others. The summary holds values (no
 * formulas): each client's own workbook holds the live formulas.
 */
import { formatDateFr, type Serial } from "../dates";
import { isRuleError } from "../errors";
import { centsToEuros, formatEuros } from "../money";
import type { CellPlan, PrintPlan, SheetPlan, WorkbookPlan } from "../workbook/plan";
import { parseScenario, yearsOf, type Language, type Scenario, type ScenarioProblem } from "../scenario/schema";
import { simulate, type Simulation } from "../scenario/simulate";
import { aidLines } from "../scenario/summary";
import { deadlineLabel, scenarioDeadlines } from "../scenario/calendar";
import { columnLetter, DATE, EUR, head, lab, noteLines, tr, type Tr } from "../scenario/layout";
import { headerOfPath } from "./csv";

/** One client as read from a file (a scenario JSON, or a CSV row). */
export interface ClientInput {
  /** Where it comes from: "a-regroupement.json", "clients.csv, ligne 3". */
  source: string;
  /** Base of the client's workbook file name (without extension). */
  fileBase: string;
  /** The scenario input (parsed JSON, or built from the CSV row); undefined when unreadable. */
  input?: unknown;
  /** Problems found while reading (JSON unreadable, a CSV cell that is not a number...). */
  readProblems?: ScenarioProblem[];
  /** A CSV row: problems name the CSV column rather than the scenario path. */
  csv?: boolean;
}

export type DeadlineStatus = "late" | "soon" | "later" | "unknown";

export interface ClientDeadline {
  date: Serial | null;
  label: string;
  source: string;
  status: DeadlineStatus;
  /** Why the date is not known (date null). */
  error?: string;
}

export interface ClientResult {
  source: string;
  fileBase: string;
  name: string;
  ok: boolean;
  problems: ScenarioProblem[];
  scenario?: Scenario;
  sim?: Simulation;
  /** "Subvention d'installation (COCOM) : quartier non déclaré en pénurie". */
  refusals: string[];
  deadlines: ClientDeadline[];
}

export interface PortfolioOptions {
  /** Reference date of the deadlines' situation (Excel serial). */
  date: Serial;
  /** Language of the summary (sheet names, headers, statuses, refusals). */
  lang: Language;
}

/** Days ahead that make a deadline "dans les 30 jours". */
export const SOON_DAYS = 30;

export function deadlineStatus(date: Serial | null, ref: Serial): DeadlineStatus {
  if (date === null) return "unknown";
  if (date < ref) return "late";
  return date - ref <= SOON_DAYS ? "soon" : "later";
}

const STATUS_TEXT: Record<DeadlineStatus, Tr> = {
  late: ["en retard", "te laat", "overdue"],
  soon: ["dans les 30 jours", "binnen 30 dagen", "within 30 days"],
  later: ["à venir", "gepland", "upcoming"],
  unknown: ["date inconnue", "datum onbekend", "date unknown"],
};

export function statusText(status: DeadlineStatus, lang: Language): string {
  return tr(lang, STATUS_TEXT[status]);
}

/** Validates and simulates one client; never throws for a bad client. */
export function evaluateClient(c: ClientInput, opts: PortfolioOptions): ClientResult {
  const L = (t: Tr) => tr(opts.lang, t);
  const raw = c.input as { name?: unknown } | undefined;
  const fallbackName = typeof raw?.name === "string" && raw.name.trim() ? raw.name.trim() : c.fileBase;
  const base = { source: c.source, fileBase: c.fileBase, refusals: [], deadlines: [] };
  const read = c.readProblems ?? [];
  if (c.input === undefined) return { ...base, name: fallbackName, ok: false, problems: read };
  const r = parseScenario(c.input);
  if (!r.ok || read.length) {
    let problems = r.ok ? [] : r.problems;
    if (c.csv) {
      // A cell that could not be read is reported once, under its column.
      const unread = new Set(read.map((p) => p.path.replace(/ \(année \d+\)$/, "")));
      problems = problems
        .map((p) => ({ path: headerOfPath(p.path) ?? p.path, message: p.message }))
        .filter((p) => !unread.has(p.path.replace(/ \(année \d+\)$/, "")));
    }
    return { ...base, name: fallbackName, ok: false, problems: [...read, ...problems] };
  }
  const s = r.scenario;
  let sim: Simulation;
  try {
    sim = simulate(s);
  } catch (e) {
    if (!isRuleError(e)) throw e;
    const what = e.kind === "unknown" ? L(["valeur inconnue", "onbekende waarde", "unknown value"]) : L(["incohérent avec les règles", "strijdig met de regels", "inconsistent with the rules"]);
    return { ...base, name: s.name, ok: false, problems: [{ path: "(simulation)", message: `${what} : ${e.messageIn(opts.lang)}` }] };
  }
  const years = yearsOf(s);
  const ctx = { s, sim, years, lang: opts.lang, L };
  const no = L(["non", "neen", "no"]);
  const refusals = aidLines(ctx)
    .filter(([, text]) => text.startsWith(`${no} — `))
    .map(([t, text]) => `${L(t)} : ${text.slice(no.length + 3)}`);
  const deadlines = scenarioDeadlines(ctx).map((row) => ({
    date: row.date,
    label: deadlineLabel(ctx, row),
    source: row.source,
    status: deadlineStatus(row.date, opts.date),
    ...(row.error ? { error: row.error } : {}),
  }));
  return { ...base, name: s.name, ok: true, problems: [], scenario: s, sim, refusals, deadlines };
}

export function evaluateClients(clients: readonly ClientInput[], opts: PortfolioOptions): ClientResult[] {
  return clients.map((c) => evaluateClient(c, opts));
}

/** "- chemin : message" lines. */
export function problemText(p: ScenarioProblem): string {
  return `${p.path} : ${p.message}`;
}

const money = (cents: number): CellPlan => (Number.isNaN(cents) ? { formula: "=NA()", result: "#N/A", format: EUR, style: "note" } : { value: centsToEuros(cents), format: EUR, style: "formula" });
const text = (value: string, style: CellPlan["style"] = "label"): CellPlan => ({ value, style });

/** Every calendar year simulated for at least one client, in order. */
export function unionYears(results: readonly ClientResult[]): number[] {
  const set = new Set<number>();
  for (const r of results) for (const y of r.sim?.years ?? []) set.add(y.year);
  return [...set].sort((a, b) => a - b);
}

const MEASURES: { id: string; t: Tr; get: (y: Simulation["years"][number]) => number }[] = [
  { id: "net", t: ["Trésorerie nette", "Netto thesaurie", "Net cash"], get: (y) => y.cash.net },
  { id: "tax", t: ["IPP de l'année", "PB van het jaar", "Income tax of the year"], get: (y) => y.tax.total },
  { id: "social", t: ["Cotisations payées", "Betaalde bijdragen", "Contributions paid"], get: (y) => y.social.paid },
];

/** The summary workbook: Portefeuille, Échéances, Détails. */
export function portfolioPlan(results: readonly ClientResult[], opts: PortfolioOptions): WorkbookPlan {
  return { sheets: [portfolioSheet(results, opts), deadlinesSheet(results, opts), detailsSheet(results, opts)] };
}

/** A4 landscape, one page wide, the title rows repeated, the printed area the table's first `columns` columns (long texts to the right are not printed past it). */
function printSetup(lang: Language, left: string, titleRows: number, columns: number, rows: number): PrintPlan {
  return {
    orientation: "landscape",
    fitToWidth: true,
    titleRows,
    footer: { left, center: "{date}", right: `${tr(lang, ["Page", "Pagina", "Page"])} {page} / {pages}` },
    printArea: `A1:${columnLetter(columns - 1)}${Math.max(rows, titleRows)}`,
  };
}

function portfolioSheet(results: readonly ClientResult[], opts: PortfolioOptions): SheetPlan {
  const L = (t: Tr) => tr(opts.lang, t);
  const years = unionYears(results);
  const valid = results.filter((r) => r.ok).length;
  const name = L(["Portefeuille", "Portefeuille", "Portfolio"]);
  const rows: (CellPlan | null)[][] = [];
  rows.push([
    lab(
      `${name} — ${results.length} ${L(["clients", "klanten", "clients"])} (${valid} ${L(["valides", "geldig", "valid"])}, ${results.length - valid} ${L(["invalides", "ongeldig", "invalid"])})`,
      "title",
    ),
  ]);
  for (const line of noteLines(
    L([
      `Situation au ${formatDateFr(opts.date)}. Montants en euros, par année civile (vide : année non simulée pour ce client) ; formules et détail dans le classeur de chaque client. Aides refusées et problèmes, imprimables : feuille Détails.`,
      `Toestand op ${formatDateFr(opts.date)}. Bedragen in euro, per kalenderjaar (leeg: jaar niet gesimuleerd voor deze klant); formules en details in de werkmap van elke klant. Geweigerde steun en problemen, afdrukbaar: blad Details.`,
      `Status on ${formatDateFr(opts.date)}. Amounts in euros, per calendar year (blank: year not simulated for this client); formulas and details in each client's workbook. Aids refused and problems, printable: Details sheet.`,
    ]),
    160,
  ))
    rows.push([lab(line, "note")]);
  const headers: string[] = [L(["Client", "Klant", "Client"]), L(["Source (fichier ou ligne)", "Bron (bestand of regel)", "Source (file or line)"]), L(["Statut", "Status", "Status"]), L(["Années simulées", "Gesimuleerde jaren", "Simulated years"])];
  for (const m of MEASURES) for (const y of years) headers.push(`${L(m.t)} ${y}`);
  headers.push(
    L(["Trésorerie nette totale", "Totale netto thesaurie", "Total net cash"]),
    L(["IPP total", "Totale PB", "Total income tax"]),
    L(["Trésorerie cumulée en fin de période", "Gecumuleerde thesaurie op het einde", "Cumulative cash at the end"]),
    L(["Après l'horizon : régularisations de cotisations", "Na de horizon: regularisaties van bijdragen", "After the horizon: contribution regularisations"]),
    L(["Après l'horizon : solde d'impôt", "Na de horizon: belastingsaldo", "After the horizon: tax balance"]),
    L(["Après l'horizon : primes à recevoir", "Na de horizon: te ontvangen premies", "After the horizon: grants to receive"]),
    L(["Échéances en retard", "Termijnen te laat", "Deadlines overdue"]),
    L(["Échéances dans les 30 jours", "Termijnen binnen 30 dagen", "Deadlines within 30 days"]),
    L(["Prochaine échéance", "Volgende termijn", "Next deadline"]),
    L(["Prochaine démarche", "Volgende stap", "Next step"]),
    L(["Montants légaux", "Wettelijke bedragen", "Legal figures"]),
    L(["Aides refusées (et pourquoi)", "Geweigerde steun (en waarom)", "Aids refused (and why)"]),
    L(["Problèmes", "Problemen", "Problems"]),
  );
  rows.push(headers.map((h) => head(h)));
  const titleRows = rows.length;
  const statusOk = L(["ok", "ok", "ok"]);
  const statusBad = L(["invalide", "ongeldig", "invalid"]);
  for (const r of results) {
    const cells: (CellPlan | null)[] = [text(r.name), text(r.source, "source"), text(r.ok ? statusOk : statusBad, r.ok ? "check" : "note")];
    const sim = r.sim;
    if (!sim) {
      cells.push(null);
      for (let k = 0; k < MEASURES.length * years.length + 12; k++) cells.push(null);
      cells.push(text(r.problems.map(problemText).join(" ; "), "note"));
      rows.push(cells);
      continue;
    }
    const ys = sim.years;
    cells.push(text(`${ys[0].year}–${ys[ys.length - 1].year}`));
    const byYear = new Map(ys.map((y) => [y.year, y]));
    for (const m of MEASURES) {
      for (const year of years) {
        const y = byYear.get(year);
        cells.push(y ? money(m.get(y)) : null);
      }
    }
    const a = sim.afterHorizon;
    cells.push(money(sim.totals.netCash), money(sim.totals.tax), money(ys[ys.length - 1].cash.cumulative), money(a.socialRegularisation), money(a.tax), money(Object.values(a.primes).reduce((t, v) => t + v, 0)));
    const late = r.deadlines.filter((d) => d.status === "late").length;
    const soon = r.deadlines.filter((d) => d.status === "soon").length;
    const next = r.deadlines.filter((d) => d.date !== null && d.date >= opts.date).sort((x, y) => x.date! - y.date!)[0];
    cells.push({ value: late, style: late ? "note" : "formula" }, { value: soon, style: soon ? "note" : "formula" });
    cells.push(next ? { value: next.date, format: DATE, style: "formula" } : null, next ? text(next.label) : text(L(["aucune dans la période simulée", "geen in de gesimuleerde periode", "none in the simulated period"]), "note"));
    cells.push(text(legalFiguresText(sim, L), ys.some((y) => y.unknown.length || y.extrapolated.length) ? "note" : "check"));
    cells.push(text(r.refusals.join(" ; ") || L(["aucune", "geen", "none"]), r.refusals.length ? "note" : "check"));
    cells.push(null);
    rows.push(cells);
  }
  const widths = [24, 22, 9, 10, ...MEASURES.flatMap(() => years.map(() => 12)), 13, 13, 13, 13, 13, 13, 9, 9, 11, 44, 24, 80, 80];
  // Printed: up to the legal figures; the long texts (refusals, problems) print on the Détails sheet.
  return { key: "portefeuille", name, rows, columnWidths: widths, freezeRows: titleRows, print: printSetup(opts.lang, name, titleRows, headers.length - 2, rows.length) };
}

/** "publiés" or "extrapolés : 2028, 2029" or "non publiés : 2030". */
function legalFiguresText(sim: Simulation, L: (t: Tr) => string): string {
  const ex = sim.years.filter((y) => y.extrapolated.length && !y.unknown.length).map((y) => y.year);
  const un = sim.years.filter((y) => y.unknown.length).map((y) => y.year);
  const parts: string[] = [];
  if (ex.length) parts.push(`${L(["extrapolés", "geëxtrapoleerd", "extrapolated"])} : ${ex.join(", ")}`);
  if (un.length) parts.push(`${L(["non publiés (#N/A)", "niet gepubliceerd (#N/A)", "not published (#N/A)"])} : ${un.join(", ")}`);
  return parts.length ? parts.join(" ; ") : L(["publiés", "gepubliceerd", "published"]);
}

function deadlinesSheet(results: readonly ClientResult[], opts: PortfolioOptions): SheetPlan {
  const L = (t: Tr) => tr(opts.lang, t);
  const name = L(["Échéances", "Termijnen", "Deadlines"]);
  const rows: (CellPlan | null)[][] = [];
  const all = results.flatMap((r) => r.deadlines.map((d) => ({ client: r.name, d })));
  const count = (s: DeadlineStatus) => all.filter((x) => x.d.status === s).length;
  rows.push([lab(`${L(["Échéances des clients", "Termijnen van de klanten", "Clients' deadlines"])} — ${L(["situation au", "toestand op", "status on"])} ${formatDateFr(opts.date)}`, "title")]);
  rows.push([
    lab(
      `${count("late")} ${statusText("late", opts.lang)}, ${count("soon")} ${statusText("soon", opts.lang)}, ${count("later")} ${statusText("later", opts.lang)}${count("unknown") ? `, ${count("unknown")} ${statusText("unknown", opts.lang)}` : ""}. ${L([
        "Les démarches de l'Échéancier de chaque classeur ; « en retard » : date passée au jour de la situation (à vérifier : la démarche a pu être faite).",
        "De stappen van de Kalender van elke werkmap; « te laat »: datum verstreken op de dag van de toestand (na te gaan: de stap kan gedaan zijn).",
        "The steps of each workbook's Deadlines sheet; \"overdue\": date passed on the status day (to check: the step may have been done).",
      ])}`,
      "note",
    ),
  ]);
  rows.push([head(L(["Date", "Datum", "Date"])), head(L(["Situation", "Toestand", "Status"])), head(L(["Client", "Klant", "Client"])), head(L(["Démarche", "Stap", "Step"])), head(L(["Source", "Bron", "Source"]))]);
  const order = [...all].sort((x, y) => (x.d.date ?? Infinity) - (y.d.date ?? Infinity) || x.client.localeCompare(y.client, "fr") || x.d.label.localeCompare(y.d.label, "fr"));
  for (const { client, d } of order) {
    rows.push([
      d.date === null ? text(L(["inconnue", "onbekend", "unknown"]), "note") : { value: d.date, format: DATE, style: "formula" },
      text(statusText(d.status, opts.lang), d.status === "late" || d.status === "soon" ? "note" : "label"),
      text(client),
      text(d.label),
      text(d.date === null ? (d.error ?? "") : d.source, "source"),
    ]);
  }
  if (order.length === 0) rows.push([lab(L(["Aucune échéance : aucun client valide.", "Geen termijnen: geen geldige klant.", "No deadlines: no valid client."]), "note")]);
  return { key: "echeances", name, rows, columnWidths: [12, 18, 28, 90, 70], freezeRows: 3, print: printSetup(opts.lang, name, 3, 5, rows.length) };
}

/** Characters of a Détails line (its column is as wide). */
const DETAIL_CHARS = 110;

/** Détails: each client's refusals, problems and unpublished figures, one per row, long texts cut into printable lines. */
function detailsSheet(results: readonly ClientResult[], opts: PortfolioOptions): SheetPlan {
  const L = (t: Tr) => tr(opts.lang, t);
  const name = L(["Détails", "Details", "Details"]);
  const rows: (CellPlan | null)[][] = [];
  rows.push([lab(`${L(["Détails par client : aides refusées, problèmes, montants non publiés", "Details per klant: geweigerde steun, problemen, niet-gepubliceerde bedragen", "Details per client: aids refused, problems, unpublished figures"])}`, "title")]);
  rows.push([lab(L(["Une ligne par raison ; un texte long continue sur les lignes suivantes.", "Eén regel per reden; een lange tekst loopt door op de volgende regels.", "One line per reason; a long text continues on the next lines."]), "note")]);
  rows.push([head(L(["Client", "Klant", "Client"])), head(L(["Source", "Bron", "Source"])), head(L(["Nature", "Soort", "Kind"])), head(L(["Texte", "Tekst", "Text"]))]);
  const refused = L(["aide refusée", "steun geweigerd", "aid refused"]);
  const problem = L(["problème", "probleem", "problem"]);
  const unpublished = L(["montant non publié (#N/A)", "bedrag niet gepubliceerd (#N/A)", "figure not published (#N/A)"]);
  for (const r of results) {
    const items: [string, string][] = [
      ...r.problems.map((p): [string, string] => [problem, problemText(p)]),
      ...r.refusals.map((x): [string, string] => [refused, x]),
      ...(r.sim?.years ?? []).flatMap((y) => y.unknown.map((u): [string, string] => [unpublished, `${y.year} : ${u.param} — ${u.reason}`])),
    ];
    let first = true;
    for (const [kind, body] of items) {
      noteLines(body, DETAIL_CHARS).forEach((line, k) => {
        rows.push([first ? text(r.name) : null, first ? text(r.source, "source") : null, k === 0 ? text(kind, kind === refused ? "label" : "note") : null, text(line)]);
        first = false;
      });
    }
  }
  if (rows.length === 3) rows.push([lab(L(["Aucune aide refusée, aucun problème.", "Geen geweigerde steun, geen probleem.", "No aid refused, no problem."]), "note")]);
  return { key: "details", name, rows, columnWidths: [24, 24, 22, DETAIL_CHARS + 2], freezeRows: 3, print: printSetup(opts.lang, name, 3, 4, rows.length) };
}

/** One terminal line per client (problems indented below an invalid one). */
export function clientLine(r: ClientResult, lang: Language): string {
  const L = (t: Tr) => tr(lang, t);
  const who = `${r.name} (${r.source})`;
  if (!r.ok || !r.sim) {
    const n = r.problems.length;
    return `${L(["invalide", "ongeldig", "invalid"])}  ${who} — ${n} ${n > 1 ? L(["problèmes", "problemen", "problems"]) : L(["problème", "probleem", "problem"])} :\n${r.problems.map((p) => `    - ${problemText(p)}`).join("\n")}`;
  }
  const ys = r.sim.years;
  const span = `${ys[0].year}–${ys[ys.length - 1].year}`;
  const fmt = (c: number) => (Number.isNaN(c) ? "#N/A" : formatEuros(c));
  return `ok  ${who} — ${L(["trésorerie nette", "netto thesaurie", "net cash"])} ${span} : ${fmt(r.sim.totals.netCash)} ; ${L(["IPP", "PB", "income tax"])} : ${fmt(r.sim.totals.tax)}`;
}
