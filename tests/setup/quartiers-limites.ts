/**
 * Jest setup: the quarter boundaries are given at start, as the command-line
 * tools do (in Excel they load on the first MG.QUARTIER call; that path is
 * tested in tests/functions/deferred-data.test.ts with fresh modules).
 */
import "../../src/rules/quartiers-limites";
