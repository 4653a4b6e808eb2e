/**
 * `npm run golden:update`: records the custom functions contract
 * (tests/metadata/functions.golden.json) after functions were added.
 * Refuses a change that would break existing workbooks (an id removed or
 * renamed, a parameter changed) unless `--force` is given on purpose.
 */
import * as fs from "fs";
import * as path from "path";
import { breakingChanges, contractOf, generateMetadata, GOLDEN_JSON, type ContractFunction } from "./metadata";

async function main(argv: string[]): Promise<number> {
  const next = contractOf(await generateMetadata());
  const golden: ContractFunction[] = fs.existsSync(GOLDEN_JSON) ? JSON.parse(fs.readFileSync(GOLDEN_JSON, "utf8")) : [];
  const problems = breakingChanges(golden, next);
  if (problems.length > 0 && !argv.includes("--force")) {
    console.error("Refused: these changes would break workbooks that use the add-in:");
    for (const p of problems) console.error(`- ${p}`);
    console.error("Restore the function, or rerun with --force if this is really intended.");
    return 1;
  }
  const added = next.filter((f) => !golden.some((g) => g.id === f.id)).map((f) => f.id);
  fs.writeFileSync(GOLDEN_JSON, JSON.stringify(next, null, 2) + "\n");
  console.log(`wrote ${path.relative(process.cwd(), GOLDEN_JSON)}: ${next.length} functions${added.length ? `, added ${added.join(", ")}` : ""}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
