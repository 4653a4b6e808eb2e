/**
 * Loads every parameter family once (already checked against the schema:
 * see checkFamilies in ./schema), converts values to their
 * working form (money -> cents, rate -> exact rational, dates -> serials) and
 * answers dated lookups. A date outside every version is an error that names
 * the nearest known value, never a silent 0 nor a silent reuse.
 */
import type { FamilyJson, ParamKind, Source } from "./schema";
import { serialFromIso, formatDateFr, isoFromSerial, startOfYear, endOfYear, yearOf, type Serial } from "../dates";
import { eurosToCents, formatEuros, formatRate, rateFromDecimal, type Rate } from "../money";
import { unknown } from "../errors";

export interface Version<V = unknown> {
  from: Serial;
  /** Inclusive; Infinity when open-ended. */
  to: Serial;
  value: V;
  sources: Source[];
  note?: string;
  /** Set when the version comes from a user's parameter file (see ParamRegistry.applyUserFamilies). */
  user?: UserMark;
}

/** Where a user's version comes from: the file (as named to the user) and the ISO date it was imported. */
export interface UserMark {
  file: string;
  addedOn: string;
}

export interface Parameter<V = unknown> {
  id: string;
  family: string;
  label: { fr: string; nl: string; en?: string };
  kind: ParamKind;
  unit: string;
  versions: Version<V>[];
  note?: string;
}

/** What a dated lookup returns: the value and where it comes from. */
export interface Found<V> {
  value: V;
  version: Version<V>;
  param: Parameter<V>;
}

function convert(kind: ParamKind, value: unknown): unknown {
  switch (kind) {
    case "money":
      return eurosToCents(value as number);
    case "rate":
      return rateFromDecimal(value as number | string);
    default:
      return value;
  }
}

/** A version's period and the answer of a lookup that falls in it. */
interface Slot {
  from: Serial;
  to: Serial;
  found: Found<unknown>;
}

/** A user's parameter file, already checked against the schema (src/params/user-file.ts does it with its lines). */
export interface UserFamilyInput {
  /** The file as the user knows it (shown in every change and problem). */
  file: string;
  family: FamilyJson;
  /** ISO date the file was imported (shown with each of its figures). */
  addedOn: string;
  /** The line of a JSON path of the file, when its text is known. */
  lineOf?: (path: readonly (string | number)[]) => number;
}

/** One change a user's file makes to the built-in parameters. */
export interface ParamChange {
  kind: "add" | "replace";
  paramId: string;
  /** ISO dates of the user's version (to absent when open-ended). */
  from: string;
  to?: string;
  file: string;
  /** French sentence: "ajoute 2027 à honoraire.101076 (…) : 34,65 €". */
  text: string;
}

/** Why a user's file is refused: file, line when known, reason; `text` is the whole French line. */
export interface UserParamsProblem {
  file: string;
  line?: number;
  message: string;
  text: string;
}

export type UserApplyResult = { ok: true; changes: ParamChange[] } | { ok: false; problems: UserParamsProblem[] };

export class ParamRegistry {
  private readonly byId = new Map<string, Parameter>();
  /** The built-in parameters and their slots (what clearUser restores). */
  private readonly base = new Map<string, { param: Parameter; slots: Slot[] }>();
  /** Ids currently overlaid by user files, and the changes made. */
  private overlaid = new Set<string>();
  private userChanges: ParamChange[] = [];
  private userFileNames: string[] = [];
  /**
   * Incremented each time the overlay changes: a cache of values derived
   * from the parameters keys on it (src/scenario/year-params.ts).
   */
  generation = 0;
  /**
   * Per parameter, its versions' periods and the answer of a dated lookup,
   * built once (a lookup allocates nothing and reads two numbers per version).
   */
  private readonly slots = new Map<string, Slot[]>();

  private readonly familyNames = new Set<string>();

  constructor(families: readonly FamilyJson[]) {
    for (const fam of families) this.add(fam);
  }

