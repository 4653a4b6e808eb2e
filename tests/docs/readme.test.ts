import { readFileSync } from "fs";
import { join } from "path";
import { withFunctionReference } from "../../src/docs/function-reference";
import { catalog } from "../../src/catalog";

const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

describe("README stays true", () => {
  test("the function reference matches the catalog (run `npm run docs` after adding a function)", () => {
    expect(withFunctionReference(readme)).toBe(readme);
  });
  test("every function id appears in the README", () => {
    for (const f of catalog) expect(readme).toContain(`MG.${f.id}(`);
  });
  test("the README names the two set-up commands: the main job and the tests", () => {
    expect(readme).toMatch(/npm ci && npm run (simulate|build)/);
    expect(readme).toMatch(/npm test/);
  });
});
