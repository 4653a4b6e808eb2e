/**
 * Imports the 145 quarters of the Brussels "Monitoring des Quartiers"
 * (IBSA / perspective.brussels, open data under CC0) into two compact data
 * files committed in src/data:
 * - quartiers.json: codes, French and Dutch names, a point inside each
 *   quarter (bundled with the custom functions);
 * - quartiers-limites.json: the boundaries (loaded by the add-in on the first
 *   MG.QUARTIER call only: see functions/runtime.ts).
 *
 *   npx tsx scripts/import-quartiers.ts [data-folder] [output-folder]
 *   npm run import:quartiers
 *
 * The data folder defaults to <repo>/../shared/data (monitoring-quartiers.csv:
 * mdzone,name_fr,name_nl_upper; monitoring-quartiers.geojson: WGS84
 * MultiPolygons). Polygons are rounded to 1e-5 degree and stored as encoded
 * polylines. The output is deterministic (same inputs, same bytes), and the
 * script refuses to write it unless every check passes: 145 quarters, unique
 * codes, CSV and GeoJSON agree, every polygon keeps an area, each quarter's
 * inside point resolves to it, and on a fixed grid over the Region the
 * rounded polygons give the same quarter as the original ones for every point
 * farther than 2e-5 degree (about 2 m) from a boundary.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import {
  bboxOf,
  boundaryDistance,
  decodeRing,
  encodeInts,
  inBBox,
  inRings,
  quantizeRing,
  ringArea,
  ringFromArcs,
  type BBox,
  type Point,
  type Ring,
} from "../src/geo";

export const EXPECTED_COUNT = 145;
/** Points farther than this from every boundary must not change quarter after rounding. */
export const MARGIN_DEGREES = 2e-5;
const GRID_STEP = 0.0007;

export interface QuartierRecord {
  code: number;
  fr: string;
  /** Dutch name in proper case, derived from the official upper-case form. */
  nl: string;
  /** Dutch name as published (upper case). */
  nlOfficial: string;
  /** A point well inside the quarter (for examples and tests). */
  inside: { lat: number; lon: number };
  /** One entry per polygon: outer ring then holes, each ring as references to `arcs` (~i: arc i backwards). */
  polygons: number[][][];
}

/**
 * The whole import in memory (both files joined): names and boundaries.
 * See `serialize` for the two files and `joinData` to join them back.
 */
export interface QuartiersData {
  dataset: string;
  publisher: string;
  license: string;
  licenseNote: string;
  inputs: { file: string; sha256: string }[];
  encoding: string;
  count: number;
  quartiers: QuartierRecord[];
  /** Shared boundaries, each stored once, as encoded polylines. */
  arcs: string[];
}

interface CsvRow {
  code: number;
  fr: string;
  nlUpper: string;
}

/** Minimal RFC 4180 reader (quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const t = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (quoted) {
      if (c === '"' && t[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && t[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

function readCsvRows(text: string): CsvRow[] {
  const [header, ...rows] = parseCsv(text);
  const want = ["mdzone", "name_fr", "name_nl_upper"];
  if (!header || want.some((h, i) => header[i]?.trim() !== h)) {
    throw new Error(`en-tête CSV inattendu : ${header?.join(",")} (attendu ${want.join(",")})`);
  }
  return rows.map((r, i) => {
    const code = Number(r[0]);
    if (!Number.isInteger(code) || code <= 0) throw new Error(`ligne ${i + 2} : code mdzone invalide « ${r[0]} »`);
    const fr = (r[1] ?? "").trim().replace(/\s+/g, " ");
    const nlUpper = (r[2] ?? "").trim().replace(/\s+/g, " ");
    if (!fr || !nlUpper) throw new Error(`ligne ${i + 2} : nom manquant`);
    return { code, fr, nlUpper };
  });
}

const NL_PARTICLES = new Set(["van", "de", "der", "den", "ter", "ten", "het", "en"]);
const KEEP_UPPER = new Set(["NATO", "AZ", "II", "III", "IV"]);

function capitalize(word: string): string {
  if (KEEP_UPPER.has(word)) return word;
  const lower = word.toLowerCase();
  // Dutch digraph IJ is capitalised as a whole (IJzer), but no quarter starts with it today.
  if (lower.startsWith("ij")) return "IJ" + lower.slice(2);
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/**
 * Proper case for an upper-case Dutch name: each word capitalised, words
 * after an apostrophe lower-case (VILLA'S), Dutch particles lower-case except
 * at the start of a " - " segment (PARK VAN VORST -> Park van Vorst, but
 * VAN VOLXEM -> Van Volxem), acronyms kept, and a word spelled exactly like a
 * word of the French name takes the French casing (AZ-JETTE -> AZ-Jette).
 */
