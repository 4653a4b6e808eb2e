/**
 * The scenario: what an accountant knows about a young GP's practice, checked
 * by zod. It holds no legal figure (those live in src/params): only facts and
 * choices of this doctor (dates, activity, costs) and the explicit hypothesis
 * used for years without a published legal amount (`extrapolation`).
 *
 * Amounts are euros with at most two decimals (as typed in a cell); the
 * simulation converts them to integer cents once.
 *
 * Activity is given per simulated year (`activity[0]` = first year); when the
 * list is shorter than the horizon, the last line is carried over to the
 * later years (the Hypothèses sheet then shows every year explicitly, so the
 * accountant can edit each year).
 */
import { z } from "zod";
import { formatDateFr, isoFromSerial, serialFromIso, type Serial } from "../dates";
import { isRuleError } from "../errors";
import { accreditationDate } from "../rules/accreditation";
import { describeQuartier, resolveQuartier } from "../rules/quartiers";
import { resolveCommune } from "../rules/taxe-communale";
import { params } from "../params";
import { fieldLabel } from "./field-labels";
import { keptPenurieList } from "../rules/penurie";

const isoDate = z
  .string({ message: "date attendue (AAAA-MM-JJ)" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date au format AAAA-MM-JJ attendue (par ex. 2025-10-01)")
  .refine((s) => {
    const d = new Date(s + "T00:00:00Z");
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "date impossible");

/** Euros, ≥ 0, at most two decimals. */
const euros = z
  .number({ error: (iss) => (iss.input === undefined ? "valeur requise" : "montant en euros attendu (nombre)") })
  .min(0, "le montant ne peut pas être négatif")
  .max(100_000_000, "montant trop grand")
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, "au plus deux décimales (centimes)");

const int = (min: number, max: number, what: string) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? `${what} : valeur requise` : `${what} : nombre entier attendu`) })
    .int(`${what} : nombre entier attendu`)
    .min(min, `${what} : au moins ${min}`)
    .max(max, `${what} : au plus ${max}`);

