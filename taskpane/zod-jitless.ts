/**
 * Imported FIRST by taskpane.ts: Office add-in pages forbid eval by their
 * Content-Security-Policy, so zod must not probe `new Function` nor compile
 * its parsers. The setting has to be in place before any module parses
 * (the parameter registry validates its JSON when it loads), hence its own
 * module, evaluated before the others.
 */
import { z } from "zod";

z.config({ jitless: true });
