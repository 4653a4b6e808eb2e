/**
 * The custom functions metadata as Excel sees it, generated from
 * functions/functions.ts with the same package the webpack plugin uses
 * (custom-functions-metadata), and its "contract": what workbooks depend on
 * (ids, names, parameter order and kinds, result kind), without descriptions.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

export const FUNCTIONS_TS = path.join(__dirname, "..", "functions", "functions.ts");
export const GOLDEN_JSON = path.join(__dirname, "..", "tests", "metadata", "functions.golden.json");

export interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

export interface Metadata {
  functions: MetadataFunction[];
}

export interface ContractFunction {
  id: string;
  name: string;
  parameters: { name: string; type: string; dimensionality: string; optional: boolean; repeating: boolean }[];
  result: { type: string; dimensionality: string };
}

export async function generateMetadata(file = FUNCTIONS_TS): Promise<Metadata> {
  const result = await generateCustomFunctionsMetadata(file);
  if (result.errors.length > 0) throw new Error(`Metadata errors in ${file}:\n${result.errors.join("\n")}`);
  if (!result.metadataJson) throw new Error(`No custom function found in ${file}.`);
  return JSON.parse(result.metadataJson) as Metadata;
}

export function contractOf(metadata: Metadata): ContractFunction[] {
  return metadata.functions.map((f) => ({
    id: f.id,
    name: f.name,
    parameters: f.parameters.map((p) => ({
      name: p.name,
      type: p.type ?? "any",
      dimensionality: p.dimensionality ?? "scalar",
      optional: p.optional ?? false,
      repeating: p.repeating ?? false,
    })),
    result: { type: f.result?.type ?? "any", dimensionality: f.result?.dimensionality ?? "scalar" },
  }));
}

/**
 * Why `next` would break workbooks built against `golden` (empty: compatible).
 * Ids and names are permanent; existing parameters keep their order, name and
 * kind; new parameters may only be added at the end, optional.
 */
export function breakingChanges(golden: ContractFunction[], next: ContractFunction[]): string[] {
  const problems: string[] = [];
  const byId = new Map(next.map((f) => [f.id, f]));
  for (const g of golden) {
    const f = byId.get(g.id);
    if (!f) {
      problems.push(`MG.${g.id} has disappeared: ids are permanent (workbooks store them).`);
      continue;
    }
    if (f.name !== g.name) problems.push(`MG.${g.id}: name changed from ${g.name} to ${f.name}.`);
    g.parameters.forEach((p, i) => {
      const q = f.parameters[i];
      if (!q) problems.push(`MG.${g.id}: parameter ${i + 1} (${p.name}) was removed.`);
      else if (JSON.stringify(q) !== JSON.stringify(p)) {
        problems.push(`MG.${g.id}: parameter ${i + 1} changed from ${JSON.stringify(p)} to ${JSON.stringify(q)}.`);
      }
    });
    f.parameters.slice(g.parameters.length).forEach((q) => {
      if (!q.optional && !q.repeating) problems.push(`MG.${g.id}: new parameter ${q.name} must be optional.`);
    });
    if (JSON.stringify(f.result) !== JSON.stringify(g.result)) {
      problems.push(`MG.${g.id}: result changed from ${JSON.stringify(g.result)} to ${JSON.stringify(f.result)}.`);
    }
  }
  return problems;
}
