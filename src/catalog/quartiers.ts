/** Catalog entries of R11 (quartiers): filled by the quartiers work. */
import type { FunctionSpec } from "./types";

export const quartierFunctions: FunctionSpec[] = [];