export const LANGUAGES = ["fr", "nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const PRACTICE_TYPES = ["solo", "regroupement", "groupe", "maison-medicale-acte", "maison-medicale-forfait"] as const;
export type PracticeType = (typeof PRACTICE_TYPES)[number];

export const CONVENTIONNEMENTS = ["total", "partiel", "aucun"] as const;
export type Conventionnement = (typeof CONVENTIONNEMENTS)[number];

export const CERCLE_MEMBERSHIPS = ["famgb", "association", "aucun"] as const;
export type CercleMembership = (typeof CERCLE_MEMBERSHIPS)[number];

/** One year of activity (first simulated year first). */
export const activityYearSchema = z.strictObject({
  /** Office consultations per week worked. */
  consultationsPerWeek: int(0, 500, "consultations par semaine"),
  /** Home visits per week worked. */
  visitsPerWeek: int(0, 200, "visites par semaine"),
  /** Weeks worked in a full year (prorated by the days of practice in the first year). */
  weeksWorked: int(0, 53, "semaines travaillées"),
  /**
   * Maison médicale au forfait only: the GP's yearly income from the
   * practice's forfait (a hypothesis in euros: no document gives the
   * forfait amounts); prorated by the days of practice in the first year.
   */
  forfaitIncome: euros.optional(),
  /** Patients whose DMG (dossier médical global) the GP manages at the end of the year. */
  dmgCount: int(0, 100_000, "nombre de DMG"),
  /** e-services criteria reached (individually or as the group average) for the prime de pratique intégrée. */
  eServicesCriteria: int(0, 20, "critères e-services atteints"),
  /** Software accepted by the INAMI (condition of the prime de pratique intégrée). */
  acceptedSoftware: z.boolean().default(true),
});
export type ActivityYear = z.infer<typeof activityYearSchema>;

const staffLine = z.strictObject({
  /** Complete months of use per year (0 to 12). */
  months: int(0, 12, "mois"),
  /** Real cost for those months, per year (euros). */
  yearlyCost: euros,
});

const employeeLine = staffLine.extend({
  /** Weekly hours of the employment contract (R10: ≥ 13 h/week); omitted: R10 not computed. */
  hoursPerWeek: z.number({ message: "heures par semaine : nombre attendu" }).min(0, "heures par semaine : au moins 0").max(60, "heures par semaine : au plus 60").optional(),
  /** Date the (open-ended) employment contract takes effect (R10); omitted: R10 not computed. */
  contractStart: isoDate.optional(),
  /** First contract: no employee in the 10 years before and continuité des soins never received (R10). */
  firstContract: z.boolean().default(true),
});

export const investmentSchema = z.strictObject({
  label: z.string().trim().min(1, "libellé de l'investissement requis").max(80),
  /** Purchase price (euros). */
  amount: euros,
  /** Year of purchase (depreciation starts that year, full year). */
  year: int(1990, 2100, "année d'achat"),
  /** Depreciation period in years (straight line). */
  years: int(1, 50, "durée d'amortissement (années)"),
});
export type Investment = z.infer<typeof investmentSchema>;

export const scenarioSchema = z
  .strictObject({
    /** Shown in sheet titles and as a sheet-name prefix when several scenarios share a workbook. */
    name: z.string({ message: "nom du scénario requis" }).trim().min(1, "nom du scénario requis").max(40, "nom du scénario : au plus 40 caractères"),
    /** Free text shown on the Hypothèses sheet (where the figures come from, caveats). */
    note: z.string().max(1000, "note : au plus 1000 caractères").optional(),
    /** Language of sheet names and labels. */
    language: z.enum(LANGUAGES, { error: (i) => (i.input === undefined ? "valeur requise" : "langue : fr, nl ou en") }).default("fr"),
    dates: z.strictObject({
      /** End of the training (stage): from the next day the GP bills at 75 % until agrément (R1). */
      endOfTraining: isoDate,
      /** Agrément as general practitioner. */
      agrement: isoDate,
      /** Date the agréé INAMI number (competence 003/004) was obtained (R2, R7). */
      inamiNumber: isoDate,
      /** Start of the practice in Brussels. */
      installation: isoDate,
    }),
    /** First simulated year; default: the year of installation. */
    firstYear: int(2000, 2100, "première année simulée").optional(),
    /** Number of simulated years. */
    horizon: int(1, 10, "horizon (années)"),
    quartier: z.strictObject({
      /** Monitoring des Quartiers code (e.g. 87) or FR/NL name. */
      code: z.union([z.string().trim().min(1), z.number().int()]).optional(),
      name: z.string().trim().min(1).optional(),
      /**
       * Whether the quarter is a quartier en pénurie: asked explicitly, since
       * the official list (AM 13/05/2019) is not built in (R11).
       */
      penurie: z.boolean({ message: "indiquez si le quartier est en pénurie (true/false)" }).optional(),
    }),
    practice: z.strictObject({
      type: z.enum(PRACTICE_TYPES, {
        error: (i) =>
          i.input === undefined
            ? "valeur requise"
            : i.input === "maison-medicale"
              ? "une maison médicale travaille à l'acte ou au forfait : maison-medicale-acte ou maison-medicale-forfait"
              : "type de pratique : solo, regroupement, groupe, maison-medicale-acte ou maison-medicale-forfait",
      }),
      /** GPs sharing the staff costs (regroupement / groupe); 1 for solo. */
      gps: int(1, 50, "nombre de médecins").default(1),
    }),
    conventionnement: z.enum(CONVENTIONNEMENTS, { error: (i) => (i.input === undefined ? "valeur requise" : "valeur attendue : total, partiel ou aucun") }),
    accreditation: z.strictObject({
      accredited: z.boolean({ error: (i) => (i.input === undefined ? "valeur requise" : "true ou false attendu (accrédité ou non)") }),
      /**
       * Date the provisional accreditation was (or will be) requested; omitted:
       * requested no later than the agrément. The accreditation starts on the
       * 1st day of the month after both the recognition and the request are
       * received (rule of MG.ACCREDITATION.DATE).
       */
      requestDate: isoDate.optional(),
      /** A later known start of the accreditation (never earlier than the rule allows). */
      from: isoDate.optional(),
    }),
    /** Per simulated year; the last line is carried over to later years. */
    activity: z.array(activityYearSchema).min(1, "au moins une année d'activité").max(10, "au plus 10 années d'activité"),
    staff: z
      .strictObject({
        /** Telesecretariat (Impulseo III). */
        telesecretariat: staffLine.default({ months: 0, yearlyCost: 0 }),
        /** Employee (Impulseo II: salary costs; R10 continuité des soins / gestion de cabinet). */
        employee: employeeLine.default({ months: 0, yearlyCost: 0, firstContract: true }),
      })
      .default({ telesecretariat: { months: 0, yearlyCost: 0 }, employee: { months: 0, yearlyCost: 0, firstContract: true } }),
    costs: z.strictObject({
      /** Cabinet rent per year. */
      rent: euros,
      /** Other yearly costs (insurance, software, consumables, car share...). */
      other: euros,
      /** Cercle membership: directly at the FAMGB, through a local association, or none (R13). */
      cercle: z.enum(CERCLE_MEMBERSHIPS, { error: (i) => (i.input === undefined ? "valeur requise" : "valeur attendue : famgb, association ou aucun") }).default("famgb"),
      /** The local association's own yearly fee, when cercle = "association" (not a legal figure). */
      associationFee: euros.default(0),
    }),
    investments: z.array(investmentSchema).max(20).default([]),
    /**
     * Brussels installation subsidy (R8): the amount requested in the
     * budget; the simulation grants min(cap, budget) if the quarter is en
     * pénurie and the other conditions hold.
     */
    installationBudget: euros.default(0),
    /**
     * Years with no published legal amount: the last published amount is
     * carried over, indexed by `indexPercent` % a year (0 = unchanged). An
     * explicit, visible hypothesis, never a silent reuse.
     */
    extrapolation: z
      .strictObject({ indexPercent: z.number().min(-10, "indexation : au moins -10 %").max(20, "indexation : au plus 20 %").default(0) })
      .default({ indexPercent: 0 }),
    /**
     * The GP's household for the income tax: dependent children, and the
     * commune of residence (its communal surcharge rate for each income year
     * comes from src/params) or, for a commune outside Brussels, the rate
     * typed in (% of the federal tax). One of the two is required: never a
     * silent 0 %.
     */
    household: z.strictObject({
      dependants: int(0, 12, "enfants à charge").default(0),
      commune: z.string().trim().min(1, "commune de résidence : nom attendu").optional(),
      communalRatePercent: z.number({ message: "taxe communale : nombre attendu (en %)" }).min(0, "taxe communale : au moins 0 %").max(15, "taxe communale : au plus 15 %").optional(),
    }),
    /**
     * Income tax payment: share (in %) of each year's income tax paid during
     * the year itself as advance payments (versements anticipés); the rest is
     * paid with the assessment (see the parameter ipp.paiement.decalage).
     */
    tax: z
      .strictObject({ advancePaymentsPercent: z.number({ message: "versements anticipés : nombre attendu (en %)" }).min(0, "versements anticipés : au moins 0 %").max(100, "versements anticipés : au plus 100 %").default(0) })
      .default({ advancePaymentsPercent: 0 }),
  })
  .superRefine((s, ctx) => {
    const d = s.dates;
    if (d.agrement < d.endOfTraining) {
      ctx.addIssue({ code: "custom", path: ["dates", "agrement"], message: "l'agrément ne peut pas précéder la fin du stage" });
    }
    if (d.inamiNumber < d.agrement) {
      ctx.addIssue({ code: "custom", path: ["dates", "inamiNumber"], message: "le numéro INAMI d'agréé (003/004) ne peut pas précéder l'agrément" });
    }
    if (s.practice.type === "solo" && s.practice.gps !== 1) {
      ctx.addIssue({ code: "custom", path: ["practice", "gps"], message: "une pratique solo compte un seul médecin" });
    }
    if (!s.accreditation.accredited && (s.accreditation.from || s.accreditation.requestDate)) {
      ctx.addIssue({ code: "custom", path: ["accreditation", "accredited"], message: "dates d'accréditation données pour un médecin non accrédité" });
    }
    if (s.accreditation.accredited) {
      const start = accreditationStartOf(s);
      if (typeof start === "string" && start !== "date impossible" && !s.accreditation.from) {
        ctx.addIssue({ code: "custom", path: ["accreditation", s.accreditation.requestDate ? "requestDate" : "from"], message: `${start} Indiquez la date de début de l'accréditation (accreditation.from) si vous la connaissez.` });
      }
      else if (typeof start === "number" && s.accreditation.from && s.accreditation.from < isoFromSerial(start)) {
        ctx.addIssue({
          code: "custom",
          path: ["accreditation", "from"],
          message: `l'accréditation ne peut commencer qu'au ${formatDateFr(start)} (1er jour du mois qui suit la réception de l'agrément et de la demande), pas le ${formatDateFr(serialFromIso(s.accreditation.from))}`,
        });
      }
    }
    const firstYear = s.firstYear ?? Number(d.installation.slice(0, 4));
    if (Number(d.installation.slice(0, 4)) > firstYear + s.horizon - 1) {
      ctx.addIssue({ code: "custom", path: ["firstYear"], message: "l'installation tombe après la dernière année simulée" });
    }
    if (s.activity.length > s.horizon) {
      ctx.addIssue({ code: "custom", path: ["activity"], message: `${s.activity.length} années d'activité pour un horizon de ${s.horizon} ans` });
    }
    s.activity.forEach((a, i) => {
      if (a.forfaitIncome !== undefined && s.practice.type !== "maison-medicale-forfait") {
        ctx.addIssue({ code: "custom", path: ["activity", i, "forfaitIncome"], message: "revenu du forfait donné pour une pratique qui n'est pas une maison médicale au forfait" });
      }
    });
    if (s.practice.type === "maison-medicale-forfait" && s.activity[0].forfaitIncome === undefined) {
      ctx.addIssue({ code: "custom", path: ["activity", 0, "forfaitIncome"], message: "maison médicale au forfait : indiquez le revenu annuel du forfait du médecin (hypothèse en euros)" });
    }
    if (s.household.commune === undefined && s.household.communalRatePercent === undefined) {
      ctx.addIssue({ code: "custom", path: ["household", "commune"], message: "indiquez la commune de résidence (ou, hors Bruxelles, le taux de la taxe communale)" });
    }
    if (s.household.commune !== undefined) {
      const problem = communeProblem(s.household.commune, s.household.communalRatePercent !== undefined);
      if (problem) ctx.addIssue({ code: "custom", path: ["household", "commune"], message: problem });
    }
    quartierProblems(s.quartier).forEach((p) => ctx.addIssue({ code: "custom", path: ["quartier", p.field], message: p.message }));
    if (s.quartier.penurie === undefined && keptPenurieList() === null) {
      ctx.addIssue({ code: "custom", path: ["quartier", "penurie"], message: "indiquez si le quartier est en pénurie (true/false), ou saisissez la liste officielle des quartiers en pénurie (volet, ou --penurie)" });
    }
    if (s.costs.cercle !== "association" && s.costs.associationFee > 0) {
      ctx.addIssue({ code: "custom", path: ["costs", "associationFee"], message: "cotisation d'association locale sans adhésion via une association" });
    }
  });

/** A validated scenario (defaults applied). */
export type Scenario = z.infer<typeof scenarioSchema>;
/** What a user writes (defaults optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;

export interface ScenarioProblem {
  /** "activity[0].weeksWorked" */
  path: string;
  message: string;
}

