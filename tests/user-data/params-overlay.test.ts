/**
 * Figures a user adds (issue 11, "Figures a user adds"): a parameter file in
 * the schema of src/params/*.json overlaid on the registry — it adds years or
 * replaces a version, the list of changes says so, an invalid file is refused
 * with its line and reason and nothing changes, and every printed source of a
 * user's figure is marked.
 */
import { params } from "../../src/params";
import { applyUserParamsFiles } from "../../src/params/user-file";
import { fee } from "../../src/rules/stage-tariff";
import { serialFromIso } from "../../src/dates";
import { formatSource } from "../../src/explain";
import { yearValue } from "../../src/scenario/year-params";
import { INVALID_FILE, OVERLAP_FILE, REPLACE_FILE, VALID_FILE } from "./fixtures";

const ON = "2026-12-01";
const file = (name: string, text: string) => ({ name, text, addedOn: ON });
const MAR_2027 = serialFromIso("2027-03-01");
const AUG_2025 = serialFromIso("2025-08-30");

afterEach(() => params.clearUser());

test("a valid file adds 2027 to honoraire.101076: the fee is 34,65 € in 2027 and the change is listed", () => {
  expect(() => fee(101076, MAR_2027)).toThrow(/Pas de valeur connue/);
  const r = applyUserParamsFiles(params, [file("tarifs-2027.json", VALID_FILE)]);
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.changes).toHaveLength(1);
  expect(r.changes[0]).toMatchObject({ kind: "add", paramId: "honoraire.101076", from: "2027-01-01", to: "2027-12-31", file: "tarifs-2027.json" });
  expect(r.changes[0].text).toBe("ajoute 2027 à honoraire.101076 (« Consultation au cabinet, médecin accrédité (101076) ») : 34,65 €");
  expect(fee(101076, MAR_2027).value).toBe(3465);
  // The built-in 2025 fee is untouched.
  expect(fee(101076, AUG_2025).value).toBe(3284);
  expect(params.userOverlay().files).toEqual(["tarifs-2027.json"]);
});

test("a user's figure is marked in every printed source: « ajouté par l'utilisateur, source : …, le 01/12/2026 »", () => {
  applyUserParamsFiles(params, [file("tarifs-2027.json", VALID_FILE)]);
  const r = fee(101076, MAR_2027);
  expect(r.sources).toHaveLength(1);
  expect(formatSource(r.sources[0])).toMatch(/^ajouté par l'utilisateur \(fichier tarifs-2027\.json\), source : INAMI, Honoraires.*tarifs au 1er janvier 2027 \(vu le 01\/12\/2026\) https:\/\/www\.inami\.fgov\.be\S*, le 01\/12\/2026$/);
  expect(params.at("honoraire.101076", MAR_2027).version.user).toEqual({ file: "tarifs-2027.json", addedOn: ON });
  // A built-in source is printed as before.
  expect(formatSource(fee(101076, AUG_2025).sources[0])).not.toMatch(/utilisateur/);
});

test("a version with the same start date replaces the built-in one: 32,84 € → 32,90 €, listed as « remplace la version du 01/01/2025 »", () => {
  const r = applyUserParamsFiles(params, [file("correction.json", REPLACE_FILE)]);
  expect(r.ok && r.changes.map((c) => c.text)).toEqual(["remplace la version du 01/01/2025 de honoraire.101076 (« Consultation au cabinet, médecin accrédité (101076) ») : 32,84 € → 32,90 €"]);
  expect(fee(101076, AUG_2025).value).toBe(3290);
  params.clearUser();
  expect(fee(101076, AUG_2025).value).toBe(3284);
});

test("an invalid file is refused with the line and the reason, and nothing changes", () => {
  applyUserParamsFiles(params, [file("bon.json", VALID_FILE)]);
  const generation = params.generation;
  const r = applyUserParamsFiles(params, [file("mauvais.json", INVALID_FILE)]);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems.map((p) => p.text)).toEqual([
    "mauvais.json, ligne 14 : « honoraire.101076 », version n° 1 (from 2027-01-01), value : au plus deux décimales",
    "mauvais.json, ligne 15 : « honoraire.101076 », version n° 1 (from 2027-01-01), sources : au moins une source est requise (title, seen AAAA-MM-JJ, url)",
  ]);
  // The previous overlay is still the one in force.
  expect(params.generation).toBe(generation);
  expect(fee(101076, MAR_2027).value).toBe(3465);
  expect(params.userOverlay().files).toEqual(["bon.json"]);
});

