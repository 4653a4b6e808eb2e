/**
 * The two ways a rule refuses to answer. `invalid` is bad input (Excel
 * #VALUE!); `unknown` is a value the law does not define or that is not
 * encoded here (Excel #N/A). Messages are French first, Dutch where given.
 */

export type ErrorKind = "invalid" | "unknown";

export interface LocalizedText {
  fr: string;
  nl?: string;
  en?: string;
}

export type Lang = "fr" | "nl" | "en";

export class RuleError extends Error {
  readonly kind: ErrorKind;
  readonly text: LocalizedText;

  constructor(kind: ErrorKind, text: string | LocalizedText) {
    const t = typeof text === "string" ? { fr: text } : text;
    // A refusal is an answer, not a bug: no stack trace to capture (a column of
    // #N/A would spend most of its time there).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(t.fr);
    Error.stackTraceLimit = limit;
    this.name = kind === "invalid" ? "InvalidInput" : "UnknownValue";
    this.kind = kind;
    this.text = t;
  }

  /** The message in `lang`, falling back to French. */
  messageIn(lang: Lang): string {
    return this.text[lang] ?? this.text.fr;
  }
}

export function invalid(text: string | LocalizedText): RuleError {
  return new RuleError("invalid", text);
}

export function unknown(text: string | LocalizedText): RuleError {
  return new RuleError("unknown", text);
}

export function isRuleError(e: unknown): e is RuleError {
  return e instanceof RuleError;
}

/** Data that a rule may need but that is loaded on first use only. */
export type DeferredData = "quartiers-limites";

/**
 * Thrown by a rule that needs deferred data not loaded yet (in Excel, the
 * quarter boundaries load on the first MG.QUARTIER call: functions/runtime.ts
 * loads them and evaluates again). Elsewhere the data is provided at start,
 * so this never reaches a user; if it does, the message says what is missing.
 */
export class DataPending extends Error {
  constructor(readonly data: DeferredData) {
    super(`Données « ${data} » non chargées.`);
    this.name = "DataPending";
  }
}

export function isDataPending(e: unknown): e is DataPending {
  return e instanceof DataPending;
}
