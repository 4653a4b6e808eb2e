/**
 * The add-in manifest (DESIGN §4, §6), parsed locally (office-addin-manifest
 * validate needs the network): every resid resolves, every URL is https, the
 * shared runtime is set up, namespace MG, ReadWriteDocument, and every string
 * has its Dutch and English override.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";

const MANIFEST = path.join(__dirname, "..", "..", "manifest.xml");
/** Overrides of every string: Belgian French and Dutch besides nl-NL/en-US, and en-GB (language-only matching is not reliable, audit §3). */
const LOCALES = ["fr-BE", "nl-NL", "nl-BE", "en-US", "en-GB"];
const { METADATA_LOCALES } = require("../../webpack.config.js") as { METADATA_LOCALES: Record<string, string | null> };

type Node = Record<string, unknown>;

export function parseManifest(xml: string): Node {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: false,
    isArray: (name) => ["bt:Image", "bt:Url", "bt:String", "bt:Override", "Override", "Set", "Control", "Group", "ExtensionPoint", "Runtime"].includes(name),
  });
  return parser.parse(xml) as Node;
}

/** Every object below `node`, with the path of element names that leads to it. */
function walk(node: unknown, trail: string[] = [], out: { trail: string[]; node: Node }[] = []) {
  if (Array.isArray(node)) node.forEach((n) => walk(n, trail, out));
  else if (node && typeof node === "object") {
    out.push({ trail, node: node as Node });
    for (const [k, v] of Object.entries(node)) if (!k.startsWith("@")) walk(v, [...trail, k], out);
  }
  return out;
}

const xml = fs.readFileSync(MANIFEST, "utf8");
const doc = parseManifest(xml);
const app = doc.OfficeApp as Node;
const overrides = (app.VersionOverrides as Node) ?? {};
const host = ((overrides.Hosts as Node).Host as Node) ?? {};
const resources = overrides.Resources as Node;
const all = walk(app);

const resourceIds = new Map<string, Node>();
for (const kind of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
  const group = resources[kind] as Node;
  const items = (group["bt:Image"] ?? group["bt:Url"] ?? group["bt:String"]) as Node[];
  for (const item of items) resourceIds.set(item["@id"] as string, { ...item, kind });
}

function resource(id: string): Node {
  const r = resourceIds.get(id);
  if (!r) throw new Error(`resid ${id} does not resolve`);
  return r;
}

test("the manifest is a TaskPaneApp for Excel (Workbook) with a fixed GUID and French as default locale", () => {
  expect(app["@xsi:type"]).toBe("TaskPaneApp");
  expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(app.DefaultLocale).toBe("fr-FR");
  expect(((app.Hosts as Node).Host as Node)["@Name"]).toBe("Workbook");
  expect(host["@xsi:type"]).toBe("Workbook");
});

test("every resid resolves to a bt: resource of at most 32 characters", () => {
  const resids = all.map(({ node }) => node["@resid"]).filter((r): r is string => typeof r === "string");
  expect(resids.length).toBeGreaterThan(10);
  for (const id of resids) {
    expect(resource(id)).toBeDefined();
    expect(id.length).toBeLessThanOrEqual(32);
  }
});

test("every URL in the manifest is https", () => {
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) expect(url).toMatch(/^https:\/\//);
  expect(xml).not.toMatch(/http:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)/);
});

test("shared runtime: Runtime lifetime long, and the same resid for the runtime, the functions page and the task pane", () => {
  const requirements = ((app.Requirements as Node).Sets as Node).Set as Node[];
  expect(requirements).toContainEqual({ "@Name": "SharedRuntime", "@MinVersion": "1.1" });
  const runtimes = (host.Runtimes as Node).Runtime as Node[];
  expect(runtimes).toHaveLength(1);
  expect(runtimes[0]["@lifetime"]).toBe("long");
  const runtime = runtimes[0]["@resid"];
  const cf = ((host.AllFormFactors as Node).ExtensionPoint as Node[]).find((e) => e["@xsi:type"] === "CustomFunctions")!;
  expect(((cf.Page as Node).SourceLocation as Node)["@resid"]).toBe(runtime);
  const desktop = host.DesktopFormFactor as Node;
  expect((desktop.FunctionFile as Node)["@resid"]).toBe(runtime);
  const actions = walk(desktop).filter(({ node }) => node["@xsi:type"] === "ShowTaskpane");
  expect(actions).toHaveLength(1);
  expect((actions[0].node.SourceLocation as Node)["@resid"]).toBe(runtime);
  expect(resource(runtime as string)["@DefaultValue"]).toBe("https://localhost:3000/taskpane.html");
  expect(((app.DefaultSettings as Node).SourceLocation as Node)["@DefaultValue"]).toBe("https://localhost:3000/taskpane.html");
});

