/**
 * R9 — Brussels Impulseo II (employee salary costs) and III
 * (telesecretariat): 50 % of real costs, capped per GP, prorata of the
 * complete months of use; optionally net of the 16.5 % separate tax rate
 * (seed 001; the disagreement with public sources is in the parameter note).
 */
import { params } from "../params";
import { formatEuros, formatRate, mulFraction, mulRate, type Cents } from "../money";
import { startOfYear } from "../dates";
import { invalid } from "../errors";
import { lazyExplained, mergeSources, type Explained } from "../explain";

export type ImpulseoKind = "telesecretariat" | "salaire";

export const IMPULSEO_KINDS: Record<ImpulseoKind, readonly string[]> = {
  telesecretariat: ["telesecretariaat", "tele secretariat", "impulseo iii", "iii", "3", "secretariat"],
  salaire: ["salaires", "couts salariaux", "employe", "loon", "loonkosten", "salary", "salaries", "employee", "impulseo ii", "ii", "2"],
};

/** Parameter ids of the caps, written once (no id built per call). */
const CAP_IDS: Record<ImpulseoKind, string> = { telesecretariat: "impulseo.plafond.telesecretariat", salaire: "impulseo.plafond.salaire" };

export interface ImpulseoInput {
  kind: ImpulseoKind;
  year: number;
  /** Real costs in cents (≥ 0). */
  costs: Cents;
  /** Complete months of use in the year, 0 to 12. */
  months?: number;
  /** GPs of the regroupement sharing the costs (cap per GP), ≥ 1. */
  gps?: number;
  /** Net of the separate tax rate. */
  net?: boolean;
}

export function impulseoRefund(input: ImpulseoInput): Explained<Cents> {
  const { kind, year, costs } = input;
  const months = input.months ?? 12;
  const gps = input.gps ?? 1;
  if (!Number.isInteger(months) || months < 0 || months > 12) {
    throw invalid(`Nombre de mois invalide : ${months} (mois complets d'utilisation, entier de 0 à 12).`);
  }
  if (!Number.isInteger(gps) || gps < 1 || gps > 1000) {
    throw invalid(`Nombre de médecins invalide : ${gps} (entier ≥ 1).`);
  }
  if (!Number.isSafeInteger(costs) || costs < 0) {
    throw invalid(`Frais réels invalides : ${formatEuros(costs)} (montant positif attendu).`);
  }
  const date = startOfYear(year);
  const rate = params.rate("impulseo.taux", date);
  const cap = params.forYear<number>(CAP_IDS[kind], year);
  const share = mulRate(costs, rate.value);
  const capAll = mulFraction(cap.value * gps, months, 12);
  const refund = Math.min(share, capAll);
  const tax = input.net ? params.rate("impulseo.taux-distinct", date) : null;
  const taxCents = tax ? mulRate(refund, tax.value) : 0;
  return lazyExplained(refund - taxCents, () => {
    const label = kind === "telesecretariat" ? "Impulseo III (télésecrétariat)" : "Impulseo II (coûts salariaux)";
    const steps = [
      `${label}, frais ${year} : ${formatRate(rate.value)} de ${formatEuros(costs)} = ${formatEuros(share)}.`,
      `Plafond ${year} : ${formatEuros(cap.value)} par MG × ${gps} MG × ${months}/12 mois = ${formatEuros(capAll)}.`,
      share <= capAll ? `Intervention : ${formatEuros(refund)} (sous le plafond).` : `Intervention plafonnée : ${formatEuros(refund)}.`,
    ];
    if (tax) steps.push(`Impôt au taux distinct de ${formatRate(tax.value)} : ${formatEuros(taxCents)} ; net : ${formatEuros(refund - taxCents)}.`);
    return { steps, sources: mergeSources(rate.version.sources, cap.version.sources, tax ? tax.version.sources : []) };
  });
}
