/**
 * The data a user adds, for the command-line tools (npm run mg, npm run
 * simulate): `--params FICHIER` (several allowed: parameter files in the
 * schema of src/params/*.json, see src/params/user-file.ts) and
 * `--penurie FICHIER` (the official list of quartiers en pénurie as
 * published, one entry per line or separated by ; , or tabs, with a line
 * "Référence : …" and optionally "Saisie le : AAAA-MM-JJ"; the file's
 * modification date otherwise).
 *
 *   const user = takeUserData(argv, cwd);
 *   if (!user.ok) { print user.message; exit code 2; write nothing }
 *   argv = user.argv;            // the other arguments
 *   print user.report;           // what the files changed (never silent)
 *   user.penurie                 // the kept list (also keptPenurieList())
 *
 * Each call replaces what a previous call applied (the overlay is exactly
 * these files), so a program that runs several commands in one process
 * (the tests) starts from the built-in data each time.
 */
import { readFileSync, statSync } from "fs";
import { basename, resolve } from "path";
import { params } from "../params";
import type { ParamChange } from "../params/registry";
import { applyUserParamsFiles } from "../params/user-file";
import { clearKeptPenurieList, keepPenurieList, keptListText, keptPenurieList, parsePenurieList, penurieListProblems, type KeptPenurieList } from "../rules/penurie";
import { describeQuartier, resolveQuartier } from "../rules/quartiers";
import { isRuleError } from "../errors";

export interface UserDataArgs {
  paramFiles: string[];
  penurieFile?: string;
}

export type UserDataLoad =
  | { ok: true; argv: string[]; report: string[]; changes: ParamChange[]; penurie: KeptPenurieList | null }
  | { ok: false; message: string };

export const USER_DATA_USAGE = `  --params FICHIER   paramètres ajoutés par l'utilisateur (JSON au format de src/params/*.json, chaque valeur datée et sourcée) ; plusieurs --params possibles
  --penurie FICHIER  liste officielle des quartiers en pénurie, telle que publiée (codes ou noms, un par ligne), avec une ligne « Référence : … »`;

/** Removes --params / --penurie (and their file) from argv. */
export function takeUserDataArgs(argv: readonly string[]): { ok: true; argv: string[]; args: UserDataArgs } | { ok: false; message: string } {
  const rest: string[] = [];
  const args: UserDataArgs = { paramFiles: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf("=");
    const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a;
    if (name !== "--params" && name !== "--penurie") {
      rest.push(a);
      continue;
    }
    const value = eq > 0 && a.startsWith("--") ? a.slice(eq + 1) : argv[++i];
    if (!value || value.startsWith("--")) return { ok: false, message: `${name} demande un nom de fichier.` };
    if (name === "--params") args.paramFiles.push(value);
    else if (args.penurieFile !== undefined) return { ok: false, message: "--penurie : une seule liste des quartiers en pénurie à la fois." };
    else args.penurieFile = value;
  }
  return { ok: true, argv: rest, args };
}

function readText(cwd: string, file: string): { ok: true; text: string; path: string } | { ok: false; message: string } {
  const path = resolve(cwd, file);
  try {
    return { ok: true, text: readFileSync(path, "utf8"), path };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: `${file} : ${code === "ENOENT" ? "fichier introuvable" : code === "EISDIR" ? "c'est un dossier, pas un fichier" : `illisible (${(e as Error).message})`}.` };
  }
}

function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * Reads a --penurie file: every entry must match a quarter (else the
 * unmatched entries with their line and close names) and a reference is required.
 */
export function readPenurieFile(file: string, cwd = process.cwd()): { ok: true; list: KeptPenurieList; duplicates: number[] } | { ok: false; message: string } {
  const r = readText(cwd, file);
  if (!r.ok) return r;
  const parsed = parsePenurieList(r.text);
  const problems: string[] = [];
  for (const u of parsed.unmatched) {
    problems.push(`${file}, ligne ${u.line} : « ${u.entry} » : ${u.reason}${u.suggestions.length ? ` ; noms proches : ${u.suggestions.join(" ; ")}` : ""}.`);
  }
  const list: KeptPenurieList = {
    codes: parsed.quartiers.map((q) => q.code),
    reference: parsed.reference ?? "",
    enteredOn: parsed.enteredOn ?? localIsoDate(statSync(r.path).mtime),
  };
  if (parsed.unmatched.length === 0) for (const p of penurieListProblems(list)) problems.push(`${file} : ${p}${p.startsWith("indiquez la référence") ? " Ajoutez une ligne « Référence : … »." : ""}`);
  if (problems.length) return { ok: false, message: `Liste des quartiers en pénurie refusée (${problems.length} problème${problems.length > 1 ? "s" : ""}) :\n  - ${problems.join("\n  - ")}` };
  return { ok: true, list, duplicates: parsed.duplicates };
}

