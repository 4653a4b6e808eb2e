/**
 * The task pane form as a pure model (no DOM): its fields, its state (the
 * text the user typed, keyed by the scenario path the schema reports, e.g.
 * "activity[0].weeksWorked"), the conversion of that text to a scenario
 * (French number and date formats), and the validation messages per field
 * from the zod schema's issues (src/scenario/schema.ts).
 */
import { CERCLE_MEMBERSHIPS, CONVENTIONNEMENTS, LANGUAGES, PRACTICE_TYPES, parseScenario, type Scenario } from "../src/scenario/schema";
import { formatDateFr, isoFromSerial, parseDateText, serialFromIso } from "../src/dates";
import { t, type TextKey, type UiLang } from "./i18n";

export type FieldKind = "text" | "textarea" | "date" | "int" | "euros" | "decimal" | "bool" | "select";

export interface FieldDef {
  /** Path as the schema reports it ("dates.agrement"). */
  path: string;
  kind: FieldKind;
  label: TextKey;
  help?: TextKey;
  /** A blank value is allowed (the key is left out of the scenario). */
  optional?: boolean;
  options?: { value: string; label: TextKey }[];
  /** Disabled (and left out) unless this returns true. */
  enabledWhen?: (form: ScenarioForm) => boolean;
}

export type SectionId = "scenario" | "dates" | "practice" | "activity" | "staff" | "costs" | "investments";

export interface SectionDef {
  id: SectionId;
  title: TextKey;
  fields: FieldDef[];
}

const opts = <T extends string>(values: readonly T[], labels: Record<T, TextKey>) => values.map((value) => ({ value, label: labels[value] }));

export const SECTIONS: SectionDef[] = [
  {
    id: "scenario",
    title: "secScenario",
    fields: [
      { path: "name", kind: "text", label: "name" },
      { path: "language", kind: "select", label: "language", options: opts(LANGUAGES, { fr: "optFr", nl: "optNl", en: "optEn" }) },
      { path: "note", kind: "textarea", label: "note", optional: true },
    ],
  },
  {
    id: "dates",
    title: "secDates",
    fields: [
      { path: "dates.endOfTraining", kind: "date", label: "endOfTraining" },
      { path: "dates.agrement", kind: "date", label: "agrement" },
      { path: "dates.inamiNumber", kind: "date", label: "inamiNumber" },
      { path: "dates.installation", kind: "date", label: "installation" },
      { path: "horizon", kind: "int", label: "horizon" },
      { path: "firstYear", kind: "int", label: "firstYear", optional: true },
    ],
  },
  {
    id: "practice",
    title: "secPractice",
    fields: [
      {
        path: "practice.type",
        kind: "select",
        label: "practiceType",
        options: opts(PRACTICE_TYPES, { solo: "optSolo", regroupement: "optRegroupement", groupe: "optGroupe", "maison-medicale-acte": "optMaisonMedicaleActe", "maison-medicale-forfait": "optMaisonMedicaleForfait" }),
      },
      { path: "practice.gps", kind: "int", label: "gps" },
      { path: "conventionnement", kind: "select", label: "conventionnement", options: opts(CONVENTIONNEMENTS, { total: "optTotal", partiel: "optPartiel", aucun: "optAucun" }) },
      { path: "accreditation.accredited", kind: "bool", label: "accredited" },
      { path: "accreditation.requestDate", kind: "date", label: "accreditationRequest", optional: true, help: "accreditationHelp", enabledWhen: (f) => f.values["accreditation.accredited"] === true },
      { path: "accreditation.from", kind: "date", label: "accreditationFrom", optional: true, enabledWhen: (f) => f.values["accreditation.accredited"] === true },
      { path: "quartier.code", kind: "text", label: "quartierCode", optional: true },
      { path: "quartier.name", kind: "text", label: "quartierName", optional: true },
      { path: "quartier.penurie", kind: "bool", label: "penurie", help: "penurieHelp" },
    ],
  },
  { id: "activity", title: "secActivity", fields: [] },
  {
    id: "staff",
    title: "secStaff",
    fields: [
      { path: "staff.telesecretariat.months", kind: "int", label: "telesecretariatMonths" },
      { path: "staff.telesecretariat.yearlyCost", kind: "euros", label: "telesecretariatCost" },
      { path: "staff.employee.months", kind: "int", label: "employeeMonths" },
      { path: "staff.employee.yearlyCost", kind: "euros", label: "employeeCost" },
      { path: "staff.employee.hoursPerWeek", kind: "decimal", label: "employeeHours", optional: true, help: "employeeContractHelp" },
      { path: "staff.employee.contractStart", kind: "date", label: "employeeContractStart", optional: true },
      { path: "staff.employee.firstContract", kind: "bool", label: "employeeFirstContract" },
    ],
  },
  {
    id: "costs",
    title: "secCosts",
    fields: [
      { path: "costs.rent", kind: "euros", label: "rent" },
      { path: "costs.other", kind: "euros", label: "other" },
      { path: "costs.cercle", kind: "select", label: "cercle", options: opts(CERCLE_MEMBERSHIPS, { famgb: "optFamgb", association: "optAssociation", aucun: "optNone" }) },
      { path: "costs.associationFee", kind: "euros", label: "associationFee", enabledWhen: (f) => f.values["costs.cercle"] === "association" },
      { path: "installationBudget", kind: "euros", label: "installationBudget" },
      { path: "extrapolation.indexPercent", kind: "decimal", label: "indexPercent", help: "indexHelp" },
      { path: "household.commune", kind: "text", label: "commune", optional: true, help: "communeHelp" },
      { path: "household.communalRatePercent", kind: "decimal", label: "communalRatePercent", optional: true, help: "communalRateHelp" },
      { path: "household.dependants", kind: "int", label: "dependants" },
      { path: "tax.advancePaymentsPercent", kind: "decimal", label: "advancePaymentsPercent", help: "advanceHelp" },
    ],
  },
  { id: "investments", title: "secInvestments", fields: [] },
];

