/**
 * R14 — Social contributions of a self-employed person in main activity
 * (statut social des travailleurs indépendants, AR n° 38):
 *   - 20,50 % of the net taxable professional income up to a first limit,
 *     14,16 % up to a ceiling, nothing above;
 *   - never less than the contribution on the minimum income;
 *   - paid per quarter (yearly amount / 4, rounded to the cent), plus the
 *     management fee of the social insurance fund (a rate of the fund);
 *   - a starter pays provisional contributions on the minimum income during
 *     the starting period; they are regularised on the real income of the
 *     year once the tax administration has passed it to the fund.
 * Every figure comes from src/params/cotisations-sociales.json.
 */
import { params } from "../params";
import { divRound, formatEuros, formatRate, mulRate, type Cents, type Rate } from "../money";
import { invalid, isRuleError, unknown } from "../errors";
import { isoFromSerial } from "../dates";
import { lazyExplained, mergeSources, type Explained } from "../explain";

export interface SocialContributionsInput {
  /** Net taxable professional income of the year (after costs), cents; a loss counts as 0. */
  income: Cents;
  /** Contribution year. */
  year: number;
  /**
   * Starting period: false/0 = established self-employed (default); true =
   * starter (year not given); 1..4 = calendar year of the starting period
   * (the starting year, often incomplete, then 3 full calendar years).
   */
  starter?: boolean | number;
  /** Management fee of the social insurance fund; null/omitted = fees not included. */
  fundFeeRate?: Rate | null;
}

export interface QuarterAndYear {
  /** Per quarter, cents (contribution only, fees apart). */
  quarterly: Cents;
  /** 4 quarters, cents. */
  yearly: Cents;
}

export interface SocialContributions {
  income: Cents;
  /** Income on which the definitive contribution is computed (at least the minimum income). */
  base: Cents;
  minimumApplied: boolean;
  /** Definitive contributions on the income of the year. */
  definitive: QuarterAndYear;
  /** Provisional contributions paid during the year (= definitive for an established self-employed person). */
  provisional: QuarterAndYear;
  starter: boolean;
  feeRate: Rate | null;
  /** Fund fee on what is paid during the year: per quarter and for the year. */
  fee: QuarterAndYear;
  /** Paid during the year, fees included: per quarter and for the year. */
  due: QuarterAndYear;
  /** Definitive contributions, fees included. */
  definitiveDue: QuarterAndYear;
  /** Definitive − provisional, fees included (positive: to pay later; negative: refunded). 0 if not a starter. */
  regularisation: Cents;
}

/** Quarterly contribution on `base` cents: (part1 × rate1 + part2 × rate2) / 4, rounded once. */
function quarterlyOn(base: Cents, limit1: Cents, ceiling: Cents, r1: Rate, r2: Rate): Cents {
  const part1 = Math.min(base, limit1);
  const part2 = Math.max(0, Math.min(base, ceiling) - limit1);
  const num = part1 * r1.num * r2.den + part2 * r2.num * r1.den;
  return divRound(num, r1.den * r2.den * 4);
}

function qy(quarterly: Cents): QuarterAndYear {
  return { quarterly, yearly: 4 * quarterly };
}

/** The amounts of a contribution year, or #N/A naming the nearest known year and its amounts. */
function scheduleOf(year: number) {
  const lookup = (y: number) => ({
    r1: params.forYear<Rate>("cotisations.taux.1", y),
    r2: params.forYear<Rate>("cotisations.taux.2", y),
    limit1: params.forYear<number>("cotisations.plafond.1", y),
    ceiling: params.forYear<number>("cotisations.plafond.2", y),
    minimum: params.forYear<number>("cotisations.revenu-minimum", y),
  });
  try {
    return lookup(year);
  } catch (e) {
    if (!isRuleError(e) || e.kind !== "unknown") throw e;
    const years = params.get("cotisations.plafond.1").versions.map((v) => Number(isoFromSerial(v.from).slice(0, 4)));
    const before = years.filter((y) => y < year);
    const near = before.length ? before[before.length - 1] : years[0];
    const k = lookup(near);
    throw unknown(
      `Cotisations sociales ${year} : montants non encodés ; ${before.length ? "dernière" : "première"} année connue : ${near} ` +
        `(${formatRate(k.r1.value)} jusqu'à ${formatEuros(k.limit1.value)}, ${formatRate(k.r2.value)} jusqu'à ${formatEuros(k.ceiling.value)}, ` +
        `revenu minimum ${formatEuros(k.minimum.value)}). ${before.length ? (k.limit1.version.note ?? "") : ""}`.trim(),
    );
  }
}

