/**
 * R1 — Fees and billing at 75 % between the end of training and agrément
 * (nomenclature art. 1 § 4ter; seed 000, tarifs au 30/08/2025).
 */
import { params, type Found } from "../params";
import { mulRate, formatEuros, formatRate, type Cents } from "../money";
import { formatDateFr, type Serial } from "../dates";
import { invalid, unknown } from "../errors";
import { lazyExplained, mergeSources, type Explained } from "../explain";

export type TariffPart = "honoraire" | "ticket" | "intervention";

export const TARIFF_PARTS: Record<TariffPart, readonly string[]> = {
  honoraire: ["honoraires", "fee", "honorarium", "ereloon"],
  ticket: ["ticket moderateur", "tm", "remgeld", "copayment", "co-payment", "patient"],
  intervention: ["ami", "intervention ami", "tegemoetkoming", "reimbursement", "remboursement", "verzekering"],
};

/** Nomenclature codes with an encoded fee (from the parameter ids, listed once: the parameters never change). */
let codes: readonly string[] | undefined;
export function knownCodes(): readonly string[] {
  return (codes ??= params
    .all()
    .filter((p) => p.id.startsWith("honoraire."))
    .map((p) => p.id.slice("honoraire.".length))
    .sort());
}

/** "101076", 101076, "101 076", "101.076" -> "101076"; anything else: #VALUE!. */
export function normalizeCode(code: string | number): string {
  const text = typeof code === "number" ? (Number.isInteger(code) ? String(code) : "") : code.replace(/[\s.-]/g, "");
  if (!/^\d{6}$/.test(text)) {
    throw invalid(`Code de nomenclature invalide : « ${String(code)} » (6 chiffres attendus, par ex. 101076).`);
  }
  if (!idsOf(text)) {
    throw unknown(`Le code ${text} n'est pas encodé ; codes connus : ${knownCodes().join(", ")}.`);
  }
  return text;
}

/** Parameter ids of an encoded code, built once per code (no string building per call). */
const codeIds = new Map<string, { fee: string; ticket: string }>();
function idsOf(code: string): { fee: string; ticket: string } | undefined {
  let ids = codeIds.get(code);
  if (!ids) {
    const fee = `honoraire.${code}`;
    if (!params.has(fee)) return undefined;
    ids = { fee, ticket: `ticket.${code}` };
    codeIds.set(code, ids);
  }
  return ids;
}

/** "Consultation … (101076) au 30/08/2025 : 32,84 €." */
function feeStep(f: Found<number>, date: Serial): string {
  return `${f.param.label.fr} au ${formatDateFr(date)} : ${formatEuros(f.value)}.`;
}

/** The full fee of a code at a date (MG.HONORAIRE). */
export function fee(code: string | number, date: Serial): Explained<Cents> {
  const ids = idsOf(normalizeCode(code))!;
  const f = params.money(ids.fee, date);
  return lazyExplained(f.value, () => ({
    steps: [feeStep(f, date)],
    sources: f.version.sources,
  }));
}

/** The 75 % stage tariff: fee, patient's ticket or the AMI share (MG.STAGE.TARIFF). */
export function stageTariff(code: string | number, date: Serial, part: TariffPart = "honoraire"): Explained<Cents> {
  const ids = idsOf(normalizeCode(code))!;
  const f = params.money(ids.fee, date);
  const r = params.rate("stage.taux", date);
  const billed = mulRate(f.value, r.value);
  const t = part === "honoraire" ? null : params.money(ids.ticket, date);
  const value = t === null ? billed : part === "ticket" ? t.value : billed - t.value;
  return lazyExplained(value, () => {
    const steps = [
      feeStep(f, date),
      `Entre la fin du stage et l'agrément, le médecin facture ${formatRate(r.value)} : ${formatRate(r.value)} de ${formatEuros(f.value)} = ${formatEuros(billed)} (arrondi au cent).`,
    ];
    if (t === null) return { steps, sources: mergeSources(f.version.sources, r.version.sources) };
    steps.push(`Ticket modérateur à charge du patient : ${formatEuros(t.value)}.`);
    if (part === "intervention") {
      steps.push(`Intervention de l'assurance maladie-invalidité : ${formatEuros(billed)} − ${formatEuros(t.value)} = ${formatEuros(value)}.`);
    }
    return { steps, sources: mergeSources(f.version.sources, r.version.sources, t.version.sources) };
  });
}