/** Fields of one activity year (path relative to activity[i]). */
export const ACTIVITY_FIELDS: FieldDef[] = [
  { path: "consultationsPerWeek", kind: "int", label: "consultationsPerWeek" },
  { path: "visitsPerWeek", kind: "int", label: "visitsPerWeek" },
  { path: "weeksWorked", kind: "int", label: "weeksWorked" },
  { path: "forfaitIncome", kind: "euros", label: "forfaitIncome", optional: true },
  { path: "dmgCount", kind: "int", label: "dmgCount" },
  { path: "eServicesCriteria", kind: "int", label: "eServicesCriteria" },
  { path: "acceptedSoftware", kind: "bool", label: "acceptedSoftware" },
];

/** Fields of one investment (path relative to investments[i]). */
export const INVESTMENT_FIELDS: FieldDef[] = [
  { path: "label", kind: "text", label: "investmentLabel" },
  { path: "amount", kind: "euros", label: "investmentAmount" },
  { path: "year", kind: "int", label: "investmentYear" },
  { path: "years", kind: "int", label: "investmentYears" },
];

export const MAX_ACTIVITY_YEARS = 10;
export const MAX_INVESTMENTS = 20;
export const MAX_SCENARIOS = 2;

export type FieldValue = string | boolean;

export interface ScenarioForm {
  /** Typed text (or a checkbox state) per path. */
  values: Record<string, FieldValue>;
  activityYears: number;
  investments: number;
}

export const activityPath = (i: number, field: string) => `activity[${i}].${field}`;
export const investmentPath = (i: number, field: string) => `investments[${i}].${field}`;

/** Every field of a form, with its full path. */
export function fieldsOf(form: ScenarioForm): FieldDef[] {
  const out: FieldDef[] = [];
  for (const s of SECTIONS) out.push(...s.fields);
  for (let i = 0; i < form.activityYears; i++) for (const f of ACTIVITY_FIELDS) out.push({ ...f, path: activityPath(i, f.path) });
  for (let i = 0; i < form.investments; i++) for (const f of INVESTMENT_FIELDS) out.push({ ...f, path: investmentPath(i, f.path) });
  return out;
}

export function isEnabled(field: FieldDef, form: ScenarioForm): boolean {
  return field.enabledWhen ? field.enabledWhen(form) : true;
}

// ---------------------------------------------------------------------------
// Text <-> values

