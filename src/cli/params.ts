/**
 * npm run params -- --coverage [--json | --markdown] [--lang fr|nl|en] [--params FICHIER ...]
 *
 * For every legal parameter and every year 2022–2027: published (with its
 * source: title and the date it was read), extrapolated from year N (the
 * simulation reconducts the last published value), or unknown (#N/A: no
 * value published in that year nor before). Reads whatever src/params/*.json
 * holds (and the user's files given with --params).
 *
 * --markdown prints the table of the figures that drive the simulation
 * (SIMULATION_IDS), as the README carries it (a test checks that they agree).
 */
import "./checked-params";
import { params, type Parameter, type Version } from "../params";
import { endOfYear, formatDateFr, startOfYear, yearOf } from "../dates";
import { formatSource } from "../explain";
import { takeUserData, USER_DATA_USAGE } from "./user-params";
import { startCommand } from "./entry-point";

export const COVERAGE_YEARS = [2022, 2023, 2024, 2025, 2026, 2027] as const;

/** The figures that drive the simulation (amounts and rates of the yearly computation). */
export const SIMULATION_IDS = [
  "honoraire.101076",
  "honoraire.101032",
  "honoraire.103132",
  "ticket.101076",
  "ticket.101032",
  "ticket.103132",
  "stage.taux",
  "ppi.montant.formation",
  "ppi.montant.base",
  "ppi.montant.palier1",
  "ppi.montant.palier2",
  "ppi.montant.palier3",
  "dmg-debutant.montant",
  "accreditation.forfait",
  "statut-social.conventionne",
  "statut-social.partiel",
  "statut-social.formation",
  "impulseo.taux",
  "impulseo.plafond.telesecretariat",
  "impulseo.plafond.salaire",
  "installation.jeune.plafond",
  "continuite.montant.min",
  "gestion.montant.min",
  "cotisations.taux.1",
  "cotisations.taux.2",
  "cotisations.plafond.1",
  "cotisations.plafond.2",
  "cotisations.revenu-minimum",
  "ipp.bareme",
  "ipp.quotite-exemptee.base",
  "cercle.cotisation.directe",
] as const;

type Lang = "fr" | "nl" | "en";

export type YearCoverage =
  | { year: number; status: "published"; from: string; to?: string; partial: boolean; source: string; user: boolean }
  | { year: number; status: "extrapolated"; fromYear: number }
  | { year: number; status: "unknown" };

export interface ParamCoverage {
  id: string;
  label: string;
  years: YearCoverage[];
}

const iso = (s: number) => formatDateFr(s).split("/").reverse().join("-");

/** "Titre (vu le 23/11/2026)": the first source of a version, without its address. */
function shortSource(v: Version): string {
  const s = v.sources[0];
  if (!s) return "";
  return formatSource({ ...s, url: undefined, seed: undefined });
}

export function yearCoverage(param: Parameter, year: number): YearCoverage {
  const a = startOfYear(year);
  const b = endOfYear(year);
  const overlapping = param.versions.filter((v) => v.from <= b && v.to >= a);
  if (overlapping.length) {
    const v = overlapping.find((x) => x.from <= b && b <= x.to) ?? overlapping[overlapping.length - 1];
    const covered = overlapping.some((x) => x.from <= a && x.to >= b) || coversYear(overlapping, a, b);
    return { year, status: "published", from: iso(v.from), ...(v.to !== Infinity ? { to: iso(v.to) } : {}), partial: !covered, source: shortSource(v), user: v.user !== undefined };
  }
  const before = param.versions.filter((v) => v.to < a);
  const last = before[before.length - 1];
  if (last) return { year, status: "extrapolated", fromYear: yearOf(last.to) };
  return { year, status: "unknown" };
}

/** True when consecutive versions cover [a, b] without a gap. */
function coversYear(versions: Version[], a: number, b: number): boolean {
  let at = a;
  for (const v of [...versions].sort((x, y) => x.from - y.from)) {
    if (v.from > at) return false;
    at = Math.max(at, v.to + 1);
    if (at > b) return true;
  }
  return at > b;
}

export function coverage(ids?: readonly string[], lang: Lang = "fr"): ParamCoverage[] {
  const list = ids ? ids.filter((id) => params.has(id)).map((id) => params.get(id)) : params.all();
  return list.map((p) => ({ id: p.id, label: lang === "nl" ? p.label.nl : lang === "en" ? (p.label.en ?? p.label.fr) : p.label.fr, years: COVERAGE_YEARS.map((y) => yearCoverage(p, y)) }));
}

