/** Catalog entries of R14: personal income tax (IPP) and self-employed social contributions. */
import { centsToEuros, rateFromDecimal, type Rate } from "../money";
import { incomeTax } from "../rules/ipp";
import { socialContributions } from "../rules/social-contributions";
import { invalid } from "../errors";
import { mapValue } from "../explain";
import { bool, euros, int, isMissing, optInt, optWord, year, type Cell } from "./args";
import type { FunctionSpec } from "./types";

/** A single value of a cell given as a 1×1 range. */
function single(v: Cell): Exclude<Cell, Cell[][]> {
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && !Array.isArray(v[0][0])) {
    return v[0][0] as Exclude<Cell, Cell[][]>;
  }
  if (Array.isArray(v)) return undefined;
  return v;
}

/**
 * A percentage as Excel gives it: 0.07 (a cell formatted 7 %) or the text
 * "7 %", "7%", "0,07". Omitted -> null. A number ≥ 1 is refused (7 would be 700 %).
 */
export function rateArg(v: Cell, name: string): Rate | null {
  if (isMissing(v)) return null;
  const s = single(v);
  let text: string;
  if (typeof s === "number" && Number.isFinite(s)) {
    text = Number(s.toPrecision(12)).toString();
  } else if (typeof s === "string") {
    text = s.trim().replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  } else {
    throw invalid(`« ${name} » : pourcentage attendu (par ex. 7 % ou 0,07).`);
  }
  let rate: Rate;
  try {
    rate = rateFromDecimal(text);
  } catch {
    throw invalid(`« ${name} » : pourcentage attendu (par ex. 7 % ou 0,07), reçu « ${String(s)} ».`);
  }
  if (rate.num < 0 || rate.num >= rate.den) {
    throw invalid(`« ${name} » : pourcentage entre 0 % et 100 % attendu (7 % s'écrit 7 % ou 0,07), reçu « ${String(s)} ».`);
  }
  return rate;
}

/** FALSE/0/omitted = established; TRUE = starter; 1..4 = year of the starting period. */
function starterArg(v: Cell): boolean | number {
  if (isMissing(v)) return false;
  const s = single(v);
  if (typeof s === "boolean") return s;
  if (typeof s === "number" || (typeof s === "string" && /^\s*\d+\s*$/.test(s))) return int(v, "starter", 0, 99);
  return bool(v, "starter");
}

export const IPP_PARTS = {
  total: ["totaal", "tout", "impot total"],
  federal: ["etat", "impot de base", "base", "federaal", "basisbelasting", "state", "basic"],
  communal: ["commune", "communale", "taxe communale", "additionnels", "gemeente", "gemeentelijk", "opcentiemen", "municipal"],
} as const;

export const CONTRIBUTION_PARTS = {
  annuel: ["annee", "an", "annual", "yearly", "year", "jaar", "jaarlijks"],
  trimestriel: ["trimestre", "quarterly", "quarter", "kwartaal", "driemaandelijks"],
  definitif: ["definitive", "definitief", "final"],
  regularisation: ["regularisatie", "regularization", "regul"],
  frais: ["frais de gestion", "fee", "fees", "beheerskosten", "kosten"],
} as const;