function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (cur === null || cur === undefined || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function set(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  let cur: Record<string, unknown> = obj;
  parts.forEach((part, k) => {
    if (k === parts.length - 1) {
      cur[part] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(parts[k + 1]);
    if (cur[part] === undefined) cur[part] = nextIsIndex ? [] : {};
    cur = cur[part] as Record<string, unknown>;
  });
}

/** A number as the user would type it: "9600", "26,5" (French/Dutch) or "26.5" (English). */
export function formatNumberInput(n: number, lang: UiLang): string {
  const text = String(n);
  return lang === "en" ? text : text.replace(".", ",");
}

/** "9 600,50", "9600.50", "9.600", "1 000 €" -> number; null if not a number. */
export function parseNumberInput(raw: string, lang: UiLang): number | null {
  let s = raw.replace(/[\s\u00a0\u202f€%]/g, "");
  if (s === "") return null;
  const comma = s.lastIndexOf(",");
  const dot = s.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    s = s.split(thousands).join("").replace(decimal, ".");
  } else if (comma >= 0) {
    s = /^[-+]?\d{1,3}(,\d{3}){2,}$/.test(s) ? s.replace(/,/g, "") : s.replace(",", ".");
  } else if (dot >= 0 && lang !== "en" && /^[-+]?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, "");
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  return Number(s);
}

/** A form filled from a scenario (typically examples/scenario-exemple.json). */
export function formFromScenario(input: unknown, lang: UiLang): ScenarioForm {
  const activity = get(input, "activity");
  const investments = get(input, "investments");
  const form: ScenarioForm = {
    values: {},
    activityYears: Array.isArray(activity) ? Math.max(1, Math.min(activity.length, MAX_ACTIVITY_YEARS)) : 1,
    investments: Array.isArray(investments) ? Math.min(investments.length, MAX_INVESTMENTS) : 0,
  };
  for (const f of fieldsOf(form)) form.values[f.path] = textOf(f, get(input, f.path), lang);
  return form;
}

function textOf(f: FieldDef, v: unknown, lang: UiLang): FieldValue {
  if (f.kind === "bool") return v === true || (v === undefined && DEFAULT_TRUE.has(f.path.replace(/^.*\./, "")));
  if (v === undefined || v === null) return f.kind === "select" ? (f.options?.[0]?.value ?? "") : defaultText(f);
  if (f.kind === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateFr(serialFromIso(v));
  if (typeof v === "number") return formatNumberInput(v, lang);
  return String(v);
}

/** Booleans whose schema default is true. */
const DEFAULT_TRUE = new Set(["acceptedSoftware", "firstContract"]);

function defaultText(f: FieldDef): string {
  // Amounts and months default to 0 in the schema (staff, association fee, budget, indexation).
  if (f.kind === "euros" || f.kind === "decimal") return f.optional ? "" : "0";
  return "";
}

export interface FormCheck {
  /** The scenario input built from the text (what zod receives). */
  input: Record<string, unknown>;
  /** Messages of the form's own conversions (number and date formats), by path. */
  local: Record<string, string>;
}

/**
 * Converts the typed text to a scenario input, noting format errors. A value
 * that could not be read is left out (not passed as text), so that the
 * schema's cross-field rules do not compare it and report a second,
 * misleading message elsewhere.
 */
export function readForm(form: ScenarioForm, lang: UiLang): FormCheck {
  const input: Record<string, unknown> = {};
  const local: Record<string, string> = {};
  // Lists exist even when empty, so that the schema reports "au moins une année".
  input.activity = [];
  input.investments = [];
  for (const f of fieldsOf(form)) {
    const raw = form.values[f.path];
    if (!isEnabled(f, form)) {
      if (f.kind === "euros" || f.kind === "decimal" || f.kind === "int") {
        if (!f.optional) set(input, f.path, 0);
      }
      continue;
    }
    if (f.kind === "bool") {
      set(input, f.path, raw === true);
      continue;
    }
    const text = typeof raw === "string" ? raw.trim() : "";
    if (text === "") {
      if (!f.optional) {
        local[f.path] = t(lang, "errRequired");
        if (f.kind === "text" || f.kind === "select" || f.kind === "textarea") set(input, f.path, "");
      }
      continue;
    }
    switch (f.kind) {
      case "text":
      case "textarea":
      case "select":
        if (f.path === "quartier.code" && /^\d+$/.test(text)) set(input, f.path, Number(text));
        else set(input, f.path, text);
        break;
      case "date": {
        const serial = parseDateText(text);
        if (serial === null) {
          local[f.path] = t(lang, /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2})$/.test(text) ? "errDateImpossible" : "errDateFormat");
        } else set(input, f.path, isoFromSerial(serial));
        break;
      }
      case "int": {
        const n = parseNumberInput(text, lang);
        if (n === null || !Number.isInteger(n)) {
          local[f.path] = t(lang, "errInt");
        } else set(input, f.path, n);
        break;
      }
      case "euros":
      case "decimal": {
        const n = parseNumberInput(text, lang);
        if (n === null) {
          local[f.path] = t(lang, "errNumber");
        } else set(input, f.path, n);
        break;
      }
    }
  }
  return { input, local };
}

