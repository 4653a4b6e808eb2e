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
import type { UiLang } from "./i18n";

/** The texts of this section (the changes and problems come from the core, in French). */
const T = {
  summary: { fr: "Données ajoutées par l'utilisateur", nl: "Gegevens toegevoegd door de gebruiker", en: "Data added by the user" },
  noStorage: {
    fr: "Stockage d'Office indisponible : les données sont gardées jusqu'à la fermeture du volet.",
    nl: "Office-opslag niet beschikbaar: de gegevens blijven bewaard tot het taakvenster wordt gesloten.",
    en: "Office storage unavailable: the data is kept until the pane is closed.",
  },
  paramsTitle: { fr: "Paramètres", nl: "Parameters", en: "Parameters" },
  paramsHint: {
    fr: "Fichier JSON au format des paramètres (versions datées, une source pour chaque valeur).",
    nl: "JSON-bestand in het formaat van de parameters (gedateerde versies, een bron voor elke waarde).",
    en: "JSON file in the parameters' format (dated versions, a source for each value).",
  },
  import: { fr: "Importer des paramètres", nl: "Parameters importeren", en: "Import parameters" },
  remove: { fr: "Retirer", nl: "Verwijderen", en: "Remove" },
  noFiles: { fr: "Aucun fichier : chiffres intégrés.", nl: "Geen bestand: ingebouwde cijfers.", en: "No file: built-in figures." },
  changes: { fr: "{files} : {n} modification(s)", nl: "{files}: {n} wijziging(en)", en: "{files}: {n} change(s)" },
  refused: { fr: "{file} refusé, rien n'a changé :", nl: "{file} geweigerd, er is niets gewijzigd:", en: "{file} refused, nothing changed:" },
  keptProblems: { fr: "Données gardées non appliquées :", nl: "Bewaarde gegevens niet toegepast:", en: "Kept data not applied:" },
  penurieTitle: { fr: "Quartiers en pénurie", nl: "Wijken met huisartsentekort", en: "Quarters short of GPs" },
  penurieHint: {
    fr: "Collez la liste telle que publiée : codes ou noms (FR ou NL), un par ligne ou séparés par ; ou ,",
    nl: "Plak de lijst zoals gepubliceerd: codes of namen (FR of NL), één per regel of gescheiden door ; of ,",
    en: "Paste the list as published: codes or names (FR or NL), one per line or separated by ; or ,",
  },
  penurieAria: { fr: "Liste des quartiers en pénurie", nl: "Lijst van wijken met huisartsentekort", en: "List of quarters short of GPs" },
  refLabel: { fr: "Référence du texte publié", nl: "Referentie van de gepubliceerde tekst", en: "Reference of the published text" },
  keep: { fr: "Vérifier et garder la liste", nl: "Lijst controleren en bewaren", en: "Check and keep the list" },
  removeList: { fr: "Retirer la liste", nl: "Lijst verwijderen", en: "Remove the list" },
  noList: {
    fr: "Aucune liste gardée : MG.IS.PENURIE demande la liste en 3e argument.",
    nl: "Geen lijst bewaard: MG.IS.PENURIE vraagt de lijst als 3e argument.",
    en: "No list kept: MG.IS.PENURIE needs the list as its 3rd argument.",
  },
  kept: { fr: "Liste gardée : {n} quartier(s), {text}.", nl: "Lijst bewaard: {n} wijk(en), {text}.", en: "List kept: {n} quarter(s), {text}." },
  codes: { fr: "Codes : {codes}", nl: "Codes: {codes}", en: "Codes: {codes}" },
  notKept: {
    fr: "{n} quartier(s) reconnu(s), {u} entrée(s) non reconnue(s) : liste non gardée.",
    nl: "{n} wijk(en) herkend, {u} niet herkend: lijst niet bewaard.",
    en: "{n} quarter(s) recognised, {u} entry(ies) not recognised: list not kept.",
  },
  notKeptOk: { fr: "{n} quartier(s) reconnu(s) : liste non gardée.", nl: "{n} wijk(en) herkend: lijst niet bewaard.", en: "{n} quarter(s) recognised: list not kept." },
} as const;