/** zod issues as a French list of (path, message). */
export function scenarioProblems(error: z.ZodError): ScenarioProblem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: frenchMessage(i) }));
}

function frenchMessage(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case "invalid_type":
      // zod's default English text when our own message did not apply
      return i.message && !/^Invalid input/.test(i.message) ? i.message : i.input === undefined ? "valeur requise" : `type invalide (attendu : ${i.expected})`;
    case "unrecognized_keys":
      return `champ(s) inconnu(s) : ${i.keys.join(", ")}`;
    case "invalid_value":
      return i.message && !/^Invalid option/.test(i.message) ? i.message : `valeur invalide (attendu : ${i.values.map(String).join(", ")})`;
    default:
      return i.message;
  }
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Validates unknown input (parsed JSON, a task pane form) into a scenario. */
export function parseScenario(input: unknown): ParseResult {
  const r = scenarioSchema.safeParse(input);
  if (r.success) return { ok: true, scenario: r.data };
  const problems: ScenarioProblem[] = [];
  for (const issue of r.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) problems.push(unknownKeyProblem([...issue.path, key], key));
    } else problems.push(...scenarioProblems(new z.ZodError([issue])));
  }
  return { ok: false, problems };
}

/** Keys that used to exist: refused with what replaced them. */
const REMOVED_KEYS: Record<string, string> = {
  accreditedSharePercent:
    "clé supprimée : l'accréditation est un statut du médecin, pas une part des consultations ; elle s'applique dès sa date de début (accreditation.requestDate, accreditation.from)",
  communalRatePercent: "clé déplacée : indiquez household.commune (ou household.communalRatePercent hors Bruxelles)",
};