  /** Adds families loaded by a part of the program that needs them (each once; src/params/simulation-families.ts). */
  addFamilies(families: readonly FamilyJson[]): void {
    for (const fam of families) if (!this.familyNames.has(fam.family)) this.add(fam);
    this.generation++;
  }

  private add(fam: FamilyJson): void {
    this.familyNames.add(fam.family);
    for (const p of fam.parameters) {
      if (this.byId.has(p.id)) throw new Error(`paramètre en double entre familles : ${p.id}`);
      const versions: Version[] = p.versions
        .map((v) => ({
          from: serialFromIso(v.from),
          to: v.to ? serialFromIso(v.to) : Infinity,
          value: convert(p.kind, v.value),
          sources: v.sources,
          note: v.note,
        }))
        .sort((a, b) => a.from - b.from);
      const param: Parameter = { id: p.id, family: fam.family, label: p.label, kind: p.kind, unit: p.unit, versions, note: p.note };
      this.install(param);
      this.base.set(p.id, { param, slots: this.slots.get(p.id)! });
    }
  }

  private install(param: Parameter): void {
    this.byId.set(param.id, param);
    this.slots.set(
      param.id,
      param.versions.map((version) => ({ from: version.from, to: version.to, found: Object.freeze({ value: version.value, version, param }) })),
    );
  }