test("custom functions: namespace MG, script functions.js, metadata functions.json with one metadata file per locale the build emits", () => {
  const cf = ((host.AllFormFactors as Node).ExtensionPoint as Node[]).find((e) => e["@xsi:type"] === "CustomFunctions")!;
  expect(resource((cf.Namespace as Node)["@resid"] as string)["@DefaultValue"]).toBe("MG");
  expect(resource(((cf.Script as Node).SourceLocation as Node)["@resid"] as string)["@DefaultValue"]).toBe(
    "https://localhost:3000/functions.js",
  );
  const metadata = resource(((cf.Metadata as Node).SourceLocation as Node)["@resid"] as string);
  expect(metadata["@DefaultValue"]).toBe("https://localhost:3000/functions.json");
  const localized = Object.fromEntries((metadata["bt:Override"] as Node[]).map((o) => [o["@Locale"], o["@Value"]]));
  expect(localized).toEqual({
    "fr-FR": "https://localhost:3000/functions.fr-FR.json",
    "fr-BE": "https://localhost:3000/functions.fr-BE.json",
    "nl-NL": "https://localhost:3000/functions.nl-NL.json",
    "nl-BE": "https://localhost:3000/functions.nl-BE.json",
    "en-US": "https://localhost:3000/functions.en-US.json",
    "en-GB": "https://localhost:3000/functions.en-GB.json",
  });
  // every override is a file the build writes (webpack.config.js METADATA_LOCALES), and each locale gets its own language
  expect(Object.keys(localized).sort()).toEqual(Object.keys(METADATA_LOCALES).sort());
  for (const [locale, source] of Object.entries(METADATA_LOCALES)) {
    expect({ locale, language: (source ?? "fr-FR").slice(0, 2) }).toEqual({ locale, language: locale.slice(0, 2) });
  }
});

test("SupportUrl and LearnMoreUrl point to the help page shipped with the add-in (not the task pane)", () => {
  expect((app.SupportUrl as Node)["@DefaultValue"]).toBe("https://localhost:3000/support.html");
  expect(resource("GetStarted.LearnMoreUrl")["@DefaultValue"]).toBe("https://localhost:3000/support.html");
  const page = fs.readFileSync(path.join(__dirname, "..", "..", "support", "support.html"), "utf8");
  for (const lang of ["fr", "nl", "en"]) expect(page).toContain(`<section id="${lang}" lang="${lang}">`);
  // the publisher's contact is a placeholder, marked as such in the three languages
  expect(page.match(/class="placeholder"/g)).toHaveLength(3);
  expect(page).toContain("À COMPLÉTER PAR L'ÉDITEUR AVANT PUBLICATION");
  expect(page).toContain("Rien ne quitte votre ordinateur");
  expect(page).toContain("24 heures");
  expect(page).not.toMatch(/<script/i);
});

test("the add-in asks for ReadWriteDocument (it writes simulation sheets)", () => {
  expect(app.Permissions).toBe("ReadWriteDocument");
});

test("a ribbon button opens the task pane, with 16/20/32/40/64/80 icons (Microsoft's add-in icon guidance)", () => {
  const buttons = walk(host.DesktopFormFactor).filter(({ node }) => node["@xsi:type"] === "Button");
  expect(buttons).toHaveLength(1);
  const sizes = ((buttons[0].node.Icon as Node)["bt:Image"] as Node[]).map((i) => i["@size"]);
  expect(sizes).toEqual(["16", "20", "32", "40", "64", "80"]);
  for (const size of [16, 20, 32, 40, 64, 80]) {
    const png = fs.readFileSync(path.join(__dirname, "..", "..", "assets", `icon-${size}.png`));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]); // IHDR width, height
  }
  for (const size of [16, 32, 64, 80]) {
    expect(fs.existsSync(path.join(__dirname, "..", "..", "assets", `icon-${size}.png`))).toBe(true);
  }
});

test("every string, the display name and the description have fr-BE, nl-NL, nl-BE, en-US and en-GB overrides", () => {
  const strings = [...resourceIds.values()].filter((r) => r.kind === "bt:ShortStrings" || r.kind === "bt:LongStrings");
  expect(strings.length).toBeGreaterThanOrEqual(5);
  for (const s of strings) {
    const locales = ((s["bt:Override"] as Node[]) ?? []).map((o) => o["@Locale"]);
    expect({ id: s["@id"], locales }).toEqual({ id: s["@id"], locales: LOCALES });
  }
  for (const key of ["DisplayName", "Description"]) {
    const locales = (((app[key] as Node).Override as Node[]) ?? []).map((o) => o["@Locale"]);
    expect(locales).toEqual(LOCALES);
  }
});
