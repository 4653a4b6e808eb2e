/**
 * Task pane: the scenario builder (DESIGN §1.2, §5).
 *
 * A form (taskpane/form.ts), empty at start ("Charger l'exemple" fills it
 * with examples/scenario-exemple.json; "Ouvrir un scénario" / "Enregistrer
 * le scénario" read and write a scenario JSON file, the format of
 * `npm run simulate`), validated field by field with the scenario schema; "Créer le classeur"
 * builds the sheet plan (src/scenario/plan.ts) of one scenario, or of two
 * with a Comparaison sheet, and writes it with the Office.js writer
 * (src/workbook/office-writer.ts) into NEW sheets of the open workbook.
 *
 * With the shared runtime this page also runs the custom functions (the
 * functions bundle is loaded in the same page). The Excel API is taken from
 * the global `Excel` (office.js in Excel; a fake in the browser harness).
 */
import "./zod-jitless";
import example from "../examples/scenario-exemple.json";
import { buildPlan } from "../src/scenario/plan";
import { simulate } from "../src/scenario/simulate";
import { parseScenario, type Scenario } from "../src/scenario/schema";
import { divRound } from "../src/money";
import { writePlan, WriteError, type ExcelLike, type WriteProgress, type WriteResult } from "../src/workbook/office-writer";
import { readWorkbookScenario } from "../src/workbook/office-reader";
import {
  ACTIVITY_FIELDS,
  INVESTMENT_FIELDS,
  MAX_ACTIVITY_YEARS,
  MAX_INVESTMENTS,
  MAX_SCENARIOS,
  SECTIONS,
  activityPath,
  addActivityYear,
  addInvestment,
  fieldsOf,
  formFromScenario,
  readForm,
  investmentPath,
  isEnabled,
  parseNumberInput,
  removeActivityYear,
  removeInvestment,
  secondForm,
  sectionOfPath,
  validateForm,
  type FieldDef,
  type ScenarioForm,
  type SectionId,
  type Validation,
} from "./form";
import { UI_LANGS, t, uiLangOf, type TextKey, type UiLang } from "./i18n";
import { parseDateText, yearOf } from "../src/dates";
import { mountUserData, relabelUserData } from "./user-data";

export const READY_TEXT = "Les fonctions MG.* sont chargées : tapez =MG. dans une cellule.";
const READY: Record<UiLang, string> = {
  fr: READY_TEXT,
  nl: "De functies MG.* zijn geladen: typ =MG. in een cel.",
  en: "The MG.* functions are loaded: type =MG. in a cell.",
};

type Host = "loading" | "excel" | "none" | "old";

interface PaneState {
  lang: UiLang;
  forms: ScenarioForm[];
  current: number;
  /** Per scenario: fields the user has left (messages shown), or all after a build attempt. */
  touched: Set<string>[];
  showAll: boolean[];
  activityTab: number[];
  openSections: Set<SectionId>;
  busy: boolean;
  host: Host;
  notes: boolean;
}

const state: PaneState = {
  lang: "fr",
  forms: [],
  current: 0,
  touched: [],
  showAll: [],
  activityTab: [],
  openSections: new Set<SectionId>(["scenario", "dates"]),
  busy: false,
  host: "loading",
  notes: false,
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "class") e.className = String(v);
    else if (k === "text") e.textContent = String(v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) e.append(c);
  return e;
}

