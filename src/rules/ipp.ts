/**
 * R14 — Personal income tax (impôt des personnes physiques, IPP), per
 * taxpayer, for an income year:
 *   1. tax on the taxable income by the progressive brackets;
 *   2. minus the tax reduction for the tax-free amount (quotité exemptée):
 *      the tax-free amount (basic amount + supplements for dependent
 *      children) is imputed from the lowest slab of its own reduction scale
 *      (since assessment year 2017 this scale differs from the tax scale);
 *   3. plus the communal surcharge, a rate given by the caller;
 *   4. plus, apart, the tax at the separate rate on amounts kept out of the
 *      progressive base (Impulseo II/III, R9).
 * Every figure comes from src/params/ipp.json (dated, sourced); a year
 * without a published scale is #N/A naming the last known one.
 */
import { params, type Found } from "../params";
import { eurosToCents, formatEuros, formatRate, mulRate, rateFromDecimal, type Cents, type Rate } from "../money";
import { isoFromSerial, startOfYear } from "../dates";
import { invalid, unknown } from "../errors";
import { lazyExplained, mergeSources, type Explained, type Source } from "../explain";

/** One slab of a scale: up to `upTo` cents (null = no upper limit) at `rate`. */
export interface Slab {
  upTo: Cents | null;
  rate: Rate;
}

interface SlabJson {
  jusqua: number | null;
  taux: string | number;
}

interface ChildrenJson {
  totaux: number[];
  parEnfantSupplementaire: number;
}

const slabCache = new WeakMap<object, Slab[]>();

/** The slabs of a scale version, converted once (euros -> cents, "25%" -> 1/4). */
export function slabsOf(found: Found<SlabJson[]>): Slab[] {
  const key = found.version as object;
  let slabs = slabCache.get(key);
  if (!slabs) {
    slabs = found.value.map((s) => ({
      upTo: s.jusqua === null ? null : eurosToCents(s.jusqua),
      rate: rateFromDecimal(s.taux),
    }));
    slabCache.set(key, slabs);
  }
  return slabs;
}

/** An exact amount in cents as a rational (BigInt), rounded only at the end. */
interface Exact {
  num: bigint;
  den: bigint;
}

const B0 = BigInt(0);
const B1 = BigInt(1);
const B2 = BigInt(2);

function addExact(a: Exact, cents: Cents, rate: Rate): Exact {
  const num = a.num * BigInt(rate.den) + BigInt(cents) * BigInt(rate.num) * a.den;
  return { num, den: a.den * BigInt(rate.den) };
}

/** Round half away from zero to whole cents. */
function roundExact(x: Exact): Cents {
  const neg = x.num < B0;
  const n = neg ? -x.num : x.num;
  const q = (B2 * n + x.den) / (B2 * x.den);
  const r = Number(q);
  return neg ? -r : r;
}

export interface ScalePiece {
  from: Cents;
  to: Cents;
  rate: Rate;
  /** Tax of this piece, rounded for display (the total is rounded once). */
  tax: Cents;
}

export interface ScaleResult {
  /** Tax of the whole amount, computed exactly and rounded once. */
  tax: Cents;
  pieces: ScalePiece[];
  /** Rate of the slab holding the last cent (0 % for a zero amount: the first slab's rate). */
  marginalRate: Rate;
}

/**
 * Tax of `amount` on a progressive scale. Returns null when the amount runs
 * past the last bounded slab (the scale is only known up to there).
 */
export function applyScale(amount: Cents, slabs: Slab[]): ScaleResult | null {
  let acc: Exact = { num: B0, den: B1 };
  const pieces: ScalePiece[] = [];
  let from = 0;
  let marginalRate = slabs[0].rate;
  for (const slab of slabs) {
    if (amount <= from) break;
    const to = slab.upTo === null ? amount : Math.min(amount, slab.upTo);
    const part = to - from;
    acc = addExact(acc, part, slab.rate);
    pieces.push({ from, to, rate: slab.rate, tax: roundExact(addExact({ num: B0, den: B1 }, part, slab.rate)) });
    marginalRate = slab.rate;
    from = to;
    if (slab.upTo === null) break;
  }
  if (amount > from) return null;
  return { tax: roundExact(acc), pieces, marginalRate };
}

