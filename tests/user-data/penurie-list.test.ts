/**
 * The official pénurie list, entered once (issue 12): the list as published
 * (codes, French or Dutch names as in the arrêté ministériel of 13/05/2019)
 * matched to the 145 quarters of the Monitoring des Quartiers, the entries
 * that match nothing reported with close names, and the kept list used by
 * MG.IS.PENURIE without its list argument.
 */
import { clearKeptPenurieList, isPenurie, keepPenurieList, keptPenurieList, parsePenurieList } from "../../src/rules/penurie";
import { serialFromIso } from "../../src/dates";
import { isRuleError } from "../../src/errors";

const DEC_2026 = serialFromIso("2026-12-01");
afterEach(() => clearKeptPenurieList());

test("names match whatever the case, accents, hyphens: « cureghem veterinaire », « CUREGHEM-BARA », « Gare de l'Ouest »", () => {
  const r = parsePenurieList("cureghem veterinaire\nCUREGHEM-BARA\nGare de l'Ouest");
  expect(r.unmatched).toEqual([]);
  expect(r.quartiers.map((q) => q.code)).toEqual([11, 12, 15]);
});

test("Dutch names as in the arrêté (official upper case or usual casing) match: KUREGEM DAUW, Weststation", () => {
  const r = parsePenurieList("KUREGEM DAUW; Weststation");
  expect(r.quartiers.map((q) => q.code)).toEqual([13, 15]);
});

test("codes, « code name », numbered lines and both names (FR / NL, FR (NL)) match; separators ; , tab and new lines", () => {
  const r = parsePenurieList("12\t11, 1. Grand Place\n13 Cureghem Rosée\nBéguinage - Dixmude / Begijnhof - Diksmuide\nGare de l'ouest (Weststation)");
  expect(r.unmatched).toEqual([]);
  expect(r.quartiers.map((q) => q.code)).toEqual([1, 3, 11, 12, 13, 15]);
  expect(r.entries).toBe(6);
});

test("unknown names are reported with their line and the closest names; a code that contradicts the name is not guessed", () => {
  const r = parsePenurieList("12\nCureghem Veterinair\n13 Cureghem Vétérinaire\n999");
  expect(r.quartiers.map((q) => q.code)).toEqual([12]);
  expect(r.unmatched).toHaveLength(3);
  expect(r.unmatched[0]).toMatchObject({ entry: "Cureghem Veterinair", line: 2, reason: "quartier inconnu" });
  expect(r.unmatched[0].suggestions[0]).toBe("12 Cureghem Vétérinaire (Kuregem Veeartsenij)");
  expect(r.unmatched[1]).toMatchObject({ line: 3, reason: "le code 13 et le nom « Cureghem Vétérinaire » (quartier 12) ne correspondent pas" });
  expect(r.unmatched[2].reason).toMatch(/^code inconnu/);
});

test("a file's « Référence : » and « Saisie le : » lines give the reference and the date; # lines are comments", () => {
  const r = parsePenurieList("# liste officielle\nRéférence : AM 13/05/2019, MB 13/06/2019\nSaisie le : 2026-12-01\n12");
  expect(r).toMatchObject({ reference: "AM 13/05/2019, MB 13/06/2019", enteredOn: "2026-12-01", entries: 1 });
});

test("MG.IS.PENURIE without a list: #N/A without a kept list; with one, the answer says « liste saisie par l'utilisateur le …, référence … »", () => {
  let err: unknown;
  try {
    isPenurie(12, DEC_2026, null);
  } catch (e) {
    err = e;
  }
  expect(isRuleError(err) && err.kind).toBe("unknown");
  keepPenurieList({ codes: [12, 11], reference: "AM 13/05/2019, MB 13/06/2019", enteredOn: "2026-12-01" });
  expect(keptPenurieList()!.codes).toEqual([11, 12]);
  const yes = isPenurie("Cureghem Vétérinaire", DEC_2026, null);
  expect(yes.value).toBe(true);
  expect(yes.steps[1]).toMatch(/^Liste des quartiers en pénurie : liste saisie par l'utilisateur le 01\/12\/2026, référence AM 13\/05\/2019, MB 13\/06\/2019 ; 2 quartier\(s\) \(codes 11, 12\)/);
  expect(yes.conditions![0].detail).toMatch(/figure dans la liste saisie par l'utilisateur le 01\/12\/2026/);
  expect(isPenurie(1, DEC_2026, null).value).toBe(false);
  // A list given as argument still wins.
  expect(isPenurie(1, DEC_2026, [1]).value).toBe(true);
});

test("a list without reference or with an unknown code is not kept", () => {
  expect(() => keepPenurieList({ codes: [12], reference: "", enteredOn: "2026-12-01" })).toThrow(/référence/);
  expect(() => keepPenurieList({ codes: [999], reference: "AM 13/05/2019", enteredOn: "2026-12-01" })).toThrow(/codes de quartier inconnus : 999/);
  expect(keptPenurieList()).toBeNull();
});
