/**
 * The user's kept data through the custom functions (Excel's runtime faked):
 * the files and the pénurie list kept in OfficeRuntime.storage are read at
 * start-up, a cell called before the read has answered waits for it, and the
 * pane's reload (after an import) changes the answers.
 */
import { FakeCustomFunctionsError, installFakeCustomFunctions } from "../helpers/fake-custom-functions";
import { serialFromIso } from "../../src/dates";
import { INVALID_FILE, REPLACE_FILE, VALID_FILE } from "./fixtures";

installFakeCustomFunctions();

/** OfficeRuntime.storage as a Map, answering when `release()` is called (or at once). */
class FakeStorage {
  readonly items = new Map<string, string>();
  private waiting: (() => void)[] = [];
  hold = false;
  getItem(key: string): Promise<string | null> {
    return new Promise((res) => {
      const answer = () => res(this.items.get(key) ?? null);
      if (this.hold) this.waiting.push(answer);
      else answer();
    });
  }
  setItem(key: string, value: string): Promise<void> {
    this.items.set(key, value);
    return Promise.resolve();
  }
  removeItem(key: string): Promise<void> {
    this.items.delete(key);
    return Promise.resolve();
  }
  release(): void {
    this.hold = false;
    for (const w of this.waiting.splice(0)) w();
  }
}

const storage = new FakeStorage();
const KEYS = { params: "mg-bruxelles.parametres-utilisateur.v1", penurie: "mg-bruxelles.quartiers-penurie.v1" };
storage.items.set(KEYS.params, JSON.stringify([{ name: "tarifs-2027.json", text: VALID_FILE, addedOn: "2026-12-01" }]));
storage.items.set(KEYS.penurie, JSON.stringify({ codes: [11, 12, 13], reference: "AM 13/05/2019, MB 13/06/2019", enteredOn: "2026-12-01" }));
storage.hold = true;
(globalThis as { OfficeRuntime?: unknown }).OfficeRuntime = { storage };

// Imported after the fake runtime and storage exist (as in Excel).
 
const fns = require("../../functions/functions") as typeof import("../../functions/functions");
 
const userData = require("../../functions/user-data") as typeof import("../../functions/user-data");

const MAR_2027 = serialFromIso("2027-03-01");
const DEC_2026 = serialFromIso("2026-12-01");
const bridge = () => (globalThis as unknown as { MGBruxellesUserData: { reload(): Promise<{ changes: { text: string }[]; problems: string[] }> } }).MGBruxellesUserData;

function explainText(...args: unknown[]): string {
  return (fns.explain(args[0], args.slice(1)) as unknown[][]).map((r) => r.join(" ")).join("\n");
}

test("a cell computed before the start-up read has answered waits for it, then uses the kept file: MG.HONORAIRE(101076; 2027) = 34,65 €", async () => {
  expect(userData.userDataPending()).toBe(true);
  const early = fns.honoraire(101076, MAR_2027) as unknown;
  expect(early).toBeInstanceOf(Promise);
  storage.release();
  await expect(early).resolves.toBe(34.65);
  // Once loaded, cells answer at once.
  expect(userData.userDataPending()).toBe(false);
  expect(fns.honoraire(101076, MAR_2027)).toBe(34.65);
  expect(userData.userDataState()!.changes.map((c) => c.text)).toEqual(["ajoute 2027 à honoraire.101076 (« Consultation au cabinet, médecin accrédité (101076) ») : 34,65 €"]);
});

test("MG.EXPLAIN shows the user's figure as such: « ajouté par l'utilisateur … source : … le 01/12/2026 »", () => {
  expect(explainText("HONORAIRE", 101076, MAR_2027)).toMatch(/ajouté par l'utilisateur \(fichier tarifs-2027\.json\), source : INAMI.*, le 01\/12\/2026/);
});

test("MG.IS.PENURIE without its list uses the kept list and says so", () => {
  expect(fns.isPenurie(12, DEC_2026, null as unknown as undefined)).toBe(true);
  expect(fns.isPenurie(1, DEC_2026, null as unknown as undefined)).toBe(false);
  expect(explainText("IS.PENURIE", 12, DEC_2026)).toMatch(/liste saisie par l'utilisateur le 01\/12\/2026, référence AM 13\/05\/2019, MB 13\/06\/2019/);
});

test("the pane's reload after an import (overriding the 2025 version) and after « Retirer »", async () => {
  storage.items.set(KEYS.params, JSON.stringify([{ name: "correction.json", text: REPLACE_FILE, addedOn: "2026-12-01" }]));
  const s = await bridge().reload();
  expect(s.changes.map((c) => c.text)).toEqual(["remplace la version du 01/01/2025 de honoraire.101076 (« Consultation au cabinet, médecin accrédité (101076) ») : 32,84 € → 32,90 €"]);
  expect(fns.honoraire(101076, serialFromIso("2025-08-30"))).toBe(32.9);
  // The 2027 file is no longer kept: 2027 is #N/A again.
  expect(() => fns.honoraire(101076, MAR_2027)).toThrow(FakeCustomFunctionsError);
  storage.items.delete(KEYS.params);
  storage.items.delete(KEYS.penurie);
  await bridge().reload();
  expect(fns.honoraire(101076, serialFromIso("2025-08-30"))).toBe(32.84);
  let err: unknown;
  try {
    fns.isPenurie(12, DEC_2026, null as unknown as undefined);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(FakeCustomFunctionsError);
  expect((err as FakeCustomFunctionsError).code).toBe("#N/A");
});

test("a stored file that no longer applies is not applied (nothing changes) and the problem is kept for the pane", async () => {
  storage.items.set(KEYS.params, JSON.stringify([{ name: "mauvais.json", text: INVALID_FILE, addedOn: "2026-12-01" }]));
  const s = await bridge().reload();
  expect(s.problems[0]).toMatch(/^paramètres de l'utilisateur non appliqués : mauvais\.json : honoraire\.101076, version du 01\/01\/2027 : montant en euros attendu/);
  expect(() => fns.honoraire(101076, MAR_2027)).toThrow(FakeCustomFunctionsError);
});
