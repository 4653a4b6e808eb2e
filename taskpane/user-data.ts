/**
 * Task pane: the data a user adds and keeps (OfficeRuntime.storage).
 *
 * - "Importer des paramètres": a parameter file (schema of src/params/*.json)
 *   checked with its lines (src/params/user-file.ts); refused inline with
 *   file:line and reason (nothing changes), else kept, applied to this
 *   bundle's registry (the scenario builder) and to the functions bundle
 *   (globalThis.MGBruxellesUserData.reload, shared runtime), the workbook
 *   recalculated, and the list of changes shown. "Retirer" removes them.
 * - "Quartiers en pénurie": the official list pasted as published, matched
 *   to the 145 quarters; unmatched entries shown with close names; kept with
 *   its reference and date only when every entry matched.
 */
import { params } from "../src/params";
import { applyUserParamsFiles } from "../src/params/user-file";
import { clearKeptPenurieList, keepPenurieList, keptListText, keptPenurieList, parsePenurieList, penurieListProblems } from "../src/rules/penurie";
import { applyKeptUserData, officeStorage, parseStoredFiles, STORAGE_KEYS, type StoredParamsFile, type UserDataBridge, type UserDataStorage } from "../functions/user-data";

function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Tells the functions bundle (same page, shared runtime) to read the storage again, then recalculates. */
async function propagate(): Promise<void> {
  const bridge = (globalThis as { MGBruxellesUserData?: UserDataBridge }).MGBruxellesUserData;
  try {
    await bridge?.reload();
  } catch {
    /* the functions bundle reads the storage again at its next start */
  }
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.run !== "function") return;
  try {
    await excel.run(async (ctx) => {
      ctx.workbook.application.calculate(excel.CalculationType?.full ?? ("Full" as Excel.CalculationType));
      await ctx.sync();
    });
  } catch {
    /* an older host without calculate(): the next recalculation uses the new data */
  }
}

/** A memory store when the host has no OfficeRuntime.storage (kept until the pane closes). */
class MemoryStorage implements UserDataStorage {
  private readonly items = new Map<string, string>();
  getItem(k: string) {
    return Promise.resolve(this.items.get(k) ?? null);
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
    return Promise.resolve();
  }
  removeItem(k: string) {
    this.items.delete(k);
    return Promise.resolve();
  }
}

