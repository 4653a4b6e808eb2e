/**
 * R13 — Costs and deductions (seed 001).
 * - Cercle dues: FAMGB direct 550 € (2025); through one of the 12 local
 *   associations, 350 € (2024) for the Cercle/Garde + the association's own
 *   fee, which varies and is not known here (the caller gives it, else #N/A).
 * - Deductible share of professional costs by category: fully (small
 *   consumables, cabinet rent or mortgage costs, PLCI, professional
 *   literature), partially (car 50–100 % by CO2, reception 50 %);
 *   investments are depreciated over their useful life (straight line).
 */
import { params } from "../params";
import { formatEuros, formatRate, rateFromDecimal, type Cents, type Rate } from "../money";
import { type Serial } from "../dates";
import { invalid, unknown } from "../errors";
import type { Explained, Source } from "../explain";
import { UndecidedError } from "./eligibility";

export function cotisationCercle(year: number, viaAssociation: boolean, associationFee: Cents | null): Explained<Cents> {
  if (!viaAssociation) {
    if (associationFee !== null) {
      throw invalid({ fr: "Cotisation de l'association locale donnée, mais paiement en direct à la FAMGB : mettez via_association à VRAI.", nl: "Bijdrage van de lokale vereniging opgegeven, maar rechtstreekse betaling aan de FAMGB: zet via_association op WAAR." });
    }
    const f = params.forYear<number>("cercle.cotisation.directe", year);
    return { value: f.value, steps: [`Cotisation ${year} au cercle payée en direct à la FAMGB : ${formatEuros(f.value)}.`], sources: f.version.sources };
  }
  const f = params.forYear<number>("cercle.cotisation.association", year);
  const steps = [`Cotisation ${year} du Cercle/Garde bruxelloise, appelée par l'association locale : ${formatEuros(f.value)}.`];
  if (associationFee === null) {
    throw new UndecidedError(
      {
        fr: `Cotisation via une association locale : ${formatEuros(f.value)} (Cercle/Garde ${year}) + cotisation propre de l'association, variable d'une association à l'autre et non publiée dans les sources consultées : donnez-la en 3e argument (0 si aucune).`,
        nl: `Bijdrage via een lokale vereniging: ${formatEuros(f.value)} (Kring/Wachtdienst ${year}) + eigen bijdrage van de vereniging, verschillend per vereniging en hier niet bekend: geef ze als 3e argument (0 als er geen is).`,
      },
      { value: null, steps, sources: f.version.sources },
    );
  }
  if (!Number.isSafeInteger(associationFee) || associationFee < 0) throw invalid(`Cotisation de l'association invalide : ${formatEuros(associationFee)}.`);
  const total = f.value + associationFee;
  steps.push(`+ cotisation de l'association locale (donnée) ${formatEuros(associationFee)} = ${formatEuros(total)}.`);
  return { value: total, steps, sources: f.version.sources };
}

export type DeductibleCategory = "consommables" | "loyer" | "plci" | "litterature" | "deplacement" | "reception" | "investissement";

export const DEDUCTIBLE_CATEGORIES: Record<DeductibleCategory, readonly string[]> = {
  consommables: ["consommable", "petits consommables", "fournitures", "verbruiksmateriaal", "klein verbruiksmateriaal", "consumables", "supplies"],
  loyer: ["location", "location du cabinet", "loyer du cabinet", "interets hypothecaires", "frais hypothecaires", "hypotheque", "huur", "hypotheek", "rent", "mortgage"],
  plci: ["pension libre complementaire", "pension complementaire", "vapz", "vrij aanvullend pensioen", "supplementary pension", "pension"],
  litterature: ["litterature professionnelle", "livres", "revues", "vakliteratuur", "literatuur", "literature", "books"],
  deplacement: ["deplacements", "frais de deplacement", "voiture", "auto", "wagen", "verplaatsing", "verplaatsingskosten", "car", "travel"],
  reception: ["frais de reception", "portes ouvertes", "receptie", "receptiekosten", "reception costs", "open day"],
  investissement: ["investissements", "amortissement", "materiel", "investering", "afschrijving", "investment", "depreciation"],
};

interface CategoryRow {
  id: DeductibleCategory;
  fr: string;
  nl: string;
  en: string;
  min: string;
  max: string;
  depreciated?: boolean;
}

