/**
 * Small planar geometry on WGS84 degrees for the quarter lookup: the encoded
 * polyline format (Google's algorithm, precision 1e-5 degree: integers,
 * delta-encoded, 5-bit chunks as ASCII 63..126), ray-casting
 * point-in-polygon with holes (even–odd over every ring) and bounding boxes.
 * Distances are in degrees: only used to keep margins, never shown.
 */

/** [longitude, latitude] in degrees (GeoJSON order). */
export type Point = [number, number];
/** A closed ring (first point repeated last, as in GeoJSON, or not). */
export type Ring = Point[];
/** Outer ring first, then holes. */
export type Polygon = Ring[];
export type MultiPolygon = Polygon[];

/** [minLon, minLat, maxLon, maxLat]. */
export type BBox = [number, number, number, number];

export const POLYLINE_FACTOR = 1e5;

function encodeValue(v: number): string {
  let n = v < 0 ? ~(v << 1) : v << 1;
  let s = "";
  while (n >= 0x20) {
    s += String.fromCharCode((0x20 | (n & 0x1f)) + 63);
    n >>>= 5;
  }
  return s + String.fromCharCode(n + 63);
}

/**
 * Encodes integer points ([lon, lat] in 1e-5 degree) as a polyline string
 * (latitude then longitude, as in Google's format).
 */
export function encodeInts(points: readonly (readonly [number, number])[]): string {
  let s = "";
  let pLat = 0;
  let pLon = 0;
  for (const [qLon, qLat] of points) {
    s += encodeValue(qLat - pLat) + encodeValue(qLon - pLon);
    pLat = qLat;
    pLon = qLon;
  }
  return s;
}

/** [lon, lat] degrees -> integers in 1e-5 degree, consecutive duplicates dropped. */
export function quantizeRing(ring: Ring): [number, number][] {
  const out: [number, number][] = [];
  for (const [lon, lat] of ring) {
    const q: [number, number] = [Math.round(lon * POLYLINE_FACTOR), Math.round(lat * POLYLINE_FACTOR)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Encodes a ring in degrees: rounded to 1e-5 degree, consecutive duplicates dropped. */
export function encodeRing(ring: Ring): string {
  return encodeInts(quantizeRing(ring));
}

/**
 * A ring from shared arcs (each boundary between two quarters stored once):
 * `refs` index `arcs`, a negative ref ~i meaning arc i walked backwards.
 * Consecutive arcs share their end point, written once.
 */
export function ringFromArcs(refs: readonly number[], arcs: readonly Ring[]): Ring {
  const out: Ring = [];
  for (const ref of refs) {
    const arc = ref >= 0 ? arcs[ref] : arcs[~ref];
    if (!arc) throw new Error(`arc ${ref} absent`);
    const pts = ref >= 0 ? arc : [...arc].reverse();
    for (let i = out.length === 0 ? 0 : 1; i < pts.length; i++) out.push(pts[i]);
  }
  return out;
}

/** Decodes a polyline string into a ring of [lon, lat] degrees. Throws on malformed input. */
export function decodeRing(s: string): Ring {
  const out: Ring = [];
  let i = 0;
  let lat = 0;
  let lon = 0;
  const next = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (i >= s.length) throw new Error("polyligne tronquée");
      const b = s.charCodeAt(i++) - 63;
      if (b < 0 || b > 63) throw new Error("caractère de polyligne invalide");
      result |= (b & 0x1f) << shift;
      shift += 5;
      if (b < 0x20) break;
      if (shift > 30) throw new Error("valeur de polyligne trop grande");
    }
    return result & 1 ? ~(result >>> 1) : result >>> 1;
  };
  while (i < s.length) {
    lat += next();
    lon += next();
    out.push([lon / POLYLINE_FACTOR, lat / POLYLINE_FACTOR]);
  }
  return out;
}

export function bboxOf(rings: Ring[]): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rings) {
    for (const [x, y] of r) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

export function inBBox(b: BBox, [x, y]: Point): boolean {
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}

/**
 * Ray casting (even–odd) over all rings: a point inside an outer ring and
 * inside one of its holes is outside. Works whether or not rings repeat
 * their first point. A point exactly on an edge may fall either side, but
 * always the same side for the same data (half-open rule).
 */
export function inRings(rings: Ring[], p: Point): boolean {
  const x = p[0];
  const y = p[1];
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    if (n < 3) continue;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const a = ring[i];
      const b = ring[j];
      const yi = a[1];
      const yj = b[1];
      if (yi > y !== yj > y && x < ((b[0] - a[0]) * (y - yi)) / (yj - yi) + a[0]) inside = !inside;
    }
  }
  return inside;
}

export function inMultiPolygon(mp: MultiPolygon, p: Point): boolean {
  return inRings(mp.flat(), p);
}

/**
 * Squared distance from (px, py) to the segment (ax, ay)–(bx, by). No global
 * (Math) in this hot loop: global lookups are slow in sandboxed contexts.
 */
function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return cx * cx + cy * cy;
}

/** Distance in degrees from a point to the nearest edge of any ring. */
export function boundaryDistance(rings: Ring[], p: Point): number {
  const px = p[0];
  const py = p[1];
  let best = Infinity;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const a = ring[j];
      const b = ring[i];
      const d = segmentDistance2(px, py, a[0], a[1], b[0], b[1]);
      if (d < best) best = d;
    }
  }
  return Math.sqrt(best);
}

/** Signed area (shoelace, square degrees) of a ring: non-zero for a real polygon. */
export function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return a / 2;
}