export function mountUserData(root: HTMLElement, storage: UserDataStorage | null = officeStorage()): Promise<void> {
  const persistent = storage !== null;
  const store = storage ?? new MemoryStorage();
  root.replaceChildren();
  const box = el("details", { class: "section user-data", id: "user-data-section" });
  box.append(el("summary", { class: "section-title" }, "Données ajoutées par l'utilisateur"));
  if (!persistent) box.append(el("p", { class: "hint" }, "Stockage d'Office indisponible : les données sont gardées jusqu'à la fermeture du volet."));

  // Parameters
  const pBox = el("div", { class: "user-block", id: "user-params" });
  pBox.append(el("h3", {}, "Paramètres"));
  pBox.append(el("p", { class: "hint" }, "Fichier JSON au format des paramètres (versions datées, une source pour chaque valeur)."));
  const input = el("input", { type: "file", accept: ".json,application/json", id: "user-params-file", class: "visually-hidden" });
  const importLabel = el("label", { for: "user-params-file", class: "button", id: "user-params-import" }, "Importer des paramètres");
  const removeBtn = el("button", { type: "button", class: "button", id: "user-params-remove" }, "Retirer");
  const pStatus = el("div", { id: "user-params-status", "aria-live": "polite" });
  const row = el("div", { class: "user-actions" });
  row.append(importLabel, input, removeBtn);
  pBox.append(row, pStatus);

  // Pénurie
  const qBox = el("div", { class: "user-block", id: "user-penurie" });
  qBox.append(el("h3", {}, "Quartiers en pénurie"));
  qBox.append(el("p", { class: "hint" }, "Collez la liste telle que publiée : codes ou noms (FR ou NL), un par ligne ou séparés par ; ou ,"));
  const area = el("textarea", { id: "penurie-text", rows: "5", "aria-label": "Liste des quartiers en pénurie" });
  const refLabel = el("label", { for: "penurie-ref" }, "Référence du texte publié");
  const ref = el("input", { id: "penurie-ref", type: "text", placeholder: "AM 13/05/2019, MB 13/06/2019" });
  const keepBtn = el("button", { type: "button", class: "button primary", id: "penurie-keep" }, "Vérifier et garder la liste");
  const clearBtn = el("button", { type: "button", class: "button", id: "penurie-remove" }, "Retirer la liste");
  const qStatus = el("div", { id: "penurie-status", "aria-live": "polite" });
  const qRow = el("div", { class: "user-actions" });
  qRow.append(keepBtn, clearBtn);
  qBox.append(area, refLabel, ref, qRow, qStatus);

  box.append(pBox, qBox);
  root.append(box);

  const show = (target: HTMLElement, title: string, lines: string[], error = false) => {
    target.replaceChildren();
    const p = el("p", { class: error ? "message-bar error" : "message-bar", role: error ? "alert" : "status" }, title);
    target.append(p);
    if (lines.length) {
      const ul = el("ul", { class: "user-changes" });
      for (const l of lines) ul.append(el("li", {}, l));
      target.append(ul);
    }
  };

  const showParams = () => {
    const o = params.userOverlay();
    removeBtn.disabled = o.files.length === 0;
    if (o.files.length === 0) pStatus.replaceChildren(el("p", { class: "hint" }, "Aucun fichier : chiffres intégrés."));
    else show(pStatus, `${o.files.join(", ")} : ${o.changes.length} modification(s)`, o.changes.map((c) => c.text));
  };
  const showPenurie = () => {
    const k = keptPenurieList();
    clearBtn.disabled = k === null;
    if (k) show(qStatus, `Liste gardée : ${k.codes.length} quartier(s), ${keptListText(k)}.`, [`Codes : ${k.codes.join(", ")}`]);
    else qStatus.replaceChildren(el("p", { class: "hint" }, "Aucune liste gardée : MG.IS.PENURIE demande la liste en 3e argument."));
  };

  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    void (async () => {
      const text = await file.text();
      const stored = parseStoredFiles(await store.getItem(STORAGE_KEYS.params)).files;
      const files: StoredParamsFile[] = [...stored.filter((f) => f.name !== file.name), { name: file.name, text, addedOn: todayIso() }];
      const r = applyUserParamsFiles(params, files);
      if (!r.ok) {
        show(pStatus, `${file.name} refusé, rien n'a changé :`, r.problems.map((p) => p.text), true);
        return;
      }
      await store.setItem(STORAGE_KEYS.params, JSON.stringify(files));
      await propagate();
      showParams();
    })();
  });
  removeBtn.addEventListener("click", () => {
    void (async () => {
      await store.removeItem(STORAGE_KEYS.params);
      params.clearUser();
      await propagate();
      showParams();
    })();
  });
  keepBtn.addEventListener("click", () => {
    void (async () => {
      const parsed = parsePenurieList(area.value);
      const reference = (ref.value.trim() || parsed.reference || "").trim();
      const lines = parsed.unmatched.map((u) => `ligne ${u.line} : « ${u.entry} » : ${u.reason}${u.suggestions.length ? ` ; noms proches : ${u.suggestions.join(" ; ")}` : ""}`);
      const list = { codes: parsed.quartiers.map((q) => q.code), reference, enteredOn: parsed.enteredOn ?? todayIso() };
      const problems = parsed.unmatched.length ? [] : penurieListProblems(list);
      if (parsed.unmatched.length || problems.length) {
        show(qStatus, `${parsed.quartiers.length} quartier(s) reconnu(s)${parsed.unmatched.length ? `, ${parsed.unmatched.length} entrée(s) non reconnue(s)` : ""} : liste non gardée.`, [...lines, ...problems], true);
        return;
      }
      keepPenurieList(list);
      await store.setItem(STORAGE_KEYS.penurie, JSON.stringify(keptPenurieList()));
      await propagate();
      showPenurie();
    })();
  });
  clearBtn.addEventListener("click", () => {
    void (async () => {
      await store.removeItem(STORAGE_KEYS.penurie);
      clearKeptPenurieList();
      await propagate();
      showPenurie();
    })();
  });

  // What is kept, applied to this bundle's registry (checked with the lines).
  return applyKeptUserData(store, (files) => applyUserParamsFiles(params, files)).then((s) => {
    showParams();
    showPenurie();
    if (s.problems.length) show(pStatus, "Données gardées non appliquées :", s.problems, true);
    if (s.files.length || s.penurie) box.open = true;
  });
}
