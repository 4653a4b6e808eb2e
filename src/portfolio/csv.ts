/**
 * Clients in a CSV file with French headers, one client per row, as Belgian
 * Excel saves it ("CSV (séparateur : point-virgule)"): `;` between cells
 * (`,` or a tab also recognised from the header line), cells in double
 * quotes when they hold the separator, decimal comma accepted ("1 234,56"),
 * dates as JJ/MM/AAAA or AAAA-MM-JJ, booleans as VRAI/FAUX, oui/non, 1/0.
 *
 * Each header is one field of the scenario (src/scenario/schema.ts); an
 * empty cell leaves the field out (its default applies, or the schema says
 * it is required). The activity columns take one value per simulated year
 * separated by "|" ("60|80|100": the last value is carried over), so one row
 * can hold a client whose activity grows. An unknown header refuses the
 * whole file, with the closest known header: every row would be misread.
 *
 * Pure (text in, scenario inputs out); the portfolio validates each input
 * with parseScenario.
 */
import { parseDateText, isoFromSerial } from "../dates";
import { closestKey, type ScenarioProblem } from "../scenario/schema";

type Kind = "text" | "int" | "number" | "date" | "bool" | "code" | "quartier";

interface Column {
  header: string;
  /** Path in the scenario input; a number is an array index. */
  path: (string | number)[];
  kind: Kind;
  /** One value per simulated year ("60|80|100"): activity[i]. */
  perYear?: boolean;
  /** What the column holds, for the README and the template. */
  help: string;
}

const col = (header: string, path: string, kind: Kind, help: string, perYear = false): Column => ({
  header,
  path: path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
  kind,
  help,
  ...(perYear ? { perYear } : {}),
});

/** The known headers, in the template's order. */
export const CSV_COLUMNS: readonly Column[] = [
  col("nom", "name", "text", "nom du client (au plus 40 caractères)"),
  col("note", "note", "text", "texte libre (Hypothèses)"),
  col("langue", "language", "code", "fr, nl ou en (langue de son classeur)"),
  col("fin_du_stage", "dates.endOfTraining", "date", "fin du stage"),
  col("agrement", "dates.agrement", "date", "agrément de médecin généraliste"),
  col("numero_inami", "dates.inamiNumber", "date", "numéro INAMI d'agréé (003/004)"),
  col("installation", "dates.installation", "date", "début de la pratique à Bruxelles"),
  col("premiere_annee", "firstYear", "int", "première année simulée (vide : année d'installation)"),
  col("horizon", "horizon", "int", "nombre d'années simulées (1 à 10)"),
  col("quartier_code", "quartier.code", "quartier", "code du quartier (Monitoring des Quartiers)"),
  col("quartier_nom", "quartier.name", "text", "nom du quartier (FR ou NL)"),
  col("penurie", "quartier.penurie", "bool", "quartier en pénurie (oui/non)"),
  col("type_pratique", "practice.type", "code", "solo, regroupement, groupe, maison-medicale-acte ou maison-medicale-forfait"),
  col("medecins", "practice.gps", "int", "médecins qui partagent les frais (1 en solo)"),
  col("conventionnement", "conventionnement", "code", "total, partiel ou aucun"),
  col("accredite", "accreditation.accredited", "bool", "accrédité (oui/non)"),
  col("demande_accreditation", "accreditation.requestDate", "date", "date de la demande d'accréditation"),
  col("debut_accreditation", "accreditation.from", "date", "début connu de l'accréditation"),
  col("commune", "household.commune", "text", "commune de résidence"),
  col("taux_communal", "household.communalRatePercent", "number", "taxe communale en % (hors Bruxelles), par ex. 7"),
  col("enfants", "household.dependants", "int", "enfants à charge"),
  col("versements_anticipes", "tax.advancePaymentsPercent", "number", "part de l'impôt versée en versements anticipés, en %"),
  col("consultations_semaine", "activity.consultationsPerWeek", "int", "consultations par semaine, par année (60|80|100)", true),
  col("visites_semaine", "activity.visitsPerWeek", "int", "visites par semaine, par année", true),
  col("semaines", "activity.weeksWorked", "int", "semaines travaillées par an, par année", true),
  col("revenu_forfait", "activity.forfaitIncome", "number", "maison médicale au forfait : revenu annuel du forfait (€), par année", true),
  col("dmg", "activity.dmgCount", "int", "DMG gérés en fin d'année, par année", true),
  col("criteres", "activity.eServicesCriteria", "int", "critères e-services atteints, par année", true),
  col("logiciel", "activity.acceptedSoftware", "bool", "logiciel accepté par l'INAMI (oui/non), par année", true),
  col("telesecretariat_mois", "staff.telesecretariat.months", "int", "mois de télésecrétariat par an"),
  col("telesecretariat_cout", "staff.telesecretariat.yearlyCost", "number", "coût annuel du télésecrétariat (€)"),
  col("employe_mois", "staff.employee.months", "int", "mois d'employé par an"),
  col("employe_cout", "staff.employee.yearlyCost", "number", "coût annuel de l'employé (€)"),
  col("employe_heures", "staff.employee.hoursPerWeek", "number", "heures par semaine du contrat"),
  col("employe_debut", "staff.employee.contractStart", "date", "début du contrat"),
  col("employe_premier_contrat", "staff.employee.firstContract", "bool", "premier contrat (oui/non)"),
  col("loyer", "costs.rent", "number", "loyer annuel du cabinet (€)"),
  col("autres_frais", "costs.other", "number", "autres frais annuels (€)"),
  col("cercle", "costs.cercle", "code", "famgb, association ou aucun"),
  col("cotisation_association", "costs.associationFee", "number", "cotisation annuelle de l'association locale (€)"),
  col("investissement", "investments.0.label", "text", "libellé d'un investissement"),
  col("investissement_montant", "investments.0.amount", "number", "prix d'achat (€)"),
  col("investissement_annee", "investments.0.year", "int", "année d'achat"),
  col("investissement_duree", "investments.0.years", "int", "durée d'amortissement (années)"),
  col("budget_installation", "installationBudget", "number", "budget de la subvention d'installation (€)"),
  col("indexation", "extrapolation.indexPercent", "number", "indexation des années sans montant publié, en % par an"),
];

