/**
 * Users see every source, note, label and message: none may name an internal
 * document (the project's seed files, its design notes, rule codes) or speak
 * as a developer ("non connu ici"). Every source is a public document a user
 * can open: it has a URL, or it is a printed document named by publisher and date.
 */
import * as fs from "fs";
import * as path from "path";
import { params } from "../../src/params";
import { allFamilies as families } from "../../src/params/simulation-families";
import { catalog, evaluate } from "../../src/catalog";
import { formatSource } from "../../src/explain";
import { isRuleError } from "../../src/errors";
import { serialFromIso } from "../../src/dates";
import { explanationOf } from "../../src/rules/eligibility";

const INTERNAL: [string, RegExp][] = [
  ["seed file name", /\d{3}_[0-9a-f]{16}\.txt/],
  ["RULES.md", /RULES\.md/],
  ["DESIGN.md", /DESIGN\.md/],
  ["seed number", /\bseeds? ?0\d\d\b/i],
  ["rule code", /\bR\d{1,2}\b/],
  ["developer wording", /non (connue?s?|vérifiée?s?|revérifiée?s?|vérifiable|calculable|encodée?s?) ici|attestée? ici/],
];

function internalRefs(text: string): string[] {
  return INTERNAL.filter(([, re]) => re.test(text)).map(([name]) => name);
}

/** Every string of a parameter family a user can see (all but ids, kinds, seed links). */
function visibleStrings(node: unknown, where: string, out: [string, string][]): void {
  if (typeof node === "string") out.push([where, node]);
  else if (Array.isArray(node)) node.forEach((n, i) => visibleStrings(n, `${where}[${i}]`, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "seed" || k === "id" || k === "kind" || k === "from" || k === "to" || k === "seen") continue;
      visibleStrings(v, `${where}.${k}`, out);
    }
  }
}

describe("public citations only: no internal reference reaches a user", () => {
  test("parameter files: titles, notes, labels, descriptions and units", () => {
    const texts: [string, string][] = [];
    for (const f of families) visibleStrings(f, f.family, texts);
    expect(texts.length).toBeGreaterThan(500);
    const bad = texts.filter(([, t]) => internalRefs(t).length > 0).map(([w, t]) => `${w}: ${internalRefs(t).join(", ")} — ${t.slice(0, 120)}`);
    expect(bad).toEqual([]);
  });

  test("every source as printed (formatSource) names no seed file", () => {
    for (const p of params.all()) {
      for (const v of p.versions) for (const s of v.sources) expect(internalRefs(formatSource(s))).toEqual([]);
    }
  });

  test("every source has a URL, or is a printed document named with its publisher and date", () => {
    const bad: string[] = [];
    for (const p of params.all()) {
      for (const v of p.versions) {
        for (const s of v.sources) {
          const printed = /\b(19|20)\d\d\b/.test(s.title) && /,/.test(s.title);
          if (!s.url && !printed) bad.push(`${p.id}: ${s.title}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test("the seed link is kept only in the non-printed `seed` field", () => {
    const withSeed = params.all().flatMap((p) => p.versions.flatMap((v) => v.sources.filter((s) => s.seed)));
    expect(withSeed.length).toBeGreaterThan(100);
    for (const s of withSeed) {
      expect(s.seed).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(formatSource(s)).not.toContain(s.seed as string);
      expect(s).not.toHaveProperty("document");
    }
  });

  test("catalog texts: descriptions, argument texts and examples of every function", () => {
    const bad: string[] = [];
    for (const f of catalog) {
      const texts = [f.description.fr, f.description.nl, f.description.en, f.example.formula, ...f.args.flatMap((a) => [a.description.fr, a.description.nl, a.description.en])];
      for (const t of texts) if (internalRefs(t).length) bad.push(`${f.id}: ${t}`);
    }
    expect(bad).toEqual([]);
  });

  test("messages built by the rules: every catalog example, with its steps, conditions, sources and refusals", () => {
    const ctx = { today: serialFromIso("2026-12-01"), lang: "fr" as const };
    const bad: string[] = [];
    const scan = (where: string, t: string) => {
      if (internalRefs(t).length) bad.push(`${where}: ${t}`);
    };
    for (const f of catalog) {
      // Run the example's formula through the catalog (simple literal arguments only).
      const m = /^=MG\.[A-Z.]+\((.*)\)$/.exec(f.example.formula);
      const args = m && m[1] && !/DATE\(|[A-Z]\d|\{/.test(m[1]) ? m[1].split(";").map((a) => a.trim()).map((a) => (/^".*"$/.test(a) ? a.slice(1, -1) : a === "" ? null : Number(a.replace(",", ".")))) : [];
      for (const tryArgs of [args, []]) {
        try {
          const r = evaluate(f.id, tryArgs as (string | number | null)[], ctx);
          r.steps.forEach((s) => scan(f.id, s));
          r.sources.forEach((s) => scan(f.id, formatSource(s)));
          (r.conditions ?? []).forEach((c) => scan(f.id, `${c.label} ${c.detail ?? ""}`));
        } catch (e) {
          if (!isRuleError(e)) throw e;
          scan(f.id, e.messageIn("fr"));
          const x = explanationOf(e);
          if (x) x.steps.forEach((s) => scan(f.id, s));
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test("#N/A messages of every parameter (before its first and after its last version)", () => {
    const bad: string[] = [];
    for (const p of params.all()) {
      for (const iso of ["1990-01-01", "2099-01-01"]) {
        try {
          params.at(p.id, serialFromIso(iso));
        } catch (e) {
          if (!isRuleError(e)) throw e;
          if (internalRefs(e.message).length) bad.push(`${p.id}: ${e.message}`);
          expect(e.message).not.toContain("(tableau)");
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test("string literals of the code under src/ (outside comments; src/scenario is being rewritten by the lead)", () => {
    const root = path.join(__dirname, "../../src");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) {
          if (p !== path.join(root, "scenario")) walk(p);
        } else if (p.endsWith(".ts")) files.push(p);
      }
    };
    walk(root);
    const bad: string[] = [];
    for (const f of files) {
      const code = fs.readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
      // The seed link of a source written in code is allowed: it is never printed.
      const literals = code.replace(/\bseed: "[^"]*"/g, "").match(/"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`|'(?:[^'\\\n]|\\.)*'/g) ?? [];
      for (const l of literals) if (internalRefs(l).length) bad.push(`${path.relative(root, f)}: ${l.slice(0, 100)}`);
    }
    expect(bad).toEqual([]);
  });
});
