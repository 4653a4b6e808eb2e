/** Text normalisation for names and enumerated words: case, accents, spaces, dashes. */

export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’'`´]/g, "'")
    .replace(/[\s\-_./]+/g, " ")
    .trim();
}

/**
 * Resolve an enumerated word: `choices` maps each canonical value to its FR,
 * NL and EN spellings. Returns the canonical value or null.
 */
export function matchWord<T extends string>(
  input: string,
  choices: Record<T, readonly string[]>,
): T | null {
  const index = indexOf(choices);
  // Fast path: the canonical word as typed most of the time ("acte", "ticket").
  const direct = index.get(input);
  if (direct !== undefined) return direct as T;
  return (index.get(normalizeText(input)) as T | undefined) ?? null;
}

/** Normalised spelling -> canonical value, built once per choices table. */
const indexes = new WeakMap<object, Map<string, string>>();

function indexOf(choices: Record<string, readonly string[]>): Map<string, string> {
  let index = indexes.get(choices);
  if (!index) {
    index = new Map();
    for (const key of Object.keys(choices)) {
      for (const w of [key, ...choices[key]]) {
        const n = normalizeText(w);
        if (!index.has(n)) index.set(n, key);
      }
    }
    indexes.set(choices, index);
  }
  return index;
}
