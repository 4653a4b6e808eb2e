/**
 * A JSON parser that remembers the line of every value and every object key,
 * so that a problem found later (by the schema, or by the merge of a user's
 * parameter file) can be reported with its line. Syntax errors are reported
 * with their line and column, in French. Standard JSON only (RFC 8259); a
 * leading byte-order mark is ignored.
 */

export type JsonPath = readonly (string | number)[];

export interface LocatedJson {
  value: unknown;
  /** The line (1-based) of the value at `path`, or of its nearest located parent. */
  lineOf(path: JsonPath): number;
}

export type JsonParse = ({ ok: true } & LocatedJson) | { ok: false; line: number; column: number; message: string };

class SyntaxProblem extends Error {
  constructor(
    readonly pos: number,
    message: string,
  ) {
    super(message);
  }
}

const keyOf = (path: JsonPath): string => path.map(String).join("\u0000");

/** Parses `text`; never throws. */
export function parseJsonWithLines(text: string): JsonParse {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new Map<string, number>();
  // Line starts, to turn a position into a line.
  const starts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) starts.push(i + 1);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  let i = 0;
  const ws = () => {
    while (i < src.length && (src[i] === " " || src[i] === "\t" || src[i] === "\n" || src[i] === "\r")) i++;
  };
  const show = (pos: number) => (pos >= src.length ? "la fin du fichier" : `« ${src[pos]} »`);
  const fail = (message: string, pos = i): never => {
    throw new SyntaxProblem(pos, message);
  };

  function value(path: (string | number)[]): unknown {
    ws();
    if (!lines.has(keyOf(path))) lines.set(keyOf(path), lineAt(i));
    const c = src[i];
    if (c === "{") return object(path);
    if (c === "[") return array(path);
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
      if (src.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail(i >= src.length ? "fin du fichier inattendue : une valeur est attendue" : `valeur attendue, trouvé ${show(i)}${c === "'" ? " (les textes s'écrivent entre guillemets droits \")" : ""}`);
  }

  function object(path: (string | number)[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    i++;
    ws();
    if (src[i] === "}") {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (src[i] !== '"') {
        fail(
          src[i] === "}"
            ? "virgule en trop avant « } »"
            : /\d/.test(src[i] ?? "")
              ? `nom de propriété attendu, trouvé un chiffre : une virgule décimale ? En JSON le séparateur décimal est le point (33.73)`
              : `nom de propriété entre guillemets attendu, trouvé ${show(i)}`,
        );
      }
      const keyPos = i;
      const key = string();
      if (Object.prototype.hasOwnProperty.call(out, key)) fail(`propriété « ${key} » en double`, keyPos);
      lines.set(keyOf([...path, key]), lineAt(keyPos));
      ws();
      if (src[i] !== ":") fail(`« : » attendu après « ${key} », trouvé ${show(i)}`);
      i++;
      out[key] = value([...path, key]);
      ws();
      if (src[i] === ",") {
        i++;
        continue;
      }
      if (src[i] === "}") {
        i++;
        return out;
      }
      fail(`« , » ou « } » attendu, trouvé ${show(i)}`);
    }
  }

  function array(path: (string | number)[]): unknown[] {
    const out: unknown[] = [];
    i++;
    ws();
    if (src[i] === "]") {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (src[i] === "]") fail("virgule en trop avant « ] »");
      out.push(value([...path, out.length]));
      ws();
      if (src[i] === ",") {
        i++;
        continue;
      }
      if (src[i] === "]") {
        i++;
        return out;
      }
      fail(`« , » ou « ] » attendu, trouvé ${show(i)}`);
    }
  }

  function string(): string {
    const start = i;
    i++;
    let out = "";
    for (;;) {
      if (i >= src.length) fail("texte non terminé (guillemet fermant manquant)", start);
      const c = src[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\n" || c.charCodeAt(0) < 0x20) fail("retour à la ligne ou caractère de contrôle dans un texte (guillemet fermant manquant ?)");
      if (c === "\\") {
        const e = src[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail(`séquence d'échappement invalide « \\${e ?? ""} »`);
        continue;
      }
      out += c;
      i++;
    }
  }

  function number(): number {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i, i + 400));
    if (!m) return fail(`nombre invalide${src[i + 1] === "," || src[i] === "," ? " (le séparateur décimal est le point : 33.73)" : ""}`);
    i += m[0].length;
    return Number(m[0]);
  }

  try {
    const v = value([]);
    ws();
    if (i < src.length) fail(`contenu après la fin du JSON : ${show(i)}`);
    return {
      ok: true,
      value: v,
      lineOf(path: JsonPath): number {
        for (let n = path.length; n >= 0; n--) {
          const l = lines.get(keyOf(path.slice(0, n)));
          if (l !== undefined) return l;
        }
        return 1;
      },
    };
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e;
    const line = lineAt(e.pos);
    return { ok: false, line, column: e.pos - starts[line - 1] + 1, message: e.message };
  }
}
