import { evaluate } from "../../src/catalog";
import { run, errorOf, statuses, explained, carriedStatuses, ctx } from "./helpers";

const P = "PERMIS.URBANISME";

describe("R12 installing the cabinet: planning permit and SIAMU (seed 001, PRAS & CoBAT)", () => {
  test("R12 (seed 001): « ≤ 75 m² : dispensée de permis » — 75 m² in the residence needs no permit", () => {
    expect(run(P, 75)).toBe("pas de permis");
    expect(run(P, 40, 120)).toBe("pas de permis");
  });
  test("R12 (seed 001): « 75 m² et ≤ 200 m² : ok si cela représente ≤ 45 % du logement » — exactly 45 % is fine, more needs a permit", () => {
    expect(run(P, 90, 200)).toBe("pas de permis");
    expect(run(P, 90.01, 200)).toBe("permis d'urbanisme");
    expect(run(P, 90, 150)).toBe("permis d'urbanisme");
    expect(run(P, 200, 445)).toBe("pas de permis");
    expect(statuses(P, 90, 150).surface).toBe("not_met");
  });
  test("R12 (seed 001): above 200 m² a permit is needed whatever the dwelling; SIAMU then depends on the area open to the public (unknown -> #N/A saying the permit is required)", () => {
    expect(run(P, 200.01, 1000, null, null, null, 60)).toBe("permis d'urbanisme");
    const e = errorOf(P, 200.01, 1000);
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/^Permis d'urbanisme requis ; avis du SIAMU si la surface accessible au public dépasse 100 m²/);
  });
  test("R12: 75,01 m² without the dwelling surface is #N/A asking for it", () => {
    const e = errorOf(P, 75.01);
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/surface du logement/);
    expect(carriedStatuses(e).surface).toBe("unknown");
  });
  test("R12 (seed 001): in an apartment building « limité à 15 % de la surface totale » — 60 m² of 400 m² is fine, 61 m² is not", () => {
    expect(run(P, 60, 150, true, 400)).toBe("pas de permis");
    expect(run(P, 61, 150, true, 400)).toBe("permis d'urbanisme");
    expect(errorOf(P, 60, 150, true).message).toMatch(/surface totale de l'immeuble/);
    expect(explained(P, 60, 150, true, 400).steps.join(" ")).toMatch(/copropriété/);
  });
  test("R12 (seed 001): change of use needs a permit; SIAMU when the change concerns more than 100 m² (100 m² exactly: no SIAMU)", () => {
    expect(run(P, 100, null, null, null, true)).toBe("permis d'urbanisme");
    expect(run(P, 101, null, null, null, true)).toBe("permis d'urbanisme + avis SIAMU");
  });
  test("R12 (seed 001): a cabinet outside the residence is an équipement d'intérêt collectif -> permit; SIAMU if more than 100 m² open to the public", () => {
    expect(run(P, 80, null, null, null, null, null, false)).toBe("permis d'urbanisme");
    expect(run(P, 150, null, null, null, null, 100, false)).toBe("permis d'urbanisme");
    expect(run(P, 150, null, null, null, null, 100.5, false)).toBe("permis d'urbanisme + avis SIAMU");
    expect(errorOf(P, 150, null, null, null, null, null, false).message).toMatch(/surface accessible au public/);
  });
  test("R12: the verdict can carry its reason, and speaks Dutch and English", () => {
    expect(run(P, 90, 150, null, null, null, null, null, true)).toBe("permis d'urbanisme : cabinet de 90 m² = 60 % du logement (plus de 45 %)");
    expect(evaluate(P, [90, 150], { ...ctx, lang: "nl" }).value).toBe("stedenbouwkundige vergunning");
    expect(evaluate(P, [75], { ...ctx, lang: "en" }).value).toBe("no permit");
  });
  test("R12: bad input is #VALUE! (negative surface, dwelling smaller than the cabinet, public area larger than the cabinet)", () => {
    expect(errorOf(P, -5).kind).toBe("invalid");
    expect(errorOf(P, 0).kind).toBe("invalid");
    expect(errorOf(P, 90, 80).kind).toBe("invalid");
    expect(errorOf(P, 90, null, null, null, null, 120).kind).toBe("invalid");
    expect(errorOf(P, "grand").kind).toBe("invalid");
  });
});