export function nlProperCase(upper: string, fr: string): string {
  const frWords = new Map<string, string>();
  for (const w of fr.split(/\s+/)) if (w !== "-") frWords.set(w.toUpperCase(), w);
  return upper
    .split(" - ")
    .map((segment) =>
      segment
        .split(" ")
        .map((word, wi) => {
          const lower = word.toLowerCase();
          if (wi > 0 && NL_PARTICLES.has(lower)) return lower;
          // Same letters, accents included, as a French word: take its casing.
          const fromFr = frWords.get(word);
          if (fromFr !== undefined) return fromFr;
          return word
            .split("-")
            .map((part) => {
              const [head, ...rest] = part.split("'");
              return [capitalize(head), ...rest.map((r) => r.toLowerCase())].join("'");
            })
            .join("-");
        })
        .join(" "),
    )
    .join(" - ");
}

interface Feature {
  code: number;
  fr: string;
  nlUpper: string;
  polygons: Ring[][];
}

function readFeatures(text: string): Feature[] {
  const g = JSON.parse(text) as {
    type: string;
    features: { properties: { mdzone: number; name_fr: string; name_nl_upper: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  if (g.type !== "FeatureCollection") throw new Error("GeoJSON : FeatureCollection attendue");
  return g.features.map((f) => {
    const code = Number(f.properties.mdzone);
    let polygons: Ring[][];
    if (f.geometry.type === "MultiPolygon") polygons = f.geometry.coordinates as Ring[][];
    else if (f.geometry.type === "Polygon") polygons = [f.geometry.coordinates as Ring[]];
    else throw new Error(`quartier ${code} : géométrie ${f.geometry.type} non prise en charge`);
    return {
      code,
      fr: String(f.properties.name_fr).trim().replace(/\s+/g, " "),
      nlUpper: String(f.properties.name_nl_upper).trim().replace(/\s+/g, " "),
      polygons,
    };
  });
}

interface Shape {
  code: number;
  rings: Ring[];
  bbox: BBox;
}

function shapeOf(code: number, polygons: Ring[][]): Shape {
  const rings = polygons.flat();
  return { code, rings, bbox: bboxOf(rings) };
}

function locate(shapes: Shape[], p: Point): number | null {
  for (const s of shapes) if (inBBox(s.bbox, p) && inRings(s.rings, p)) return s.code;
  return null;
}

/** A point far from the boundary: best of a fixed grid, refined once; rounded to 1e-5. */
function insidePoint(shape: Shape): Point {
  const search = (b: BBox, n: number): { p: Point; d: number } | null => {
    let best: { p: Point; d: number } | null = null;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        const p: Point = [b[0] + ((b[2] - b[0]) * i) / n, b[1] + ((b[3] - b[1]) * j) / n];
        if (!inRings(shape.rings, p)) continue;
        const d = boundaryDistance(shape.rings, p);
        if (!best || d > best.d) best = { p, d };
      }
    }
    return best;
  };
  const b = shape.bbox;
  const first = search(b, 40);
  if (!first) throw new Error(`quartier ${shape.code} : aucun point intérieur trouvé`);
  const dx = (b[2] - b[0]) / 40;
  const dy = (b[3] - b[1]) / 40;
  const refined = search([first.p[0] - dx, first.p[1] - dy, first.p[0] + dx, first.p[1] + dy], 20) ?? first;
  const best = refined.d >= first.d ? refined : first;
  return [Math.round(best.p[0] * 1e5) / 1e5, Math.round(best.p[1] * 1e5) / 1e5];
}


type IntPoint = [number, number];

/**
 * Splits rounded rings into arcs so that a boundary shared by two quarters is
 * stored once (as TopoJSON does): a ring is cut wherever the set of rings
 * using its edges changes; identical chains (in either direction) become one
 * arc. Deterministic: rings are visited in code order.
 */
export function buildArcs(rings: IntPoint[][]): { arcs: IntPoint[][]; refs: number[][] } {
  const pointKey = (p: IntPoint): string => `${p[0]},${p[1]}`;
  const edgeKey = (a: IntPoint, b: IntPoint): string => {
    const ka = pointKey(a);
    const kb = pointKey(b);
    return ka < kb ? `${ka};${kb}` : `${kb};${ka}`;
  };
  const closed = rings.map((r) => {
    const first = r[0];
    const last = r[r.length - 1];
    return first[0] === last[0] && first[1] === last[1] ? r : [...r, first];
  });
  const users = new Map<string, number[]>();
  closed.forEach((r, ri) => {
    for (let i = 0; i + 1 < r.length; i++) {
      const k = edgeKey(r[i], r[i + 1]);
      const list = users.get(k) ?? [];
      if (!list.includes(ri)) list.push(ri);
      users.set(k, list);
    }
  });
  const arcs: IntPoint[][] = [];
  const byKey = new Map<string, number>();
  const chainKey = (c: IntPoint[]): string => c.map(pointKey).join(" ");
  const refOf = (chain: IntPoint[], reversed: IntPoint[]): number => {
    const f = byKey.get(chainKey(chain));
    if (f !== undefined) return f;
    const b = byKey.get(chainKey(reversed));
    if (b !== undefined) return ~b;
    arcs.push(chain);
    byKey.set(chainKey(chain), arcs.length - 1);
    return arcs.length - 1;
  };
  const refs = closed.map((r) => {
    const n = r.length - 1; // edges; r[n] === r[0]
    const sig = Array.from({ length: n }, (_, i) => users.get(edgeKey(r[i], r[i + 1]))!.join(","));
    const cuts: number[] = [];
    for (let v = 0; v < n; v++) if (sig[(v - 1 + n) % n] !== sig[v]) cuts.push(v);
    if (cuts.length === 0) {
      // A ring shared whole (or not at all): start at its smallest point, in both directions.
      const open = r.slice(0, n);
      const rotate = (pts: IntPoint[]): IntPoint[] => {
        let m = 0;
        for (let i = 1; i < pts.length; i++) if (pts[i][0] < pts[m][0] || (pts[i][0] === pts[m][0] && pts[i][1] < pts[m][1])) m = i;
        const o = [...pts.slice(m), ...pts.slice(0, m)];
        return [...o, o[0]];
      };
      const fwd = rotate(open);
      const back = rotate([...open].reverse());
      return [refOf(fwd, back)];
    }
    const out: number[] = [];
    for (let k = 0; k < cuts.length; k++) {
      const a = cuts[k];
      const b = cuts[(k + 1) % cuts.length];
      const chain: IntPoint[] = [];
      for (let i = a; ; i = (i + 1) % n) {
        chain.push(r[i]);
        if (chain.length > 1 && i === b) break;
      }
      out.push(refOf(chain, [...chain].reverse()));
    }
    return out;
  });
  return { arcs, refs };
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Decodes the committed shapes of a data file. */
export function decodedShapes(data: QuartiersData): Shape[] {
  const arcs = data.arcs.map(decodeRing);
  return data.quartiers.map((q) => shapeOf(q.code, q.polygons.map((poly) => poly.map((refs) => ringFromArcs(refs, arcs)))));
}

/**
 * Builds the data file from the two inputs and checks it against the
 * original geometry. Throws with every problem found.
 */
export function buildQuartiersData(csvText: string, geojsonText: string): QuartiersData {
  const problems: string[] = [];
  const rows = readCsvRows(csvText);
  const features = readFeatures(geojsonText);
  if (rows.length !== EXPECTED_COUNT) problems.push(`CSV : ${rows.length} quartiers au lieu de ${EXPECTED_COUNT}`);
  if (features.length !== EXPECTED_COUNT) problems.push(`GeoJSON : ${features.length} quartiers au lieu de ${EXPECTED_COUNT}`);
  const byCode = new Map<number, Feature>();
  for (const f of features) {
    if (byCode.has(f.code)) problems.push(`GeoJSON : code ${f.code} en double`);
    byCode.set(f.code, f);
  }
  const seen = new Set<number>();
  for (const r of rows) {
    if (seen.has(r.code)) problems.push(`CSV : code ${r.code} en double`);
    seen.add(r.code);
    const f = byCode.get(r.code);
    if (!f) problems.push(`code ${r.code} (${r.fr}) absent du GeoJSON`);
    else if (f.fr !== r.fr || f.nlUpper !== r.nlUpper) problems.push(`code ${r.code} : noms différents entre CSV et GeoJSON`);
  }
  for (const f of features) if (!seen.has(f.code)) problems.push(`code ${f.code} du GeoJSON absent du CSV`);
  if (problems.length) throw new Error(problems.join("\n"));

  const sorted = [...rows].sort((a, b) => a.code - b.code);
  const original: Shape[] = [];
  const intRings: IntPoint[][] = [];
  const ringIds = sorted.map((r) => {
    const f = byCode.get(r.code)!;
    original.push(shapeOf(r.code, f.polygons));
    return f.polygons.map((poly, i) =>
      poly.map((ring, j) => {
        const q = quantizeRing(ring);
        if (q.length < 4 || ringArea(q) === 0) problems.push(`quartier ${r.code}, polygone ${i + 1}, anneau ${j + 1} : vide après arrondi`);
        intRings.push(q);
        return intRings.length - 1;
      }),
    );
  });
  if (problems.length) throw new Error(problems.join("\n"));
  const topo = buildArcs(intRings);
  // The arcs must give back every rounded ring exactly (up to its starting point).
  const intArcs = topo.arcs;
  topo.refs.forEach((refs, k) => {
    const back = ringFromArcs(refs, intArcs as unknown as Ring[]);
    const want = intRings[k];
    const wantClosed = want[0][0] === want[want.length - 1][0] && want[0][1] === want[want.length - 1][1] ? want : [...want, want[0]];
    const n = wantClosed.length - 1;
    // Any rotation will do (a ring may pass twice through a point: try each).
    const same =
      back.length === n + 1 &&
      wantClosed.some(
        (_, start) =>
          start < n &&
          back.every((p, i) => {
            const w = wantClosed[(start + i) % n];
            return p[0] === w[0] && p[1] === w[1];
          }),
      );
    if (!same) problems.push(`anneau ${k} : les arcs ne redonnent pas l'anneau arrondi`);
  });
  const quartiers: QuartierRecord[] = sorted.map((r, qi) => {
    const [lon, lat] = insidePoint(original[qi]);
    return {
      code: r.code,
      fr: r.fr,
      nl: nlProperCase(r.nlUpper, r.fr),
      nlOfficial: r.nlUpper,
      inside: { lat, lon },
      polygons: ringIds[qi].map((poly) => poly.map((k) => topo.refs[k])),
    };
  });

  const data: QuartiersData = {
    dataset: "Monitoring des Quartiers de la Région de Bruxelles-Capitale : 145 quartiers (mdzone), noms FR/NL et limites",
    publisher: "IBSA / perspective.brussels (Institut Bruxellois de Statistique et d'Analyse), monitoringdesquartiers.brussels",
    license: "CC0 1.0 (données ouvertes, domaine public)",
    licenseNote:
      "Données ouvertes IBSA/perspective.brussels, Monitoring des Quartiers, sous licence CC0 selon RULES.md R11. Géométries arrondies à 1e-5 degré ; nom NL en casse usuelle dérivé de la forme officielle en majuscules (nlOfficial, conservée).",
    inputs: [
      { file: "monitoring-quartiers.csv", sha256: sha256(csvText) },
      { file: "monitoring-quartiers.geojson", sha256: sha256(geojsonText) },
    ],
    encoding:
      "arcs : limites partagées, chacune une fois, en polyligne encodée (algorithme Google : latitude puis longitude, entiers à 1e-5 degré, différences successives ; WGS84). polygons : par polygone, anneau extérieur puis trous ; chaque anneau est la suite de ses arcs (indice i, ou ~i = -i-1 pour l'arc i parcouru à l'envers), le point commun de deux arcs consécutifs n'étant compté qu'une fois.",
    count: quartiers.length,
    quartiers,
    arcs: topo.arcs.map(encodeInts),
  };
  problems.push(...checkAgainstOriginal(data, original));
  if (problems.length) throw new Error(problems.join("\n"));
  return data;
}

/** Rounding must not move any point that is clearly inside a quarter. */
function checkAgainstOriginal(data: QuartiersData, original: Shape[]): string[] {
  const problems: string[] = [];
  const decoded = decodedShapes(data);
  for (const q of data.quartiers) {
    const got = locate(decoded, [q.inside.lon, q.inside.lat]);
    if (got !== q.code) problems.push(`quartier ${q.code} : son point intérieur tombe dans ${got ?? "aucun quartier"}`);
  }
  const all = bboxOf(original.flatMap((s) => s.rings));
  for (let x = all[0]; x <= all[2]; x += GRID_STEP) {
    for (let y = all[1]; y <= all[3]; y += GRID_STEP) {
      const p: Point = [x, y];
      const a = locate(original, p);
      const b = locate(decoded, p);
      if (a === b) continue;
      const near = original.filter((s) => s.code === a || s.code === b).map((s) => boundaryDistance(s.rings, p));
      if (Math.min(...near) > MARGIN_DEGREES) {
        problems.push(`point ${y.toFixed(6)}, ${x.toFixed(6)} : quartier ${a} à l'origine, ${b} après arrondi`);
      }
    }
  }
  return problems;
}

/** The two committed files. */
export const DATA_FILES = { index: "quartiers.json", limits: "quartiers-limites.json" } as const;

/** What quartiers-limites.json holds: per quarter (same order as quartiers.json), its polygons; the shared arcs. */
export interface QuartiersLimits {
  dataset: string;
  encoding: string;
  quartiers: { code: number; polygons: number[][][] }[];
  arcs: string[];
}

/**
 * The two files' texts, one quarter (or arc) per line: small diffs, stable
 * bytes. quartiers.json holds the names, quartiers-limites.json the
 * boundaries.
 */
export function serialize(data: QuartiersData): { index: string; limits: string } {
  const { quartiers, arcs, encoding, ...head } = data;
  const headJson = JSON.stringify(head, null, 2);
  const lines = quartiers.map(({ polygons: _polygons, ...q }) => "    " + JSON.stringify(q));
  const index = `${headJson.slice(0, -2)},\n  "quartiers": [\n${lines.join(",\n")}\n  ]\n}\n`;
  const limitsHead = JSON.stringify({ dataset: `Limites des ${data.count} quartiers du Monitoring des Quartiers (noms, licence et source : ${DATA_FILES.index})`, encoding }, null, 2);
  const shapeLines = quartiers.map((q) => "    " + JSON.stringify({ code: q.code, polygons: q.polygons }));
  const arcLines = arcs.map((a) => "    " + JSON.stringify(a));
  const limits = `${limitsHead.slice(0, -2)},\n  "quartiers": [\n${shapeLines.join(",\n")}\n  ],\n  "arcs": [\n${arcLines.join(",\n")}\n  ]\n}\n`;
  return { index, limits };
}

/** The committed files joined back into one QuartiersData (checks that they describe the same quarters). */
export function joinData(index: Omit<QuartiersData, "encoding" | "arcs" | "quartiers"> & { quartiers: Omit<QuartierRecord, "polygons">[] }, limits: QuartiersLimits): QuartiersData {
  if (limits.quartiers.length !== index.quartiers.length || limits.quartiers.some((q, i) => q.code !== index.quartiers[i].code)) {
    throw new Error(`${DATA_FILES.limits} et ${DATA_FILES.index} ne décrivent pas les mêmes quartiers dans le même ordre`);
  }
  return {
    ...index,
    encoding: limits.encoding,
    quartiers: index.quartiers.map((q, i) => ({ ...q, polygons: limits.quartiers[i].polygons })),
    arcs: limits.arcs,
  };
}

/** <repo>/../shared/data, where CI and the developers keep the shared data. */
export function defaultDataDir(): string {
  return path.resolve(__dirname, "..", "..", "shared", "data");
}

export function importFrom(dataDir: string): { index: string; limits: string } {
  const csv = fs.readFileSync(path.join(dataDir, "monitoring-quartiers.csv"), "utf8");
  const geojson = fs.readFileSync(path.join(dataDir, "monitoring-quartiers.geojson"), "utf8");
  return serialize(buildQuartiersData(csv, geojson));
}

if (require.main === module) {
  const dataDir = path.resolve(process.argv[2] ?? defaultDataDir());
  const outDir = path.resolve(process.argv[3] ?? path.join(__dirname, "..", "src", "data"));
  try {
    const texts = importFrom(dataDir);
    fs.mkdirSync(outDir, { recursive: true });
    for (const key of ["index", "limits"] as const) {
      const out = path.join(outDir, DATA_FILES[key]);
      fs.writeFileSync(out, texts[key]);
      console.log(`${out} (${Buffer.byteLength(texts[key])} octets)`);
    }
    console.log(`${EXPECTED_COUNT} quartiers importés.`);
  } catch (e) {
    console.error(`Import impossible depuis ${dataDir} :\n${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
