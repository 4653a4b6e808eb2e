/**
 * Generates the Excel custom functions entry from the catalog (src/catalog):
 *
 * - functions/functions.ts: one top-level `function` per FunctionSpec, with the
 *   JSDoc the custom-functions metadata plugin reads (`@customfunction ID ID`,
 *   French descriptions, `[optional]` parameters, `T[]` repeating, `T[][]`
 *   ranges). Every body calls the shared adapter functions/runtime.ts.
 * - functions/functions.locales.json: the Dutch and English descriptions of
 *   every function and parameter; the webpack build turns them into
 *   functions.nl-NL.json / functions.en-US.json (same ids and names).
 *
 * Run `npm run gen:functions` after adding or changing a catalog entry; a test
 * fails while the committed files differ from this output. `--check` only
 * compares (exit 1 when stale).
 */
import * as fs from "fs";
import * as path from "path";
import { catalog } from "../src/catalog";
import { DATE_RESULTS } from "../src/catalog/practice-and-deadlines";
import type { ArgSpec, FunctionSpec } from "../src/catalog/types";

export const FUNCTIONS_TS = path.join(__dirname, "..", "functions", "functions.ts");
export const LOCALES_JSON = path.join(__dirname, "..", "functions", "functions.locales.json");

/** Locales with translated metadata (the default, French, is functions.json). */
export const METADATA_LOCALES = { "nl-NL": "nl", "en-US": "en" } as const;

export interface LocaleTexts {
  description: string;
  parameters: Record<string, string>;
}

/** locale -> function id -> texts. */
export type Locales = Record<string, Record<string, LocaleTexts>>;

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval undefined " +
    "call CustomFunctions Office"
  ).split(" "),
);

/** "STAGE.TARIFF" -> "stageTariff". */
export function jsName(id: string): string {
  const parts = id.toLowerCase().split(/[._]+/).filter(Boolean);
  return parts.map((p, i) => (i === 0 ? p : p[0].toUpperCase() + p.slice(1))).join("");
}

/** One line of JSDoc text: no comment terminator, no line breaks, no leading tag. */
function doc(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\*\//g, "*\u2215").replace(/(^|\s)@/g, "$1(at)").trim();
}

/**
 * An argument takes a range when its spec says `range: true`, or, by naming
 * convention, when it is called `list`/`range` (or ends in List/Range) and the
 * spec does not say `range: false`. Excel then passes a 2-D array; a scalar
 * parameter given a range would instead be called once per cell and spill.
 */
export function isRange(a: ArgSpec): boolean {
  return a.range ?? /^(list|range)$|[a-z](List|Range)$/.test(a.name);
}

function paramType(a: ArgSpec): string {
  if (a.repeating) return isRange(a) ? "any[][][]" : "any[]";
  return isRange(a) ? "any[][]" : "any";
}

function returnType(f: FunctionSpec): string {
  // A date: a formatted number value where the host supports it (functions/runtime.ts), so the metadata says "any".
  if (DATE_RESULTS.has(f.id)) return "any";
  switch (f.result) {
    case "euros":
    case "number":
      return "number";
    case "text":
      return "string";
    case "boolean":
      return "boolean";
    case "matrix":
      return "any[][]";
  }
}

const RETURNS: Record<FunctionSpec["result"], string> = {
  euros: "Montant en euros.",
  number: "Nombre.",
  text: "Texte.",
  boolean: "VRAI ou FAUX.",
  matrix: "Tableau de valeurs (propagé dans les cellules voisines).",
};

const DATE_RETURNS = "Date (affichée jj/mm/aaaa là où Excel le permet, sinon numéro de série à mettre au format date).";

/** Checks what Excel and the metadata plugin would refuse, with a clear message. */
export function checkCatalog(specs: readonly FunctionSpec[]): void {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const f of specs) {
    if (!/^[A-Z][A-Z0-9]*(\.[A-Z0-9]+)*$/.test(f.id)) throw new Error(`Invalid function id "${f.id}" (A-Z, 0-9 and dots).`);
    if (ids.has(f.id)) throw new Error(`Duplicate function id ${f.id}.`);
    ids.add(f.id);
    const name = jsName(f.id);
    if (names.has(name) || RESERVED.has(name)) throw new Error(`Function ${f.id}: JavaScript name ${name} clashes.`);
    names.add(name);
    const argNames = new Set<string>();
    f.args.forEach((a, i) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(a.name) || RESERVED.has(a.name)) {
        throw new Error(`Function ${f.id}: argument name "${a.name}" is not a valid parameter name.`);
      }
      if (argNames.has(a.name)) throw new Error(`Function ${f.id}: duplicate argument ${a.name}.`);
      argNames.add(a.name);
      if (a.repeating && i !== f.args.length - 1) throw new Error(`Function ${f.id}: only the last argument may repeat.`);
      const later = f.args.slice(i + 1);
      if (a.optional && later.some((b) => !b.optional && !b.repeating)) {
        throw new Error(`Function ${f.id}: required argument after optional "${a.name}".`);
      }
    });
  }
}

function renderFunction(f: FunctionSpec): string {
  const name = jsName(f.id);
  const lines: string[] = ["/**", ` * ${doc(f.description.fr)}`, ` * @customfunction ${f.id} ${f.id}`];
  for (const a of f.args) {
    const label = a.optional ? `[${a.name}]` : a.name;
    lines.push(` * @param ${label} ${doc(a.description.fr)}`);
  }
  lines.push(` * @returns ${DATE_RESULTS.has(f.id) ? DATE_RETURNS : RETURNS[f.result]}`, " */");
  const params = f.args.map((a) => `${a.name}${a.optional ? "?" : ""}: ${paramType(a)}`).join(", ");
  const values = f.args.map((a) => a.name).join(", ");
  lines.push(`export function ${name}(${params}): ${returnType(f)} {`);
  lines.push(`  return call(${JSON.stringify(f.id)}, [${values}]) as ${returnType(f)};`);
  lines.push("}");
  return lines.join("\n");
}

export function renderFunctionsTs(specs: readonly FunctionSpec[] = catalog): string {
  checkCatalog(specs);
  const header = [
    "// GENERATED by scripts/gen-functions.ts from src/catalog: do not edit by hand.",
    "// Run `npm run gen:functions` after changing the catalog.",
    'import { call } from "./runtime";',
  ].join("\n");
  return [header, ...specs.map(renderFunction)].join("\n\n") + "\n";
}

export function renderLocales(specs: readonly FunctionSpec[] = catalog): Locales {
  const out: Locales = {};
  for (const [locale, lang] of Object.entries(METADATA_LOCALES)) {
    out[locale] = {};
    for (const f of specs) {
      out[locale][f.id] = {
        description: doc(f.description[lang]),
        parameters: Object.fromEntries(f.args.map((a) => [a.name, doc(a.description[lang])])),
      };
    }
  }
  return out;
}

export function renderLocalesJson(specs: readonly FunctionSpec[] = catalog): string {
  return JSON.stringify(renderLocales(specs), null, 2) + "\n";
}

function main(argv: string[]): number {
  const outputs: [string, string][] = [
    [FUNCTIONS_TS, renderFunctionsTs()],
    [LOCALES_JSON, renderLocalesJson()],
  ];
  const check = argv.includes("--check");
  let stale = 0;
  for (const [file, text] of outputs) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
    if (current === text) continue;
    if (check) {
      console.error(`${path.relative(process.cwd(), file)} is out of date: run npm run gen:functions`);
      stale++;
    } else {
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  if (!check) console.log(`${catalog.length} custom functions: ${catalog.map((f) => f.id).join(", ")}`);
  return stale ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
