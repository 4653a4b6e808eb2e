/** User parameter files used by the tests (the public source cited is the one a user would cite). */
export const SOURCE = {
  title: "INAMI, Honoraires, prix et remboursements pour les médecins, tarifs au 1er janvier 2027",
  url: "https://www.inami.fgov.be/fr/professionnels/professionnels-de-la-sante/medecins/tarifs",
  seen: "2026-12-01",
};

/** Adds 2027 to the fee 101076 and replaces the built-in 2025 version (same start date). */
export const VALID_FILE = `{
  "family": "tarifs-utilisateur",
  "description": "Tarifs lus au Moniteur belge",
  "parameters": [
    {
      "id": "honoraire.101076",
      "label": { "fr": "Consultation au cabinet, médecin accrédité (101076)", "nl": "Raadpleging (101076)" },
      "kind": "money",
      "unit": "EUR",
      "versions": [
        {
          "from": "2027-01-01",
          "to": "2027-12-31",
          "value": 34.65,
          "sources": [${JSON.stringify(SOURCE)}]
        }
      ]
    }
  ]
}
`;

export const REPLACE_FILE = `{
  "family": "tarifs-utilisateur",
  "description": "Correction de 2025",
  "parameters": [
    {
      "id": "honoraire.101076",
      "label": { "fr": "Consultation (101076)", "nl": "Raadpleging (101076)" },
      "kind": "money",
      "unit": "EUR",
      "versions": [
        {
          "from": "2025-01-01",
          "to": "2025-12-31",
          "value": 32.9,
          "sources": [${JSON.stringify(SOURCE)}]
        }
      ]
    }
  ]
}
`;

/** Line 14: a value with three decimals; line 15: no source. */
export const INVALID_FILE = VALID_FILE.replace('"value": 34.65,', '"value": 34.655,').replace(`"sources": [${JSON.stringify(SOURCE)}]`, '"sources": []');

/** A version that overlaps the built-in 2025 version without replacing it. */
export const OVERLAP_FILE = VALID_FILE.replace('"from": "2027-01-01"', '"from": "2025-06-01"').replace('"to": "2027-12-31"', '"to": "2025-12-31"');