  /**
   * Overlays users' parameter files on the built-in parameters, replacing
   * any previous overlay (the overlay is exactly these files). A user's
   * version may add a period (a year not published in the built-in data) or
   * replace a built-in version with the same start date; anything else that
   * overlaps is refused. Atomic: on any problem nothing changes and every
   * problem is returned (file, line, reason); on success the list of changes
   * is returned, for the caller to show (never applied silently).
   * Only known parameter ids, with their kind, are accepted.
   * The files are expected checked against the schema (user-file.ts); the
   * values are checked again here, cheaply, for files read back from storage.
   */
  applyUserFamilies(inputs: readonly UserFamilyInput[]): UserApplyResult {
    const problems: UserParamsProblem[] = [];
    const problem = (input: UserFamilyInput, path: (string | number)[], message: string) => {
      const line = input.lineOf?.(path);
      problems.push({ file: input.file, ...(line !== undefined ? { line } : {}), message, text: `${input.file}${line !== undefined ? `, ligne ${line}` : ""} : ${message}` });
    };
    type Pending = { input: UserFamilyInput; path: (string | number)[]; version: Version };
    const byParam = new Map<string, Pending[]>();
    inputs.forEach((input) => {
      const params = Array.isArray(input.family?.parameters) ? input.family.parameters : [];
      if (params.length === 0) problem(input, ["parameters"], "aucun paramètre dans le fichier (« parameters » : liste attendue).");
      params.forEach((p, i) => {
        const base = this.base.get(p.id);
        if (!base) {
          const near = closestId(p.id, [...this.base.keys()]);
          problem(input, ["parameters", i, "id"], `paramètre inconnu « ${p.id} »${near ? ` — vouliez-vous dire « ${near} » ?` : ""} (un fichier de l'utilisateur ne peut que dater ou remplacer les valeurs de paramètres existants).`);
          return;
        }
        if (p.kind !== base.param.kind) {
          problem(input, ["parameters", i, "kind"], `${p.id} : type « ${p.kind} » alors que ce paramètre est de type « ${base.param.kind} ».`);
          return;
        }
        (p.versions ?? []).forEach((v, j) => {
          const path = ["parameters", i, "versions", j];
          const bad = badValue(base.param, v.value);
          if (bad) {
            problem(input, [...path, "value"], `${p.id}, version du ${frIso(v.from)} : ${bad}`);
            return;
          }
          if (!Array.isArray(v.sources) || v.sources.length === 0) {
            problem(input, [...path, "sources"], `${p.id}, version du ${frIso(v.from)} : au moins une source est requise (titre, date de consultation, adresse).`);
            return;
          }
          let from: Serial;
          let to: Serial;
          try {
            from = serialFromIso(v.from);
            to = v.to ? serialFromIso(v.to) : Infinity;
          } catch {
            problem(input, [...path, "from"], `${p.id} : date de version invalide (AAAA-MM-JJ attendu).`);
            return;
          }
          if (to < from) {
            problem(input, [...path, "to"], `${p.id} : fin ${frIso(v.to!)} avant le début ${frIso(v.from)}.`);
            return;
          }
          const mark: UserMark = { file: input.file, addedOn: input.addedOn };
          const version: Version = {
            from,
            to,
            value: convert(base.param.kind, v.value),
            sources: v.sources.map((s) => ({ ...s, addedByUser: { on: input.addedOn, file: input.file } })),
            ...(v.note !== undefined ? { note: v.note } : {}),
            user: mark,
          };
          const list = byParam.get(p.id) ?? [];
          list.push({ input, path, version });
          byParam.set(p.id, list);
        });
      });
    });

    const merged = new Map<string, Parameter>();
    const changes: ParamChange[] = [];
    for (const [id, pendings] of byParam) {
      const base = this.base.get(id)!.param;
      pendings.sort((a, b) => a.version.from - b.version.from);
      let ok = true;
      for (let k = 1; k < pendings.length; k++) {
        const prev = pendings[k - 1];
        const cur = pendings[k];
        if (prev.version.to >= cur.version.from) {
          const where = prev.input === cur.input ? "" : ` (déjà donnée par ${prev.input.file})`;
          problem(cur.input, cur.path, `${id} : la version ${periodText(cur.version)} chevauche la version ${periodText(prev.version)}${where}.`);
          ok = false;
        }
      }
      if (!ok) continue;
      let versions = [...base.versions];
      for (const pend of pendings) {
        const uv = pend.version;
        const same = versions.find((v) => v.from === uv.from && !v.user);
        if (same) versions = versions.filter((v) => v !== same);
        const clash = versions.find((v) => !v.user && v.from <= uv.to && uv.from <= v.to);
        if (clash) {
          problem(
            pend.input,
            pend.path,
            `${id} : la version ${periodText(uv)} chevauche la version intégrée ${periodText(clash)} (${displayValue(base, clash.value)}). Pour la remplacer, reprenez sa date de début (« from » : « ${isoFromSerial(clash.from)} ») ; sinon choisissez une période qui ne la recouvre pas.`,
          );
          ok = false;
          continue;
        }
        versions.push(uv);
        const label = `${id} (« ${base.label.fr} »)`;
        const shown = displayValue(base, uv.value);
        changes.push({
          kind: same ? "replace" : "add",
          paramId: id,
          from: isoFromSerial(uv.from),
          ...(uv.to !== Infinity ? { to: isoFromSerial(uv.to) } : {}),
          file: pend.input.file,
          text: same
            ? `remplace la version du ${formatDateFr(same.from)} de ${label} : ${displayValue(base, same.value)} → ${shown}${same.to !== uv.to ? ` ; période ${periodText(same)} → ${periodText(uv)}` : ""}`
            : `ajoute ${yearsText(uv)} à ${label} : ${shown}`,
        });
      }
      if (!ok) continue;
      versions.sort((a, b) => a.from - b.from);
      merged.set(id, { ...base, versions });
    }
    if (problems.length > 0) return { ok: false, problems };

    this.restoreBase();
    for (const param of merged.values()) {
      this.install(param);
      this.overlaid.add(param.id);
    }
    this.userChanges = changes;
    this.userFileNames = inputs.map((i) => i.file);
    this.generation++;
    return { ok: true, changes };
  }

  /** Removes every user file: the built-in parameters again. Returns the changes that were undone. */
  clearUser(): ParamChange[] {
    const undone = this.userChanges;
    if (this.overlaid.size > 0 || undone.length > 0) {
      this.restoreBase();
      this.userChanges = [];
      this.userFileNames = [];
      this.generation++;
    }
    return undone;
  }

  /** The changes of the user files in force (empty without any). */
  userOverlay(): { files: readonly string[]; changes: readonly ParamChange[] } {
    return { files: this.userFileNames, changes: this.userChanges };
  }

