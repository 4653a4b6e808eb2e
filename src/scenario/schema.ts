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

export const PRACTICE_TYPES = ["solo", "regroupement", "groupe", "maison-medicale"] as const;
export type PracticeType = (typeof PRACTICE_TYPES)[number];

export const CONVENTIONNEMENTS = ["total", "partiel", "aucun"] as const;
export type Conventionnement = (typeof CONVENTIONNEMENTS)[number];

export const CERCLE_MEMBERSHIPS = ["famgb", "association", "aucun"] as const;
export type CercleMembership = (typeof CERCLE_MEMBERSHIPS)[number];

/** One year of activity (first simulated year first). */
export const activityYearSchema = z.object({
  /** Office consultations per week worked. */
  consultationsPerWeek: int(0, 500, "consultations par semaine"),
  /** Home visits per week worked. */
  visitsPerWeek: int(0, 200, "visites par semaine"),
  /** Weeks worked in a full year (prorated by the days of practice in the first year). */
  weeksWorked: int(0, 53, "semaines travaillées"),
  /** Share (in %) of consultations billed as an accredited GP (code 101076); 0 if not accredited. */
  accreditedSharePercent: int(0, 100, "part des consultations accréditées (%)"),
  /** Patients whose DMG (dossier médical global) the GP manages at the end of the year. */
  dmgCount: int(0, 100_000, "nombre de DMG"),
  /** e-services criteria reached (individually or as the group average) for the prime de pratique intégrée. */
  eServicesCriteria: int(0, 20, "critères e-services atteints"),
  /** Software accepted by the INAMI (condition of the prime de pratique intégrée). */
  acceptedSoftware: z.boolean().default(true),
});
export type ActivityYear = z.infer<typeof activityYearSchema>;

