/**
 * R11 in Excel: the quarter boundaries are not in functions.js. The first
 * MG.QUARTIER call loads them (functions/runtime.ts, a separate webpack chunk
 * in the add-in; here the same dynamic import run by Node) and answers with a
 * Promise; later calls answer at once; a failed load is #N/A saying so and the
 * next call tries again. Each test starts from fresh modules, without the
 * boundaries that tests/setup gives to every other test.
 */
import { installFakeCustomFunctions, FakeCustomFunctionsError } from "../helpers/fake-custom-functions";

installFakeCustomFunctions();

type Runtime = typeof import("../../functions/runtime");
type Quartiers = typeof import("../../src/rules/quartiers");

/** functions/runtime and src/rules/quartiers as a fresh Excel session sees them (no boundaries yet). */
function freshSession(mockLimits?: () => unknown): { runtime: Runtime; quartiers: Quartiers } {
  let modules!: { runtime: Runtime; quartiers: Quartiers };
  jest.isolateModules(() => {
    if (mockLimits) jest.doMock("../../src/data/quartiers-limites.json", mockLimits);
    modules = { runtime: require("../../functions/runtime"), quartiers: require("../../src/rules/quartiers") };
  });
  return modules;
}

const GRAND_PLACE = [50.8467, 4.3525];

describe("R11 in Excel: quarter boundaries loaded on the first MG.QUARTIER call", () => {
  test("the first call answers with a Promise of quarter 1 (Grand-Place), the next ones at once", async () => {
    const { runtime, quartiers } = freshSession();
    expect(quartiers.limitsProvided()).toBe(false);
    const first = runtime.call("QUARTIER", GRAND_PLACE);
    expect(first).toBeInstanceOf(Promise);
    await expect(first).resolves.toBe(1);
    expect(quartiers.limitsProvided()).toBe(true);
    expect(runtime.call("QUARTIER", [50.8357, 4.3365])).toBe(804); // Gare du Midi, synchronously
  });

  test("calls that need no boundaries never load them: names, codes, bad coordinates", () => {
    const { runtime, quartiers } = freshSession();
    expect(runtime.call("QUARTIER.NOM", [25, "nl"])).toBe("Sint-Joost Centrum");
    expect(runtime.call("IS.PENURIE", [12, 45900, [["Cureghem Vétérinaire"]]])).toBe(true);
    let error: unknown;
    try {
      runtime.call("QUARTIER", [95, 4.35]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FakeCustomFunctionsError);
    expect((error as FakeCustomFunctionsError).code).toBe("#VALUE!");
    expect(quartiers.limitsProvided()).toBe(false);
  });

  test("a point outside Brussels is #N/A after the load, as a rejected Promise of a CustomFunctions.Error", async () => {
    const { runtime } = freshSession();
    const answer = runtime.call("QUARTIER", [51.2194, 4.4025]); // Antwerp
    await expect(answer).rejects.toBeInstanceOf(FakeCustomFunctionsError);
    await expect(answer).rejects.toMatchObject({ code: "#N/A", message: expect.stringMatching(/hors de la Région de Bruxelles-Capitale/) });
  });

  test("MG.EXPLAIN of MG.QUARTIER waits for the boundaries too", async () => {
    const { runtime } = freshSession();
    const lines = (await runtime.call("EXPLAIN", ["QUARTIER", [GRAND_PLACE]])) as string[][];
    expect(lines[0][0]).toMatch(/MG\.QUARTIER = 1\b/);
  });

  test("a failed load is #N/A saying what could not be loaded; the next call tries again", async () => {
    let fail = true;
    const real = jest.requireActual("../../src/data/quartiers-limites.json");
    const { runtime } = freshSession(() => {
      if (fail) throw new Error("réseau indisponible");
      return real;
    });
    await expect(runtime.call("QUARTIER", GRAND_PLACE)).rejects.toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/impossible de charger les limites des quartiers.*réseau indisponible.*recalculez/),
    });
    fail = false;
    await expect(runtime.call("QUARTIER", GRAND_PLACE)).resolves.toBe(1);
  });
});