/** "25 % de 15 820,00 € (0,00 € à 15 820,00 €) = 3 955,00 €" for each piece. */
function pieceLines(pieces: ScalePiece[]): string[] {
  return pieces.map(
    (p) => `${formatRate(p.rate)} sur la tranche de ${formatEuros(p.from)} à ${formatEuros(p.to)} (${formatEuros(p.to - p.from)}) = ${formatEuros(p.tax)}.`,
  );
}

function scaleText(slabs: Slab[]): string {
  return slabs
    .map((s) => (s.upTo === null ? `${formatRate(s.rate)} au-delà` : `${formatRate(s.rate)} jusqu'à ${formatEuros(s.upTo)}`))
    .join(", ");
}

/** The income-tax scale of an income year, or #N/A naming the last published one. */
export function taxScale(incomeYear: number): { slabs: Slab[]; found: Found<SlabJson[]> } {
  const param = params.get<SlabJson[]>("ipp.bareme");
  try {
    const found = params.forYear<SlabJson[]>("ipp.bareme", incomeYear);
    return { slabs: slabsOf(found), found };
  } catch {
    const known = param.versions.map((v) => Number(isoFromSerial(v.from).slice(0, 4)));
    const before = known.filter((y) => y < incomeYear);
    const last = before.length ? before[before.length - 1] : known[0];
    const lastFound = params.forYear<SlabJson[]>("ipp.bareme", last);
    throw unknown(
      `Barème de l'IPP des revenus ${incomeYear} (exercice ${incomeYear + 1}) non publié dans les sources encodées ; ` +
        `${before.length ? "dernier" : "premier"} barème connu : revenus ${last} (${scaleText(slabsOf(lastFound))}).`,
    );
  }
}

/** Total supplement of tax-free amount for `children` dependent children. */
export function childSupplement(table: ChildrenJson, children: number): Cents {
  if (children <= 0) return 0;
  const totals = table.totaux;
  if (children <= totals.length) return eurosToCents(totals[children - 1]);
  return eurosToCents(totals[totals.length - 1]) + (children - totals.length) * eurosToCents(table.parEnfantSupplementaire);
}

export interface IncomeTaxInput {
  /** Income taxable at the progressive rates, in cents (after deductible costs; without separately taxed amounts). */
  taxableIncome: Cents;
  /** Income year (revenus N, exercice d'imposition N+1). */
  incomeYear: number;
  /** Dependent children (no disability, not counted as under-3). Default 0. */
  dependants?: number;
  /** Communal surcharge rate (e.g. 7 % = {num: 7, den: 100}). Default: none (0). */
  communalRate?: Rate | null;
  /** Amounts taxed at the separate rate (Impulseo II/III), kept out of the progressive base. Default 0. */
  separateIncome?: Cents;
}

export interface IncomeTax {
  taxableIncome: Cents;
  /** Tax on the taxable income by the brackets (before the tax-free amount). */
  taxOnIncome: Cents;
  /** Tax-free amount: basic amount + supplements for dependants. */
  taxFreeAmount: Cents;
  /** Tax reduction for the tax-free amount. */
  taxFreeReduction: Cents;
  /** Tax after the tax-free reduction (impôt de base, never below 0). */
  federal: Cents;
  communalRate: Rate;
  communal: Cents;
  separateIncome: Cents;
  separateRate: Rate | null;
  /** Tax at the separate rate on separateIncome. */
  separate: Cents;
  /** federal + communal + separate. */
  total: Cents;
  /** Marginal rate of the last euro of taxable income. */
  marginalRate: Rate;
}

const ZERO: Rate = { num: 0, den: 1 };

