/**
 * R11 data: the committed src/data/quartiers.json (names) and
 * quartiers-limites.json (boundaries) of the Monitoring des Quartiers (IBSA /
 * perspective.brussels, CC0) are complete, compact, describe the same
 * quarters and are exactly what the import script makes from ../shared/data.
 */
import { existsSync, readFileSync, statSync } from "fs";
import { join } from "path";
import data from "../../src/data/quartiers.json";
import limits from "../../src/data/quartiers-limites.json";
import { ringArea, ringFromArcs } from "../../src/geo";
import { quartierPolygons } from "../../src/rules/quartiers";
import { buildArcs, DATA_FILES, defaultDataDir, importFrom, joinData, nlProperCase, parseCsv } from "../../scripts/import-quartiers";

const dataDir = join(__dirname, "..", "..", "src", "data");
const dataFile = join(dataDir, DATA_FILES.index);
const limitsFile = join(dataDir, DATA_FILES.limits);
const sharedDir = defaultDataDir();
const sharedPresent = existsSync(join(sharedDir, "monitoring-quartiers.csv")) && existsSync(join(sharedDir, "monitoring-quartiers.geojson"));

describe("R11 data: the 145 quarters of the Monitoring des Quartiers", () => {
  test("exactly 145 quarters with unique codes", () => {
    expect(data.count).toBe(145);
    expect(data.quartiers).toHaveLength(145);
    const codes = data.quartiers.map((q) => q.code);
    expect(new Set(codes).size).toBe(145);
    expect(codes.every((c) => Number.isInteger(c) && c > 0)).toBe(true);
    // Codes 1–118 (inhabited quarters), 700–702 (cemeteries), 800–805 (industry, stations), 900–917 (parks, woods).
    expect(codes.filter((c) => c <= 118)).toHaveLength(118);
    expect(codes.filter((c) => c >= 700 && c <= 702)).toHaveLength(3);
    expect(codes.filter((c) => c >= 800 && c <= 805)).toHaveLength(6);
    expect(codes.filter((c) => c >= 900 && c <= 917)).toHaveLength(18);
  });

  test("every quarter has a French name, an official upper-case Dutch name and a proper-case one of the same letters", () => {
    for (const q of data.quartiers) {
      expect(q.fr.trim()).toBe(q.fr);
      expect(q.fr.length).toBeGreaterThan(2);
      expect(q.nlOfficial).toBe(q.nlOfficial.toUpperCase());
      expect(q.nl.toUpperCase()).toBe(q.nlOfficial);
      expect(q.nl).not.toBe(q.nlOfficial); // no name is all acronym
    }
    const byCode = new Map(data.quartiers.map((q) => [q.code, q]));
    expect(byCode.get(1)).toMatchObject({ fr: "Grand Place", nl: "Grote Markt", nlOfficial: "GROTE MARKT" });
    expect(byCode.get(25)).toMatchObject({ fr: "Saint-Josse Centre", nl: "Sint-Joost Centrum", nlOfficial: "SINT-JOOST CENTRUM" });
  });

  test("every polygon is non-empty: at least 4 points and a non-zero area after rounding, inside Brussels' extent", () => {
    const problems: string[] = [];
    for (const q of data.quartiers) {
      const polygons = quartierPolygons(q.code);
      if (polygons.length === 0) problems.push(`${q.code}: no polygon`);
      polygons.forEach((poly, i) => {
        if (poly.length === 0) problems.push(`${q.code}/${i}: no ring`);
        for (const ring of poly) {
          if (ring.length < 4) problems.push(`${q.code}/${i}: ${ring.length} points`);
          if (ringArea(ring) === 0) problems.push(`${q.code}/${i}: zero area`);
          const outside = ring.filter(([lon, lat]) => !(lon > 4.2 && lon < 4.5 && lat > 50.7 && lat < 50.95));
          if (outside.length) problems.push(`${q.code}/${i}: ${outside.length} points outside Brussels' extent`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  test("the files name the licence (CC0) and source (IBSA / perspective.brussels) and stay small", () => {
    expect(data.license).toMatch(/CC0/);
    expect(data.publisher).toMatch(/IBSA/);
    expect(data.publisher).toMatch(/perspective\.brussels/);
    expect(data.licenseNote).toMatch(/Monitoring des Quartiers/);
    expect(limits.dataset).toMatch(/quartiers\.json/);
    expect(statSync(dataFile).size).toBeLessThan(24 * 1024);
    expect(statSync(limitsFile).size).toBeLessThan(64 * 1024);
  });

  test("the boundaries file lists the same quarters in the same order, and the two join back", () => {
    expect(limits.quartiers.map((q) => q.code)).toEqual(data.quartiers.map((q) => q.code));
    expect(joinData(data, limits).quartiers[0]).toMatchObject({ code: 1, fr: "Grand Place", polygons: limits.quartiers[0].polygons });
    const shuffled = { ...limits, quartiers: [...limits.quartiers].reverse() };
    expect(() => joinData(data, shuffled)).toThrow(/ne décrivent pas les mêmes quartiers/);
  });

  test("Dutch proper case: particles, apostrophes, acronyms and French spellings", () => {
    expect(nlProperCase("VIJVERS VAN ELSENE", "Etangs d'Ixelles")).toBe("Vijvers van Elsene");
    expect(nlProperCase("VAN VOLXEM - VAN HAELEN", "Van Volxem - Van Haelen")).toBe("Van Volxem - Van Haelen");
    expect(nlProperCase("VILLA'S VAN GANSHOREN", "Villas de Ganshoren")).toBe("Villa's van Ganshoren");
    expect(nlProperCase("HEYMBOSCH - AZ-JETTE", "Heymbosch - AZ-Jette")).toBe("Heymbosch - AZ-Jette");
    expect(nlProperCase("LEOPOLD III LAAN", "Avenue Léopold III")).toBe("Leopold III Laan");
    expect(nlProperCase("INDUSTRIE NATO", "Industrie OTAN")).toBe("Industrie NATO");
  });

  test("shared boundaries are stored once: every arc is used, most by two quarters", () => {
    const uses = new Array<number>(limits.arcs.length).fill(0);
    for (const q of limits.quartiers) for (const ref of q.polygons.flat(2)) uses[ref >= 0 ? ref : ~ref]++;
    expect(uses.every((n) => n >= 1)).toBe(true);
    expect(uses.filter((n) => n === 2).length).toBeGreaterThan(limits.arcs.length / 2);
  });

  test("arcs: rings are rebuilt from arcs walked forwards or backwards", () => {
    const arcs = [[[0, 0], [1, 0], [1, 1]], [[0, 0], [0, 1], [1, 1]]] as [number, number][][];
    expect(ringFromArcs([0, ~1], arcs)).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    const topo = buildArcs([[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]], [[2, 0], [4, 0], [4, 2], [2, 2], [2, 0]]]);
    // The shared edge (2,0)-(2,2) is one arc, walked in opposite directions by the two squares.
    const shared = topo.refs[0].find((r) => topo.refs[1].includes(~r));
    expect(shared).toBeDefined();
  });

  test("the CSV reader handles CRLF and quoted fields", () => {
    expect(parseCsv('a,b\r\n1,"x, ""y"""\r\n')).toEqual([["a", "b"], ["1", 'x, "y"']]);
  });

  if (sharedPresent) {
    test("the committed files are exactly a re-import of ../shared/data (deterministic import)", () => {
      const texts = importFrom(sharedDir);
      expect(texts.index).toBe(readFileSync(dataFile, "utf8"));
      expect(texts.limits).toBe(readFileSync(limitsFile, "utf8"));
    }, 60_000);
  } else {
    test.skip(`re-import check skipped: ${sharedDir} is absent (the shared data folder sits beside the clone)`, () => undefined);
    console.log(`tests/quartiers: ${sharedDir} absent, re-import check skipped.`);
  }
});
