/** Catalog entries of fees (stage tariff, nomenclature), the INAMI number, the prime de pratique intégrée and Impulseo. */
import { centsToEuros } from "../money";
import { stageTariff, fee, TARIFF_PARTS } from "../rules/stage-tariff";
import { checkInami, competence } from "../rules/inami";
import { primeIntegree, PRACTICE_STATUSES } from "../rules/prime-integree";
import { impulseoRefund, IMPULSEO_KINDS } from "../rules/impulseo";
import { text, num, optDate, optWord, word, year, isMissing, int, euros, optInt, optBool, type Cell } from "./args";
import { mapValue, type Explained } from "../explain";
import type { CellResult, FunctionSpec } from "./types";

function inEuros(r: Explained<number>): Explained<CellResult> {
  return mapValue(r, centsToEuros);
}

/** A code given as a number or text. */
function codeArg(v: Cell): string | number {
  return typeof v === "number" ? num(v, "code") : text(v, "code");
}

function inamiArg(v: Cell): string | number {
  return typeof v === "number" ? num(v, "numéro") : text(v, "numéro");
}

export const feesPrimesInamiFunctions: FunctionSpec[] = [
  {
    id: "STAGE.TARIFF",
    description: {
      fr: "Tarif à 75 % entre la fin du stage et l'agrément : honoraire facturé, ticket modérateur ou intervention AMI (€).",
      nl: "Tarief aan 75 % tussen einde stage en erkenning: gefactureerd honorarium, remgeld of ZIV-tegemoetkoming (€).",
      en: "75 % billing between end of training and recognition: billed fee, patient co-payment or health-insurance share (€).",
    },
    args: [
      { name: "code", description: { fr: "Code de nomenclature (101076, 101032, 103132).", nl: "Nomenclatuurcode (101076, 101032, 103132).", en: "Nomenclature code (101076, 101032, 103132)." } },
      { name: "date", optional: true, description: { fr: "Date de la prestation (défaut : aujourd'hui).", nl: "Datum van de verstrekking (standaard: vandaag).", en: "Date of the act (default: today)." } },
      { name: "part", optional: true, description: { fr: "« honoraire » (défaut), « ticket » ou « intervention ».", nl: "« honoraire » (standaard), « ticket » of « intervention ».", en: "\"honoraire\" (default), \"ticket\" or \"intervention\"." } },
    ],
    result: "euros",
    example: { formula: '=MG.STAGE.TARIFF(101076; DATE(2025;8;30))', value: "24,63" },
    run: (ctx, code, d, part) =>
      inEuros(stageTariff(codeArg(code), optDate(d, "date", ctx), optWord(part, "part", TARIFF_PARTS, "honoraire"))),
  },
  {
    id: "HONORAIRE",
    description: {
      fr: "Honoraire complet d'un code de nomenclature à une date (€).",
      nl: "Volledig honorarium van een nomenclatuurcode op een datum (€).",
      en: "Full fee of a nomenclature code at a date (€).",
    },
    args: [
      { name: "code", description: { fr: "Code de nomenclature (101076, 101032, 103132).", nl: "Nomenclatuurcode (101076, 101032, 103132).", en: "Nomenclature code (101076, 101032, 103132)." } },
      { name: "date", optional: true, description: { fr: "Date de la prestation (défaut : aujourd'hui).", nl: "Datum van de verstrekking (standaard: vandaag).", en: "Date of the act (default: today)." } },
    ],
    result: "euros",
    example: { formula: '=MG.HONORAIRE(103132; DATE(2025;8;30))', value: "47,28" },
    run: (ctx, code, d) => inEuros(fee(codeArg(code), optDate(d, "date", ctx))),
  },
  {
    id: "PRIME.INTEGREE",
    description: {
      fr: "Prime de pratique intégrée de l'INAMI pour une année de prime (€).",
      nl: "Geïntegreerde praktijkpremie van het RIZIV voor een premiejaar (€).",
      en: "INAMI integrated practice bonus for a bonus year (€).",
    },
    args: [
      { name: "year", description: { fr: "Année de la prime (années publiées : voir les paramètres ; sinon #N/A).", nl: "Premiejaar (gepubliceerde jaren: zie de parameters; anders #N/A).", en: "Bonus year (published years: see the parameters; otherwise #N/A)." } },
      { name: "status", description: { fr: "« acte », « forfait » (maison médicale) ou « formation ».", nl: "« acte » (per prestatie), « forfait » (wijkgezondheidscentrum) of « formation » (in opleiding).", en: "\"acte\" (fee-for-service), \"forfait\" (capitation) or \"formation\" (in training)." } },
      { name: "criteria", optional: true, description: { fr: "Nombre de critères e-services atteints (individuellement ou en moyenne de groupe).", nl: "Aantal behaalde e-dienstencriteria (individueel of als groepsgemiddelde).", en: "Number of e-services criteria reached (individually or as group average)." } },
      { name: "software", optional: true, description: { fr: "Logiciel accepté (défaut : VRAI).", nl: "Aanvaarde software (standaard: WAAR).", en: "Accepted software (default: TRUE)." } },
    ],
    result: "euros",
    example: { formula: '=MG.PRIME.INTEGREE(2024; "acte"; 6)', value: "4 500,00" },
    run: (_ctx, y, status, criteria, software) =>
      inEuros(
        primeIntegree(
          year(y),
          word(status, "status", PRACTICE_STATUSES),
          isMissing(criteria) ? null : int(criteria, "criteria", 0, 1000),
          optBool(software, "software", true),
        ),
      ),
  },
  {
    id: "IMPULSEO.REFUND",
    description: {
      fr: "Intervention Impulseo II (salaire) ou III (télésecrétariat) à Bruxelles : 50 % des frais, plafonnée par MG (€).",
      nl: "Impulseo II (loon) of III (telesecretariaat) in Brussel: 50 % van de kosten, geplafonneerd per huisarts (€).",
      en: "Brussels Impulseo II (salary) or III (telesecretariat): 50 % of costs, capped per GP (€).",
    },
    args: [
      { name: "kind", description: { fr: "« telesecretariat » (III) ou « salaire » (II).", nl: "« telesecretariat » (III) of « salaire » (II).", en: "\"telesecretariat\" (III) or \"salaire\" (II)." } },
      { name: "year", description: { fr: "Année des frais.", nl: "Jaar van de kosten.", en: "Year of the costs." } },
      { name: "costs", description: { fr: "Frais réels de l'année (€).", nl: "Werkelijke kosten van het jaar (€).", en: "Real costs of the year (€)." } },
      { name: "months", optional: true, description: { fr: "Mois complets d'utilisation dans l'année (défaut : 12).", nl: "Volledige maanden gebruik in het jaar (standaard: 12).", en: "Complete months of use in the year (default: 12)." } },
      { name: "gps", optional: true, description: { fr: "Nombre de MG du regroupement partageant les frais (défaut : 1).", nl: "Aantal huisartsen van de samenwerking die de kosten delen (standaard: 1).", en: "Number of GPs of the group sharing the costs (default: 1)." } },
      { name: "net", optional: true, description: { fr: "VRAI : montant net de l'impôt au taux distinct (défaut : FAUX).", nl: "WAAR: bedrag na belasting aan het afzonderlijk tarief (standaard: ONWAAR).", en: "TRUE: amount after the separate-rate tax (default: FALSE)." } },
    ],
    result: "euros",
    example: { formula: '=MG.IMPULSEO.REFUND("telesecretariat"; 2025; 12000)', value: "4 700,00" },
    run: (_ctx, kind, y, costs, months, gps, net) =>
      inEuros(
        impulseoRefund({
          kind: word(kind, "kind", IMPULSEO_KINDS),
          year: year(y),
          costs: euros(costs, "costs"),
          months: optInt(months, "months", 0, 12, 12),
          gps: optInt(gps, "gps", 1, 1000, 1),
          net: optBool(net, "net", false),
        }),
      ),
  },
  {
    id: "INAMI.VALID",
    description: {
      fr: "VRAI si le numéro INAMI de médecin est bien formé (11 chiffres, premier chiffre 1, clé de contrôle).",
      nl: "WAAR als het RIZIV-nummer van een arts geldig is (11 cijfers, eerste cijfer 1, controlesleutel).",
      en: "TRUE if the physician's INAMI number is well formed (11 digits, first digit 1, check digits).",
    },
    args: [{ name: "number", description: { fr: "Numéro INAMI (1-23456-25-003, espaces et points admis).", nl: "RIZIV-nummer (1-23456-25-003, spaties en punten toegestaan).", en: "INAMI number (1-23456-25-003, spaces and dots allowed)." } }],
    result: "boolean",
    example: { formula: '=MG.INAMI.VALID("1-23456-25-003")', value: "VRAI" },
    run: (_ctx, n) => checkInami(inamiArg(n)),
  },
  {
    id: "INAMI.COMPETENCE",
    description: {
      fr: "Libellé du code de compétence (3 derniers chiffres) d'un numéro INAMI de médecin.",
      nl: "Omschrijving van de bekwaamheidscode (laatste 3 cijfers) van een RIZIV-nummer.",
      en: "Label of the competence code (last 3 digits) of a physician's INAMI number.",
    },
    args: [{ name: "number", description: { fr: "Numéro INAMI (1-23456-25-003, espaces et points admis).", nl: "RIZIV-nummer (1-23456-25-003, spaties en punten toegestaan).", en: "INAMI number (1-23456-25-003, spaces and dots allowed)." } }],
    result: "text",
    example: { formula: '=MG.INAMI.COMPETENCE("1-23456-25-003")', value: "Médecin généraliste agréé" },
    run: (ctx, n) => competence(inamiArg(n), ctx.lang),
  },
];