export function incomeTax(input: IncomeTaxInput): Explained<IncomeTax> {
  const { taxableIncome, incomeYear } = input;
  const dependants = input.dependants ?? 0;
  const communalRate = input.communalRate ?? ZERO;
  const separateIncome = input.separateIncome ?? 0;
  if (!Number.isSafeInteger(taxableIncome) || taxableIncome < 0) {
    throw invalid(`Revenu imposable invalide : ${formatEuros(taxableIncome)} (montant positif attendu).`);
  }
  if (!Number.isSafeInteger(separateIncome) || separateIncome < 0) {
    throw invalid(`Montant imposé distinctement invalide : ${formatEuros(separateIncome)} (montant positif attendu).`);
  }
  if (!Number.isInteger(dependants) || dependants < 0 || dependants > 30) {
    throw invalid(`Nombre d'enfants à charge invalide : ${dependants} (entier de 0 à 30).`);
  }
  if (communalRate.num < 0 || communalRate.num >= communalRate.den) {
    throw invalid(`Taux de la taxe communale invalide : ${formatRate(communalRate)} (pourcentage entre 0 % et 100 %, par ex. 7 %).`);
  }
  if (!Number.isInteger(incomeYear)) throw invalid(`Année de revenus invalide : ${incomeYear}.`);

  const { slabs, found: scaleFound } = taxScale(incomeYear);
  const base = params.forYear<number>("ipp.quotite-exemptee.base", incomeYear);
  const reductionFound = params.forYear<SlabJson[]>("ipp.quotite-exemptee.bareme", incomeYear);
  const reductionSlabs = slabsOf(reductionFound);

  // 1. Tax on the income, bracket by bracket.
  const onIncome = applyScale(taxableIncome, slabs);
  if (!onIncome) throw new Error("barème de l'impôt sans tranche ouverte"); // the data always ends with an open slab

  // 2. Tax-free amount (basic + supplements for children) and its reduction.
  let taxFree = base.value;
  let supplement = 0;
  let children: Found<ChildrenJson> | null = null;
  if (dependants > 0) {
    children = params.forYear<ChildrenJson>("ipp.quotite-exemptee.enfants", incomeYear);
    supplement = childSupplement(children.value, dependants);
    taxFree += supplement;
    if (taxableIncome < taxFree) {
      throw unknown(
        `Revenu imposable (${formatEuros(taxableIncome)}) inférieur à la quotité exemptée avec enfants à charge (${formatEuros(taxFree)}) : ` +
          `l'excédent donne droit à un crédit d'impôt remboursable pour enfants à charge, non calculé par la fonction.`,
      );
    }
  }
  const reduction = applyScale(taxFree, reductionSlabs);
  if (!reduction) {
    const known = reductionSlabs[reductionSlabs.length - 1].upTo ?? 0;
    throw unknown(
      `Barème de réduction de la quotité exemptée des revenus ${incomeYear} connu seulement jusqu'à ${formatEuros(known)} ; ` +
        `la quotité de ${formatEuros(taxFree)} (avec les suppléments pour enfants) ne peut pas être imputée sans le barème complet. ` +
        (reductionFound.version.note ?? ""),
    );
  }
  const federal = Math.max(0, onIncome.tax - reduction.tax);

  // 3. Communal surcharge, a rate of the commune (input).
  const communal = mulRate(federal, communalRate);

  // 4. Separate-rate tax on amounts kept out of the progressive base.
  const separateFound = separateIncome > 0 ? params.rate("impulseo.taux-distinct", startOfYear(incomeYear)) : null;
  const separateRate: Rate | null = separateFound ? separateFound.value : null;
  const separate = separateRate ? mulRate(separateIncome, separateRate) : 0;
  const total = federal + communal + separate;

  const value: IncomeTax = {
    taxableIncome,
    taxOnIncome: onIncome.tax,
    taxFreeAmount: taxFree,
    taxFreeReduction: reduction.tax,
    federal,
    communalRate,
    communal,
    separateIncome,
    separateRate,
    separate,
    total,
    marginalRate: onIncome.marginalRate,
  };
  return lazyExplained(value, () => {
    const steps: string[] = [];
    steps.push(`Barème de l'IPP, revenus ${incomeYear} (exercice ${incomeYear + 1}) : ${scaleText(slabs)}.`);
    steps.push(...pieceLines(onIncome.pieces));
    steps.push(`Impôt sur le revenu imposable de ${formatEuros(taxableIncome)} : ${formatEuros(onIncome.tax)}.`);
    steps.push(`Quotité exemptée de base ${incomeYear} : ${formatEuros(base.value)}.`);
    if (dependants > 0) {
      steps.push(
        `Supplément pour ${dependants} enfant${dependants > 1 ? "s" : ""} à charge : ${formatEuros(supplement)} ; quotité exemptée totale ${formatEuros(taxFree)}.`,
      );
    }
    steps.push(`Réduction pour la quotité exemptée, imputée à partir de la première tranche de son barème (${scaleText(reductionSlabs)}) :`);
    steps.push(...pieceLines(reduction.pieces));
    steps.push(`Réduction d'impôt pour la quotité exemptée : ${formatEuros(reduction.tax)}.`);
    steps.push(
      onIncome.tax >= reduction.tax
        ? `Impôt de base : ${formatEuros(onIncome.tax)} − ${formatEuros(reduction.tax)} = ${formatEuros(federal)}.`
        : `Impôt de base : ${formatEuros(onIncome.tax)} − ${formatEuros(reduction.tax)} < 0, donc 0,00 € (la quotité dépasse le revenu).`,
    );
    steps.push(
      communalRate.num === 0
        ? "Taxe communale additionnelle : non comprise (taux non fourni)."
        : `Taxe communale additionnelle : ${formatRate(communalRate)} de ${formatEuros(federal)} = ${formatEuros(communal)}.`,
    );
    if (separateRate) {
      steps.push(
        `Montants imposés distinctement (Impulseo II/III), hors barème progressif : ${formatRate(separateRate)} de ${formatEuros(separateIncome)} = ${formatEuros(separate)} ` +
          "(taxe communale sur cette part non appliquée : non vérifiée).",
      );
    }
    steps.push(`IPP total : ${formatEuros(federal)} + ${formatEuros(communal)}${separateRate ? ` + ${formatEuros(separate)}` : ""} = ${formatEuros(total)}.`);
    steps.push(
      "Non modélisés : réductions d'impôt (épargne-pension, titres-services, libéralités…), additionnels et réductions régionales, versements anticipés et leur majoration, imposition commune des conjoints.",
    );
    const sources = mergeSources(
      scaleFound.version.sources,
      base.version.sources,
      reductionFound.version.sources,
      children ? children.version.sources : [],
      separateFound ? separateFound.version.sources : [],
    );
    return { steps, sources };
  });
}