test("several files are applied together or not at all (one bad file refuses the whole import)", () => {
  const r = applyUserParamsFiles(params, [file("bon.json", VALID_FILE), file("mauvais.json", INVALID_FILE)]);
  expect(r.ok).toBe(false);
  expect(() => fee(101076, MAR_2027)).toThrow(/Pas de valeur connue/);
});

test("a JSON syntax error is refused with its line: a decimal comma", () => {
  const text = VALID_FILE.replace('"value": 34.65,', '"value": 34,65,');
  const r = applyUserParamsFiles(params, [file("virgule.json", text)]);
  expect(!r.ok && r.problems[0].text).toMatch(/^virgule\.json, ligne 14 : JSON invalide \(colonne \d+\) : .*virgule décimale/);
});

test("a version overlapping a built-in version without replacing it is refused, saying how to replace it", () => {
  const r = applyUserParamsFiles(params, [file("chevauche.json", OVERLAP_FILE)]);
  expect(!r.ok && r.problems[0].text).toMatch(
    /^chevauche\.json, ligne 11 : honoraire\.101076 : la version du 01\/06\/2025 au 31\/12\/2025 chevauche la version intégrée du 01\/01\/2025 au 31\/12\/2025 \(32,84 €\)\. Pour la remplacer, reprenez sa date de début \(« from » : « 2025-01-01 »\)/,
  );
  expect(fee(101076, AUG_2025).value).toBe(3284);
});

test("two files giving the same year are refused (the second names the first)", () => {
  const r = applyUserParamsFiles(params, [file("a.json", VALID_FILE), file("b.json", VALID_FILE)]);
  expect(!r.ok && r.problems[0].text).toMatch(/^b\.json, ligne 11 : honoraire\.101076 : la version du 01\/01\/2027 au 31\/12\/2027 chevauche la version du 01\/01\/2027 au 31\/12\/2027 \(déjà donnée par a\.json\)/);
});

test("an unknown parameter id is refused with the closest id; an unknown key and a wrong kind too", () => {
  const typo = applyUserParamsFiles(params, [file("t.json", VALID_FILE.replace('"id": "honoraire.101076"', '"id": "honoraire.10176"'))]);
  expect(!typo.ok && typo.problems[0].text).toMatch(/^t\.json, ligne 6 : paramètre inconnu « honoraire\.10176 » — vouliez-vous dire « honoraire\.101076 » \?/);
  const key = applyUserParamsFiles(params, [file("k.json", VALID_FILE.replace('"value": 34.65,', '"value": 34.65, "nte": "x",'))]);
  expect(!key.ok && key.problems[0].text).toMatch(/^k\.json, ligne 14 : « honoraire\.101076 », version n° 1 \(from 2027-01-01\) : clé inconnue « nte »/);
  const kind = applyUserParamsFiles(params, [file("r.json", VALID_FILE.replace('"kind": "money"', '"kind": "table"'))]);
  expect(!kind.ok && kind.problems[0].text).toMatch(/^r\.json, ligne 8 : honoraire\.101076 : type « table » alors que ce paramètre est de type « money »/);
});

test("the yearly values of the simulation follow the overlay (cache keyed on params.generation)", () => {
  const before = yearValue("honoraire.101076", 2025, 0);
  expect(before.value).toBe(3284);
  applyUserParamsFiles(params, [file("correction.json", REPLACE_FILE)]);
  expect(yearValue("honoraire.101076", 2025, 0).value).toBe(3290);
  params.clearUser();
  expect(yearValue("honoraire.101076", 2025, 0).value).toBe(3284);
});