const BY_HEADER = new Map(CSV_COLUMNS.map((c) => [c.header, c]));

/** One client row of the file. */
export interface CsvClient {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  /** The scenario input built from the row (for parseScenario). */
  input: Record<string, unknown>;
  /** Cells that could not be read (a word where a number is expected...), by header. */
  problems: ScenarioProblem[];
}

export type CsvRead = { ok: true; clients: CsvClient[]; separator: string } | { ok: false; message: string };

/** "Fin du stage" -> "fin_du_stage": case, accents, spaces and dashes do not matter. */
export function normalizeHeader(h: string): string {
  return h
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s\-']+/g, "_");
}

/** Splits CSV text into rows of cells (RFC 4180 quotes, CRLF or LF), each with its 1-based line number. */
export function splitCsv(text: string, sep: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === sep) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      rows.push({ line: start, cells });
      cells = [];
      cell = "";
      line++;
      start = line;
    } else cell += ch;
  }
  if (cell !== "" || cells.length) {
    cells.push(cell);
    rows.push({ line: start, cells });
  }
  return rows;
}

/** The separator of the header line: ";" (Belgian Excel), else tab, else ",". */
function detectSeparator(headerLine: string): string {
  const count = (c: string) => headerLine.split(c).length - 1;
  if (count(";") > 0) return ";";
  if (count("\t") > 0) return "\t";
  return count(",") > 0 ? "," : ";";
}

/** Reads the CSV text of a client list. */
export function readClientsCsv(text: string): CsvRead {
  const clean = text.replace(/^\uFEFF/, "");
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? "";
  if (firstLine.trim() === "") return { ok: false, message: "fichier CSV vide ou sans ligne d'en-têtes (la première ligne doit nommer les colonnes : nom;fin_du_stage;…)" };
  const sep = detectSeparator(firstLine);
  const [head, ...body] = splitCsv(clean, sep);
  const headers = head.cells.map(normalizeHeader);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    const raw = head.cells[i].trim();
    if (h === "") {
      // An empty trailing header is what Excel writes after a last separator.
      if (body.some((r) => (r.cells[i] ?? "").trim() !== "")) problems.push(`colonne ${i + 1} : en-tête vide au-dessus de valeurs`);
      return;
    }
    if (!BY_HEADER.has(h)) {
      const close = closestKey(h, CSV_COLUMNS.map((c) => c.header));
      problems.push(`« ${raw} » : colonne inconnue${close ? ` — vouliez-vous dire ${close} ?` : ""}`);
    } else if (seen.has(h)) problems.push(`« ${raw} » : colonne en double (colonnes ${seen.get(h)! + 1} et ${i + 1})`);
    else seen.set(h, i);
  });
  if (!seen.has("nom")) problems.push("colonne « nom » manquante (le nom de chaque client)");
  if (problems.length) return { ok: false, message: `En-têtes du CSV refusés :\n${problems.map((p) => `- ${p}`).join("\n")}\nEn-têtes connus : ${CSV_COLUMNS.map((c) => c.header).join(", ")}.` };
  const clients: CsvClient[] = [];
  for (const row of body) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    clients.push(readRow(row.line, headers, row.cells));
  }
  return { ok: true, clients, separator: sep };
}

