import { evaluate, type Cell } from "../../src/catalog";
import { practiceAndDeadlineFunctions } from "../../src/catalog/practice-and-deadlines";
import { DATE_RESULTS } from "../../src/catalog/practice-and-deadlines";
import { serialFromYmd, formatDateFr } from "../../src/dates";
import { eurosToCents, formatEuros } from "../../src/money";
import { ctx } from "./helpers";

/** Reads the arguments of an example formula: numbers, "text", VRAI/FAUX, DATE(y;m;d). */
function parseExample(formula: string): { id: string; args: Cell[] } {
  const m = /^=MG\.([A-Z.]+)\((.*)\)$/.exec(formula.trim());
  if (!m) throw new Error(`formula not understood: ${formula}`);
  const args: Cell[] = [];
  const re = /\s*(DATE\((\d+);(\d+);(\d+)\)|"([^"]*)"|VRAI|FAUX|-?\d+(?:[.,]\d+)?)\s*(?:;|$)/gy;
  let t: RegExpExecArray | null;
  while (re.lastIndex < m[2].length && (t = re.exec(m[2]))) {
    if (t[2]) args.push(serialFromYmd(Number(t[2]), Number(t[3]), Number(t[4])));
    else if (t[5] !== undefined) args.push(t[5]);
    else if (t[1] === "VRAI") args.push(true);
    else if (t[1] === "FAUX") args.push(false);
    else args.push(Number(t[1].replace(",", ".")));
  }
  return { id: m[1], args };
}

describe("the README examples of the remaining functions give the value they print", () => {
  for (const f of practiceAndDeadlineFunctions) {
    test(`${f.example.formula} → ${f.example.value}`, () => {
      const { id, args } = parseExample(f.example.formula);
      expect(id).toBe(f.id);
      const v = evaluate(id, args, ctx).value;
      let shown: string;
      if (f.result === "euros") shown = formatEuros(eurosToCents(v as number)).replace(" €", "");
      else if (DATE_RESULTS.has(f.id)) shown = formatDateFr(v as number);
      else shown = String(v).replace(".", ",");
      expect(shown).toBe(f.example.value);
    });
  }
});
