/**
 * Every rule answers with its value, the steps that lead to it (short French
 * sentences), the sources of every figure used and, for eligibility rules,
 * each condition as met / not met / unknown.
 */
import type { Source } from "./params/schema";

export type { Source };

export type ConditionStatus = "met" | "not_met" | "unknown";

export interface Condition {
  /** Stable id (used by the workbook and tests). */
  id: string;
  /** French sentence of the condition. */
  label: string;
  status: ConditionStatus;
  /** Why: the input that decided it. */
  detail?: string;
}

export interface Explained<T> {
  value: T;
  steps: string[];
  sources: Source[];
  conditions?: Condition[];
}

/** Merge sources without duplicates (same title, url and article). */
export function mergeSources(...lists: Source[][]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const list of lists) {
    for (const s of list) {
      const key = `${s.title}|${s.url ?? ""}|${s.article ?? ""}|${s.addedByUser ? s.addedByUser.file + s.addedByUser.on : ""}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(s);
      }
    }
  }
  return out;
}

/** All met -> met; any not met -> not_met; otherwise unknown. */
export function combine(conditions: Condition[]): ConditionStatus {
  if (conditions.some((c) => c.status === "not_met")) return "not_met";
  if (conditions.every((c) => c.status === "met")) return "met";
  return "unknown";
}

/**
 * One source as a line: "Titre — article (vu le 30/08/2025) url". The `seed`
 * field (the project's copy of the document) is never printed. A user's
 * figure: "ajouté par l'utilisateur (fichier f.json), source : …, le 01/12/2026".
 */
export function formatSource(s: Source): string {
  const parts = [s.title];
  if (s.article) parts.push(s.article);
  let line = parts.join(" — ");
  if (s.seen) line += ` (vu le ${s.seen.split("-").reverse().join("/")})`;
  if (s.url) line += ` ${s.url}`;
  // A figure from a user's parameter file says so wherever it is printed.
  if (s.addedByUser) return `ajouté par l'utilisateur (fichier ${s.addedByUser.file}), source : ${line}, le ${s.addedByUser.on.split("-").reverse().join("/")}`;
  return line;
}

type Details = { steps: string[]; sources: Source[]; conditions?: Condition[] };

/** Explained with its text built on first read (prototype getters keep it fast). */
class LazyExplained<T> implements Explained<T> {
  private details: Details | undefined;
  constructor(
    readonly value: T,
    /** Builds the steps, sources and conditions (called at most once per instance). */
    readonly builder: () => Details,
  ) {}
  private get d(): Details {
    return (this.details ??= this.builder());
  }
  get steps(): string[] {
    return this.d.steps;
  }
  get sources(): Source[] {
    return this.d.sources;
  }
  get conditions(): Condition[] | undefined {
    return this.d.conditions;
  }
  toJSON(): Explained<T> {
    return { value: this.value, steps: this.steps, sources: this.sources, ...(this.conditions ? { conditions: this.conditions } : {}) };
  }
}

/**
 * An Explained whose steps, sources and conditions are built only when read.
 * Excel cells only need the value: the hot path then formats no text at all.
 * (Do not spread it: use mapValue to change the value.)
 */
export function lazyExplained<T>(value: T, build: () => Details): Explained<T> {
  return new LazyExplained(value, build);
}

/** The same explanation with a transformed value (cents -> euros), still lazy. */
export function mapValue<T, U>(r: Explained<T>, f: (v: T) => U): Explained<U> {
  // A lazy explanation keeps its builder (nothing built yet, nothing more allocated).
  if (r instanceof LazyExplained) return new LazyExplained(f(r.value), r.builder);
  return new LazyExplained(f(r.value), () => ({ steps: r.steps, sources: r.sources, conditions: r.conditions }));
}
