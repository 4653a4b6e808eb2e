/** Rewrites the function reference of README.md from the catalog: `npm run docs`. */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { withFunctionReference } from "../src/docs/function-reference";

const path = join(__dirname, "..", "README.md");
const before = readFileSync(path, "utf8");
const after = withFunctionReference(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? "README.md : référence des fonctions à jour." : "README.md : référence des fonctions réécrite.");