export interface Validation {
  ok: boolean;
  scenario?: Scenario;
  /** One message per field path (the form's own message first, then the schema's). */
  fields: Record<string, string>;
  /** Messages of the schema that belong to no field (path → message), e.g. "quartier", "activity". */
  others: { path: string; message: string }[];
}

/**
 * The schema's messages are French. In Dutch or English, the common ones
 * (bounds, required, integer, cents) are translated, without the field name
 * the schema puts in front (the message sits next to the field's label);
 * the others stay in French.
 */
export function localizeSchemaMessage(message: string, lang: UiLang): string {
  if (lang === "fr") return message;
  const bare = message.replace(/^[^:]+ : (?=(au plus|au moins|nombre entier attendu|valeur requise)\b)/, "");
  let m = /^au plus (-?[\d.,]+)( %)?$/.exec(bare);
  if (m) return t(lang, "errAtMost", { n: m[1] + (m[2] ?? "") });
  m = /^au moins (-?[\d.,]+)( %)?$/.exec(bare);
  if (m) return t(lang, "errAtLeast", { n: m[1] + (m[2] ?? "") });
  if (bare === "nombre entier attendu") return t(lang, "errInt");
  if (bare === "valeur requise") return t(lang, "errRequired");
  if (bare === "le montant ne peut pas être négatif") return t(lang, "errNegative");
  if (bare === "au plus deux décimales (centimes)") return t(lang, "errCents");
  return message;
}

/** Validates a form: the form's own format checks, then the zod schema. */
export function validateForm(form: ScenarioForm, lang: UiLang): Validation {
  const { input, local } = readForm(form, lang);
  const fields: Record<string, string> = { ...local };
  const others: Validation["others"] = [];
  const known = new Set(fieldsOf(form).map((f) => f.path));
  const parsed = parseScenario(input);
  if (parsed.ok && Object.keys(local).length === 0) return { ok: true, scenario: parsed.scenario, fields, others };
  if (!parsed.ok) {
    for (const p of parsed.problems) {
      const message = localizeSchemaMessage(p.message, lang);
      if (known.has(p.path)) {
        if (!(p.path in fields)) fields[p.path] = message;
      } else if (!others.some((o) => o.path === p.path && o.message === message)) {
        others.push({ path: p.path, message });
      }
    }
  }
  return { ok: false, fields, others };
}

/** The section a path belongs to (for messages without a field). */
export function sectionOfPath(path: string): SectionId {
  if (path.startsWith("activity")) return "activity";
  if (path.startsWith("investments")) return "investments";
  for (const s of SECTIONS) if (s.fields.some((f) => f.path === path || f.path.startsWith(path + "."))) return s.id;
  return "scenario";
}

/** The form of a second scenario to compare: a copy of the first under another name. */
export function secondForm(first: ScenarioForm, lang: UiLang): ScenarioForm {
  const copy: ScenarioForm = { values: { ...first.values }, activityYears: first.activityYears, investments: first.investments };
  copy.values.name = t(lang, "secondScenarioName");
  return copy;
}

export function addActivityYear(form: ScenarioForm): void {
  if (form.activityYears >= MAX_ACTIVITY_YEARS) return;
  const last = form.activityYears - 1;
  for (const f of ACTIVITY_FIELDS) form.values[activityPath(last + 1, f.path)] = form.values[activityPath(last, f.path)] ?? (f.kind === "bool" ? true : "");
  form.activityYears++;
}

export function removeActivityYear(form: ScenarioForm): void {
  if (form.activityYears <= 1) return;
  form.activityYears--;
  for (const f of ACTIVITY_FIELDS) delete form.values[activityPath(form.activityYears, f.path)];
}

export function addInvestment(form: ScenarioForm, year: number): void {
  if (form.investments >= MAX_INVESTMENTS) return;
  const i = form.investments++;
  form.values[investmentPath(i, "label")] = "";
  form.values[investmentPath(i, "amount")] = "";
  form.values[investmentPath(i, "year")] = String(year);
  form.values[investmentPath(i, "years")] = "";
}

export function removeInvestment(form: ScenarioForm, index: number): void {
  if (index < 0 || index >= form.investments) return;
  for (let i = index; i < form.investments - 1; i++) {
    for (const f of INVESTMENT_FIELDS) form.values[investmentPath(i, f.path)] = form.values[investmentPath(i + 1, f.path)];
  }
  form.investments--;
  for (const f of INVESTMENT_FIELDS) delete form.values[investmentPath(form.investments, f.path)];
}