function unknownKeyProblem(path: PropertyKey[], key: string): ScenarioProblem {
  const where = formatPath(path);
  const removed = REMOVED_KEYS[key];
  if (removed && !(key === "communalRatePercent" && path[0] === "household")) return { path: where, message: removed };
  const known = knownKeysAt(path.slice(0, -1));
  const close = closestKey(key, known);
  return {
    path: where,
    message: `clé inconnue${close ? ` — vouliez-vous dire ${close} ?` : known.length ? ` (clés possibles : ${known.join(", ")})` : ""}`,
  };
}

/** The keys the schema knows for the object at `path` (array indices skipped). */
function knownKeysAt(path: PropertyKey[]): string[] {
  let node: any = scenarioSchema; // zod's internal definitions (._zod.def) are not typed for walking
  const unwrap = () => {
    for (let guard = 0; guard < 10 && node; guard++) {
      const def = node._zod?.def;
      if (!def) return;
      if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault" || def.type === "readonly") node = def.innerType;
      else if (def.type === "pipe") node = def.in;
      else return;
    }
  };
  for (const step of path) {
    unwrap();
    const def = node?._zod?.def;
    if (!def) return [];
    if (def.type === "array") node = def.element;
    else if (def.type === "object") node = def.shape[String(step)];
    else return [];
  }
  unwrap();
  const def = node?._zod?.def;
  return def?.type === "object" ? Object.keys(def.shape) : [];
}

