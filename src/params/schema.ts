/**
 * The schema of the legal parameters (one JSON file per family in this
 * folder). Each parameter has dated versions that never overlap; every
 * version names its sources. Checked at load time and in a test.
 */
import { z } from "zod";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date ISO AAAA-MM-JJ attendue")
  .refine((s) => !Number.isNaN(Date.parse(s + "T00:00:00Z")) && new Date(s + "T00:00:00Z").toISOString().startsWith(s), "date impossible");

export const sourceSchema = z.object({
  title: z.string().min(3),
  url: z.string().url().optional(),
  /** A seed document of ../shared/seeds (file name), when the figure comes from one. */
  document: z.string().optional(),
  article: z.string().optional(),
  /** When the source was read (ISO date). */
  seen: isoDate,
});
export type Source = z.infer<typeof sourceSchema>;

const labelSchema = z.object({ fr: z.string().min(2), nl: z.string().min(2), en: z.string().min(2).optional() });

/** A decimal rate: 0.75 or "16.5%"; converted to an exact rational at load. */
const rateValue = z.union([z.number().min(0).max(10), z.string().regex(/^\d+(\.\d+)?%?$/)]);
/** Euros with at most two decimals (converted to integer cents at load). */
const moneyValue = z.number().refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, "au plus deux décimales");

const versionBase = {
  from: isoDate,
  to: isoDate.optional(),
  sources: z.array(sourceSchema).min(1),
  note: z.string().optional(),
};

const kinds = {
  money: moneyValue,
  rate: rateValue,
  count: z.number().int(),
  days: z.number().int(),
  months: z.number().int(),
  set: z.array(z.string()),
  table: z.unknown(),
  text: z.string(),
} as const;
export type ParamKind = keyof typeof kinds;

function paramOf<K extends ParamKind>(kind: K) {
  return z.object({
    id: z.string().regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, "identifiant en minuscules, points et tirets"),
    label: labelSchema,
    kind: z.literal(kind),
    unit: z.string(),
    versions: z.array(z.object({ ...versionBase, value: kinds[kind] })).min(1),
    note: z.string().optional(),
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
    parameters: z.array(parameterSchema).min(1),
  })
  .superRefine((fam, ctx) => {
    const ids = new Set<string>();
    fam.parameters.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: ["parameters", i, "id"], message: `identifiant en double : ${p.id}` });
      ids.add(p.id);
      const sorted = [...p.versions].sort((a, b) => a.from.localeCompare(b.from));
      sorted.forEach((v, j) => {
        if (v.to !== undefined && v.to < v.from) {
          ctx.addIssue({ code: "custom", path: ["parameters", i, "versions"], message: `${p.id} : fin ${v.to} avant début ${v.from}` });
        }
        const next = sorted[j + 1];
        if (next && (v.to === undefined || v.to >= next.from)) {
          ctx.addIssue({ code: "custom", path: ["parameters", i, "versions"], message: `${p.id} : versions qui se chevauchent (${v.from} et ${next.from})` });
        }
      });
    });
  });
export type FamilyJson = z.infer<typeof familySchema>;
