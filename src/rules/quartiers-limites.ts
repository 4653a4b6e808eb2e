/**
 * Gives the quarter boundaries to ./quartiers at once (imported for its
 * effect by the command-line tools and the tests). The custom functions
 * bundle does not import this module: it loads the same file on the first
 * MG.QUARTIER call (functions/runtime.ts).
 */
import limits from "../data/quartiers-limites.json";
import { provideLimits } from "./quartiers";

provideLimits(limits);
