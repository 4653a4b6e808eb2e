/**
 * Checks the parameter families against their schema (zod): every file of
 * src/params (as src/params/families.ts lists them), or the JSON files given
 * as arguments. Run by the webpack build before bundling (a failure stops
 * the build); on its own: `npx tsx scripts/check-params.ts [file.json ...]`.
 */
import { readFileSync } from "fs";
import { allFamilies as families } from "../src/params/simulation-families";
import { checkFamilies } from "../src/params/schema";

const files = process.argv.slice(2);
try {
  const raw: unknown[] = files.length > 0 ? files.map((f) => JSON.parse(readFileSync(f, "utf8"))) : [...families];
  const checked = checkFamilies(raw);
  const count = checked.reduce((n, f) => n + f.parameters.length, 0);
  console.log(`Paramètres vérifiés : ${checked.length} familles, ${count} paramètres.`);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
