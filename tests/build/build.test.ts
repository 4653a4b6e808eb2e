/**
 * Build contract (DESIGN §4, §6): one production webpack build per test run
 * (into a temporary folder, so a running dev server or dist/ is not touched),
 * then the bundle registers EVERY catalog id (a known failure mode is a bundle
 * without `CustomFunctions.associate`), the metadata lists them all, the
 * per-locale metadata match it, and dist/manifest.xml points at the
 * production host only.
 */
import * as fs from "fs";
import * as path from "path";
import { catalog } from "../../src/catalog";
import { productionBuild, ROOT } from "../helpers/production-build";
import type { Metadata } from "../../scripts/metadata";

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const PROD_URL: string = pkg.config.prod_url;
const locales = JSON.parse(fs.readFileSync(path.join(ROOT, "functions", "functions.locales.json"), "utf8"));

let out: string;
const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
const json = (file: string) => JSON.parse(read(file)) as Metadata;

beforeAll(() => {
  out = productionBuild("mg-build-");
}, 240_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

test("the production build emits the bundles, pages, metadata, manifest and icons", () => {
  for (const file of [
    "functions.js",
    "taskpane.js",
    "taskpane.html",
    "functions.html",
    "taskpane.css",
    "functions.json",
    "functions.nl-NL.json",
    "functions.en-US.json",
    "functions.fr-FR.json",
    "functions.fr-BE.json",
    "functions.nl-BE.json",
    "functions.en-GB.json",
    "support.html",
    "manifest.xml",
    "assets/icon-16.png",
    "assets/icon-20.png",
    "assets/icon-32.png",
    "assets/icon-40.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
  ]) {
    expect({ file, exists: fs.existsSync(path.join(out, file)) }).toEqual({ file, exists: true });
  }
});

test("functions.js calls CustomFunctions.associate exactly once for every catalog id", () => {
  const bundle = read("functions.js");
  const associated = [...bundle.matchAll(/CustomFunctions\.associate\("([A-Z0-9._]+)"/g)].map((m) => m[1]);
  expect(associated.sort()).toEqual(catalog.map((f) => f.id).sort());
});

test("every locale override of the built manifest resolves to a metadata file of dist/ in that locale's language", () => {
  const manifest = read("manifest.xml");
  const urls = [...manifest.matchAll(/<bt:Override Locale="([a-z]{2}-[A-Z]{2})" Value="([^"]*functions\.[^"]*\.json)"\/>/g)];
  expect(urls.map((m) => m[1]).sort()).toEqual(["en-GB", "en-US", "fr-BE", "fr-FR", "nl-BE", "nl-NL"]);
  const french = json("functions.json");
  for (const [, locale, url] of urls) {
    const file = url.slice(url.lastIndexOf("/") + 1);
    expect(file).toBe(`functions.${locale}.json`);
    const localized = json(file);
    expect(localized.functions.map((f) => f.id)).toEqual(french.functions.map((f) => f.id));
    const lang = locale.slice(0, 2);
    const expected = lang === "fr" ? french.functions[0].description : locales[lang === "nl" ? "nl-NL" : "en-US"][localized.functions[0].id].description;
    expect({ locale, description: localized.functions[0].description }).toEqual({ locale, description: expected });
  }
  expect(manifest).toContain(`<SupportUrl DefaultValue="${PROD_URL}support.html"/>`);
});

test("functions.json lists every catalog id, with id = name", () => {
  const metadata = json("functions.json");
  expect(metadata.functions.map((f) => f.id).sort()).toEqual(catalog.map((f) => f.id).sort());
  for (const f of metadata.functions) expect(f.name).toBe(f.id);
});

test("functions.nl-NL.json and functions.en-US.json keep ids, names and parameters, with translated descriptions", () => {
  const fr = json("functions.json");
  for (const [locale, lang] of [
    ["nl-NL", "nl"],
    ["en-US", "en"],
  ] as const) {
    const localized = json(`functions.${locale}.json`);
    const shape = (m: Metadata) =>
      m.functions.map((f) => ({ id: f.id, name: f.name, result: f.result, parameters: f.parameters.map(({ description: _d, ...p }) => p) }));
    expect(shape(localized)).toEqual(shape(fr));
    for (const spec of catalog) {
      const f = localized.functions.find((x) => x.id === spec.id)!;
      expect(f.description).toBe(locales[locale][spec.id].description);
      expect(f.description).toBe(spec.description[lang].replace(/\s+/g, " ").trim());
      for (const p of f.parameters) expect(p.description).toBe(locales[locale][spec.id].parameters[p.name]);
    }
  }
  const nl = json("functions.nl-NL.json").functions.find((f) => f.id === "PRIME.INTEGREE")!;
  expect(nl.description).toBe("Geïntegreerde praktijkpremie van het RIZIV voor een premiejaar (€).");
});

test(`dist/manifest.xml points at the production host (${PROD_URL}) everywhere, never at localhost`, () => {
  const manifest = read("manifest.xml");
  expect(manifest).not.toMatch(/localhost/);
  const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) expect(url.startsWith(PROD_URL)).toBe(true);
  expect(manifest).toContain(`${PROD_URL}functions.nl-NL.json`);
  expect(manifest).toContain(`${PROD_URL}taskpane.html`);
});

test("the production task pane loads office.js from Microsoft's CDN, then the functions and task pane bundles (shared runtime)", () => {
  const html = read("taskpane.html");
  const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
  expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "functions.js", "taskpane.js"]);
  const page = read("functions.html");
  const pageScripts = [...page.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
  expect(pageScripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "functions.js"]);
});
