/**
 * The README's function reference, generated from the catalog so it can
 * never drift from what Excel registers (checked by tests/docs).
 */
import { catalog } from "../catalog";
import type { FunctionSpec } from "../catalog/types";

export const START = "<!-- function-reference:start -->";
export const END = "<!-- function-reference:end -->";

function signature(f: FunctionSpec): string {
  const args = f.args.map((a) => {
    const name = a.repeating ? `${a.name}…` : a.name;
    return a.optional ? `[${name}]` : name;
  });
  return `MG.${f.id}(${args.join("; ")})`;
}

function escape(text: string): string {
  return text.replace(/\|/g, "\\|");
}

export function functionReferenceMarkdown(): string {
  const rows = catalog.map((f) => {
    const args = f.args.map((a) => `\`${a.name}\`${a.optional ? " (facultatif)" : ""} : ${escape(a.description.fr)}`).join("<br>");
    return `| \`${signature(f)}\` | ${escape(f.description.fr)} | ${args} | \`${escape(f.example.formula)}\` → ${escape(f.example.value)} |`;
  });
  return [
    "| Formule | Ce qu'elle rend | Arguments | Exemple |",
    "|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** README text with the reference block replaced. */
export function withFunctionReference(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error("README : marqueurs de la référence des fonctions introuvables");
  return readme.slice(0, a + START.length) + "\n" + functionReferenceMarkdown() + "\n" + readme.slice(b);
}