/** One category's deductible share, for the scenario builder. */
export interface DeductibleShare {
  category: DeductibleCategory;
  label: { fr: string; nl: string; en: string };
  /** Lowest and highest deductible share (exact rates; equal unless a range). */
  min: Rate;
  max: Rate;
  /** Depreciated over its useful life (the share applies to the yearly depreciation). */
  depreciated: boolean;
  sources: Source[];
  note?: string;
}

function rows(date: Serial): { rows: CategoryRow[]; sources: Source[]; note?: string } {
  const f = params.at<unknown>("deductible.categories", date);
  const list = f.value as CategoryRow[];
  if (!Array.isArray(list)) throw new Error("paramètre deductible.categories : liste attendue");
  for (const r of list) {
    if (!(r.id in DEDUCTIBLE_CATEGORIES)) throw new Error(`paramètre deductible.categories : catégorie inconnue ${r.id}`);
  }
  return { rows: list, sources: f.version.sources, note: f.version.note };
}

/** Every category with its deductible share at `date` (the scenario's cost lines). */
export function deductibleShares(date: Serial): DeductibleShare[] {
  const r = rows(date);
  return r.rows.map((row) => ({
    category: row.id,
    label: { fr: row.fr, nl: row.nl, en: row.en },
    min: rateFromDecimal(row.min),
    max: rateFromDecimal(row.max),
    depreciated: row.depreciated === true,
    sources: r.sources,
    ...(r.note ? { note: r.note } : {}),
  }));
}

export type RangeBound = "min" | "max";

/**
 * The deductible share (a fraction: 1 = 100 %) of `category`. A range (car)
 * needs `bound`; an investment needs its useful life in years (the yearly
 * share of its cost, straight-line).
 */
export function deductible(category: DeductibleCategory, date: Serial, bound: RangeBound | null, lifeYears: number | null): Explained<number> {
  const share = deductibleShares(date).find((s) => s.category === category);
  if (!share) throw unknown(`Catégorie de frais « ${category} » absente des paramètres à cette date.`);
  const { label, min, max, sources } = share;
  const steps: string[] = [];
  let rate: Rate;
  if (min.num * max.den === max.num * min.den) {
    rate = min;
    steps.push(`${label.fr} : déductible à ${formatRate(rate)}.`);
    if (bound !== null) steps.push(`(borne « ${bound} » sans effet : la part est fixe.)`);
  } else if (bound === null) {
    throw unknown({
      fr: `${label.fr} : déductible de ${formatRate(min)} à ${formatRate(max)} selon les émissions de CO2 ; la formule fiscale n'est pas calculée par la fonction : passez « min » ou « max » (2e argument).`,
      nl: `${label.nl}: aftrekbaar van ${formatRate(min)} tot ${formatRate(max)} volgens de CO2-uitstoot; de fiscale formule is hier niet gecodeerd: geef « min » of « max » (2e argument).`,
    });
  } else {
    rate = bound === "min" ? min : max;
    steps.push(`${label.fr} : déductible de ${formatRate(min)} à ${formatRate(max)} selon les émissions de CO2 ; ${bound === "min" ? "minimum" : "maximum"} retenu : ${formatRate(rate)}.`);
  }
  if (share.depreciated) {
    if (lifeYears === null) {
      throw unknown({
        fr: `${label.fr} : la dépense est amortie sur sa durée de vie ; donnez la durée en années (3e argument) pour obtenir la part déductible chaque année (1/durée).`,
        nl: `${label.nl}: de uitgave wordt afgeschreven over de levensduur; geef de duur in jaren (3e argument) voor het jaarlijks aftrekbare deel (1/duur).`,
      });
    }
    if (!Number.isInteger(lifeYears) || lifeYears < 1 || lifeYears > 100) {
      throw invalid({ fr: `Durée d'amortissement invalide : ${lifeYears} (nombre entier d'années de 1 à 100).`, nl: `Ongeldige afschrijvingsduur: ${lifeYears} (geheel aantal jaren van 1 tot 100).` });
    }
    const yearly: Rate = { num: rate.num, den: rate.den * lifeYears };
    steps.push(`Amortissement linéaire sur ${lifeYears} an${lifeYears > 1 ? "s" : ""} : ${formatRate(yearly)} du coût déductible chaque année.`);
    rate = yearly;
  } else if (lifeYears !== null) {
    throw invalid(`« duree » ne s'applique qu'aux investissements amortis, pas à « ${label.fr} ».`);
  }
  return { value: rate.num / rate.den, steps, sources };
}