  private restoreBase(): void {
    for (const id of this.overlaid) {
      const b = this.base.get(id)!;
      this.byId.set(id, b.param);
      this.slots.set(id, b.slots);
    }
    this.overlaid = new Set();
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all(): Parameter[] {
    return [...this.byId.values()];
  }

  get<V = unknown>(id: string): Parameter<V> {
    const p = this.byId.get(id);
    if (!p) throw new Error(`paramètre inconnu : ${id}`);
    return p as Parameter<V>;
  }

  private slotsOf(id: string): Slot[] {
    const s = this.slots.get(id);
    if (!s) throw new Error(`paramètre inconnu : ${id}`);
    return s;
  }

  /** The version in force at `date`, or an #N/A error naming the nearest known one. */
  at<V = unknown>(id: string, date: Serial): Found<V> {
    const slots = this.slots.get(id);
    if (slots !== undefined) {
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i];
        if (date >= s.from && date <= s.to) return s.found as Found<V>;
      }
    }
    throw unknown(noValueMessage(this.get(id), `au ${formatDateFr(date)}`, date));
  }

  /** The version covering the whole calendar year `year` (yearly amounts). */
  forYear<V = unknown>(id: string, year: number): Found<V> {
    const slots = this.slotsOf(id);
    const a = startOfYear(year);
    const b = endOfYear(year);
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      if (a >= s.from && b <= s.to) return s.found as Found<V>;
    }
    throw unknown(noValueMessage(this.get(id), `pour ${year}`, a));
  }

  /** The most recent version, for date-independent data (code tables, moduli). */
  latest<V = unknown>(id: string): Found<V> {
    const slots = this.slotsOf(id);
    return slots[slots.length - 1].found as Found<V>;
  }

  /** Shortcuts typed by kind. */
  money(id: string, date: Serial): Found<number> {
    return this.at<number>(id, date);
  }
  rate(id: string, date: Serial): Found<Rate> {
    return this.at<Rate>(id, date);
  }
}

/** "€", "%" or the raw value, for messages and the Paramètres sheet. */
export function displayValue(param: Parameter, value: unknown): string {
  switch (param.kind) {
    case "money":
      return formatEuros(value as number);
    case "rate":
      return formatRate(value as Rate);
    case "set":
      return (value as string[]).length === 0 ? "(liste vide)" : (value as string[]).join(", ");
    case "table":
      return tableText(value);
    default:
      return `${String(value)}${param.unit && param.unit !== "-" ? " " + param.unit : ""}`;
  }
}

/** A table value in words: a yearly date "31/08 de l'année", else its size. */
function tableText(value: unknown): string {
  const v = value as { month?: unknown; day?: unknown; yearOffset?: unknown } | null;
  if (v && typeof v.month === "number" && typeof v.day === "number" && typeof v.yearOffset === "number") {
    const dm = `${String(v.day).padStart(2, "0")}/${String(v.month).padStart(2, "0")}`;
    const y = v.yearOffset === 0 ? "de l'année" : v.yearOffset === -1 ? "de l'année précédente" : v.yearOffset === 1 ? "de l'année suivante" : `de l'année ${v.yearOffset > 0 ? "+" : "−"}${Math.abs(v.yearOffset)}`;
    return `le ${dm} ${y}`;
  }
  if (Array.isArray(value)) return `tableau de ${value.length} ligne${value.length > 1 ? "s" : ""}`;
  if (value && typeof value === "object") return `tableau de ${Object.keys(value).length} entrée${Object.keys(value).length > 1 ? "s" : ""}`;
  return String(value);
}

export function periodText(v: Version): string {
  return v.to === Infinity ? `à partir du ${formatDateFr(v.from)}` : `du ${formatDateFr(v.from)} au ${formatDateFr(v.to)}`;
}

function isYearlyDate(value: unknown): boolean {
  const v = value as { month?: unknown } | null;
  return !!v && typeof v === "object" && typeof v.month === "number";
}