function readRow(line: number, headers: string[], cells: string[]): CsvClient {
  const input: Record<string, unknown> = {};
  const problems: ScenarioProblem[] = [];
  if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== "")) {
    problems.push({ path: `colonne ${headers.length + 1}`, message: `${cells.length} cellules pour ${headers.length} en-têtes (un « ; » de trop, ou une valeur hors colonne)` });
  }
  headers.forEach((h, i) => {
    const c = BY_HEADER.get(h);
    const raw = (cells[i] ?? "").trim();
    if (!c || raw === "") return;
    if (c.perYear) {
      const parts = raw.split("|").map((p) => p.trim());
      parts.forEach((p, year) => {
        if (p === "") {
          problems.push({ path: `${c.header} (année ${year + 1})`, message: "valeur vide entre deux « | »" });
          return;
        }
        const v = convert(c.kind, p);
        if ("error" in v) problems.push({ path: parts.length > 1 ? `${c.header} (année ${year + 1})` : c.header, message: `« ${p} » : ${v.error}` });
        else setPath(input, ["activity", year, ...c.path.slice(1)], v.value);
      });
      return;
    }
    const v = convert(c.kind, raw);
    if ("error" in v) problems.push({ path: c.header, message: `« ${raw} » : ${v.error}` });
    else setPath(input, c.path, v.value);
  });
  // The activity columns with fewer years than the longest carry their last value over.
  const activity = input.activity as Record<string, unknown>[] | undefined;
  if (activity) {
    for (let year = 1; year < activity.length; year++) {
      activity[year] ??= {};
      for (const c of CSV_COLUMNS.filter((x) => x.perYear)) {
        const key = c.path[1] as string;
        if (activity[year][key] === undefined && activity[year - 1]?.[key] !== undefined) activity[year][key] = activity[year - 1][key];
      }
    }
  }
  return { line, input, problems };
}

function setPath(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  type Node = Record<string | number, unknown>;
  let node = target as Node;
  path.forEach((step, k) => {
    if (k === path.length - 1) {
      node[step] = value;
      return;
    }
    if (node[step] === undefined) node[step] = typeof path[k + 1] === "number" ? [] : {};
    node = node[step] as Node;
  });
}

type Converted = { value: unknown } | { error: string };

const TRUE_WORDS = new Set(["vrai", "oui", "1", "true", "x", "ja", "yes", "waar"]);
const FALSE_WORDS = new Set(["faux", "non", "0", "false", "nee", "neen", "no", "onwaar"]);

/** "1 234,56", "1.234,56", "1234.56", "7,5 %", "12 000 €" -> number; null when not a number. */
export function parseDecimal(text: string): number | null {
  let t = text.replace(/[\s\u00a0\u202f]/g, "").replace(/€$|%$/, "");
  if (t.includes(",")) {
    // A comma is the decimal separator; dots before it group thousands.
    if ((t.match(/,/g) ?? []).length > 1) return null;
    if (t.includes(".") && !/^[-+]?\d{1,3}(\.\d{3})+,\d*$/.test(t)) return null;
    t = t.replace(/\./g, "").replace(",", ".");
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

function convert(kind: Kind, raw: string): Converted {
  switch (kind) {
    case "text":
      return { value: raw };
    case "code":
      // "Maison médicale acte" -> "maison-medicale-acte": the schema checks the word.
      return { value: normalizeHeader(raw).replace(/_/g, "-").replace(/-a-l-|-au-/, "-") };
    case "bool": {
      const w = normalizeHeader(raw);
      if (TRUE_WORDS.has(w)) return { value: true };
      if (FALSE_WORDS.has(w)) return { value: false };
      return { error: "oui ou non attendu (VRAI/FAUX, oui/non, 1/0)" };
    }
    case "date": {
      const serial = parseDateText(raw);
      return serial === null ? { error: "date attendue (JJ/MM/AAAA ou AAAA-MM-JJ), ou date impossible" } : { value: isoFromSerial(serial) };
    }
    case "int": {
      const n = parseDecimal(raw);
      if (n === null) return { error: "nombre entier attendu" };
      return { value: n };
    }
    case "number": {
      const n = parseDecimal(raw);
      return n === null ? { error: "nombre attendu (virgule décimale acceptée : 1 234,56)" } : { value: n };
    }
    case "quartier": {
      const n = /^\d+$/.test(raw) ? Number(raw) : null;
      return { value: n ?? raw };
    }
  }
}

/** The header a scenario path comes from ("activity[1].weeksWorked" -> "semaines (année 2)"), or null. */
export function headerOfPath(path: string): string | null {
  const m = /^activity\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) {
    const c = CSV_COLUMNS.find((x) => x.perYear && x.path[1] === m[2]);
    return c ? `${c.header} (année ${Number(m[1]) + 1})` : null;
  }
  const dotted = path.replace(/\[(\d+)\]/g, ".$1");
  const c = CSV_COLUMNS.find((x) => x.path.join(".") === dotted);
  if (c) return c.header;
  // A problem on an object (quartier, dates...): the first column under it.
  const under = CSV_COLUMNS.find((x) => x.path.join(".").startsWith(dotted + "."));
  return under ? under.header : null;
}

/** The template's header line, separated by ";". */
export function templateHeader(): string {
  return CSV_COLUMNS.map((c) => c.header).join(";");
}
