/**
 * Every parameter family (./families), loaded once into the registry. The
 * files are checked against the schema by the build, the command-line tools
 * and the tests (see ./schema), not again inside the add-in at every load.
 */
import { ParamRegistry } from "./registry";
import { families } from "./families";

export { families };
export const params = new ParamRegistry(families);

export { ParamRegistry } from "./registry";
export type { Parameter, Version, Found } from "./registry";