/** The known key closest to a typo (edit distance ≤ 3, or one is a prefix of the other). */
export function closestKey(key: string, known: readonly string[]): string | null {
  const k = key.toLowerCase();
  let best: { key: string; d: number } | null = null;
  for (const cand of known) {
    const c = cand.toLowerCase();
    const d = c.startsWith(k) || k.startsWith(c) ? 1 : editDistance(k, c);
    if (d <= Math.max(2, Math.floor(c.length / 4)) && (!best || d < best.d)) best = { key: cand, d };
  }
  return best?.key ?? null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length ? path.map((p, k) => (typeof p === "number" ? `[${p}]` : k === 0 ? String(p) : `.${String(p)}`)).join("") : "(scénario)";
}

/** The accreditation start the rule allows (serial), or the reason it cannot be computed. */
export function accreditationStartOf(s: { dates: { agrement: string }; accreditation: { requestDate?: string } }): Serial | string {
  try {
    const agr = serialFromIso(s.dates.agrement);
    const req = s.accreditation.requestDate ? serialFromIso(s.accreditation.requestDate) : null;
    return accreditationDate("debut", agr, req).value;
  } catch (e) {
    if (isRuleError(e)) return e.message;
    // An impossible date is already reported on its own field.
    if (e instanceof RangeError) return "date impossible";
    throw e;
  }
}

/** The quarter code and name: each known, and both the same quarter. */
function quartierProblems(q: { code?: string | number; name?: string }): { field: "code" | "name"; message: string }[] {
  if (q.code === undefined && q.name === undefined) return [{ field: "code", message: "indiquez le code ou le nom du quartier (Monitoring des Quartiers)" }];
  const out: { field: "code" | "name"; message: string }[] = [];
  const resolve = (v: string | number, field: "code" | "name") => {
    try {
      return resolveQuartier(v, field === "code" ? "code du quartier" : "nom du quartier");
    } catch (e) {
      if (!isRuleError(e)) throw e;
      out.push({ field, message: e.message.replace(/^« [^»]+ » : /, "") });
      return null;
    }
  };
  const byCode = q.code !== undefined ? resolve(q.code, "code") : null;
  const byName = q.name !== undefined ? resolve(q.name, "name") : null;
  if (byCode && byName && byCode.code !== byName.code) {
    out.push({ field: "name", message: `le nom ne correspond pas au code : le code ${byCode.code} est ${describeQuartier(byCode)}, le nom désigne ${describeQuartier(byName)}` });
  }
  return out;
}

/** Why a commune of residence is refused, or null (a commune without any published rate needs the rate typed in). */
function communeProblem(commune: string, rateTyped: boolean): string | null {
  try {
    const c = resolveCommune(commune);
    if (!rateTyped && !params.has(`taxe-communale.${c.id}`)) {
      return `taux de la taxe communale de ${c.fr} non publié dans les sources consultées (au 01/12/2026) : indiquez-le (household.communalRatePercent, taux de l'avertissement-extrait de rôle)`;
    }
    return null;
  } catch (e) {
    if (isRuleError(e)) return e.message;
    throw e;
  }
}

/** "chemin (libellé du volet) : message" lines, for a terminal or a report. */
export function formatProblems(problems: ScenarioProblem[], lang: "fr" | "nl" | "en" = "fr"): string {
  return problems
    .map((p) => {
      const label = fieldLabel(p.path, lang);
      return `- ${p.path}${label ? ` (${label})` : ""} : ${p.message}`;
    })
    .join("\n");
}

/** First simulated year. */
export function firstYearOf(s: Scenario): number {
  return s.firstYear ?? Number(s.dates.installation.slice(0, 4));
}

/** The simulated years, in order. */
export function yearsOf(s: Scenario): number[] {
  const y0 = firstYearOf(s);
  return Array.from({ length: s.horizon }, (_, i) => y0 + i);
}

/** The activity of the i-th simulated year (the last line carried over). */
export function activityOf(s: Scenario, index: number): ActivityYear {
  return s.activity[Math.min(index, s.activity.length - 1)];
}
