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
  // Fast path: a spelling seen before, as typed ("acte", "Ticket modérateur").
  const direct = index.words.get(input);
  if (direct !== undefined) return direct as T;
  const found = index.words.get(normalizeText(input));
  if (found === undefined) return null;
  // A column repeats the same few spellings: remember this one as typed (bounded).
  if (index.learned < MAX_LEARNED) {
    index.words.set(input, found);
    index.learned++;
  }
  return found as T;
}

/** Spellings as typed that an index remembers, beyond its normalised ones. */
const MAX_LEARNED = 256;

interface WordIndex {
  /** Normalised spelling, or a spelling as typed already resolved, -> canonical value. */
  words: Map<string, string>;
  learned: number;
}

/** Built once per choices table. */
const indexes = new WeakMap<object, WordIndex>();

function indexOf(choices: Record<string, readonly string[]>): WordIndex {
  let index = indexes.get(choices);
  if (!index) {
    const words = new Map<string, string>();
    for (const key of Object.keys(choices)) {
      for (const w of [key, ...choices[key]]) {
        const n = normalizeText(w);
        if (!words.has(n)) words.set(n, key);
      }
    }
    index = { words, learned: 0 };
    indexes.set(choices, index);
  }
  return index;
}
