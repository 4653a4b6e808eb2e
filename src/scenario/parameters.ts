/**
 * The Paramètres sheet (an annex): every legal figure the formulas read,
 * per year — published (validity dates and sources), extrapolated (the last
 * published value carried over, indexed per Hypothèses, as a formula over
 * the reference year's cell so that a figure typed in flows on), or not
 * published (=NA() with the reason: the cells that need it show #N/A).
 */
import type { CellPlan, SheetPlan } from "../workbook/plan";
import { formatSource } from "../explain";
import { centsToEuros } from "../money";
import { periodText, type Version } from "../params/registry";
import { isIndexed, keyLabel, yearValue } from "./year-params";
import { DATE, EUR, H, head, lab, RATE, type PlanCtx, type Tr } from "./layout";

/** The sources of a parameter version as one line, formatted once per version (a row per year repeats it). */
const sourceLines = new WeakMap<Version, string>();
function sourcesText(version: Version): string {
  let text = sourceLines.get(version);
  if (text === undefined) {
    text = version.sources.map(formatSource).join(" ; ");
    sourceLines.set(version, text);
  }
  return text;
}

export function parametersSheet(ctx: PlanCtx, name: string): SheetPlan {
  const { L } = ctx;
  const key = ctx.k("par");
  const rows: (CellPlan | null)[][] = [];
  rows.push([lab(`${L(["Paramètres légaux", "Wettelijke parameters", "Legal parameters"])} — ${ctx.s.name}`, "title")]);
  rows.push([
    lab(
      L([
        "Chaque montant légal utilisé, par année : publié (période de validité et source) ou extrapolé (dernier montant publié reconduit, indexé selon Hypothèses). Les formules des autres feuilles lisent la colonne Valeur.",
        "Elk gebruikt wettelijk bedrag, per jaar: gepubliceerd (geldigheidsperiode en bron) of geëxtrapoleerd (laatst gepubliceerd bedrag behouden, geïndexeerd volgens Hypothesen). De formules van de andere bladen lezen de kolom Waarde.",
        "Every legal figure used, per year: published (validity and source) or extrapolated (last published amount carried over, indexed per Assumptions). Formulas elsewhere read the Value column.",
      ]),
      "note",
    ),
  ]);
  rows.push(
    [
      ["Identifiant", "Id", "Id"],
      ["Libellé", "Omschrijving", "Label"],
      ["Année", "Jaar", "Year"],
      ["Valeur", "Waarde", "Value"],
      ["Statut", "Status", "Status"],
      ["Du", "Van", "From"],
      ["Au", "Tot", "To"],
      ["Source", "Bron", "Source"],
      ["Note", "Opmerking", "Note"],
    ].map((t) => head(L(t as Tr))),
  );
  const list = ctx.par.fix(rows.length);
  const idx = ctx.s.extrapolation.indexPercent;
  const rowOf = new Map(list.map((e, i) => [`${e.key}|${e.year}`, rows.length + i]));
  for (const e of list) {
    const v = yearValue(e.key, e.year, idx);
    const format = v.kind === "money" ? EUR : v.kind === "rate" ? RATE : "0";
    const literal = v.kind === "money" ? centsToEuros(v.value) : v.value;
    let valueCell: CellPlan;
    if (v.unknown) {
      valueCell = { formula: "=NA()", result: "#N/A", format, style: "formula" };
    } else if (v.published) {
      valueCell = { value: literal, format };
    } else {
      // The year before (published, typed in by the accountant, or itself extrapolated): a figure typed for one year flows on.
      const prevRow = rowOf.get(`${e.key}|${e.year - 1}`)! + 1;
      const formula = v.kind === "money" && isIndexed(e.key) ? `=ROUND(D${prevRow}*(1+${H(ctx, "indexRate")}),2)` : `=D${prevRow}`;
      valueCell = { formula, result: literal, format, style: "formula" };
    }
    const status = v.unknown
      ? L(["non publié (#N/A)", "niet gepubliceerd (#N/A)", "not published (#N/A)"])
      : v.published
      ? L(["publié", "gepubliceerd", "published"])
      : `${L(["extrapolé depuis", "geëxtrapoleerd vanaf", "extrapolated from"])} ${v.refYear}${v.kind === "money" && !isIndexed(e.key) ? L([" (reconduit sans indexation)", " (behouden zonder indexering)", " (carried over, not indexed)"]) : ""}`;
    rows.push([
      lab(e.key),
      lab(keyLabel(e.key, ctx.lang)),
      { value: e.year, format: "0" },
      valueCell,
      lab(status, v.published ? "check" : "note"),
      v.published || v.unknown ? { value: v.version.from, format: DATE } : null,
      v.published ? (v.version.to === Infinity ? lab("—") : { value: v.version.to, format: DATE }) : null,
      lab(sourcesText(v.version), "source"),
      v.unknown
        ? lab(v.unknown, "note")
        : v.version.note || v.param.note
          ? lab((v.version.note ?? v.param.note)!, "note")
          : v.published
            ? null
            : lab(`${L(["Valeur publiée :", "Gepubliceerde waarde:", "Published value:"])} ${periodText(v.version)}`, "note"),
    ]);
  }
  return { key, name, rows, columnWidths: [32, 60, 8, 14, 22, 12, 12, 70, 70], freezeRows: 3 };
}

