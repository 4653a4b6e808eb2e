/**
 * A user's parameter file: the same schema as the built-in families
 * (src/params/*.json: dated versions, at least one source for each), read
 * with the line of every value so that a refusal names the line and the
 * reason. Checked with the same zod schema (./schema), messages in French;
 * keys the schema does not know are refused too (a misspelt "note" would
 * otherwise vanish).
 *
 * Used by the command-line tools (--params FILE) and the task pane
 * ("Importer des paramètres"). The functions bundle, which does not ship
 * zod, applies files the pane already checked (see functions/user-data.ts)
 * with ParamRegistry.applyUserFamilies, which checks the values again.
 */
import { fr } from "zod/locales";
import { familySchema, type FamilyJson } from "./schema";
import { parseJsonWithLines, type JsonPath } from "./json-lines";
import type { ParamRegistry, UserApplyResult, UserFamilyInput, UserParamsProblem } from "./registry";

/** A user's file as kept: its name, its text and the ISO date it was imported. */
export interface UserParamsFile {
  name: string;
  text: string;
  addedOn: string;
}

export type UserFileCheck = { ok: true; input: UserFamilyInput } | { ok: false; problems: UserParamsProblem[] };

const frLocale = fr();

/** Keys allowed at each level of a family file. */
const KEYS = {
  family: ["family", "description", "parameters"],
  parameter: ["id", "label", "kind", "unit", "versions", "note"],
  label: ["fr", "nl", "en"],
  version: ["from", "to", "value", "sources", "note"],
  source: ["title", "url", "document", "article", "seen"],
} as const;

function unknownKeys(value: unknown): { path: (string | number)[]; key: string; allowed: readonly string[] }[] {
  const out: { path: (string | number)[]; key: string; allowed: readonly string[] }[] = [];
  const check = (obj: unknown, path: (string | number)[], allowed: readonly string[]) => {
    if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return;
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) out.push({ path: [...path, k], key: k, allowed });
  };
  const each = (arr: unknown, path: (string | number)[], f: (x: unknown, p: (string | number)[]) => void) => {
    if (Array.isArray(arr)) arr.forEach((x, i) => f(x, [...path, i]));
  };
  check(value, [], KEYS.family);
  const fam = value as { parameters?: unknown };
  each(fam?.parameters, ["parameters"], (p, pp) => {
    check(p, pp, KEYS.parameter);
    check((p as { label?: unknown })?.label, [...pp, "label"], KEYS.label);
    each((p as { versions?: unknown })?.versions, [...pp, "versions"], (v, vp) => {
      check(v, vp, KEYS.version);
      each((v as { sources?: unknown })?.sources, [...vp, "sources"], (s, sp) => check(s, sp, KEYS.source));
    });
  });
  return out;
}

/** "« honoraire.101076 », version 2, value" for a path of the file. */
function describePath(value: unknown, path: JsonPath): string {
  const parts: string[] = [];
  let i = 0;
  if (path[0] === "parameters" && typeof path[1] === "number") {
    const p = (value as { parameters?: { id?: unknown; versions?: { from?: unknown }[] }[] })?.parameters?.[path[1]];
    parts.push(typeof p?.id === "string" ? `« ${p.id} »` : `paramètre n° ${path[1] + 1}`);
    i = 2;
    if (path[2] === "versions" && typeof path[3] === "number") {
      const from = p?.versions?.[path[3]]?.from;
      parts.push(`version n° ${path[3] + 1}${typeof from === "string" ? ` (from ${from})` : ""}`);
      i = 4;
    }
  }
  const rest = path.slice(i).map((x) => (typeof x === "number" ? `n° ${x + 1}` : x));
  if (rest.length) parts.push(rest.join(" "));
  return parts.join(", ") || "(racine)";
}

/** Checks one file's text; every problem with its line. */
export function checkUserParamsFile(file: UserParamsFile): UserFileCheck {
  const problem = (line: number | undefined, message: string): UserParamsProblem => ({
    file: file.name,
    ...(line !== undefined ? { line } : {}),
    message,
    text: `${file.name}${line !== undefined ? `, ligne ${line}` : ""} : ${message}`,
  });
  if (file.text.trim() === "") return { ok: false, problems: [problem(undefined, "fichier vide (un fichier de paramètres JSON est attendu).")] };
  const parsed = parseJsonWithLines(file.text);
  if (!parsed.ok) return { ok: false, problems: [problem(parsed.line, `JSON invalide (colonne ${parsed.column}) : ${parsed.message}.`)] };
  const problems: UserParamsProblem[] = [];
  for (const u of unknownKeys(parsed.value)) {
    problems.push(problem(parsed.lineOf(u.path), `${describePath(parsed.value, u.path.slice(0, -1))} : clé inconnue « ${u.key} » (clés possibles : ${u.allowed.join(", ")}).`));
  }
  const res = familySchema.safeParse(parsed.value, { error: frLocale.localeError });
  if (!res.success) {
    for (const issue of res.error.issues) {
      const path = issue.path.filter((x): x is string | number => typeof x === "string" || typeof x === "number");
      const message = issue.code === "too_small" && path[path.length - 1] === "sources" ? "au moins une source est requise (title, seen AAAA-MM-JJ, url)" : issue.message;
      problems.push(problem(parsed.lineOf(path), `${describePath(parsed.value, path)} : ${message}`));
    }
  }
  if (problems.length) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { ok: false, problems };
  }
  return { ok: true, input: { file: file.name, family: (res as { data: FamilyJson }).data, addedOn: file.addedOn, lineOf: parsed.lineOf } };
}

/**
 * Checks every file and overlays them on `registry` (replacing any previous
 * overlay). Atomic: any problem in any file and nothing changes.
 */
export function applyUserParamsFiles(registry: ParamRegistry, files: readonly UserParamsFile[]): UserApplyResult {
  const inputs: UserFamilyInput[] = [];
  const problems: UserParamsProblem[] = [];
  for (const f of files) {
    const c = checkUserParamsFile(f);
    if (c.ok) inputs.push(c.input);
    else problems.push(...c.problems);
  }
  if (problems.length) return { ok: false, problems };
  return registry.applyUserFamilies(inputs);
}

/** The French summary of an overlay: one line per change, or the refusal. */
export function describeApply(result: UserApplyResult): string[] {
  if (!result.ok) return [`Paramètres de l'utilisateur refusés (rien n'a changé) :`, ...result.problems.map((p) => `  - ${p.text}`)];
  if (result.changes.length === 0) return ["Paramètres de l'utilisateur : aucune modification."];
  return [`Paramètres de l'utilisateur (${result.changes.length} modification${result.changes.length > 1 ? "s" : ""}) :`, ...result.changes.map((c) => `  - ${c.file} : ${c.text}`)];
}