function noValueMessage(param: Parameter, when: string, date: Serial): string {
  const before = param.versions.filter((v) => v.to < date);
  const after = param.versions.filter((v) => v.from > date);
  let msg = `Pas de valeur connue pour « ${param.label.fr} » ${when}`;
  const last = before[before.length - 1];
  // A table (criteria, code lists) is named by its period, not by a value that says nothing in a sentence.
  const shown = (v: Version) => (param.kind === "table" && !isYearlyDate(v.value) ? `version ${periodText(v)}` : `${displayValue(param, v.value)} (${periodText(v)})`);
  if (last) msg += ` ; dernière connue : ${shown(last)}`;
  else if (after[0]) msg += ` ; première connue : ${shown(after[0])}`;
  const note = last?.note ?? param.note;
  if (note) msg += `. ${note}`;
  return msg.endsWith(".") ? msg : msg + ".";
}

function frIso(iso: string): string {
  return typeof iso === "string" ? iso.split("-").reverse().join("/") : String(iso);
}

/** "2027", "2027 à 2028", or "la période du … au …" for a user's version. */
function yearsText(v: Version): string {
  const y1 = yearOf(v.from);
  if (v.from === startOfYear(y1)) {
    if (v.to === Infinity) return `les années à partir de ${y1}`;
    const y2 = yearOf(v.to);
    if (v.to === endOfYear(y2)) return y1 === y2 ? String(y1) : `${y1} à ${y2}`;
  }
  return `la période ${periodText(v)}`;
}

/** A value that the rules could not read, for files read back without the schema (null when fine). */
function badValue(param: Parameter, value: unknown): string | null {
  switch (param.kind) {
    case "money":
      return typeof value === "number" && Number.isFinite(value) && Math.abs(Math.round(value * 100) - value * 100) < 1e-6 ? null : "montant en euros attendu (nombre, au plus deux décimales, point décimal).";
    case "rate":
      return (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 10) || (typeof value === "string" && /^\d+(\.\d+)?%?$/.test(value)) ? null : "taux attendu (0.75 ou \"16.5%\").";
    case "count":
    case "days":
    case "months":
      return Number.isInteger(value) ? null : "nombre entier attendu.";
    case "set":
      return Array.isArray(value) && value.every((x) => typeof x === "string") ? null : "liste de textes attendue.";
    case "text":
      return typeof value === "string" ? null : "texte attendu.";
    case "table": {
      const shape = shapeProblem(param.versions[param.versions.length - 1].value, value, "");
      return shape ? `tableau de même forme que la valeur intégrée attendu : ${shape}.` : null;
    }
    default:
      return null;
  }
}

/** Where `value` differs in shape from `model` (types of fields, recursively), or null. */
function shapeProblem(model: unknown, value: unknown, at: string): string | null {
  const where = at || "la valeur";
  if (Array.isArray(model)) {
    if (!Array.isArray(value)) return `${where} : liste attendue`;
    if (value.length === 0 && model.length > 0) return `${where} : liste vide`;
    const item = model[0];
    if (item === undefined) return null;
    for (let k = 0; k < value.length; k++) {
      const p = shapeProblem(item, value[k], `${at}[${k}]`);
      if (p) return p;
    }
    return null;
  }
  if (model !== null && typeof model === "object") {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return `${where} : objet attendu`;
    for (const key of Object.keys(model)) {
      if (!(key in (value as object))) return `${at ? at + "." : ""}${key} manquant`;
      const p = shapeProblem((model as Record<string, unknown>)[key], (value as Record<string, unknown>)[key], at ? `${at}.${key}` : key);
      if (p) return p;
    }
    for (const key of Object.keys(value as object)) if (!(key in model)) return `${at ? at + "." : ""}${key} inconnu`;
    return null;
  }
  if (model === null) return null;
  // A null limit (open last slab) and a number are both accepted where the model has either.
  if (value === null) return null;
  return typeof value === typeof model ? null : `${where} : ${typeof model === "number" ? "nombre" : typeof model === "string" ? "texte" : typeof model} attendu`;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The known id closest to `id` (null when nothing is close). */
function closestId(id: string, ids: readonly string[]): string | null {
  if (typeof id !== "string") return null;
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of ids) {
    const d = levenshtein(id, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && bestD <= Math.max(3, Math.floor(id.length / 3)) ? best : null;
}
