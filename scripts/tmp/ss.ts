import { statutSocial } from "../../src/rules/statut-social";
import { serialFromIso } from "../../src/dates";
try { const r = statutSocial(2025, "conventionne", null, { firstNumberDate: serialFromIso("2025-12-15"), recognisedSince: serialFromIso("2025-12-15") }); console.log(r.value, r.steps.slice(-3)); } catch (e) { console.log("ERR", (e as Error).message); }
try { const r = statutSocial(2026, "conventionne", null, { firstNumberDate: serialFromIso("2025-12-15"), recognisedSince: serialFromIso("2025-12-15") }); console.log(r.value); } catch (e) { console.log("ERR", (e as Error).message); }