/** Applies the parameter files and keeps the pénurie list (atomic: on any problem, the built-in data and no list). */
export function loadUserData(args: UserDataArgs, cwd = process.cwd()): UserDataLoad {
  const files = [];
  const problems: string[] = [];
  for (const f of args.paramFiles) {
    const r = readText(cwd, f);
    if (!r.ok) problems.push(r.message);
    // The file's name only: it is printed with each figure, in workbooks handed to clients.
    else files.push({ name: basename(f), text: r.text, addedOn: localIsoDate(statSync(r.path).mtime) });
  }
  let penurie: KeptPenurieList | null = null;
  let duplicates: number[] = [];
  if (args.penurieFile !== undefined) {
    const p = readPenurieFile(args.penurieFile, cwd);
    if (!p.ok) problems.push(p.message);
    else {
      penurie = p.list;
      duplicates = p.duplicates;
    }
  }
  if (problems.length) {
    clearUserData();
    return { ok: false, message: `${problems.length > 1 ? "Fichiers de l'utilisateur refusés" : "Fichier de l'utilisateur refusé"} :\n${problems.map((p) => (p.startsWith("Liste") ? p : `  - ${p}`)).join("\n")}` };
  }
  const applied = files.length ? applyUserParamsFiles(params, files) : (params.clearUser(), { ok: true as const, changes: [] });
  if (!applied.ok) {
    clearUserData();
    return { ok: false, message: `Paramètres de l'utilisateur refusés (${applied.problems.length} problème${applied.problems.length > 1 ? "s" : ""}), rien n'a changé :\n${applied.problems.map((p) => `  - ${p.text}`).join("\n")}` };
  }
  if (penurie) keepPenurieList(penurie);
  else clearKeptPenurieList();
  const report: string[] = [];
  if (files.length) {
    report.push(`Paramètres ajoutés par l'utilisateur (${applied.changes.length} modification${applied.changes.length > 1 ? "s" : ""}) :`);
    for (const c of applied.changes) report.push(`  - ${c.file} : ${c.text}`);
    if (applied.changes.length === 0) report.push("  (aucune version ajoutée ni remplacée)");
  }
  if (penurie) {
    report.push(`Quartiers en pénurie : ${keptListText(penurie)} ; ${penurie.codes.length} quartier(s) : ${penurie.codes.join(", ")}.`);
    if (duplicates.length) report.push(`  (cités plusieurs fois : ${[...new Set(duplicates)].join(", ")})`);
  }
  return { ok: true, argv: [], report, changes: applied.changes, penurie };
}

/** takeUserDataArgs then loadUserData: the one call a command needs. */
export function takeUserData(argv: readonly string[], cwd = process.cwd()): UserDataLoad {
  const t = takeUserDataArgs(argv);
  if (!t.ok) return t;
  const loaded = loadUserData(t.args, cwd);
  return loaded.ok ? { ...loaded, argv: t.argv } : loaded;
}

/** Back to the built-in parameters and no kept list. */
export function clearUserData(): void {
  params.clearUser();
  clearKeptPenurieList();
}

/** For a scenario's quarter (code or name): is it in the kept list? (null without a kept list or for an unknown quarter). */
export function penurieOfQuartier(quartier: string | number): { code: number; member: boolean; text: string } | null {
  const list = keptPenurieList();
  if (!list) return null;
  let code: number;
  try {
    code = resolveQuartier(quartier).code;
  } catch (e) {
    if (isRuleError(e)) return null;
    throw e;
  }
  const member = list.codes.includes(code);
  return { code, member, text: `${member ? "en pénurie" : "pas en pénurie"} selon la ${keptListText(list)}` };
}

/**
 * Until the scenario reads the kept list itself, a scenario whose « penurie »
 * answer disagrees with the kept list is said so (never silently): one
 * French line per such scenario; the simulation follows the scenario.
 */
export function penurieDisagreements(scenarios: readonly { name: string; quartier: { code?: string | number; name?: string; penurie?: boolean } }[]): string[] {
  const out: string[] = [];
  for (const s of scenarios) {
    const q = s.quartier.code ?? s.quartier.name;
    if (q === undefined) continue;
    const p = penurieOfQuartier(q);
    if (!p || s.quartier.penurie === undefined || p.member === s.quartier.penurie) continue;
    out.push(
      `Attention, scénario « ${s.name} » : le quartier ${describeQuartier(resolveQuartier(p.code))} est ${p.text}, mais le scénario indique « penurie » : ${s.quartier.penurie ? "true" : "false"} ; la simulation suit la liste saisie.`,
    );
  }
  return out;
}
