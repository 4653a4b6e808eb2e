/**
 * The data a user adds and keeps in the add-in: parameter files ("Importer
 * des paramètres") and the official list of quartiers en pénurie, kept for
 * this user in OfficeRuntime.storage (per user and per add-in origin).
 *
 * The task pane checks a file with its lines (src/params/user-file.ts, zod)
 * before storing it. The functions bundle, which does not ship zod, applies
 * the stored files with ParamRegistry.applyUserFamilies, which checks their
 * values again; a stored file that no longer applies (a new release changed
 * a parameter) is not applied and the problem is kept for the pane to show.
 *
 * Start-up (functions/runtime.ts): the functions bundle reads the storage
 * once, asynchronously. Until that read has answered (at most
 * USER_DATA_TIMEOUT_MS), every MG.* cell waits for it (its result is a
 * Promise), so no cell shows a built-in figure that a user's file replaces.
 * If the storage does not answer in time, cells are computed with the
 * built-in figures; when the read finally answers, the data is applied and
 * the next recalculation uses it.
 *
 * With the shared runtime the pane and the functions run in one page but
 * from two bundles, each with its own registry: the functions bundle
 * publishes `globalThis.MGBruxellesUserData.reload()`, which the pane calls
 * after it changed the storage.
 */
import { params } from "../src/params";
import type { ParamChange, UserApplyResult, UserFamilyInput } from "../src/params/registry";
import type { FamilyJson } from "../src/params/schema";
import { clearKeptPenurieList, keepPenurieList, keptPenurieList, penurieListProblems, type KeptPenurieList } from "../src/rules/penurie";

/** Storage keys (a version suffix, so a later format can coexist). */
export const STORAGE_KEYS = { params: "mg-bruxelles.parametres-utilisateur.v1", penurie: "mg-bruxelles.quartiers-penurie.v1" } as const;

/** What OfficeRuntime.storage offers (and the fakes of the tests). */
export interface UserDataStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** A user's parameter file as stored: name, text, ISO date of the import. */
export interface StoredParamsFile {
  name: string;
  text: string;
  addedOn: string;
}

/** What is applied after a load, and what could not be. */
export interface KeptUserDataState {
  files: string[];
  changes: ParamChange[];
  penurie: KeptPenurieList | null;
  /** French sentences: stored data that could not be read or applied. */
  problems: string[];
}

export const USER_DATA_TIMEOUT_MS = 3000;

/** OfficeRuntime.storage when the host has it, else null. */
export function officeStorage(): UserDataStorage | null {
  try {
    const rt = (globalThis as { OfficeRuntime?: { storage?: UserDataStorage } }).OfficeRuntime;
    return rt?.storage ?? null;
  } catch {
    return null;
  }
}

/** Stored files, or the reason they cannot be read. */
export function parseStoredFiles(raw: string | null): { files: StoredParamsFile[]; problem?: string } {
  if (raw === null || raw === "") return { files: [] };
  try {
    const v = JSON.parse(raw) as unknown;
    if (!Array.isArray(v) || !v.every((f) => f && typeof f.name === "string" && typeof f.text === "string" && typeof f.addedOn === "string")) {
      return { files: [], problem: "les paramètres de l'utilisateur enregistrés sont illisibles : importez à nouveau le fichier." };
    }
    return { files: v as StoredParamsFile[] };
  } catch {
    return { files: [], problem: "les paramètres de l'utilisateur enregistrés sont illisibles : importez à nouveau le fichier." };
  }
}

/** Applies stored files without the schema (already checked by the pane); atomic; never throws. */
export function applyStoredFiles(files: readonly StoredParamsFile[]): UserApplyResult {
  try {
    const inputs: UserFamilyInput[] = files.map((f) => ({ file: f.name, family: JSON.parse(f.text) as FamilyJson, addedOn: f.addedOn }));
    return params.applyUserFamilies(inputs);
  } catch (e) {
    const message = `fichier enregistré illisible (${e instanceof Error ? e.message : String(e)}) : importez-le à nouveau.`;
    return { ok: false, problems: [{ file: files.map((f) => f.name).join(", "), message, text: `${files.map((f) => f.name).join(", ")} : ${message}` }] };
  }
}

