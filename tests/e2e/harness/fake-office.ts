/**
 * Browser harness (dev only): stands in for office.js in the task pane page.
 * Installs a fake `Office` (onReady, host Excel, display language, requirement
 * sets), the in-memory fake `Excel` (tests/fakes/fake-excel.ts) and a minimal
 * `CustomFunctions` (the shared-runtime page also loads the functions bundle).
 *
 * Query string: ?lang=nl-BE (display language), ?sheets=Synthèse|Hypothèses
 * (existing sheets), ?failAtSync=2 / ?failAtOperation=N (failure injection),
 * ?storage=none (no OfficeRuntime.storage; otherwise a fake one over the
 * page's localStorage, kept across reloads like the real one).
 * The fake workbook is reachable as `window.__fakeExcel` for the test.
 */
import { FakeExcel } from "../../fakes/fake-excel";

const params = new URLSearchParams(location.search);
const num = (key: string) => (params.get(key) ? Number(params.get(key)) : undefined);

const excel = new FakeExcel({
  sheets: (params.get("sheets") ?? "Feuil1").split("|").filter(Boolean),
  failAtSync: num("failAtSync"),
  failAtOperation: num("failAtOperation"),
});

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

/** "1.9" < "1.18", as requirement set versions compare. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

type OnReadyInfo = { host: string; platform: string };

const office = {
  HostType: { Excel: "Excel", Word: "Word" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline" },
  context: {
    displayLanguage: params.get("lang") ?? "fr-BE",
    contentLanguage: params.get("lang") ?? "fr-BE",
    requirements: {
      isSetSupported: (name: string, version?: string) => name === "ExcelApi" && compareVersions(version ?? "1.1", params.get("excelApi") ?? "1.18") <= 0,
    },
  },
  onReady(callback?: (info: OnReadyInfo) => void): Promise<OnReadyInfo> {
    const info = { host: params.get("host") ?? "Excel", platform: "PC" };
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    );
  },
};

const w = window as unknown as Record<string, unknown>;
w.Office = office;
w.Excel = excel;
w.__fakeExcel = excel;
if (params.get("storage") !== "none") {
  w.OfficeRuntime = {
    storage: {
      getItem: (k: string) => Promise.resolve(localStorage.getItem(k)),
      setItem: (k: string, v: string) => Promise.resolve(localStorage.setItem(k, v)),
      removeItem: (k: string) => Promise.resolve(localStorage.removeItem(k)),
    },
  };
}
w.CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  associate: (id: string, fn: (...args: unknown[]) => unknown) => {
    ((w.__associated as string[]) ??= []).push(id);
    ((w.__functions as Record<string, unknown>) ??= {})[id] = fn;
  },
};
