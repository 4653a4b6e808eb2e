/**
 * Imported first by the command-line tools: checks the parameter files
 * against their schema before any rule uses them (the add-in's bundles are
 * checked by the build instead). Exits with the list of problems.
 */
import { allFamilies as families } from "../params/simulation-families";
import { checkFamilies } from "../params/schema";

try {
  checkFamilies(families);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
