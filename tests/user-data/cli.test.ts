/**
 * The user's files on the command line (issue 11 "Figures a user adds",
 * issue 12 "The official pénurie list"): `--params FICHIER` (several) and
 * `--penurie FICHIER` on `npm run mg` and `npm run simulate`; the changes are
 * printed; an invalid file exits with code 2, names the file, the line and
 * the reason, and nothing is computed or written.
 */
import { mkdtempSync, readdirSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/mg";
import { run } from "../../src/cli/simulate";
import { clearUserData } from "../../src/cli/user-params";
import { INVALID_FILE, REPLACE_FILE, SOURCE, VALID_FILE } from "./fixtures";
import { params } from "../../src/params";
import { isoFromSerial, serialFromIso } from "../../src/dates";

const dir = mkdtempSync(join(tmpdir(), "mg-user-data-"));
const path = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const valid = path("tarifs-2027.json", VALID_FILE);
const replace = path("correction-2025.json", REPLACE_FILE);
const invalid = path("mauvais.json", INVALID_FILE);
/** Replaces the built-in version of the fee 101032 in force in mid-2025 (whatever it is) by the same + 1 €. */
const fee101032 = (() => {
  const v = params.at<number>("honoraire.101032", serialFromIso("2025-06-30")).version;
  const version = { from: isoFromSerial(v.from), ...(v.to !== Infinity ? { to: isoFromSerial(v.to) } : {}), value: (v.value + 100) / 100, sources: [SOURCE] };
  const family = { family: "u", description: "correction", parameters: [{ id: "honoraire.101032", label: { fr: "Consultation", nl: "Raadpleging" }, kind: "money", unit: "EUR", versions: [version] }] };
  return path("correction-101032.json", JSON.stringify(family, null, 2));
})();
const penurie = path("penurie.txt", "Référence : AM 13/05/2019, MB 13/06/2019\nSaisie le : 2026-12-01\n11\nCureghem Vétérinaire\nKUREGEM DAUW\n");
const badPenurie = path("penurie-faute.txt", "Référence : AM 13/05/2019\n11\nCureghem Veterinair\n");

function mg(...argv: string[]): { code: number; text: string } {
  const lines: string[] = [];
  const code = main(argv, (s) => lines.push(s));
  return { code, text: lines.join("\n") };
}

afterEach(() => clearUserData());

describe("npm run mg -- … --params FICHIER", () => {
  test("adding 2027: HONORAIRE 101076 2027-03-01 = 34,65 €, the change listed first, the source marked", () => {
    const r = mg("HONORAIRE", "101076", "2027-03-01", "--params", valid);
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/^Paramètres ajoutés par l'utilisateur \(1 modification\) :\n {2}- .*tarifs-2027\.json : ajoute 2027 à honoraire\.101076/);
    expect(r.text).toMatch(/MG\.HONORAIRE = 34,65 €/);
    expect(r.text).toMatch(/Sources :\n {2}- ajouté par l'utilisateur \(fichier .*tarifs-2027\.json\), source : INAMI/);
  });

  test("overriding a version and adding a year, two --params: 32,90 € in 2025", () => {
    const r = mg("HONORAIRE", "101076", "2025-08-30", "--params", valid, "--params", replace);
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/\(2 modifications\)/);
    expect(r.text).toMatch(/remplace la version du 01\/01\/2025 de honoraire\.101076 .* : 32,84 € → 32,90 €/);
    expect(r.text).toMatch(/MG\.HONORAIRE = 32,90 €/);
  });

  test("an invalid file: exit code 2, file, line and reason, nothing computed", () => {
    const r = mg("HONORAIRE", "101076", "2027-03-01", "--params", invalid);
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/mauvais\.json, ligne 14 : « honoraire\.101076 », version n° 1 \(from 2027-01-01\), value : au plus deux décimales/);
    expect(r.text).toMatch(/mauvais\.json, ligne 15 : .*au moins une source est requise/);
    expect(r.text).not.toMatch(/MG\.HONORAIRE =/);
  });

  test("a missing file and a flag without its file: exit code 2 in French", () => {
    expect(mg("HONORAIRE", "101076", "--params", join(dir, "absent.json"))).toMatchObject({ code: 2 });
    expect(mg("HONORAIRE", "101076", "--params", join(dir, "absent.json")).text).toMatch(/absent\.json : fichier introuvable/);
    expect(mg("HONORAIRE", "101076", "--params").text).toMatch(/^--params demande un nom de fichier/);
  });

  test("each run starts from the built-in figures: without --params 2027 is #N/A again", () => {
    mg("HONORAIRE", "101076", "2027-03-01", "--params", valid);
    expect(mg("HONORAIRE", "101076", "2027-03-01")).toMatchObject({ code: 1 });
  });
});

