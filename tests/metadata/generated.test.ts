/**
 * functions/functions.ts and functions/functions.locales.json are generated
 * from the catalog by scripts/gen-functions.ts: nobody edits them by hand, and
 * whoever adds a catalog entry reruns `npm run gen:functions`.
 */
import * as fs from "fs";
import { catalog } from "../../src/catalog";
import type { FunctionSpec } from "../../src/catalog/types";
import {
  FUNCTIONS_TS,
  LOCALES_JSON,
  checkCatalog,
  jsName,
  renderFunctionsTs,
  renderLocalesJson,
} from "../../scripts/gen-functions";

const STALE = "is stale or was edited by hand: run `npm run gen:functions` and commit the result";

test("functions/functions.ts is exactly the generator's output for the catalog", () => {
  const committed = fs.readFileSync(FUNCTIONS_TS, "utf8");
  if (committed !== renderFunctionsTs(catalog)) throw new Error(`functions/functions.ts ${STALE}.`);
});

test("functions/functions.locales.json is exactly the generator's output for the catalog", () => {
  const committed = fs.readFileSync(LOCALES_JSON, "utf8");
  if (committed !== renderLocalesJson(catalog)) throw new Error(`functions/functions.locales.json ${STALE}.`);
});

describe("generator", () => {
  const spec = (over: Partial<FunctionSpec>): FunctionSpec => ({
    id: "DEMO.SUM",
    description: { fr: "Somme de démonstration.", nl: "Demosom.", en: "Demo sum." },
    args: [
      { name: "values", range: true, description: { fr: "Plage.", nl: "Bereik.", en: "Range." } },
      { name: "extra", optional: true, description: { fr: "Option.", nl: "Optie.", en: "Option." } },
      { name: "more", optional: true, repeating: true, description: { fr: "Encore.", nl: "Meer.", en: "More." } },
    ],
    result: "matrix",
    example: { formula: "=MG.DEMO.SUM(A1:B2)", value: "" },
    run: () => ({ value: 0, steps: [], sources: [] }),
    ...over,
  });

  test("emits one top-level function per spec with id = name, [optional] params, ranges and repeating types", () => {
    const ts = renderFunctionsTs([spec({})]);
    expect(ts).toContain(" * @customfunction DEMO.SUM DEMO.SUM\n");
    expect(ts).toContain(" * @param values Plage.\n");
    expect(ts).toContain(" * @param [extra] Option.\n");
    expect(ts).toContain("export function demoSum(values: any[][], extra?: any, more?: any[]): any[][] {");
    expect(ts).toContain('return call("DEMO.SUM", [values, extra, more]) as any[][];');
  });

  test("maps result kinds to TypeScript return types", () => {
    expect(renderFunctionsTs([spec({ result: "euros" })])).toContain("): number {");
    expect(renderFunctionsTs([spec({ result: "text" })])).toContain("): string {");
    expect(renderFunctionsTs([spec({ result: "boolean" })])).toContain("): boolean {");
  });

  test("a comment terminator in a description cannot break the generated file", () => {
    const ts = renderFunctionsTs([spec({ description: { fr: "a */ b", nl: "x", en: "y" } })]);
    expect(ts).not.toContain("a */ b");
  });

  test("refuses ids, names and argument orders Excel or TypeScript would reject", () => {
    expect(() => checkCatalog([spec({ id: "demo sum" })])).toThrow(/Invalid function id/);
    expect(() => checkCatalog([spec({}), spec({})])).toThrow(/Duplicate function id/);
    const badArg = { name: "class", description: { fr: "", nl: "", en: "" } };
    expect(() => checkCatalog([spec({ args: [badArg] })])).toThrow(/not a valid parameter name/);
    const opt = { name: "a", optional: true, description: { fr: "", nl: "", en: "" } };
    const req = { name: "b", description: { fr: "", nl: "", en: "" } };
    expect(() => checkCatalog([spec({ args: [opt, req] })])).toThrow(/required argument after optional/);
  });

  test("JavaScript names are camelCase of the id", () => {
    expect(jsName("STAGE.TARIFF")).toBe("stageTariff");
    expect(jsName("IS.PENURIE")).toBe("isPenurie");
    expect(jsName("HONORAIRE")).toBe("honoraire");
  });

  test("every catalog function has Dutch and English texts for itself and each argument", () => {
    const locales = JSON.parse(renderLocalesJson(catalog));
    for (const locale of ["nl-NL", "en-US"]) {
      for (const f of catalog) {
        const t = locales[locale][f.id];
        expect(t.description.length).toBeGreaterThan(0);
        for (const a of f.args) expect(t.parameters[a.name]?.length).toBeGreaterThan(0);
      }
    }
  });
});
