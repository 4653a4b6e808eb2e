/**
 * Every parameter family, loaded and checked once. Add a family here when
 * you add its JSON file.
 */
import { ParamRegistry } from "./registry";
import stageTariff from "./stage-tariff.json";
import primeIntegree from "./prime-integree.json";
import impulseo from "./impulseo.json";
import inami from "./inami.json";
import penurie from "./penurie.json";
import ipp from "./ipp.json";
import cotisationsSociales from "./cotisations-sociales.json";
import agrement from "./agrement.json";
import accreditation from "./accreditation.json";
import statutSocial from "./statut-social.json";
import dmgDebutant from "./dmg-debutant.json";
import installation from "./installation.json";
import soutienCabinet from "./soutien-cabinet.json";
import echeances from "./echeances.json";
import urbanisme from "./urbanisme.json";
import frais from "./frais.json";

export const families: unknown[] = [stageTariff, primeIntegree, impulseo, inami, penurie, ipp, cotisationsSociales, agrement, accreditation, statutSocial, dmgDebutant, installation, soutienCabinet, echeances, urbanisme, frais];

export const params = new ParamRegistry(families);

export { ParamRegistry } from "./registry";
export type { Parameter, Version, Found } from "./registry";