describe("npm run mg -- IS.PENURIE … --penurie FICHIER", () => {
  test("the kept list answers MG.IS.PENURIE without its list argument and says so", () => {
    const r = mg("IS.PENURIE", "12", "2026-12-01", "--penurie", penurie);
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/^Quartiers en pénurie : liste saisie par l'utilisateur le 01\/12\/2026, référence AM 13\/05\/2019, MB 13\/06\/2019 ; 3 quartier\(s\) : 11, 12, 13\./);
    expect(r.text).toMatch(/MG\.IS\.PENURIE = VRAI/);
    expect(r.text).toMatch(/liste saisie par l'utilisateur le 01\/12\/2026, référence AM 13\/05\/2019/);
    expect(mg("IS.PENURIE", "1", "2026-12-01", "--penurie", penurie).text).toMatch(/MG\.IS\.PENURIE = FAUX/);
  });

  test("without --penurie: #N/A as before", () => {
    expect(mg("IS.PENURIE", "12", "2026-12-01").text).toMatch(/^#N\/A La liste officielle des quartiers en pénurie/);
  });

  test("an entry that matches no quarter: exit code 2 with its line and the closest names", () => {
    const r = mg("IS.PENURIE", "12", "--penurie", badPenurie);
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/penurie-faute\.txt, ligne 3 : « Cureghem Veterinair » : quartier inconnu ; noms proches : 12 Cureghem Vétérinaire \(Kuregem Veeartsenij\)/);
  });

  test("a list without « Référence : » line is refused", () => {
    const noRef = path("sans-ref.txt", "11\n12\n");
    expect(mg("IS.PENURIE", "12", "--penurie", noRef).text).toMatch(/indiquez la référence du texte publié.*Ajoutez une ligne « Référence : … »/);
  });
});

describe("npm run simulate -- … --params / --penurie", () => {
  test("--params replacing the 2025 fee 101032 (+ 1 €) changes the 2025 revenue; the change is printed and the Paramètres sheet marks the figure", async () => {
    const plain = await run(["--out", join(dir, "plain.xlsx")]);
    const out = join(dir, "user.xlsx");
    const r = await run(["--out", out, "--params", fee101032]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Paramètres ajoutés par l'utilisateur \(1 modification\) :\n {2}- .*correction-101032\.json : remplace la version du \d\d\/\d\d\/20\d\d de honoraire\.101032/);
    const rev2025 = (text: string) => /\n +2025 +([\d\s\u202f\u00a0]+,\d\d €)/.exec(text)?.[1];
    expect(rev2025(r.out)).toBeDefined();
    expect(rev2025(r.out)).not.toBe(rev2025(plain.out));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.getWorksheet("Paramètres")?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => /^ajouté par l'utilisateur \(fichier .*correction-101032\.json\), source : INAMI/.test(t))).toBe(true);
  });

  test("an invalid --params file: exit code 2, line and reason, nothing written", async () => {
    const sub = mkdtempSync(join(dir, "bad-"));
    const r = await run(["--out", join(sub, "x.xlsx"), "--params", invalid]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/mauvais\.json, ligne 14 : .*au plus deux décimales/);
    expect(r.err).toMatch(/Rien n'a été écrit\./);
    expect(readdirSync(sub)).toEqual([]);
  });

  test("--penurie prints the kept list; a bad list is refused with code 2 and nothing written", async () => {
    const out = join(dir, "pen.xlsx");
    const r = await run(["--out", out, "--penurie", penurie]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Quartiers en pénurie : liste saisie par l'utilisateur le 01\/12\/2026, référence AM 13\/05\/2019, MB 13\/06\/2019 ; 3 quartier\(s\)/);
    // The example's quarter (11 Cureghem Bara) is in the list but the scenario says « penurie » : false: said, not silent.
    expect(r.out).toMatch(/\n\nAttention, scénario « Dr Exemple » : le quartier 11 Cureghem Bara \(Kuregem Bara\) est en pénurie selon la liste saisie par l'utilisateur le 01\/12\/2026, référence AM 13\/05\/2019, MB 13\/06\/2019, mais le scénario indique « penurie » : false ; la simulation suit la liste saisie\./);
    const bad = join(dir, "pen-bad.xlsx");
    const b = await run(["--out", bad, "--penurie", badPenurie]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/ligne 3 : « Cureghem Veterinair »/);
    expect(existsSync(bad)).toBe(false);
  });
});
