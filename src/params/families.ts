/**
 * The parameter files, one per family. Add a family here when you add its
 * JSON file. Checked against the schema (checkFamilies in ./schema) by the
 * build (scripts/check-params.ts), the command-line tools and the tests.
 */
import type { FamilyJson } from "./schema";
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

/**
 * The parameter files as imported (typed as checked: see checkFamilies): the
 * families the custom functions read. The families only the simulation reads
 * (payment timings, cumulation, communal surcharge rates) are in
 * ./simulation-families, imported by the modules that read them, so that
 * functions.js does not carry them.
 */
export const families = [stageTariff, primeIntegree, impulseo, inami, penurie, ipp, cotisationsSociales, agrement, accreditation, statutSocial, dmgDebutant, installation, soutienCabinet, echeances, urbanisme, frais] as unknown as readonly FamilyJson[];