const idOf = (scenario: number, path: string) => `f${scenario}-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
const L = (key: TextKey, vars?: Record<string, string | number>) => t(state.lang, key, vars);

// ---------------------------------------------------------------------------
// Rendering

/** Static texts of the page in the current language. */
function renderStatic(): void {
  document.documentElement.lang = state.lang;
  $("app-title").textContent = L("appTitle");
  $("app-subtitle").textContent = L("appSubtitle");
  $("ui-lang-label").textContent = L("uiLanguage");
  ($("ui-lang") as HTMLSelectElement).value = state.lang;
  $("build").textContent = state.busy ? L("building") : L("build");
  $("build-hint").textContent = L("buildHint");
  $("load-example").textContent = L("loadExample");
  $("open-scenario").textContent = L("openScenario");
  $("save-scenario").textContent = L("saveScenario");
  $("reopen-workbook").textContent = L("reopenWorkbook");
  relabelUserData();
  $("functions-ready").textContent = READY[state.lang];
  renderStatus();
}

function renderStatus(): void {
  const status = $("status");
  const text = state.host === "loading" ? L("loading") : state.host === "none" ? L("notInExcel") : state.host === "old" ? L("excelTooOld") : "";
  status.textContent = text;
  status.hidden = text === "";
  status.className = state.host === "loading" ? "message-bar" : "message-bar warning";
  ($("build") as HTMLButtonElement).disabled = state.busy || state.host !== "excel";
}

function renderScenarioTabs(): void {
  const box = $("scenario-tabs");
  box.replaceChildren();
  if (state.forms.length > 1) {
    const list = el("div", { class: "pivot", role: "tablist", "aria-label": L("scenarioTabs") });
    state.forms.forEach((f, i) => {
      const name = typeof f.values.name === "string" && f.values.name.trim() ? f.values.name.trim() : `${i + 1}`;
      const tab = el("button", {
        type: "button",
        role: "tab",
        class: "pivot-tab",
        id: `scenario-tab-${i}`,
        "data-scenario": String(i),
        "aria-selected": i === state.current ? "true" : "false",
        text: name,
      });
      list.append(tab);
    });
    box.append(list);
    box.append(el("p", { class: "hint", text: L("compareHint") }));
    box.append(el("button", { type: "button", class: "button link", id: "remove-scenario", text: L("removeScenario") }));
  } else {
    box.append(el("button", { type: "button", class: "button secondary", id: "add-scenario", text: L("addScenario") }));
  }
}

function fieldControl(field: FieldDef, form: ScenarioForm, scenario: number, labelText: string): HTMLElement {
  const id = idOf(scenario, field.path);
  const msgId = `${id}-msg`;
  const helpId = field.help ? `${id}-help` : undefined;
  const value = form.values[field.path];
  const disabled = !isEnabled(field, form) || state.busy;
  const describedBy = [msgId, helpId].filter(Boolean).join(" ");
  let control: HTMLElement;
  const common = { id, name: field.path, "data-path": field.path, "aria-describedby": describedBy, disabled };
  switch (field.kind) {
    case "bool": {
      const box = el("input", { ...common, type: "checkbox", class: "checkbox" });
      box.checked = value === true;
      const wrap = el("div", { class: "field field-check", "data-field": field.path }, el("label", { class: "check-label", for: id }, box, el("span", { text: labelText })));
      if (field.help) wrap.append(el("p", { class: "help", id: helpId, text: L(field.help) }));
      wrap.append(el("p", { class: "field-error", id: msgId, hidden: true }));
      return wrap;
    }
    case "select": {
      const select = el("select", { ...common, class: "input" });
      for (const o of field.options ?? []) select.append(el("option", { value: o.value, text: L(o.label) }));
      select.value = String(value ?? "");
      control = select;
      break;
    }
    case "textarea": {
      const area = el("textarea", { ...common, class: "input", rows: "3" });
      area.value = String(value ?? "");
      control = area;
      break;
    }
    default: {
      const numeric = field.kind === "int" || field.kind === "euros" || field.kind === "decimal";
      const input = el("input", {
        ...common,
        type: "text",
        class: `input${numeric ? " numeric" : ""}`,
        inputmode: field.kind === "int" ? "numeric" : numeric ? "decimal" : undefined,
        placeholder: field.kind === "date" ? L("datePlaceholder") : undefined,
        spellcheck: "false",
      });
      input.value = String(value ?? "");
      control = input;
    }
  }
  const wrap = el("div", { class: `field field-${field.kind}`, "data-field": field.path }, el("label", { class: "label", for: id, text: labelText }), control);
  if (field.help) wrap.append(el("p", { class: "help", id: helpId, text: L(field.help) }));
  wrap.append(el("p", { class: "field-error", id: msgId, hidden: true }));
  return wrap;
}

function section(id: SectionId, title: string, body: HTMLElement[]): HTMLElement {
  const details = el("details", { class: "section", id: `section-${id}`, "data-section": id, open: state.openSections.has(id) });
  details.append(
    el("summary", { class: "section-title" }, el("span", { text: title }), el("span", { class: "badge", id: `badge-${id}`, hidden: true })),
    el("p", { class: "field-error section-error", id: `section-error-${id}`, hidden: true }),
    ...body,
  );
  return details;
}

/** Simulated years as the form stands (for the activity tabs): first year, else year of installation. */
function yearsOfForm(form: ScenarioForm): number | null {
  const first = parseNumberInput(String(form.values.firstYear ?? ""), state.lang);
  if (first !== null && Number.isInteger(first)) return first;
  const serial = parseDateText(String(form.values["dates.installation"] ?? ""));
  return serial === null ? null : yearOf(serial);
}

function activityTabLabel(form: ScenarioForm, i: number): string {
  const y0 = yearsOfForm(form);
  return y0 === null ? L("yearN", { n: i + 1 }) : String(y0 + i);
}

function renderActivity(form: ScenarioForm, scenario: number): HTMLElement[] {
  const tab = Math.min(state.activityTab[scenario] ?? 0, form.activityYears - 1);
  state.activityTab[scenario] = tab;
  const tabs = el("div", { class: "pivot small", role: "tablist", "aria-label": L("secActivity") });
  const panels: HTMLElement[] = [];
  for (let i = 0; i < form.activityYears; i++) {
    tabs.append(
      el("button", {
        type: "button",
        role: "tab",
        class: "pivot-tab",
        id: `year-tab-${scenario}-${i}`,
        "data-year-tab": String(i),
        "aria-selected": i === tab ? "true" : "false",
        "aria-controls": `year-panel-${scenario}-${i}`,
        text: activityTabLabel(form, i),
      }),
    );
    const panel = el("div", { class: "year-panel", role: "tabpanel", id: `year-panel-${scenario}-${i}`, "aria-labelledby": `year-tab-${scenario}-${i}`, hidden: i !== tab });
    for (const f of ACTIVITY_FIELDS) panel.append(fieldControl({ ...f, path: activityPath(i, f.path) }, form, scenario, L(f.label)));
    panels.push(panel);
  }
  const buttons = el(
    "div",
    { class: "row-buttons" },
    el("button", { type: "button", class: "button secondary small", id: "add-year", disabled: form.activityYears >= MAX_ACTIVITY_YEARS || state.busy, text: L("addYear") }),
    el("button", { type: "button", class: "button secondary small", id: "remove-year", disabled: form.activityYears <= 1 || state.busy, text: L("removeYear") }),
  );
  return [el("p", { class: "help", text: L("activityHelp") }), tabs, ...panels, buttons];
}

function renderInvestments(form: ScenarioForm, scenario: number): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (form.investments === 0) out.push(el("p", { class: "help", text: L("noInvestments") }));
  for (let i = 0; i < form.investments; i++) {
    const card = el("div", { class: "card", "data-investment": String(i) });
    for (const f of INVESTMENT_FIELDS) card.append(fieldControl({ ...f, path: investmentPath(i, f.path) }, form, scenario, L(f.label)));
    card.append(el("button", { type: "button", class: "button link", "data-remove-investment": String(i), disabled: state.busy, text: L("remove") }));
    out.push(card);
  }
  out.push(
    el("div", { class: "row-buttons" }, el("button", { type: "button", class: "button secondary small", id: "add-investment", disabled: form.investments >= MAX_INVESTMENTS || state.busy, text: L("addInvestment") })),
  );
  return out;
}

function renderForm(): void {
  const formEl = $("scenario-form");
  const scenario = state.current;
  const form = state.forms[scenario];
  const sections: HTMLElement[] = [];
  for (const s of SECTIONS) {
    let body: HTMLElement[];
    if (s.id === "activity") body = renderActivity(form, scenario);
    else if (s.id === "investments") body = renderInvestments(form, scenario);
    else body = s.fields.map((f) => fieldControl(f, form, scenario, L(f.label)));
    sections.push(section(s.id, L(s.title), body));
  }
  formEl.replaceChildren(...sections);
  renderMessages();
}

function renderAll(): void {
  renderStatic();
  renderScenarioTabs();
  renderForm();
}

// ---------------------------------------------------------------------------
// Validation messages

function validation(i: number): Validation {
  return validateForm(state.forms[i], state.lang);
}

/** Shows the messages of the current scenario's fields that were touched (or all after a build attempt). */
function renderMessages(): Validation {
  const i = state.current;
  const v = validation(i);
  const visible = (path: string) => state.showAll[i] || state.touched[i].has(path);
  const counts = new Map<SectionId, number>();
  const yearErrors = new Set<number>();
  for (const f of fieldsOf(state.forms[i])) {
    const msg = $(`${idOf(i, f.path)}-msg`);
    const control = $(idOf(i, f.path));
    if (!msg || !control) continue;
    const text = visible(f.path) ? v.fields[f.path] : undefined;
    msg.textContent = text ?? "";
    msg.hidden = !text;
    if (text) {
      control.setAttribute("aria-invalid", "true");
      const sec = sectionOfPath(f.path);
      counts.set(sec, (counts.get(sec) ?? 0) + 1);
      const m = /^activity\[(\d+)\]/.exec(f.path);
      if (m) yearErrors.add(Number(m[1]));
    } else control.removeAttribute("aria-invalid");
  }
  const others = new Map<SectionId, string[]>();
  for (const o of v.others) {
    if (!state.showAll[i] && !touchedUnder(i, o.path)) continue;
    const sec = sectionOfPath(o.path);
    others.set(sec, [...(others.get(sec) ?? []), o.message]);
    counts.set(sec, (counts.get(sec) ?? 0) + 1);
  }
  for (const s of SECTIONS) {
    const box = $(`section-error-${s.id}`);
    const texts = others.get(s.id) ?? [];
    if (box) {
      box.textContent = texts.join(" ; ");
      box.hidden = texts.length === 0;
    }
    const badge = $(`badge-${s.id}`);
    const n = counts.get(s.id) ?? 0;
    if (badge) {
      badge.textContent = String(n);
      badge.hidden = n === 0;
    }
  }
  document.querySelectorAll<HTMLElement>("[data-year-tab]").forEach((tab) => tab.classList.toggle("has-error", yearErrors.has(Number(tab.dataset.yearTab))));
  // Activity tab labels follow the first year / installation date as typed.
  document.querySelectorAll<HTMLElement>("[data-year-tab]").forEach((tab) => (tab.textContent = activityTabLabel(state.forms[i], Number(tab.dataset.yearTab))));
  return v;
}

/** A message without a field ("quartier", "activity") shows once a field under it was touched. */
function touchedUnder(i: number, path: string): boolean {
  for (const p of state.touched[i]) if (p === path || p.startsWith(path + ".") || p.startsWith(path + "[")) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Events

function onFieldEvent(event: Event, commit: boolean): void {
  const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  const path = target?.dataset?.path;
  if (!path) return;
  const form = state.forms[state.current];
  form.values[path] = target instanceof HTMLInputElement && target.type === "checkbox" ? target.checked : target.value;
  if (commit || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "checkbox")) state.touched[state.current].add(path);
  if (path === "name") renderScenarioTabs();
  // Fields whose enabled state depends on this one.
  if (path === "accreditation.accredited" || path === "costs.cercle") {
    for (const f of fieldsOf(form)) {
      const control = document.getElementById(idOf(state.current, f.path)) as HTMLInputElement | null;
      if (control) control.disabled = !isEnabled(f, form) || state.busy;
    }
  }
  hideFormErrors();
  renderMessages();
}

function hideFormErrors(): void {
  const box = $("form-errors");
  if (!state.showAll.some(Boolean)) box.hidden = true;
  else {
    const invalid = state.forms.map((_, i) => validation(i)).filter((v) => !v.ok).length;
    if (invalid === 0) box.hidden = true;
  }
}

function onClick(event: Event): void {
  const target = (event.target as HTMLElement).closest("button");
  if (!target || target.disabled) return;
  const form = state.forms[state.current];
  if (target.id === "add-scenario" && state.forms.length < MAX_SCENARIOS) {
    state.forms.push(secondForm(state.forms[0], state.lang));
    state.touched.push(new Set());
    state.showAll.push(false);
    state.activityTab.push(0);
    state.current = state.forms.length - 1;
    renderAll();
    $(idOf(state.current, "name"))?.focus();
  } else if (target.id === "remove-scenario" && state.forms.length > 1) {
    const i = state.current;
    state.forms.splice(i, 1);
    state.touched.splice(i, 1);
    state.showAll.splice(i, 1);
    state.activityTab.splice(i, 1);
    state.current = 0;
    renderAll();
  } else if (target.dataset.scenario !== undefined) {
    state.current = Number(target.dataset.scenario);
    renderAll();
  } else if (target.dataset.yearTab !== undefined) {
    state.activityTab[state.current] = Number(target.dataset.yearTab);
    renderForm();
    $(`year-tab-${state.current}-${state.activityTab[state.current]}`)?.focus();
  } else if (target.id === "add-year") {
    addActivityYear(form);
    state.activityTab[state.current] = form.activityYears - 1;
    renderForm();
  } else if (target.id === "remove-year") {
    removeActivityYear(form);
    renderForm();
  } else if (target.id === "add-investment") {
    const y0 = yearsOfForm(form) ?? Number(example.dates.installation.slice(0, 4));
    addInvestment(form, y0);
    state.openSections.add("investments");
    renderForm();
    $(idOf(state.current, investmentPath(form.investments - 1, "label")))?.focus();
  } else if (target.dataset.removeInvestment !== undefined) {
    removeInvestment(form, Number(target.dataset.removeInvestment));
    renderForm();
  } else if (target.id === "build") {
    void build();
  } else if (target.id === "load-example") {
    replaceCurrentForm(formFromScenario({ ...example, language: state.lang }, state.lang), false);
    filesMessage("", "");
  } else if (target.id === "save-scenario") {
    saveScenarioFile();
  } else if (target.id === "reopen-workbook") {
    void reopenWorkbook();
  }
}

// ---------------------------------------------------------------------------
// Scenario files (example, open, save)

function filesMessage(text: string, kind: "" | "error" | "warning"): void {
  const box = $("scenario-files-msg");
  box.textContent = text;
  box.hidden = text === "";
  box.className = kind ? `message-bar ${kind}` : "message-bar";
  box.setAttribute("role", kind === "error" ? "alert" : "status");
}

/** « Reprendre le scénario de ce classeur »: the scenario read back from the workbook's Hypothèses (the user's edits included). */
async function reopenWorkbook(): Promise<void> {
  const excel = excelApi();
  if (!excel) return filesMessage(L("reopenNone"), "warning");
  try {
    const r = await readWorkbookScenario(excel);
    if (!r) return filesMessage(L("reopenNone"), "warning");
    const sheet = r.sheet ?? "";
    if (r.ok) {
      replaceCurrentForm(formFromScenario(r.scenario, state.lang), false);
      filesMessage(L("reopenDone", { sheet }), "");
    } else {
      filesMessage(L("reopenProblems", { sheet, n: String(r.problems.length) }), "warning");
    }
  } catch (e) {
    filesMessage(e instanceof Error ? e.message : String(e), "error");
  }
}

/** The current scenario's form replaced (the other scenario, if any, is kept). */
function replaceCurrentForm(form: ScenarioForm, showAll: boolean): void {
  const i = state.current;
  state.forms[i] = form;
  state.touched[i] = new Set();
  state.showAll[i] = showAll;
  state.activityTab[i] = 0;
  renderAll();
}

function fileSlug(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "scenario"
  );
}

/** Downloads the current scenario as the JSON file `npm run simulate` reads (what the form holds, even incomplete). */
function saveScenarioFile(): void {
  const form = state.forms[state.current];
  const { input } = readForm(form, state.lang);
  const v = validation(state.current);
  const name = typeof form.values.name === "string" && form.values.name.trim() ? form.values.name.trim() : "scenario";
  const file = `${fileSlug(name)}.json`;
  const blob = new Blob([JSON.stringify(input, null, 2) + "\n"], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: file });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  const problems = Object.keys(v.fields).length + v.others.length;
  filesMessage(v.ok ? L("scenarioSaved", { file }) : L("scenarioSavedIncomplete", { file, n: problems }), v.ok ? "" : "warning");
}

/** Reads a scenario file into the current form; a file that is not JSON changes nothing. */
async function openScenarioFile(): Promise<void> {
  const input = $("scenario-file") as HTMLInputElement;
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
    if (json === null || typeof json !== "object" || Array.isArray(json)) throw new Error(L("scenarioFileNotObject"));
  } catch (e) {
    filesMessage(L("scenarioFileInvalid", { file: file.name, reason: e instanceof Error ? e.message : String(e) }), "error");
    return;
  }
  const parsed = parseScenario(json);
  replaceCurrentForm(formFromScenario(json, state.lang), !parsed.ok);
  if (parsed.ok) filesMessage(L("scenarioOpened", { file: file.name }), "");
  else filesMessage(`${L("scenarioOpenedProblems", { file: file.name, n: parsed.problems.length })}\n${parsed.problems.map((p) => `${p.path} : ${p.message}`).join("\n")}`, "warning");
}

// ---------------------------------------------------------------------------
// Build

function setProgress(p: WriteProgress | null, text?: string): void {
  const box = $("progress");
  if (!p && !text) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const pct = Math.round((p?.fraction ?? 0) * 100);
  $("progress-bar").style.width = `${pct}%`;
  box.querySelector(".progress-track")?.setAttribute("aria-valuenow", String(pct));
  $("progress-text").textContent = text ?? p?.message ?? "";
}

function setBusy(busy: boolean): void {
  state.busy = busy;
  $("build").textContent = busy ? L("building") : L("build");
  renderStatus();
  document.querySelectorAll<HTMLInputElement | HTMLButtonElement>("#scenario-form input, #scenario-form select, #scenario-form textarea, #scenario-form button, #scenario-tabs button").forEach((c) => {
    if (busy) c.disabled = true;
  });
  if (!busy) renderAll();
}

function excelApi(): ExcelLike | null {
  const g = globalThis as unknown as { Excel?: ExcelLike };
  return g.Excel && typeof g.Excel.run === "function" ? g.Excel : null;
}

async function build(): Promise<void> {
  if (state.busy) return;
  const errors = $("form-errors");
  const result = $("result");
  const validations = state.forms.map((_, i) => validation(i));
  state.showAll = state.forms.map(() => true);
  const firstInvalid = validations.findIndex((v) => !v.ok);
  if (firstInvalid >= 0) {
    const n = validations.reduce((k, v) => k + Object.keys(v.fields).length + v.others.length, 0);
    if (state.current !== firstInvalid) state.current = firstInvalid;
    // Open the sections that hold a message, then show them.
    const v = validations[firstInvalid];
    for (const p of [...Object.keys(v.fields), ...v.others.map((o) => o.path)]) state.openSections.add(sectionOfPath(p));
    const bad = Object.keys(v.fields).find((p) => p.startsWith("activity["));
    if (bad) state.activityTab[firstInvalid] = Number(/^activity\[(\d+)\]/.exec(bad)![1]);
    renderAll();
    // The summary lists each field in error as a link to it (label and message).
    const links = fieldsOf(state.forms[firstInvalid])
      .filter((f) => v.fields[f.path])
      .map((f) => {
        const a = el("a", { href: `#${idOf(firstInvalid, f.path)}`, class: "error-link", text: `${L(f.label)}${/^activity\[(\d+)\]/.test(f.path) ? ` (${L("yearN", { n: String(Number(/^activity\[(\d+)\]/.exec(f.path)![1]) + 1) })})` : ""} : ${v.fields[f.path]}` });
        a.addEventListener("click", (e) => {
          e.preventDefault();
          $(idOf(firstInvalid, f.path))?.focus();
        });
        return el("li", {}, a);
      });
    errors.replaceChildren(el("p", { text: L("invalidForm", { n }) }), ...(links.length ? [el("ul", { class: "error-links" }, ...links)] : []));
    errors.hidden = false;
    const firstPath = fieldsOf(state.forms[firstInvalid]).find((f) => v.fields[f.path])?.path;
    if (firstPath) $(idOf(firstInvalid, firstPath))?.focus();
    return;
  }
  errors.hidden = true;
  const excel = excelApi();
  if (!excel || state.host !== "excel") {
    errors.textContent = L("notInExcel");
    errors.hidden = false;
    return;
  }
  const scenarios = validations.map((v) => v.scenario as Scenario);
  let plan;
  try {
    plan = buildPlan(scenarios);
  } catch (e) {
    errors.textContent = L("planFailed", { m: e instanceof Error ? e.message : String(e) });
    errors.hidden = false;
    return;
  }
  result.hidden = true;
  setBusy(true);
  setProgress({ step: "read", message: L("building"), fraction: 0 });
  try {
    const written = await writePlan(plan, excel, (p) => setProgress(p), {
      notes: state.notes,
      activate: scenarios.length > 1 ? "cmp" : "syn",
      // page setup (ExcelApi 1.9) and data validation (1.8) only where the host has them (WriteResult.skipped says what was not written)
      requirements: (globalThis as { Office?: typeof Office }).Office?.context?.requirements,
    });
    setProgress(null);
    setBusy(false);
    showResult(written, scenarios);
  } catch (e) {
    setProgress(null);
    setBusy(false);
    errors.textContent = e instanceof WriteError ? e.message : e instanceof Error ? e.message : String(e);
    errors.hidden = false;
  }
}

