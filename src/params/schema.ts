/**
 * The schema of the legal parameters (one JSON file per family in this
 * folder). Each parameter has dated versions that never overlap; every
 * version names its sources.
 *
 * Checked when the JSON files are loaded into a program: by the webpack
 * build before it bundles them (scripts/check-params.ts, a failing check
 * stops the build), by the command-line tools at start and by the tests.
 * The add-in's bundles embed the checked data and do not ship zod for it:
 * the parameters are constants of the code, and checking them again in
 * Excel at every load cost about 8 KB gzip of the functions bundle and
 * 20 ms of start-up.
 *
 * Written with `zod/mini` (same validation as classic zod, tree-shakable
 * functional API).
 */
import { z } from "zod/mini";

// The add-in's pages forbid eval (Content-Security-Policy without 'unsafe-eval'):
// zod must neither probe `new Function` nor compile parsers. This module is
// evaluated before any family is parsed (the registry imports it), in Excel's
// functions bundle as in the task pane.
z.config({ jitless: true });

const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "date ISO AAAA-MM-JJ attendue"),
  z.refine((s: string) => !Number.isNaN(Date.parse(s + "T00:00:00Z")) && new Date(s + "T00:00:00Z").toISOString().startsWith(s), "date impossible"),
);

export const sourceSchema = z.object({
  title: z.string().check(z.minLength(3)),
  url: z.optional(z.url()),
  /**
   * The project's copy of this document (file name under ../shared/seeds), for
   * the tests only: never shown to a user (formatSource does not print it).
   */
  seed: z.optional(z.string().check(z.regex(/^\d{3}_[0-9a-f]{16}\.txt$/, "nom de fichier de seed attendu"))),
  article: z.optional(z.string()),
  /** When the source was read (ISO date). */
  seen: isoDate,
});
export type Source = z.infer<typeof sourceSchema> & {
  /**
   * Set by the registry (never read from a file) on the sources of a version
   * that comes from a user's parameter file: the file and the ISO date it was
   * imported. Every printer of a source (formatSource) shows it.
   */
  addedByUser?: { on: string; file: string };
};

const labelSchema = z.object({
  fr: z.string().check(z.minLength(2)),
  nl: z.string().check(z.minLength(2)),
  en: z.optional(z.string().check(z.minLength(2))),
});

/** A decimal rate: 0.75 or "16.5%"; converted to an exact rational at load. */
const rateValue = z.union([z.number().check(z.minimum(0), z.maximum(10)), z.string().check(z.regex(/^\d+(\.\d+)?%?$/))]);
/** Euros with at most two decimals (converted to integer cents at load). */
const moneyValue = z.number().check(z.refine((v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, "au plus deux décimales"));

const versionBase = {
  from: isoDate,
  to: z.optional(isoDate),
  sources: z.array(sourceSchema).check(z.minLength(1)),
  note: z.optional(z.string()),
};

const kinds = {
  money: moneyValue,
  rate: rateValue,
  count: z.int(),
  days: z.int(),
  months: z.int(),
  set: z.array(z.string()),
  table: z.unknown(),
  text: z.string(),
} as const;
export type ParamKind = keyof typeof kinds;

function paramOf<K extends ParamKind>(kind: K) {
  return z.object({
    id: z.string().check(z.regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, "identifiant en minuscules, points et tirets")),
    label: labelSchema,
    kind: z.literal(kind),
    unit: z.string(),
    versions: z.array(z.object({ ...versionBase, value: kinds[kind] })).check(z.minLength(1)),
    note: z.optional(z.string()),
  });
}

export const parameterSchema = z.discriminatedUnion("kind", [
  paramOf("money"),
  paramOf("rate"),
  paramOf("count"),
  paramOf("days"),
  paramOf("months"),
  paramOf("set"),
  paramOf("table"),
  paramOf("text"),
]);
export type ParameterJson = z.infer<typeof parameterSchema>;

export const familySchema = z
  .object({
    family: z.string(),
    description: z.string(),
    parameters: z.array(parameterSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((fam, ctx) => {
      const ids = new Set<string>();
      fam.parameters.forEach((p, i) => {
        if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: ["parameters", i, "id"], message: `identifiant en double : ${p.id}`, input: p.id });
        ids.add(p.id);
        const sorted = [...p.versions].sort((a, b) => a.from.localeCompare(b.from));
        sorted.forEach((v, j) => {
          if (v.to !== undefined && v.to < v.from) {
            ctx.addIssue({ code: "custom", path: ["parameters", i, "versions"], message: `${p.id} : fin ${v.to} avant début ${v.from}`, input: p.versions });
          }
          const next = sorted[j + 1];
          if (next && (v.to === undefined || v.to >= next.from)) {
            ctx.addIssue({ code: "custom", path: ["parameters", i, "versions"], message: `${p.id} : versions qui se chevauchent (${v.from} et ${next.from})`, input: p.versions });
          }
        });
      });
    }),
  );
export type FamilyJson = z.infer<typeof familySchema>;

/**
 * Checks raw parameter families (parsed JSON) against the schema; throws one
 * error naming every family, parameter path and problem found.
 */
export function checkFamilies(raw: readonly unknown[]): FamilyJson[] {
  const problems: string[] = [];
  const out = raw.map((r, i) => {
    const res = familySchema.safeParse(r);
    if (res.success) return res.data;
    const name = typeof (r as { family?: unknown })?.family === "string" ? (r as { family: string }).family : `n° ${i + 1}`;
    for (const issue of res.error.issues) problems.push(`famille ${name}, ${issue.path.join(".") || "(racine)"} : ${issue.message}`);
    return null;
  });
  if (problems.length > 0) throw new Error(`Paramètres invalides :\n- ${problems.join("\n- ")}`);
  return out as FamilyJson[];
}
