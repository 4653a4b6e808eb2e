/**
 * Hardening of what ships: a production build (into a temporary folder, like
 * tests/build/build.test.ts, so dist/ and a running dev server are not
 * touched), then
 * - the bundles (dist/*.js) and pages (dist/*.html) name no origin other than
 *   the add-in's own and Microsoft's Office CDN, except strings that are only
 *   shown to the user (allow-list below, each entry justified);
 * - they contain no network API (fetch, XMLHttpRequest, WebSocket,
 *   EventSource, importScripts, sendBeacon, workers, script injection), but
 *   for webpack's loader of functions.js's own chunk (quartiers-limites.js,
 *   same folder as the page: relative URL, no other file);
 * - both pages carry a Content-Security-Policy that allows only 'self' and the
 *   Office CDN, with no eval and no inline script;
 * - the manifest asks only ReadWriteDocument and every URL in it is https.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { catalog } from "../../src/catalog";
import { productionBuild, ROOT } from "../helpers/production-build";

const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const OFFICE_TELEMETRY = "https://browser.pipe.aria.microsoft.com";

let out: string;
const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

beforeAll(() => {
  out = productionBuild("mg-hardening-");
}, 240_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>)\\]*/g;

/**
 * Documentation URLs: the public sources of the legal figures and of the
 * quarters data (src/params/*.json, src/data/quartiers.json, and `url:` of
 * sources written in src/**.ts). They are strings in explanations, error
 * messages and the Paramètres sheet, shown to the user, never requested.
 */
function documentationUrls(): Set<string> {
  const urls = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith(".json")) for (const m of fs.readFileSync(file, "utf8").matchAll(URL_PATTERN)) urls.add(m[0]);
      else if (entry.name.endsWith(".ts")) for (const m of fs.readFileSync(file, "utf8").matchAll(/\burl:\s*"(https:\/\/[^"]+)"/g)) urls.add(m[1]);
    }
  };
  visit(path.join(ROOT, "src"));
  return urls;
}

/**
 * Strings of bundled libraries that look like URLs and are not requests
 * (exact strings; none may appear in functions.js, which holds no library).
 */
const LIBRARY_STRINGS: Record<string, string> = {
  // classic zod (task pane scenario form): `$schema` identifiers written by z.toJSONSchema(), never fetched.
  "https://json-schema.org/draft/2020-12/schema": "zod toJSONSchema $schema identifier",
  "http://json-schema.org/draft-07/schema#": "zod toJSONSchema $schema identifier",
  "http://json-schema.org/draft-04/schema#": "zod toJSONSchema $schema identifier",
  // classic zod: template of the z.url() normaliser for IPv6 hosts (string building, no request).
  "http://[${e}]": "zod URL normaliser template",
};

/** The tags of a page with their attributes (the build minifies HTML: quotes may be dropped). */
function tags(html: string, name: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "gi"))].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([a-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/gi)].map((a) => [a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ""])),
  );
}

function bundles(): string[] {
  return fs.readdirSync(out).filter((f) => f.endsWith(".js"));
}
function pages(): string[] {
  return fs.readdirSync(out).filter((f) => f.endsWith(".html"));
}

describe("the functions bundle carries no catalog texts (scripts/strip-catalog-texts.js) and still answers", () => {
  test("descriptions and examples of the catalog are not in functions.js, but are in functions.json", () => {
    const bundle = read("functions.js");
    const metadata = read("functions.json");
    for (const f of catalog) {
      expect({ id: f.id, inBundle: bundle.includes(f.description.fr) }).toEqual({ id: f.id, inBundle: false });
      expect(metadata).toContain(f.id);
    }
    expect(metadata).toContain(catalog[0].description.fr);
  });

  test("functions.js ships neither zod nor the quarter boundaries (both checked or loaded elsewhere)", () => {
    const bundle = read("functions.js");
    expect(bundle).not.toMatch(/_zod|\$ZodType/);
    expect(bundle).not.toContain("polyligne encodée");
    expect(read("quartiers-limites.js")).toContain("polyligne encodée");
  });

  test("the built functions, called as Excel calls them, give the documented values and CustomFunctions.Error", () => {
    const registered = new Map<string, (...args: unknown[]) => unknown>();
    class CfError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    const sandbox = {
      CustomFunctions: { associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn), Error: CfError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } },
      Office: { context: { displayLanguage: "fr-BE" } },
      URL,
    };
    vm.runInNewContext(read("functions.js"), sandbox);
    expect([...registered.keys()].sort()).toEqual(catalog.map((f) => f.id).sort());
    // seed 000: 75 % of 32,84 € on 30/08/2025 = 24,63 €; seed 002: 4 500 € for 6 criteria in 2024
    expect(registered.get("STAGE.TARIFF")!(101076, 45899, null)).toBe(24.63);
    expect(registered.get("PRIME.INTEGREE")!(2024, "acte", 6, null)).toBe(4500);
    let error: unknown;
    try {
      registered.get("STAGE.TARIFF")!("abc", null, null);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CfError);
    expect((error as CfError).code).toBe("#VALUE!");
    expect((error as CfError).message).toMatch(/Code de nomenclature invalide/);
  });
});