export const taxFunctions: FunctionSpec[] = [
  {
    id: "IPP",
    description: {
      fr: "Impôt des personnes physiques d'un contribuable pour une année de revenus : barème progressif, moins la réduction pour la quotité exemptée (et les enfants à charge), plus la taxe communale au taux donné (€).",
      nl: "Personenbelasting van één belastingplichtige voor een inkomstenjaar: progressief tarief, min de vermindering voor de belastingvrije som (en kinderen ten laste), plus de gemeentebelasting tegen het opgegeven tarief (€).",
      en: "Personal income tax of one taxpayer for an income year: progressive brackets, minus the tax-free amount reduction (and dependent children), plus the communal surcharge at the given rate (€).",
    },
    args: [
      {
        name: "taxable_income",
        description: {
          fr: "Revenu imposable globalement (€) : après frais professionnels et cotisations sociales, sans les montants imposés distinctement.",
          nl: "Gezamenlijk belastbaar inkomen (€): na beroepskosten en sociale bijdragen, zonder de afzonderlijk belaste bedragen.",
          en: "Income taxed at the progressive rates (€): after professional costs and social contributions, without separately taxed amounts.",
        },
      },
      {
        name: "income_year",
        description: {
          fr: "Année des revenus (2024 ou 2025 ; exercice d'imposition = année + 1). Sans barème publié : #N/A.",
          nl: "Inkomstenjaar (2024 of 2025; aanslagjaar = jaar + 1). Zonder gepubliceerd tarief: #N/B.",
          en: "Income year (2024 or 2025; assessment year = year + 1). Without a published scale: #N/A.",
        },
      },
      {
        name: "dependants",
        optional: true,
        description: {
          fr: "Nombre d'enfants à charge (défaut : 0 ; sans handicap, hors supplément pour enfant de moins de 3 ans).",
          nl: "Aantal kinderen ten laste (standaard: 0; zonder handicap, zonder toeslag voor kind jonger dan 3 jaar).",
          en: "Number of dependent children (default: 0; without disability, without the under-3 supplement).",
        },
      },
      {
        name: "communal_rate",
        optional: true,
        description: {
          fr: "Taux de la taxe communale additionnelle de la commune de résidence (par ex. 7 %) ; défaut : non comprise.",
          nl: "Tarief van de aanvullende gemeentebelasting van de woonplaats (bv. 7 %); standaard: niet inbegrepen.",
          en: "Communal surcharge rate of the municipality of residence (e.g. 7 %); default: not included.",
        },
      },
      {
        name: "part",
        optional: true,
        description: {
          fr: "« total » (défaut), « etat » (impôt après quotité exemptée, sans la taxe communale) ou « communale ».",
          nl: "« total » (standaard), « etat » (belasting na belastingvrije som, zonder gemeentebelasting) of « communale ».",
          en: "\"total\" (default), \"etat\" (tax after the tax-free amount, without the communal surcharge) or \"communale\".",
        },
      },
    ],
    result: "euros",
    example: { formula: "=MG.IPP(40000; 2024; 0; 7%)", value: "12 399,70" },
    run: (_ctx, income, y, dependants, communal, part) => {
      const r = incomeTax({
        taxableIncome: euros(income, "taxable_income"),
        incomeYear: year(y, "income_year"),
        dependants: optInt(dependants, "dependants", 0, 30, 0),
        communalRate: rateArg(communal, "communal_rate"),
      });
      const which = optWord<keyof typeof IPP_PARTS>(part, "part", IPP_PARTS, "total");
      return mapValue(r, (v) => centsToEuros(which === "federal" ? v.federal : which === "communal" ? v.communal : v.total));
    },
  },
  {
    id: "COTISATIONS.SOCIALES",
    description: {
      fr: "Cotisations sociales d'un indépendant à titre principal pour une année : 20,50 % puis 14,16 % du revenu, minimum, cotisations provisoires des débutants, frais de gestion de la caisse (€ par an).",
      nl: "Sociale bijdragen van een zelfstandige in hoofdberoep voor een jaar: 20,50 % en daarna 14,16 % van het inkomen, minimum, voorlopige bijdragen van starters, beheerskosten van het fonds (€ per jaar).",
      en: "Social contributions of a self-employed person in main activity for a year: 20.50 % then 14.16 % of income, minimum, starters' provisional contributions, fund management fee (€ per year).",
    },
    args: [
      {
        name: "income",
        description: {
          fr: "Revenu professionnel net imposable de l'année (€), après frais ; une perte compte pour 0.",
          nl: "Netto belastbaar beroepsinkomen van het jaar (€), na kosten; een verlies telt als 0.",
          en: "Net taxable professional income of the year (€), after costs; a loss counts as 0.",
        },
      },
      {
        name: "year",
        description: {
          fr: "Année de cotisation (2024 ou 2025). Sans montants publiés : #N/A.",
          nl: "Bijdragejaar (2024 of 2025). Zonder gepubliceerde bedragen: #N/B.",
          en: "Contribution year (2024 or 2025). Without published amounts: #N/A.",
        },
      },
      {
        name: "starter",
        optional: true,
        description: {
          fr: "FAUX ou 0 (défaut : établi), VRAI, ou 1 à 4 = année de la période de début (cotisations provisoires sur le revenu minimum).",
          nl: "ONWAAR of 0 (standaard: gevestigd), WAAR, of 1 tot 4 = jaar van de beginperiode (voorlopige bijdragen op het minimuminkomen).",
          en: "FALSE or 0 (default: established), TRUE, or 1 to 4 = year of the starting period (provisional contributions, minimum income).",
        },
      },
      {
        name: "fund_fee_rate",
        optional: true,
        description: {
          fr: "Frais de gestion de la caisse d'assurances sociales (3,05 % à 4,25 %) ; défaut : non compris.",
          nl: "Beheerskosten van het sociaal verzekeringsfonds (3,05 % tot 4,25 %); standaard: niet inbegrepen.",
          en: "Management fee of the social insurance fund (3.05 % to 4.25 %); default: not included.",
        },
      },
      {
        name: "part",
        optional: true,
        description: {
          fr: "« annuel » (défaut), « trimestriel », « definitif » (revenu réel), « regularisation » (définitif − provisoire) ou « frais ».",
          nl: "« annuel » (standaard), « trimestriel », « definitif » (werkelijk), « regularisation » (definitief − voorlopig) of « frais ».",
          en: "\"annuel\" (default), \"trimestriel\", \"definitif\" (real income), \"regularisation\" (definitive − provisional), \"frais\" (fees).",
        },
      },
    ],
    result: "euros",
    example: { formula: "=MG.COTISATIONS.SOCIALES(10000; 2025)", value: "3 486,84" },
    run: (_ctx, income, y, starter, fee, part) => {
      const r = socialContributions({
        income: euros(income, "income", true),
        year: year(y, "year"),
        starter: starterArg(starter),
        fundFeeRate: rateArg(fee, "fund_fee_rate"),
      });
      const which = optWord<keyof typeof CONTRIBUTION_PARTS>(part, "part", CONTRIBUTION_PARTS, "annuel");
      return mapValue(r, (v) => {
        switch (which) {
          case "trimestriel":
            return centsToEuros(v.due.quarterly);
          case "definitif":
            return centsToEuros(v.definitiveDue.yearly);
          case "regularisation":
            return centsToEuros(v.regularisation);
          case "frais":
            return centsToEuros(v.fee.yearly);
          default:
            return centsToEuros(v.due.yearly);
        }
      });
    },
  },
];