export function parseStoredPenurie(raw: string | null): { list: KeptPenurieList | null; problem?: string } {
  if (raw === null || raw === "") return { list: null };
  try {
    const v = JSON.parse(raw) as KeptPenurieList;
    const problems = penurieListProblems(v ?? {});
    if (problems.length) return { list: null, problem: `liste des quartiers en pénurie enregistrée refusée : ${problems.join(" ")}` };
    return { list: v };
  } catch {
    return { list: null, problem: "la liste des quartiers en pénurie enregistrée est illisible : saisissez-la à nouveau." };
  }
}

/**
 * Reads the storage and applies what it holds to this bundle's registry and
 * kept list (replacing what was applied before). `apply` checks and applies
 * the files (the pane passes the schema check with lines).
 */
export async function applyKeptUserData(
  storage: UserDataStorage | null,
  apply: (files: StoredParamsFile[]) => UserApplyResult = applyStoredFiles,
): Promise<KeptUserDataState> {
  const state: KeptUserDataState = { files: [], changes: [], penurie: null, problems: [] };
  if (!storage) return state;
  let rawParams: string | null = null;
  let rawPenurie: string | null = null;
  try {
    [rawParams, rawPenurie] = await Promise.all([storage.getItem(STORAGE_KEYS.params), storage.getItem(STORAGE_KEYS.penurie)]);
  } catch (e) {
    state.problems.push(`lecture des données de l'utilisateur impossible (${e instanceof Error ? e.message : String(e)}).`);
    return state;
  }
  const stored = parseStoredFiles(rawParams);
  if (stored.problem) state.problems.push(stored.problem);
  if (stored.files.length) {
    const r = apply(stored.files);
    if (r.ok) {
      state.files = stored.files.map((f) => f.name);
      state.changes = r.changes;
    } else {
      params.clearUser();
      state.problems.push(...r.problems.map((p) => `paramètres de l'utilisateur non appliqués : ${p.text}`));
    }
  } else params.clearUser();
  const pen = parseStoredPenurie(rawPenurie);
  if (pen.problem) state.problems.push(pen.problem);
  if (pen.list) {
    keepPenurieList(pen.list);
    state.penurie = keptPenurieList();
  } else clearKeptPenurieList();
  return state;
}

/* ------------------------------------------------------------------ */
/* Start-up of the functions bundle                                    */
/* ------------------------------------------------------------------ */

let pending = false;
let ready: Promise<void> = Promise.resolve();
let lastState: KeptUserDataState | null = null;

/** True while the start-up read has not answered (cells wait for it). */
export function userDataPending(): boolean {
  return pending;
}

/** Resolves when the start-up read has answered or timed out. */
export function whenUserDataLoaded(): Promise<void> {
  return ready;
}

/** The state after the last load (null before any). */
export function userDataState(): KeptUserDataState | null {
  return lastState;
}

/** Starts the start-up read (no-op without storage). */
export function startUserDataLoad(storage: UserDataStorage | null = officeStorage(), timeoutMs = USER_DATA_TIMEOUT_MS): Promise<void> {
  if (!storage) return Promise.resolve();
  pending = true;
  const load = applyKeptUserData(storage).then(
    (s) => {
      lastState = s;
    },
    (e: unknown) => {
      lastState = { files: [], changes: [], penurie: null, problems: [`données de l'utilisateur non chargées (${e instanceof Error ? e.message : String(e)}).`] };
    },
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((res) => {
    timer = setTimeout(res, timeoutMs);
  });
  ready = Promise.race([load, timeout]).then(() => {
    if (timer !== undefined) clearTimeout(timer);
    pending = false;
  });
  return ready;
}

/** What the pane calls (shared runtime) after it changed the storage. */
export interface UserDataBridge {
  reload(): Promise<KeptUserDataState>;
}

export function publishBridge(storage: () => UserDataStorage | null = officeStorage): void {
  const bridge: UserDataBridge = {
    reload: () =>
      applyKeptUserData(storage()).then((s) => {
        lastState = s;
        return s;
      }),
  };
  (globalThis as { MGBruxellesUserData?: UserDataBridge }).MGBruxellesUserData = bridge;
}
