import { run, errorOf, carriedStatuses, statuses, explained } from "./helpers";

describe("R7 prime DMG débutant (seeds 000 and 002)", () => {
  test("R7 (seed 000): prime DMG débutant is 4 256 € once when the four criteria hold", () => {
    expect(run("DMG.DEBUTANT", 2024, true, true, 0)).toBe(4256);
    expect(statuses("DMG.DEBUTANT", 2024, true, true, 0)).toEqual({ numero: "met", ppi: "met", "dmg-electronique": "met", acte: "met" });
  });
  test("R7 (seed 000): numbers obtained from 2021 — 2021 qualifies, 2020 gives 0 with the reason", () => {
    expect(run("DMG.DEBUTANT", 2021, true, true, 0)).toBe(4256);
    expect(run("DMG.DEBUTANT", 2020, true, true, 0)).toBe(0);
    expect(statuses("DMG.DEBUTANT", 2020, true, true, 0).numero).toBe("not_met");
  });
  test("R7 (seed 000): « plus de 30 jours consécutifs » au forfait du 1er janvier au 31 mai excludes — 30 days keeps the prime, 31 loses it", () => {
    expect(run("DMG.DEBUTANT", 2024, true, true, 30)).toBe(4256);
    expect(run("DMG.DEBUTANT", 2024, true, true, 31)).toBe(0);
    const r = explained("DMG.DEBUTANT", 2024, true, true, 31);
    expect(r.conditions?.find((c) => c.id === "acte")?.label).toMatch(/du 01\/01\/2025 au 31\/05\/2025/);
    expect(r.steps.join(" ")).toMatch(/0 € \(non éligible\)/);
  });
  test("R7 (seeds 000, 002): no PPI for that year, or paper records -> 0", () => {
    expect(run("DMG.DEBUTANT", 2024, false, true, 0)).toBe(0);
    expect(run("DMG.DEBUTANT", 2024, true, false, 0)).toBe(0);
    expect(run("DMG.DEBUTANT", 2024, "oui", "ja", 0)).toBe(4256);
  });
  test("R7: an omitted criterion is #N/A naming it, and the error carries every condition's status", () => {
    const e = errorOf("DMG.DEBUTANT", 2024, true);
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/conditions inconnues : Dossiers médicaux/);
    expect(e.message).toMatch(/4 256,00 €/);
    expect(e.messageIn("nl")).toMatch(/onbekende voorwaarden/);
    expect(carriedStatuses(e)).toEqual({ numero: "met", ppi: "met", "dmg-electronique": "unknown", acte: "unknown" });
  });
  test("R7: a criterion not met wins over unknown ones (0, not #N/A)", () => {
    expect(run("DMG.DEBUTANT", 2024, false)).toBe(0);
    expect(run("DMG.DEBUTANT", 2019)).toBe(0);
  });
  test("R7: the forfait window after PPI 2024 is 151 days (2025), after PPI 2023 it is 152 (leap 2024) — more is #VALUE!", () => {
    expect(errorOf("DMG.DEBUTANT", 2024, true, true, 152).kind).toBe("invalid");
    expect(run("DMG.DEBUTANT", 2023, true, true, 152)).toBe(0);
    expect(errorOf("DMG.DEBUTANT", 2023, true, true, 153).kind).toBe("invalid");
  });
  test("R7: a number year after the last known PPI year (2026) is #N/A naming 4 256 €", () => {
    const e = errorOf("DMG.DEBUTANT", 2026, true, true, 0);
    expect(e.kind).toBe("unknown");
    expect(e.message).toMatch(/dernière connue : 4 256,00 €/);
  });
  test("R7: bad input is #VALUE! with a French message", () => {
    expect(errorOf("DMG.DEBUTANT", "abc").kind).toBe("invalid");
    expect(errorOf("DMG.DEBUTANT", 2024, "peut-être").message).toMatch(/VRAI ou FAUX/);
    expect(errorOf("DMG.DEBUTANT", 2024, true, true, -1).kind).toBe("invalid");
    expect(errorOf("DMG.DEBUTANT", 2024, true, true, 2.5).kind).toBe("invalid");
  });
});
