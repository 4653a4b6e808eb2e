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
    super(t.fr);
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
