/** Catalog entries of R11: quartiers en pénurie and the Monitoring des Quartiers. */
import { isPenurie } from "../rules/penurie";
import { quartierAt, quartierName, QUARTIER_NAME_LANGS } from "../rules/quartiers";
import { isMissing, list, num, optDate, optWord, text, type Cell } from "./args";
import type { FunctionSpec } from "./types";

/** A quarter given as a code (number) or a code/name (text). */
function quartierArg(v: Cell): string | number {
  return typeof v === "number" ? num(v, "quartier") : text(v, "quartier");
}

const QUARTIER_DESC = {
  fr: "Code (1 à 118, 700 à 702, 800 à 805, 900 à 917) ou nom français ou néerlandais du quartier du Monitoring des Quartiers.",
  nl: "Code (1 tot 118, 700 tot 702, 800 tot 805, 900 tot 917) of Franse of Nederlandse naam van de wijk van de Wijkmonitoring.",
  en: "Code (1 to 118, 700 to 702, 800 to 805, 900 to 917) or French or Dutch name of the Monitoring des Quartiers quarter.",
};

export const quartierFunctions: FunctionSpec[] = [
  {
    id: "IS.PENURIE",
    description: {
      fr: "VRAI si le quartier du Monitoring des Quartiers est un quartier en pénurie de médecins généralistes à la date donnée, selon la liste passée en argument (la liste officielle n'est pas intégrée : sans liste, #N/A avec la base légale).",
      nl: "WAAR als de wijk van de Wijkmonitoring op de datum een wijk met huisartsentekort is, volgens de als argument gegeven lijst (de officiële lijst is niet ingebouwd: zonder lijst #N/B met de rechtsgrond).",
      en: "TRUE if the Monitoring des Quartiers quarter is short of general practitioners at the date, according to the list given as argument (the official list is not built in: without a list, #N/A with the legal basis).",
    },
    args: [
      { name: "quartier", description: QUARTIER_DESC },
      { name: "date", optional: true, description: { fr: "Date d'installation ou de référence (défaut : aujourd'hui).", nl: "Datum van vestiging of referentiedatum (standaard: vandaag).", en: "Date of installation or reference date (default: today)." } },
      {
        name: "list",
        optional: true,
        description: {
          fr: "Codes ou noms des quartiers en pénurie (liste de l'arrêté ministériel du 13 mai 2019) ; remplace la liste intégrée, vide.",
          nl: "Codes of namen van de wijken met tekort (lijst van het ministerieel besluit van 13 mei 2019); vervangt de ingebouwde lege lijst.",
          en: "Codes or names of the quarters short of GPs (list of the ministerial order of 13 May 2019); replaces the built-in, empty list.",
        },
      },
    ],
    result: "boolean",
    example: { formula: '=MG.IS.PENURIE("Cureghem Vétérinaire"; DATE(2025;9;1); A2:A31)', value: "VRAI si A2:A31 (liste officielle) contient 12 ou son nom, sinon FAUX" },
    run: (ctx, quartier, d, lst) =>
      isPenurie(quartierArg(quartier), optDate(d, "date", ctx), isMissing(lst) ? null : list(lst)),
  },
  {
    id: "QUARTIER",
    description: {
      fr: "Code du quartier du Monitoring des Quartiers qui contient un point (latitude, longitude WGS84) ; #N/A hors de la Région de Bruxelles-Capitale.",
      nl: "Code van de wijk van de Wijkmonitoring die een punt bevat (breedte, lengte WGS84); #N/B buiten het Brussels Hoofdstedelijk Gewest.",
      en: "Code of the Monitoring des Quartiers quarter containing a point (WGS84 latitude, longitude); #N/A outside the Brussels-Capital Region.",
    },
    args: [
      { name: "latitude", description: { fr: "Latitude en degrés décimaux (WGS84), par ex. 50,8453.", nl: "Breedtegraad in decimale graden (WGS84), bv. 50,8453.", en: "Latitude in decimal degrees (WGS84), e.g. 50.8453." } },
      { name: "longitude", description: { fr: "Longitude en degrés décimaux (WGS84), par ex. 4,35215.", nl: "Lengtegraad in decimale graden (WGS84), bv. 4,35215.", en: "Longitude in decimal degrees (WGS84), e.g. 4.35215." } },
    ],
    result: "number",
    example: { formula: "=MG.QUARTIER(50,8453; 4,35215)", value: "1" },
    run: (_ctx, lat, lon) => quartierAt(num(lat, "latitude"), num(lon, "longitude")),
  },
  {
    id: "QUARTIER.NOM",
    description: {
      fr: "Nom officiel français ou néerlandais d'un quartier du Monitoring des Quartiers, à partir de son code ou de son nom.",
      nl: "Officiële Franse of Nederlandse naam van een wijk van de Wijkmonitoring, op basis van de code of de naam.",
      en: "Official French or Dutch name of a Monitoring des Quartiers quarter, from its code or name.",
    },
    args: [
      { name: "quartier", description: QUARTIER_DESC },
      {
        name: "langue",
        optional: true,
        description: {
          fr: "« fr » (défaut), « nl » (casse usuelle) ou « nl-officiel » (majuscules, forme publiée).",
          nl: "« fr » (standaard), « nl » (gewone schrijfwijze) of « nl-officiel » (hoofdletters, gepubliceerde vorm).",
          en: "\"fr\" (default), \"nl\" (usual casing) or \"nl-officiel\" (upper case, as published).",
        },
      },
    ],
    result: "text",
    example: { formula: '=MG.QUARTIER.NOM(25; "nl")', value: "Sint-Joost Centrum" },
    run: (_ctx, quartier, langue) => quartierName(quartierArg(quartier), optWord(langue, "langue", QUARTIER_NAME_LANGS, "fr")),
  },
];