let currentLang: () => UiLang = () => "fr";
const tx = (key: keyof typeof T, vars: Record<string, string | number> = {}) =>
  T[key][currentLang()].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

/** Elements whose text follows the pane's language, and the status renderers (set by mountUserData). */
const labelled: { el: HTMLElement; key: keyof typeof T; attr?: string }[] = [];
let rerender: (() => void) | null = null;

/** Re-labels the section in the pane's current language (called when the language changes). */
export function relabelUserData(): void {
  for (const l of labelled) {
    if (l.attr) l.el.setAttribute(l.attr, tx(l.key));
    else l.el.textContent = tx(l.key);
  }
  rerender?.();
}

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

export function mountUserData(root: HTMLElement, storage: UserDataStorage | null = officeStorage(), lang: () => UiLang = () => "fr"): Promise<void> {
  currentLang = lang;
  labelled.length = 0;
  const L = <E extends HTMLElement>(e: E, key: keyof typeof T, attr?: string): E => {
    labelled.push({ el: e, key, attr });
    return e;
  };
  const persistent = storage !== null;
  const store = storage ?? new MemoryStorage();
  root.replaceChildren();
  const box = el("details", { class: "section user-data", id: "user-data-section" });
  box.append(L(el("summary", { class: "section-title" }), "summary"));
  if (!persistent) box.append(L(el("p", { class: "hint" }), "noStorage"));

  // Parameters
  const pBox = el("div", { class: "user-block", id: "user-params" });
  pBox.append(L(el("h3"), "paramsTitle"));
  pBox.append(L(el("p", { class: "hint" }), "paramsHint"));
  const input = el("input", { type: "file", accept: ".json,application/json", id: "user-params-file", class: "visually-hidden" });
  const importLabel = L(el("label", { for: "user-params-file", class: "button", id: "user-params-import", tabindex: "0", role: "button" }), "import");
  importLabel.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      input.click();
    }
  });
  const removeBtn = L(el("button", { type: "button", class: "button", id: "user-params-remove" }), "remove");
  const pStatus = el("div", { id: "user-params-status", "aria-live": "polite" });
  const row = el("div", { class: "user-actions" });
  row.append(importLabel, input, removeBtn);
  pBox.append(row, pStatus);

  // Pénurie
  const qBox = el("div", { class: "user-block", id: "user-penurie" });
  qBox.append(L(el("h3"), "penurieTitle"));
  qBox.append(L(el("p", { class: "hint" }), "penurieHint"));
  const area = L(el("textarea", { id: "penurie-text", rows: "5" }), "penurieAria", "aria-label");
  const refLabel = L(el("label", { for: "penurie-ref" }), "refLabel");
  const ref = el("input", { id: "penurie-ref", type: "text", placeholder: "AM 13/05/2019, MB 13/06/2019" });
  const keepBtn = L(el("button", { type: "button", class: "button primary", id: "penurie-keep" }), "keep");
  const clearBtn = L(el("button", { type: "button", class: "button", id: "penurie-remove" }), "removeList");
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
    if (o.files.length === 0) pStatus.replaceChildren(el("p", { class: "hint" }, tx("noFiles")));
    else show(pStatus, tx("changes", { files: o.files.join(", "), n: o.changes.length }), o.changes.map((c) => c.text));
  };
  const showPenurie = () => {
    const k = keptPenurieList();
    clearBtn.disabled = k === null;
    if (k) show(qStatus, tx("kept", { n: k.codes.length, text: keptListText(k) }), [tx("codes", { codes: k.codes.join(", ") })]);
    else qStatus.replaceChildren(el("p", { class: "hint" }, tx("noList")));
  };

  rerender = () => {
    showParams();
    showPenurie();
  };
  relabelUserData();

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
        show(pStatus, tx("refused", { file: file.name }), r.problems.map((p) => p.text), true);
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
        show(qStatus, parsed.unmatched.length ? tx("notKept", { n: parsed.quartiers.length, u: parsed.unmatched.length }) : tx("notKeptOk", { n: parsed.quartiers.length }), [...lines, ...problems], true);
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
    if (s.problems.length) show(pStatus, tx("keptProblems"), s.problems, true);
    if (s.files.length || s.penurie) box.open = true;
  });
}