const staffLine = z.object({
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

export const investmentSchema = z.object({
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
  .object({
    /** Shown in sheet titles and as a sheet-name prefix when several scenarios share a workbook. */
    name: z.string({ message: "nom du scénario requis" }).trim().min(1, "nom du scénario requis").max(40, "nom du scénario : au plus 40 caractères"),
    /** Free text shown on the Hypothèses sheet (where the figures come from, caveats). */
    note: z.string().max(1000, "note : au plus 1000 caractères").optional(),
    /** Language of sheet names and labels. */
    language: z.enum(LANGUAGES, { error: (i) => (i.input === undefined ? "valeur requise" : "langue : fr, nl ou en") }).default("fr"),
    dates: z.object({
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
    quartier: z.object({
      /** Monitoring des Quartiers code (e.g. 87) or FR/NL name. */
      code: z.union([z.string().trim().min(1), z.number().int()]).optional(),
      name: z.string().trim().min(1).optional(),
      /**
       * Whether the quarter is a quartier en pénurie: asked explicitly, since
       * the official list (AM 13/05/2019) is not built in (R11).
       */
      penurie: z.boolean({ message: "indiquez si le quartier est en pénurie (true/false)" }),
    }),
    practice: z.object({
      type: z.enum(PRACTICE_TYPES, { error: (i) => (i.input === undefined ? "valeur requise" : "type de pratique : solo, regroupement, groupe ou maison-medicale") }),
      /** GPs sharing the staff costs (regroupement / groupe); 1 for solo. */
      gps: int(1, 50, "nombre de médecins").default(1),
    }),
    conventionnement: z.enum(CONVENTIONNEMENTS, { error: (i) => (i.input === undefined ? "valeur requise" : "valeur attendue : total, partiel ou aucun") }),
    accreditation: z.object({
      accredited: z.boolean(),
      /** Start of the (provisional) accreditation. */
      from: isoDate.optional(),
    }),
    /** Per simulated year; the last line is carried over to later years. */
    activity: z.array(activityYearSchema).min(1, "au moins une année d'activité").max(10, "au plus 10 années d'activité"),
    staff: z
      .object({
        /** Telesecretariat (Impulseo III). */
        telesecretariat: staffLine.default({ months: 0, yearlyCost: 0 }),
        /** Employee (Impulseo II: salary costs; R10 continuité des soins / gestion de cabinet). */
        employee: employeeLine.default({ months: 0, yearlyCost: 0, firstContract: true }),
      })
      .default({ telesecretariat: { months: 0, yearlyCost: 0 }, employee: { months: 0, yearlyCost: 0, firstContract: true } }),
    costs: z.object({
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
      .object({ indexPercent: z.number().min(-10, "indexation : au moins -10 %").max(20, "indexation : au plus 20 %").default(0) })
      .default({ indexPercent: 0 }),
    /**
     * Income tax (R14): the communal surcharge rate of the GP's commune of
     * residence, in % of the federal tax (a choice of the commune, not a
     * legal figure of src/params; 0 = not included).
     */
    tax: z
      .object({ communalRatePercent: z.number().min(0, "taxe communale : au moins 0 %").max(15, "taxe communale : au plus 15 %").default(0) })
      .default({ communalRatePercent: 0 }),
  })
  .superRefine((s, ctx) => {
    const d = s.dates;
    if (d.agrement < d.endOfTraining) {
      ctx.addIssue({ code: "custom", path: ["dates", "agrement"], message: "l'agrément ne peut pas précéder la fin du stage" });
    }
    if (d.inamiNumber < d.agrement) {
      ctx.addIssue({ code: "custom", path: ["dates", "inamiNumber"], message: "le numéro INAMI d'agréé (003/004) ne peut pas précéder l'agrément" });
    }
    if (s.quartier.code === undefined && s.quartier.name === undefined) {
      ctx.addIssue({ code: "custom", path: ["quartier"], message: "indiquez le code ou le nom du quartier (Monitoring des Quartiers)" });
    }
    if (s.practice.type === "solo" && s.practice.gps !== 1) {
      ctx.addIssue({ code: "custom", path: ["practice", "gps"], message: "une pratique solo compte un seul médecin" });
    }
    if (s.accreditation.accredited && !s.accreditation.from) {
      ctx.addIssue({ code: "custom", path: ["accreditation", "from"], message: "indiquez la date de début de l'accréditation" });
    }
    const firstYear = s.firstYear ?? Number(d.installation.slice(0, 4));
    if (Number(d.installation.slice(0, 4)) > firstYear + s.horizon - 1) {
      ctx.addIssue({ code: "custom", path: ["firstYear"], message: "l'installation tombe après la dernière année simulée" });
    }
    if (s.activity.length > s.horizon) {
      ctx.addIssue({ code: "custom", path: ["activity"], message: `${s.activity.length} années d'activité pour un horizon de ${s.horizon} ans` });
    }
    const accFromYear = s.accreditation.from ? Number(s.accreditation.from.slice(0, 4)) : Infinity;
    s.activity.forEach((a, i) => {
      const year = firstYear + i;
      if (a.accreditedSharePercent > 0 && (!s.accreditation.accredited || year < accFromYear)) {
        ctx.addIssue({
          code: "custom",
          path: ["activity", i, "accreditedSharePercent"],
          message: s.accreditation.accredited
            ? `consultations accréditées en ${year}, avant le début de l'accréditation (${s.accreditation.from})`
            : "consultations accréditées alors que le médecin n'est pas accrédité",
        });
      }
    });
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
  return error.issues.map((i) => ({
    path: i.path.length ? i.path.map((p, k) => (typeof p === "number" ? `[${p}]` : k === 0 ? String(p) : `.${String(p)}`)).join("") : "(scénario)",
    message: frenchMessage(i),
  }));
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
  return r.success ? { ok: true, scenario: r.data } : { ok: false, problems: scenarioProblems(r.error) };
}

/** "chemin : message" lines, for a terminal or a task pane. */
export function formatProblems(problems: ScenarioProblem[]): string {
  return problems.map((p) => `- ${p.path} : ${p.message}`).join("\n");
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