/** Whole euros for the summary table: 54 855 €. */
function euros(cents: number): string {
  const n = divRound(cents, 100);
  const grouped = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${n < 0 ? "−" : ""}${grouped}\u00a0€`;
}

function showResult(written: WriteResult, scenarios: Scenario[]): void {
  const box = $("result");
  const parts: HTMLElement[] = [el("h2", { class: "result-title", text: L("done") })];
  parts.push(el("h3", { text: L("sheetsCreated") }));
  const list = el("ul", { class: "sheet-list", id: "sheets-created" });
  for (const name of written.created) list.append(el("li", { text: name }));
  parts.push(list);
  for (const note of written.skipped ?? []) parts.push(el("p", { class: "hint", text: note }));
  for (const s of scenarios) {
    parts.push(el("h3", { text: L("keyFigures", { name: s.name }) }));
    try {
      const sim = simulate(s);
      const table = el("table", { class: "figures" });
      const headRow = el("tr", {}, ...(["year", "taxOfYear", "socialPaid", "netCash"] as TextKey[]).map((k) => el("th", { scope: "col", text: L(k) })));
      table.append(el("thead", {}, headRow));
      const body = el("tbody");
      const extra: HTMLElement[] = [];
      const cell = (cents: number) => el("td", { class: Number.isNaN(cents) || cents < 0 ? "negative" : "", text: Number.isNaN(cents) ? "#N/A" : euros(cents) });
      for (const y of sim.years) {
        body.append(el("tr", {}, el("th", { scope: "row", text: String(y.year) }), cell(y.tax.total), cell(y.social.paid), cell(y.cash.net)));
      }
      body.append(el("tr", { class: "total" }, el("th", { scope: "row", text: L("total") }), cell(sim.totals.tax), cell(sim.totals.socialPaid), cell(sim.totals.netCash)));
      // A second table (350 px allow three amounts a row): taxable income, regularisations paid, cumulative cash.
      const table2 = el("table", { class: "figures" });
      table2.append(el("thead", {}, el("tr", {}, ...(["year", "taxableIncome", "regulPaid", "cumulativeCash"] as TextKey[]).map((k) => el("th", { scope: "col", text: L(k) })))));
      const body2 = el("tbody");
      for (const y of sim.years) body2.append(el("tr", {}, el("th", { scope: "row", text: String(y.year) }), cell(y.tax.taxable), cell(y.social.regularisationPaid), cell(y.cash.cumulative)));
      table2.append(body2);
      extra.push(el("div", { class: "table-scroll" }, table2));
      table.append(body);
      parts.push(el("div", { class: "table-scroll" }, table), ...extra);
    } catch (e) {
      parts.push(el("p", { class: "message-bar warning", text: L("figuresUnavailable", { m: e instanceof Error ? e.message : String(e) }) }));
    }
  }
  parts.push(el("p", { class: "footnote", text: L("figuresNote") }));
  box.replaceChildren(...parts);
  box.hidden = false;
  // The summary sits right under the header: show the pane from the top.
  (document.scrollingElement ?? document.documentElement).scrollTop = 0;
}

// ---------------------------------------------------------------------------
// Start

function init(lang: UiLang): void {
  state.lang = lang;
  const first = formFromScenario({ language: lang }, lang);
  state.forms = [first];
  state.touched = [new Set()];
  state.showAll = [false];
  state.activityTab = [0];
  const root = $("app");
  root.addEventListener("input", (e) => onFieldEvent(e, false));
  root.addEventListener("change", (e) => onFieldEvent(e, true));
  root.addEventListener("focusout", (e) => {
    const path = (e.target as HTMLElement)?.dataset?.path;
    if (path && state.forms[state.current]) {
      state.touched[state.current].add(path);
      renderMessages();
    }
  });
  root.addEventListener("click", onClick);
  ($("scenario-file") as HTMLInputElement).addEventListener("change", () => void openScenarioFile());
  $("open-scenario").addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      $("scenario-file").click();
    }
  });
  root.addEventListener("toggle", (e) => {
    const d = e.target as HTMLDetailsElement;
    const id = d?.dataset?.section as SectionId | undefined;
    if (!id) return;
    if (d.open) state.openSections.add(id);
    else state.openSections.delete(id);
  }, true);
  ($("ui-lang") as HTMLSelectElement).addEventListener("change", (e) => {
    const value = (e.target as HTMLSelectElement).value as UiLang;
    if (!UI_LANGS.includes(value)) return;
    // Numbers typed with the old decimal separator are re-read by the new language's rules.
    state.lang = value;
    renderAll();
  });
  renderAll();
  // The user's parameter files and pénurie list (./user-data), kept in OfficeRuntime.storage.
  void mountUserData($("user-data"), undefined, () => state.lang);
}

/** Office.onReady: Excel with ExcelApi 1.9 can build; elsewhere the form is shown, the build disabled. */
function start(): void {
  const office = (globalThis as unknown as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") {
    init("fr");
    state.host = "none";
    renderStatic();
    return;
  }
  void office.onReady((info) => {
    let lang: UiLang = "fr";
    try {
      lang = uiLangOf(office.context?.displayLanguage);
    } catch {
      lang = "fr";
    }
    init(lang);
    if (info.host !== office.HostType.Excel) state.host = "none";
    else {
      const req = office.context?.requirements;
      state.host = !req || req.isSetSupported("ExcelApi", "1.9") ? "excel" : "old";
      state.notes = !!req && req.isSetSupported("ExcelApi", "1.18");
    }
    renderStatic();
  });
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
