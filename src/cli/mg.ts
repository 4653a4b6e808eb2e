/**
 * Evaluates any MG custom function from the terminal:
 *   npm run mg -- PRIME.INTEGREE 2024 acte 6
 *   npm run mg -- STAGE.TARIFF 101032 30/08/2025 intervention
 *   npm run mg -- IS.PENURIE 12 "" "[12,13,14]"      (a range as [a,b,c])
 * Options: --json (machine-readable), --lang fr|nl|en, --today AAAA-MM-JJ, --list,
 * --params FICHIER (several allowed), --penurie FICHIER (src/cli/user-params.ts).
 * Prints the value, the explanation steps, the conditions and the sources.
 * Exit code 0 on a value, 1 on #VALUE!/#N/A, 2 on a usage error.
 */
import "./checked-params";
import { DATE_RESULTS } from "../catalog/practice-and-deadlines";
import "../rules/quartiers-limites";
import { catalog, evaluate, getFunction, type Cell } from "../catalog";
import { isRuleError, type Lang } from "../errors";
import { formatSource } from "../explain";
import { formatDateFr, serialFromIso, todaySerial } from "../dates";
import { eurosToCents, formatEuros } from "../money";
import { takeUserData, USER_DATA_USAGE } from "./user-params";
import { startCommand } from "./entry-point";

const STATUS_FR = { met: "remplie", not_met: "non remplie", unknown: "inconnue" } as const;

function parseArg(raw: string): Cell {
  const t = raw.trim();
  if (t.startsWith("[") && t.endsWith("]")) {
    return t
      .slice(1, -1)
      .split(/[,;]/)
      .map((x) => x.trim())
      .filter((x) => x !== "")
      .map((x) => [x]);
  }
  return t === "" ? null : raw;
}

function usage(): string {
  const lines = [
    "Usage : npm run mg -- FONCTION [arguments...] [--json] [--lang fr|nl|en] [--today AAAA-MM-JJ]",
    "        npm run mg -- --list",
    "Un argument vide (\"\") est un argument omis ; une plage s'écrit [a,b,c].",
    USER_DATA_USAGE,
  ];
  return lines.join("\n");
}

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + "\n"), cwd = process.cwd()): number {
  const user = takeUserData(argv, cwd);
  if (!user.ok) {
    out(`${user.message}\nRien n'a été calculé.`);
    return 2;
  }
  argv = user.argv;
  let json = false;
  let lang: Lang = "fr";
  let today = todaySerial();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "--list") {
      for (const f of catalog) out(`MG.${f.id}(${f.args.map((x) => (x.optional ? `[${x.name}]` : x.name)).join("; ")})  ${f.description.fr}`);
      return 0;
    } else if (a === "--lang") {
      const l = argv[++i];
      if (l !== "fr" && l !== "nl" && l !== "en") {
        out("--lang attend fr, nl ou en.");
        return 2;
      }
      lang = l;
    } else if (a === "--today") {
      try {
        today = serialFromIso(argv[++i] ?? "");
      } catch {
        out("--today attend une date AAAA-MM-JJ.");
        return 2;
      }
    } else if (a === "--help" || a === "-h") {
      out(usage());
      return 0;
    } else positional.push(a);
  }
  if (positional.length === 0) {
    out(usage());
    return 2;
  }
  const [id, ...rawArgs] = positional;
  try {
    getFunction(id);
  } catch (e) {
    out(isRuleError(e) ? e.messageIn(lang) : String(e));
    return 2;
  }
  const args = rawArgs.map(parseArg);
  try {
    const r = evaluate(id, args, { today, lang });
    if (json) {
      out(JSON.stringify(user.report.length ? { ...(JSON.parse(JSON.stringify(r)) as object), donneesUtilisateur: user.report } : r, null, 2));
      return 0;
    }
    if (user.report.length) out(user.report.join("\n") + "\n");
    const spec = getFunction(id);
    const value = Array.isArray(r.value)
      ? "\n" + r.value.map((row) => "  " + row.join(" | ")).join("\n")
      : spec.result === "euros" && typeof r.value === "number"
        ? formatEuros(eurosToCents(r.value))
        : spec.result === "boolean"
          ? (r.value ? "VRAI" : "FAUX")
          : DATE_RESULTS.has(spec.id) && typeof r.value === "number"
            ? `${formatDateFr(r.value)} (numéro de série Excel ${r.value})`
            : String(r.value);
    out(`MG.${spec.id} = ${value}`);
    if (r.steps.length) out("\nCalcul :\n" + r.steps.map((s) => `  - ${s}`).join("\n"));
    if (r.conditions?.length) {
      out("\nConditions :\n" + r.conditions.map((c) => `  - [${STATUS_FR[c.status]}] ${c.label}${c.detail ? ` (${c.detail})` : ""}`).join("\n"));
    }
    if (r.sources.length) out("\nSources :\n" + r.sources.map((s) => `  - ${formatSource(s)}`).join("\n"));
    return 0;
  } catch (e) {
    if (!isRuleError(e)) throw e;
    const code = e.kind === "invalid" ? "#VALUE!" : "#N/A";
    if (json) out(JSON.stringify({ error: code, message: e.messageIn(lang), ...(user.report.length ? { donneesUtilisateur: user.report } : {}) }, null, 2));
    else out(`${user.report.length ? user.report.join("\n") + "\n\n" : ""}${code} ${e.messageIn(lang)}`);
    return 1;
  }
}

if (require.main === module) startCommand(main);
