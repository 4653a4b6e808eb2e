/**
 * R11: the quarter of a point (latitude, longitude WGS84) on the polygons of
 * the Monitoring des Quartiers (src/data/quartiers-limites.json).
 */
import fc from "fast-check";
import data from "../../src/data/quartiers.json";
import { allQuartiers, locate, quartierAt, nameKey, quartierPolygons } from "../../src/rules/quartiers";
import { bboxOf, boundaryDistance, decodeRing, encodeRing, inRings, type Ring } from "../../src/geo";
import { evaluate } from "../../src/catalog";
import { RuleError } from "../../src/errors";
import { refusal } from "../helpers/refusal";

const ctx = { today: 45900, lang: "fr" as const };


const shapes = data.quartiers.map((q) => {
  const rings = quartierPolygons(q.code).flat();
  return { code: q.code, rings, bbox: bboxOf(rings) };
});

describe("R11 (Monitoring des Quartiers): quarter of a point", () => {
  test("the Grand-Place (50.8467 N, 4.3525 E) is in quarter 1 Grand Place", () => {
    expect(quartierAt(50.8467, 4.3525).value).toBe(1);
    expect(evaluate("QUARTIER", [50.8467, 4.3525], ctx).value).toBe(1);
  });

  test("the inside point derived from polygon 1 resolves to 1, and lies inside it by more than 10 m", () => {
    const q1 = data.quartiers.find((q) => q.code === 1)!;
    expect(quartierAt(q1.inside.lat, q1.inside.lon).value).toBe(1);
    expect(boundaryDistance(shapes[0].rings, [q1.inside.lon, q1.inside.lat])).toBeGreaterThan(1e-4);
  });

  test("points of other quarters: Gare du Midi station, the Atomium (Heysel), place Flagey, the Cinquantenaire arcade", () => {
    expect(quartierAt(50.8357, 4.3365).value).toBe(804);
    expect(quartierAt(50.8949, 4.3415).value).toBe(74);
    expect(quartierAt(50.8275, 4.3724).value).toBe(37);
    expect(quartierAt(50.8399, 4.3926).value).toBe(903);
  });

  test("every quarter's own inside point resolves to that quarter", () => {
    const wrong = allQuartiers().filter((q) => locate(q.inside.lat, q.inside.lon)?.code !== q.code);
    expect(wrong.map((q) => q.code)).toEqual([]);
  });

  test("outside the Region (Paris, Brussels Airport at Zaventem, Halle) is #N/A « hors de la Région de Bruxelles-Capitale »", () => {
    for (const [lat, lon] of [[48.8566, 2.3522], [50.901, 4.4844], [50.7339, 4.2345]]) {
      const e = refusal(() => quartierAt(lat, lon));
      expect(e.kind).toBe("unknown");
      expect(e.message).toMatch(/hors de la Région de Bruxelles-Capitale/);
    }
  });

  test("latitude and longitude swapped: #N/A that says so", () => {
    const e = refusal(() => quartierAt(4.3525, 50.8467));
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/inversées/);
    expect(e.message).toContain("1 Grand Place");
  });

  test("latitude outside −90..90 or longitude outside −180..180 is #VALUE!; text and empty cells too", () => {
    expect(refusal(() => quartierAt(91, 4.35)).kind).toBe("invalid");
    expect(refusal(() => quartierAt(50.85, -181)).kind).toBe("invalid");
    expect(refusal(() => quartierAt(NaN, 4.35)).kind).toBe("invalid");
    expect(() => evaluate("QUARTIER", ["nord", 4.35], ctx)).toThrow(/latitude/);
    expect(() => evaluate("QUARTIER", [50.85, null], ctx)).toThrow(/longitude/);
    expect(evaluate("QUARTIER", ["50,8467", "4,3525"], ctx).value).toBe(1);
  });

  test("the explanation names the quarter and the data source", () => {
    const r = quartierAt(50.8467, 4.3525);
    expect(r.steps[0]).toContain("1 Grand Place (Grote Markt)");
    expect(r.sources[0].title).toMatch(/Monitoring des Quartiers/);
  });

  test("no two quarters share a name (after ignoring case, accents and punctuation)", () => {
    const owner = new Map<string, number>();
    const clashes: string[] = [];
    for (const q of allQuartiers()) {
      for (const n of [q.fr, q.nlOfficial]) {
        const k = nameKey(n);
        if (owner.has(k) && owner.get(k) !== q.code) clashes.push(`${n}: ${owner.get(k)} and ${q.code}`);
        owner.set(k, q.code);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe("geometry: ray casting with holes, polyline codec", () => {
  const square = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
  test("a point in a hole is outside; in the ring around it, inside", () => {
    const rings = [square(0, 0, 10, 10), square(4, 4, 6, 6)];
    expect(inRings(rings, [2, 2])).toBe(true);
    expect(inRings(rings, [5, 5])).toBe(false);
    expect(inRings(rings, [11, 5])).toBe(false);
  });
  test("polyline round trip at 1e-5 degree (Google's example: 38.5,-120.2 / 40.7,-120.95 / 43.252,-126.453)", () => {
    const ring: Ring = [[-120.2, 38.5], [-120.95, 40.7], [-126.453, 43.252]];
    expect(encodeRing(ring)).toBe("_p~iF~ps|U_ulLnnqC_mqNvxq`@");
    expect(decodeRing("_p~iF~ps|U_ulLnnqC_mqNvxq`@")).toEqual(ring);
  });
  test("a malformed polyline is refused, not misread", () => {
    expect(() => decodeRing("_p~iF~ps|U_")).toThrow();
    expect(() => decodeRing("ab\u0001")).toThrow();
  });
});

describe("R11 properties (fast-check)", () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });

  test("random points well inside random quarters resolve to their own quarter", () => {
    fc.assert(
      fc.property(fc.nat({ max: shapes.length - 1 }), fc.array(fc.tuple(unit, unit), { minLength: 40, maxLength: 40 }), (i, uvs) => {
        const s = shapes[i];
        const q = data.quartiers[i];
        // First candidate strictly inside, at least 2e-5 degree (about 2 m) from every edge; else the quarter's inside point.
        let p: [number, number] = [q.inside.lon, q.inside.lat];
        for (const [u, v] of uvs) {
          const c: [number, number] = [s.bbox[0] + u * (s.bbox[2] - s.bbox[0]), s.bbox[1] + v * (s.bbox[3] - s.bbox[1])];
          if (inRings(s.rings, c) && boundaryDistance(s.rings, c) > 2e-5) {
            p = c;
            break;
          }
        }
        expect(quartierAt(p[1], p[0]).value).toBe(s.code);
      }),
      { numRuns: 300 },
    );
  });

  test("random points far from Brussels are #N/A, never another error", () => {
    const far = fc
      .tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }))
      .filter(([lat, lon]) => Math.abs(lat - 50.84) > 0.2 || Math.abs(lon - 4.36) > 0.3);
    fc.assert(
      fc.property(far, ([lat, lon]) => {
        const e = refusal(() => quartierAt(lat, lon));
        expect(e.kind).toBe("unknown");
      }),
      { numRuns: 500 },
    );
  });

  test("MG.QUARTIER on any cell values answers a code, or #VALUE!/#N/A: never an uncaught throw", () => {
    const cell = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.double({ min: 50.7, max: 50.95, noNaN: true }),
      fc.double({ min: 4.2, max: 4.5, noNaN: true }),
    );
    fc.assert(
      fc.property(cell, cell, (a, b) => {
        try {
          const r = evaluate("QUARTIER", [a, b], ctx);
          expect(allQuartiers().some((q) => q.code === r.value)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(RuleError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