const WORDS = {
  fr: { published: "publié", partial: "publié en partie", extrapolated: "extrapolé depuis", unknown: "inconnu", user: "ajouté par l'utilisateur", head: "Paramètre", source: "Source de la dernière valeur publiée", from: "en vigueur" },
  nl: { published: "gepubliceerd", partial: "deels gepubliceerd", extrapolated: "geëxtrapoleerd vanaf", unknown: "onbekend", user: "toegevoegd door de gebruiker", head: "Parameter", source: "Bron van de laatst gepubliceerde waarde", from: "van kracht" },
  en: { published: "published", partial: "partly published", extrapolated: "extrapolated from", unknown: "unknown", user: "added by the user", head: "Parameter", source: "Source of the last published value", from: "in force" },
} as const;

function cellText(c: YearCoverage, lang: Lang): string {
  const w = WORDS[lang];
  if (c.status === "published") return `${c.partial ? w.partial : w.published}${c.user ? ` (${w.user})` : ""}`;
  if (c.status === "extrapolated") return `${w.extrapolated} ${c.fromYear}`;
  return w.unknown;
}

export function coverageText(list: ParamCoverage[], lang: Lang = "fr"): string {
  const w = WORDS[lang];
  const out: string[] = [];
  for (const p of list) {
    out.push(`${p.id} — ${p.label}`);
    for (const c of p.years) {
      let line = `  ${c.year}  ${cellText(c, lang)}`;
      if (c.status === "published") line += ` (${w.from} ${c.from.split("-").reverse().join("/")}${c.to ? `–${c.to.split("-").reverse().join("/")}` : ""}) — ${c.source}`;
      out.push(line);
    }
  }
  return out.join("\n");
}

/** The README table: one row per figure, one column per year, and the source of the last published value. */
export function coverageMarkdown(list: ParamCoverage[], lang: Lang = "fr"): string {
  const w = WORDS[lang];
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const rows = [`| ${w.head} | ${COVERAGE_YEARS.join(" | ")} | ${w.source} |`, `|---|${COVERAGE_YEARS.map(() => "---").join("|")}|---|`];
  for (const p of list) {
    const lastPublished = [...p.years].reverse().find((c): c is Extract<YearCoverage, { status: "published" }> => c.status === "published");
    rows.push(`| \`${p.id}\` ${esc(p.label)} | ${p.years.map((c) => cellText(c, lang)).join(" | ")} | ${lastPublished ? esc(lastPublished.source) : "—"} |`);
  }
  return rows.join("\n");
}

const USAGE = `Utilisation : npm run params -- --coverage [--json | --markdown] [--lang fr|nl|en] [--params FICHIER ...]
  --coverage  pour chaque paramètre et chaque année ${COVERAGE_YEARS[0]}–${COVERAGE_YEARS[COVERAGE_YEARS.length - 1]} : publié (avec sa source), extrapolé depuis l'année N, ou inconnu
  --json      sortie lisible par un programme
  --markdown  le tableau du README (chiffres qui font la simulation)
${USER_DATA_USAGE}`;

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + "\n"), cwd = process.cwd()): number {
  const user = takeUserData(argv, cwd);
  if (!user.ok) {
    out(user.message);
    return 2;
  }
  let mode: "text" | "json" | "markdown" = "text";
  let lang: Lang = "fr";
  let cover = false;
  const a = user.argv;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === "--coverage") cover = true;
    else if (a[i] === "--json") mode = "json";
    else if (a[i] === "--markdown") mode = "markdown";
    else if (a[i] === "--lang") {
      const l = a[++i];
      if (l !== "fr" && l !== "nl" && l !== "en") {
        out("--lang attend fr, nl ou en.");
        return 2;
      }
      lang = l;
    } else if (a[i] === "--help" || a[i] === "-h") {
      out(USAGE);
      return 0;
    } else {
      out(`Option inconnue : ${a[i]}\n${USAGE}`);
      return 2;
    }
  }
  if (!cover) {
    out(USAGE);
    return 2;
  }
  if (user.report.length && mode === "text") out(user.report.join("\n") + "\n");
  if (mode === "markdown") out(coverageMarkdown(coverage(SIMULATION_IDS, lang), lang));
  else if (mode === "json") out(JSON.stringify(coverage(undefined, lang), null, 2));
  else out(coverageText(coverage(undefined, lang), lang));
  return 0;
}

if (require.main === module) startCommand(main);