export function socialContributions(input: SocialContributionsInput): Explained<SocialContributions> {
  const { year } = input;
  if (!Number.isSafeInteger(input.income)) throw invalid(`Revenu invalide : ${input.income}.`);
  if (!Number.isInteger(year)) throw invalid(`Année invalide : ${year}.`);
  const income = Math.max(0, input.income);
  const starterIn = input.starter ?? false;
  const completeYears = params.latest<number>("cotisations.debut.annees-completes");
  const maxStarterYear = completeYears.value + 1;
  let starter = false;
  let starterYear: number | null = null;
  if (starterIn === true) starter = true;
  else if (typeof starterIn === "number" && starterIn !== 0) {
    if (!Number.isInteger(starterIn) || starterIn < 0 || starterIn > maxStarterYear) {
      throw invalid(
        `Année de début d'activité invalide : ${starterIn}. Indiquez 0 (indépendant établi) ou 1 à ${maxStarterYear} ` +
          `(l'année du début puis ${completeYears.value} années civiles complètes de cotisations provisoires).`,
      );
    }
    starter = true;
    starterYear = starterIn;
  }

  const { r1, r2, limit1, ceiling, minimum } = scheduleOf(year);
  let sources = mergeSources(r1.version.sources, r2.version.sources, limit1.version.sources, ceiling.version.sources, minimum.version.sources);

  let feeRate: Rate | null = input.fundFeeRate ?? null;
  if (feeRate !== null && feeRate.num === 0) feeRate = null;
  if (feeRate !== null) {
    const lo = params.forYear<Rate>("cotisations.frais-gestion.min", year);
    const hi = params.forYear<Rate>("cotisations.frais-gestion.max", year);
    sources = mergeSources(sources, lo.version.sources, hi.version.sources);
    const below = feeRate.num * lo.value.den < lo.value.num * feeRate.den;
    const above = feeRate.num * hi.value.den > hi.value.num * feeRate.den;
    if (below || above) {
      throw invalid(
        `Frais de gestion de la caisse invalides : ${formatRate(feeRate)} ; taux connus de ${formatRate(lo.value)} à ${formatRate(hi.value)} ` +
          "(0 ou vide pour les exclure).",
      );
    }
  }

  if (starter) sources = mergeSources(sources, completeYears.version.sources);
  const base = Math.max(income, minimum.value);
  const minimumApplied = income < minimum.value;
  const part1 = Math.min(base, limit1.value);
  const part2 = Math.max(0, Math.min(base, ceiling.value) - limit1.value);
  const definitive = qy(quarterlyOn(base, limit1.value, ceiling.value, r1.value, r2.value));
  const provisional = starter ? qy(quarterlyOn(minimum.value, limit1.value, ceiling.value, r1.value, r2.value)) : definitive;
  const feeQ = feeRate === null ? 0 : mulRate(provisional.quarterly, feeRate);
  const fee = qy(feeQ);
  const due = qy(provisional.quarterly + feeQ);
  const definitiveDue = qy(definitive.quarterly + (feeRate === null ? 0 : mulRate(definitive.quarterly, feeRate)));
  const regularisation = starter ? definitiveDue.yearly - due.yearly : 0;

  const value: SocialContributions = {
    income, base, minimumApplied, definitive, provisional, starter, feeRate, fee, due, definitiveDue, regularisation,
  };
  return lazyExplained(value, () => {
    const steps: string[] = [];
    steps.push(
      `Cotisations ${year} (indépendant à titre principal) : ${formatRate(r1.value)} jusqu'à ${formatEuros(limit1.value)}, ` +
        `${formatRate(r2.value)} de ${formatEuros(limit1.value)} à ${formatEuros(ceiling.value)}, rien au-delà ; revenu minimum ${formatEuros(minimum.value)}.`,
    );
    steps.push(
      minimumApplied
        ? `Revenu ${formatEuros(income)} inférieur au revenu minimum : cotisation calculée sur ${formatEuros(minimum.value)}.`
        : `Revenu professionnel net imposable ${year} : ${formatEuros(income)}.`,
    );
    steps.push(
      `Cotisation définitive : (${formatRate(r1.value)} × ${formatEuros(part1)}` +
        (part2 > 0 ? ` + ${formatRate(r2.value)} × ${formatEuros(part2)}` : "") +
        `) / 4 = ${formatEuros(definitive.quarterly)} par trimestre, ${formatEuros(definitive.yearly)} pour l'année.`,
    );
    if (base > ceiling.value) steps.push(`Revenu au-delà du plafond de ${formatEuros(ceiling.value)} : cotisation maximale.`);
    if (starter) {
      steps.push(
        `Débutant${starterYear ? ` (année ${starterYear} de la période de début)` : ""} : jusqu'au 31 décembre de la ${completeYears.value}e année civile complète, ` +
          `la caisse réclame des cotisations provisoires sur le revenu minimum : ${formatRate(r1.value)} × ${formatEuros(minimum.value)} / 4 = ${formatEuros(provisional.quarterly)} par trimestre, ` +
          `${formatEuros(provisional.yearly)} pour l'année (le débutant peut demander à cotiser sur un revenu estimé plus élevé).`,
      );
      steps.push(
        `Régularisation : quand le SPF Finances communique le revenu ${year} à la caisse (en général un à deux ans plus tard), ` +
          `la cotisation définitive (${formatEuros(definitive.yearly)}) remplace la provisoire (${formatEuros(provisional.yearly)}).`,
      );
    } else {
      steps.push(
        "Indépendant établi : la cotisation due pour l'année est la cotisation définitive sur le revenu de l'année (les provisoires, calculées sur le revenu indexé de la 3e année précédente, sont régularisées sur celle-ci).",
      );
    }
    if (feeRate === null) {
      steps.push("Frais de gestion de la caisse d'assurances sociales : non compris (taux non fourni).");
    } else {
      steps.push(
        `Frais de gestion de la caisse : ${formatRate(feeRate)} de ${formatEuros(provisional.quarterly)} = ${formatEuros(feeQ)} par trimestre ; ` +
          `à payer ${formatEuros(due.quarterly)} par trimestre.`,
      );
    }
    steps.push(`Payé pour ${year} : ${formatEuros(due.yearly)}${feeRate === null ? "" : " frais compris"}.`);
    if (starter) {
      steps.push(
        regularisation > 0
          ? `Régularisation attendue : ${formatEuros(definitiveDue.yearly)} − ${formatEuros(due.yearly)} = supplément de ${formatEuros(regularisation)} à payer plus tard.`
          : regularisation < 0
            ? `Régularisation attendue : remboursement de ${formatEuros(-regularisation)}.`
            : "Régularisation attendue : aucune (revenu au niveau du minimum).",
      );
    }
    return { steps, sources };
  });
}
