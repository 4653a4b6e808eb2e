/**
 * The generated custom functions (functions/functions.ts) called as Excel
 * calls them (null for omitted arguments, 2-D arrays for ranges), with a fake
 * CustomFunctions runtime: values of the seed examples, and every refusal as a
 * CustomFunctions.Error (#VALUE! for bad input, #N/A for a value not encoded).
 */
import * as catalogModule from "../../src/catalog";
import { invalid, unknown } from "../../src/errors";
import { serialFromIso } from "../../src/dates";

class FakeError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

const g = globalThis as unknown as { CustomFunctions: unknown; Office?: unknown };
g.CustomFunctions = { Error: FakeError, ErrorCode };

// Imported after the fake runtime exists (as in Excel, where office.js loads first).
import * as fns from "../../functions/functions";
import { MAX_ERROR_MESSAGE, call, officeLanguage, truncateMessage } from "../../functions/runtime";

/** The CustomFunctions.Error thrown by `f`, or a failure if it returned or threw something else. */
function excelError(f: () => unknown): FakeError {
  let value: unknown;
  try {
    value = f();
  } catch (e) {
    if (e instanceof FakeError) return e;
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error(`expected a CustomFunctions.Error, got the value ${JSON.stringify(value)}`);
}

const AUG_30_2025 = serialFromIso("2025-08-30");

afterEach(() => {
  delete g.Office;
  jest.restoreAllMocks();
});

test("R1 (seed 000): MG.STAGE.TARIFF(101032; 30/08/2025) = 19,88 € (75 % of 26,50 €, rounded half away from zero)", () => {
  expect(AUG_30_2025).toBe(45899);
  expect(fns.stageTariff(101032, AUG_30_2025, null)).toBe(19.88);
  // The code as text, and the date as a one-cell range, as Excel may pass them.
  expect(fns.stageTariff("101032", [[AUG_30_2025]], null)).toBe(19.88);
});

test("R6 (seed 001): MG.PRIME.INTEGREE(2024; \"acte\"; 6) = 4 500 €, with Excel's null for the omitted software", () => {
  expect(fns.primeIntegree(2024, "acte", 6, null)).toBe(4500);
});

test("bad input gives #VALUE! (invalidValue) with a French message", () => {
  const e = excelError(() => fns.stageTariff("abc", AUG_30_2025, null));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toMatch(/Code de nomenclature invalide/);
  const status = excelError(() => fns.primeIntegree(2024, "bof", null, null));
  expect(status.code).toBe("#VALUE!");
  expect(status.message).toMatch(/« status »/);
});

test("a 2026 date, whose fees are not encoded, gives #N/A (notAvailable) naming the last known value", () => {
  const e = excelError(() => fns.stageTariff(101032, serialFromIso("2026-06-01"), null));
  expect(e.code).toBe("#N/A");
  expect(e.message).toMatch(/^Pas de valeur connue/);
  expect(e.message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
});

test("wrong argument types (NaN, objects, nested arrays) give #VALUE!, never a crash", () => {
  for (const bad of [NaN, Infinity, {}, [[[1]]], [[1, 2]], "", true]) {
    const e = excelError(() => fns.primeIntegree(bad, "acte", 6, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message.length).toBeGreaterThan(0);
  }
});

test("an unexpected exception inside the core becomes #VALUE! with a French message", () => {
  jest.spyOn(catalogModule, "evaluate").mockImplementation(() => {
    throw new TypeError("boom");
  });
  const e = excelError(() => fns.honoraire(101032, AUG_30_2025));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toBe("MG.HONORAIRE : erreur inattendue (boom).");
});

test("messages are in Dutch when Office runs in Dutch and a Dutch text exists, else in French", () => {
  jest.spyOn(catalogModule, "evaluate").mockImplementation(() => {
    throw unknown({ fr: "Valeur inconnue.", nl: "Onbekende waarde." });
  });
  expect(excelError(() => fns.honoraire(1, 1)).message).toBe("Valeur inconnue.");
  g.Office = { context: { displayLanguage: "nl-BE" } };
  expect(officeLanguage()).toBe("nl");
  expect(excelError(() => fns.honoraire(1, 1)).message).toBe("Onbekende waarde.");
  jest.spyOn(catalogModule, "evaluate").mockImplementation(() => {
    throw invalid("Seulement en français.");
  });
  const e = excelError(() => fns.honoraire(1, 1));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toBe("Seulement en français.");
  g.Office = { context: { displayLanguage: "en-US" } };
  expect(officeLanguage()).toBe("fr");
});

test("the Office language is read from the content language when the display language is absent", () => {
  g.Office = { context: { contentLanguage: "nl-NL" } };
  expect(officeLanguage()).toBe("nl");
  g.Office = {};
  expect(officeLanguage()).toBe("fr");
});

test("long messages are cut at a word boundary with an ellipsis", () => {
  const long = "mot ".repeat(200);
  const cut = truncateMessage(long);
  expect(cut.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
  expect(cut.endsWith("mot…")).toBe(true);
  expect(truncateMessage("court")).toBe("court");
});

test("a range argument reaches the catalog as a 2-D array, a repeating one as a single row, repeating ranges as their rows joined", () => {
  const spy = jest.spyOn(catalogModule, "evaluate").mockReturnValue({ value: true, steps: [], sources: [] } as never);
  fns.isPenurie("12", null, [["12"], [null], ["Cureghem"]]);
  expect(spy.mock.calls[0][1]).toEqual(["12", null, [["12"], [null], ["Cureghem"]]]);
  call("HONORAIRE", [101032, [1, "a", null]]);
  expect(spy.mock.calls[1][1]).toEqual([101032, [[1, "a", null]]]);
  call("HONORAIRE", [[[[1], [2]], [[3]]]]);
  expect(spy.mock.calls[2][1]).toEqual([[[1], [2], [3]]]);
});

test("a function declared as returning a matrix always returns a 2-D array", () => {
  jest.spyOn(catalogModule, "evaluate").mockReturnValue({ value: 7, steps: [], sources: [] } as never);
  expect(call("HONORAIRE", [])).toBe(7);
  expect(catalogModule.getFunction("EXPLAIN").result).toBe("matrix");
  expect(call("EXPLAIN", [])).toEqual([[7]]);
});

test("every catalog function has its generated Excel function", () => {
  const exported = Object.keys(fns);
  expect(exported).toHaveLength(catalogModule.catalog.length);
  for (const f of Object.values(fns)) expect(typeof f).toBe("function");
});

describe("dates returned by MG.ACCREDITATION.DATE and MG.ECHEANCE (audit §3, CustomFunctionsRuntime 1.4)", () => {
  // Imported here so that the host support is asked afresh in each test.
  const { resetHostSupport, DATE_FORMAT } = jest.requireActual<typeof import("../../functions/runtime")>("../../functions/runtime");
  const host = (supported: boolean) => {
    resetHostSupport();
    g.Office = { context: { displayLanguage: "fr-BE", requirements: { isSetSupported: (name: string, v: string) => name === "CustomFunctionsRuntime" && supported && Number(v) <= 1.4 } } };
  };
  afterEach(() => {
    resetHostSupport();
    g.Office = undefined;
  });

  const agrement = serialFromIso("2025-11-01");
  // The rules' serial, as the catalog computes it (the value the cell holds in every host).
  const serial = catalogModule.evaluate("ACCREDITATION.DATE", ["debut", agrement], { lang: "fr", today: agrement }).value as number;

  test("a host with CustomFunctionsRuntime 1.4 gets a formatted number value: the cell shows a date, its value is the serial", () => {
    host(true);
    expect(Number.isInteger(serial) && serial > 45000).toBe(true);
    expect(fns.accreditationDate("debut", agrement)).toEqual({ type: "Double", basicValue: serial, numberFormat: DATE_FORMAT });
    expect(DATE_FORMAT).toBe("dd/mm/yyyy");
    const e = fns.echeance("impulseo", agrement) as unknown as { type: string; basicValue: number };
    expect(e.type).toBe("Double");
    expect(Number.isInteger(e.basicValue)).toBe(true);
    // other functions still return plain numbers
    expect(typeof fns.honoraire("101032", serialFromIso("2025-09-01"))).toBe("number");
  });

  test("an older host (perpetual Office) gets the plain serial of the 1900 date system", () => {
    host(false);
    expect(fns.accreditationDate("debut", agrement)).toBe(serial);
  });

  test("before Office can tell (no requirements yet), the serial; asked again on the next call", () => {
    resetHostSupport();
    g.Office = { context: {} };
    expect(fns.accreditationDate("debut", agrement)).toBe(serial);
    host(true);
    expect(fns.accreditationDate("debut", agrement)).toMatchObject({ type: "Double", basicValue: serial });
  });
});
