/**
 * The parameter families only the simulation and its rules read: payment
 * timings (versements), what does not cumulate (cumuls), and the communal
 * surcharge rates of the Brussels communes (taxe-communale). Importing this
 * module adds them to the registry (once); the custom functions' bundle does
 * not import it, and so does not carry them.
 */
import type { FamilyJson } from "./schema";
import { params } from "./index";
import { families } from "./families";
import taxeCommunale from "./taxe-communale.json";
import versements from "./versements.json";
import cumuls from "./cumuls.json";

export const simulationFamilies = [taxeCommunale, versements, cumuls] as unknown as readonly FamilyJson[];

/** Every family: what the build, the command-line tools and the tests check. */
export const allFamilies: readonly FamilyJson[] = [...families, ...simulationFamilies];

params.addFamilies(simulationFamilies);