describe("hardening: the built add-in talks to no other origin", () => {
  test("the build has the two bundles, the boundaries chunk and the two pages", () => {
    expect(bundles().sort()).toEqual(["functions.js", "quartiers-limites.js", "taskpane.js"]);
    expect(pages().sort()).toEqual(["functions.html", "support.html", "taskpane.html"]);
  });

  test("functions.js loads one chunk of its own, by a URL relative to the page (quartiers-limites.js, same folder)", () => {
    const bundle = read("functions.js");
    // webpack's runtime: public path "" (relative), chunk file names, one script element.
    expect([...bundle.matchAll(/\b\w+\.p=("[^"]*")/g)].map((m) => m[1])).toEqual(['""']);
    expect([...bundle.matchAll(/\b\w+\.u=\w+=>("[^"]*")/g)].map((m) => m[1])).toEqual(['"quartiers-limites.js"']);
    expect(bundle.match(/createElement\("script"\)/g)).toHaveLength(1);
    expect(read("taskpane.js")).not.toMatch(/createElement\("script"\)/);
  });

  test("every absolute URL in the bundles is a documentation source shown to the user, or an allowed library string", () => {
    const docs = documentationUrls();
    expect(docs.size).toBeGreaterThan(10);
    for (const file of bundles()) {
      const found = [...new Set([...read(file).matchAll(URL_PATTERN)].map((m) => m[0]))];
      const unexpected = found.filter((u) => !docs.has(u) && !(u in LIBRARY_STRINGS));
      expect({ file, unexpected }).toEqual({ file, unexpected: [] });
      if (file === "functions.js") expect({ file, library: found.filter((u) => u in LIBRARY_STRINGS) }).toEqual({ file, library: [] });
      // documentation URLs are https (no mixed content if a user opens one)
      expect({ file, http: found.filter((u) => docs.has(u) && !u.startsWith("https://")) }).toEqual({ file, http: [] });
    }
  });

  test("no network API in the bundles: fetch, XMLHttpRequest, WebSocket, EventSource, importScripts, sendBeacon, workers, injected scripts (but the chunk loader above)", () => {
    const apis = /\b(fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|importScripts|sendBeacon|new\s+Worker|SharedWorker|serviceWorker|RTCPeerConnection)|createElement\(\s*["']script["']\s*\)|\bimport\s*\(/g;
    for (const file of bundles()) {
      let code = read(file);
      if (file === "functions.js") code = code.replace('createElement("script")', "");
      const uses = [...code.matchAll(apis)].map((m) => m[0]);
      expect({ file, uses }).toEqual({ file, uses: [] });
    }
  });

  test("the pages load scripts and styles only from the add-in's own folder and office.js from the Office CDN", () => {
    for (const file of pages()) {
      const html = read(file);
      const refs = ["script", "link", "img", "iframe"].flatMap((t) => tags(html, t)).map((a) => a.src ?? a.href).filter((r): r is string => r !== undefined);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        const ok = ref === `${OFFICE_CDN}/lib/1/hosted/office.js` || !/^[a-z]+:|^\/\//i.test(ref);
        expect({ file, ref, ok }).toEqual({ file, ref, ok: true });
      }
      const absolute = [...html.matchAll(URL_PATTERN)].map((m) => m[0].replace(/;$/, ""));
      // the Office CDN, and office.js's telemetry host named in the Content-Security-Policy
      for (const u of absolute) expect({ file, url: u.startsWith(OFFICE_CDN) || u === OFFICE_TELEMETRY }).toEqual({ file, url: true });
    }
  });

  test.each(["functions.html", "taskpane.html"])("%s has a Content-Security-Policy: only 'self' and the Office CDN, no eval, no inline script", (file) => {
    const html = read(file);
    const metas = tags(html, "meta").filter((a) => a["http-equiv"]?.toLowerCase() === "content-security-policy");
    expect(metas).toHaveLength(1);
    const directives = new Map(
      metas[0].content
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name, sources] as const),
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    const script = directives.get("script-src") ?? directives.get("default-src")!;
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
    for (const [name, sources] of directives) {
      for (const s of sources) {
        // Excel on the web needs inline styles (office-js#1687) and office.js's telemetry host (office-js#1005): those two only, in their directive only.
        const allowed =
          s === "'self'" ||
          s === "'none'" ||
          s === OFFICE_CDN ||
          (name === "img-src" && s === "data:") ||
          (name === "style-src" && s === "'unsafe-inline'") ||
          (name === "connect-src" && s === OFFICE_TELEMETRY);
        expect({ file, directive: name, source: s, allowed }).toEqual({ file, directive: name, source: s, allowed: true });
      }
    }
    // connections: only the add-in's own origin and the Office CDN
    for (const s of directives.get("connect-src") ?? []) expect(["'self'", OFFICE_CDN, OFFICE_TELEMETRY]).toContain(s);
    expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    // the page's source says why (the build strips HTML comments)
    const source = fs.readFileSync(path.join(__dirname, "..", "..", file === "taskpane.html" ? "taskpane" : "functions", file), "utf8");
    expect(source).toContain("office-js#1687");
    expect(source).toContain("office-js#1005");
    // no inline script the policy would block
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) expect({ file, inline: m[2].trim() }).toEqual({ file, inline: "" });
  });

  test("the built manifest asks only ReadWriteDocument and every URL in it is https", () => {
    const manifest = read("manifest.xml");
    expect([...manifest.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1].trim())).toEqual(["ReadWriteDocument"]);
    const urls = [...manifest.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    // XML namespaces are identifiers, not requests
    const requested = urls.filter((u) => !/^http:\/\/schemas\.microsoft\.com\/|^http:\/\/www\.w3\.org\//.test(u));
    for (const u of requested) expect(u).toMatch(/^https:\/\//);
  });
});
