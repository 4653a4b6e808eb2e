/**
 * R2 — The INAMI number: 11 digits P NNNNN CC QQQ; P = 1 for a physician;
 * CC = 97 − (first six digits mod 97); QQQ = competence code (seed 000).
 */
import { params } from "../params";
import { invalid, unknown } from "../errors";
import type { Explained } from "../explain";
import type { Lang } from "../errors";

export interface InamiParts {
  digits: string;
  profession: string;
  check: string;
  competence: string;
}

/** Strips spaces, dots, dashes and slashes; #VALUE! for anything that is not a number or text. */
export function inamiDigits(input: string | number): string {
  if (typeof input === "number") {
    if (!Number.isInteger(input) || input < 0) throw invalid(`Numéro INAMI illisible : ${input}.`);
    return String(input).padStart(11, "0");
  }
  return input.replace(/[\s.\-/]/g, "");
}

/** Structure and check of an INAMI number, each point as a condition. */
export function checkInami(input: string | number): Explained<boolean> {
  const digits = inamiDigits(input);
  const modulo = params.latest<number>("inami.controle").value;
  const sources = params.get("inami.controle").versions.flatMap((v) => v.sources);
  const steps: string[] = [];
  const conditions = [];
  const wellFormed = /^\d{11}$/.test(digits);
  conditions.push({ id: "format", label: "11 chiffres (P NNNNN CC QQQ)", status: wellFormed ? ("met" as const) : ("not_met" as const), detail: `« ${String(input)} » → ${digits.length} caractères utiles` });
  if (!wellFormed) {
    steps.push(`« ${String(input)} » ne compte pas 11 chiffres : numéro invalide.`);
    return { value: false, steps, sources, conditions };
  }
  const physician = digits[0] === "1";
  conditions.push({ id: "profession", label: "Premier chiffre 1 (médecin)", status: physician ? ("met" as const) : ("not_met" as const), detail: `premier chiffre : ${digits[0]}` });
  const first6 = Number(digits.slice(0, 6));
  const expected = modulo - (first6 % modulo);
  const actual = Number(digits.slice(6, 8));
  const keyOk = expected === actual;
  steps.push(`Clé de contrôle : ${modulo} − (${digits.slice(0, 6)} modulo ${modulo}) = ${modulo} − ${first6 % modulo} = ${expected} ; le numéro porte ${digits.slice(6, 8)}.`);
  conditions.push({ id: "cle", label: "Clé de contrôle correcte", status: keyOk ? ("met" as const) : ("not_met" as const), detail: `attendue ${String(expected).padStart(2, "0")}, lue ${digits.slice(6, 8)}` });
  const ok = physician && keyOk;
  steps.push(ok ? "Numéro INAMI de médecin valide." : "Numéro INAMI de médecin invalide.");
  return { value: ok, steps, sources, conditions };
}

type Labels = Record<string, { fr: string; nl: string; en: string }>;

/** The label of the competence code (last three digits) of a valid number. */
export function competence(input: string | number, lang: Lang = "fr"): Explained<string> {
  const check = checkInami(input);
  if (!check.value) {
    const failed = (check.conditions ?? []).filter((c) => c.status === "not_met").map((c) => `${c.label} (${c.detail})`);
    throw invalid(`Numéro INAMI invalide : ${failed.join(" ; ")}.`);
  }
  const digits = inamiDigits(input);
  const code = digits.slice(8);
  const { version } = params.latest<Labels>("inami.competences");
  const label = version.value[code];
  if (!label) {
    throw unknown(`Code de compétence ${code} non encodé (codes connus : ${Object.keys(version.value).sort().join(", ")}).`);
  }
  return {
    value: label[lang] ?? label.fr,
    steps: [...check.steps, `Code de compétence ${code} : ${label.fr}.`],
    sources: [...check.sources, ...version.sources],
    conditions: check.conditions,
  };
}
