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
 * Encodes a ring as a polyline string (latitude then longitude, as in
 * Google's format). Coordinates are rounded to 1e-5 degree; consecutive
 * duplicates after rounding are dropped.
 */
export function encodeRing(ring: Ring): string {
  let s = "";
  let pLat = 0;
  let pLon = 0;
  let first = true;
  for (const [lon, lat] of ring) {
    const qLat = Math.round(lat * POLYLINE_FACTOR);
    const qLon = Math.round(lon * POLYLINE_FACTOR);
    if (!first && qLat === pLat && qLon === pLon) continue;
    s += encodeValue(qLat - pLat) + encodeValue(qLon - pLon);
    pLat = qLat;
    pLon = qLon;
    first = false;
  }
  return s;
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
export function inRings(rings: Ring[], [x, y]: Point): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    if (n < 3) continue;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function inMultiPolygon(mp: MultiPolygon, p: Point): boolean {
  return inRings(mp.flat(), p);
}

/** Distance in degrees from a point to a segment. */
function segmentDistance([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return Math.sqrt(cx * cx + cy * cy);
}

/** Distance in degrees from a point to the nearest edge of any ring. */
export function boundaryDistance(rings: Ring[], p: Point): number {
  let best = Infinity;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const d = segmentDistance(p, ring[j], ring[i]);
      if (d < best) best = d;
    }
  }
  return best;
}

/** Signed area (shoelace, square degrees) of a ring: non-zero for a real polygon. */
export function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return a / 2;
}