export interface TaxableBaseInput {
  /** Gross professional income (fees, primes taxed at the progressive rates…), cents. */
  professionalIncome: Cents;
  /** Deductible professional costs (R13), already at their deductible share, cents. */
  deductibleCosts?: Cents;
  /** Social contributions paid in the year (deductible as professional costs), cents. */
  socialContributions?: Cents;
  /** Amounts included in professionalIncome but taxed at the separate rate (Impulseo II/III), cents. */
  separatelyTaxed?: Cents;
}

/**
 * The base taxed at the progressive rates: professional income minus
 * deductible costs and social contributions, without the amounts taxed at
 * the separate rate. A loss gives 0 (its carry-forward is not simulated).
 */
export function taxableBase(input: TaxableBaseInput): Explained<Cents> {
  const gross = input.professionalIncome;
  const costs = input.deductibleCosts ?? 0;
  const social = input.socialContributions ?? 0;
  const separate = input.separatelyTaxed ?? 0;
  for (const [name, v] of [
    ["revenus professionnels", gross],
    ["frais déductibles", costs],
    ["cotisations sociales", social],
    ["montants imposés distinctement", separate],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw invalid(`Montant invalide pour ${name} : ${formatEuros(v)} (montant positif attendu).`);
  }
  if (separate > gross) {
    throw invalid(`Les montants imposés distinctement (${formatEuros(separate)}) dépassent les revenus professionnels (${formatEuros(gross)}).`);
  }
  const net = gross - separate - costs - social;
  const value = Math.max(0, net);
  const steps = [
    `Revenus professionnels ${formatEuros(gross)} − montants imposés distinctement ${formatEuros(separate)} − frais déductibles ${formatEuros(costs)} − cotisations sociales ${formatEuros(social)} = ${formatEuros(net)}.`,
    net < 0 ? "Perte professionnelle : revenu imposable 0,00 € (report de la perte non simulé)." : `Revenu imposable au barème progressif : ${formatEuros(value)}.`,
  ];
  const sources: Source[] = [
    { title: "FAMGB, « S'établir comme MG à Bruxelles » (guide 2025) : frais déductibles ; Impulseo II & III imposés au taux distinct", url: "https://famgb.be/", seed: "001_38c2d1dc6a241e9a.txt", seen: "2026-11-23" },
    {
      title: "Artsenkrant, « Starter: zorg voor je sociale zekerheid » (Zenito : les cotisations sociales sont fiscalement déductibles comme frais professionnels)",
      url: "https://www.artsenkrant.com/praktijk/starter-zorg-voor-je-sociale-zekerheid/article-normal-19947.html",
      seen: "2026-11-23",
    },
  ];
  return { value, steps, sources };
}
