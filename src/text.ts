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
  const n = normalizeText(input);
  for (const key of Object.keys(choices) as T[]) {
    if (normalizeText(key) === n) return key;
    for (const w of choices[key]) if (normalizeText(w) === n) return key;
  }
  return null;
}
