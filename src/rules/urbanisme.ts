/**
 * R12 — Installing the cabinet (seed 001; PRAS & CoBAT as summarised by the
 * FAMGB guide). A cabinet in the doctor's own residence (profession libérale):
 * ≤ 75 m² -> no permit; more than 75 and ≤ 200 m² -> no permit if it is
 * ≤ 45 % of the dwelling; in an apartment building it must also stay ≤ 15 %
 * of the building's total surface. Otherwise, outside the residence
 * (équipement d'intérêt collectif) or with a change of use -> planning permit
 * (usually with an architect). With a permit, the fire service (SIAMU) gives
 * an opinion when the change of use concerns more than 100 m² or the area
 * open to the public exceeds 100 m².
 *
 * Surfaces are compared in hundredths of m² (exact); the dwelling surface is
 * the whole dwelling, cabinet included.
 */
import { params } from "../params";
import { formatRate, type Rate } from "../money";
import type { Serial } from "../dates";
import { invalid, type Lang } from "../errors";
import { mergeSources, type Condition, type Explained } from "../explain";
import { UndecidedError } from "./eligibility";

export interface PermitInput {
  /** Surface of the cabinet (m²). */
  cabinet: number;
  /** Surface of the whole dwelling, cabinet included (m²). */
  dwelling: number | null;
  /** The cabinet is in the residence of the doctor (or of an associate). Default true. */
  inResidence: boolean;
  /** The dwelling is in an apartment building. Default false. */
  apartmentBuilding: boolean;
  /** Total surface of the building (m²), for an apartment building. */
  building: number | null;
  /** Change of use or destination of the property (e.g. shop -> health facility). Default false. */
  changeOfUse: boolean;
  /** Area open to the public (m²). */
  publicArea: number | null;
  /** Date at which the thresholds are read. */
  date: Serial;
}

export type PermitVerdict = "aucun" | "permis" | "permis-siamu";

const VERDICTS: Record<PermitVerdict, Record<Lang, string>> = {
  aucun: { fr: "pas de permis", nl: "geen vergunning", en: "no permit" },
  permis: { fr: "permis d'urbanisme", nl: "stedenbouwkundige vergunning", en: "planning permit" },
  "permis-siamu": { fr: "permis d'urbanisme + avis SIAMU", nl: "stedenbouwkundige vergunning + advies DBDMH (SIAMU)", en: "planning permit + fire service (SIAMU) opinion" },
};

export function verdictText(v: PermitVerdict, lang: Lang): string {
  return VERDICTS[v][lang] ?? VERDICTS[v].fr;
}

/** m² -> hundredths of m², or #VALUE!. */
function area(x: number, name: string): number {
  if (!Number.isFinite(x) || x <= 0 || x > 1e7) throw invalid({ fr: `« ${name} » : surface en m² positive attendue, reçu ${x}.`, nl: `« ${name} »: positieve oppervlakte in m² verwacht, ontvangen ${x}.` });
  return Math.round(x * 100);
}

/** a ≤ rate × b, exactly. */
function atMostShare(a: number, rate: Rate, b: number): boolean {
  return a * rate.den <= b * rate.num;
}

function m2(h: number): string {
  return `${String(h / 100).replace(".", ",")} m²`;
}

function pct(a: number, b: number): string {
  return `${String(Math.round((1000 * a) / b) / 10).replace(".", ",")} %`;
}

export function permisUrbanisme(input: PermitInput): Explained<PermitVerdict> & { reasons: string[] } {
  const at = input.date;
  const cab = area(input.cabinet, "surface_cabinet");
  const dwelling = input.dwelling === null ? null : area(input.dwelling, "surface_logement");
  const building = input.building === null ? null : area(input.building, "surface_immeuble");
  const publicArea = input.publicArea === null ? null : area(input.publicArea, "surface_publique");
  if (dwelling !== null && dwelling < cab) throw invalid({ fr: `La surface du logement (${m2(dwelling)}) comprend le cabinet (${m2(cab)}) : elle ne peut pas être plus petite.`, nl: `De woonoppervlakte (${m2(dwelling)}) omvat de praktijk (${m2(cab)}): ze kan niet kleiner zijn.` });
  if (building !== null && building < cab) throw invalid({ fr: `La surface de l'immeuble (${m2(building)}) ne peut pas être plus petite que le cabinet (${m2(cab)}).`, nl: `De oppervlakte van het gebouw (${m2(building)}) kan niet kleiner zijn dan de praktijk (${m2(cab)}).` });
  if (publicArea !== null && publicArea > cab) throw invalid({ fr: `La surface accessible au public (${m2(publicArea)}) ne peut pas dépasser le cabinet (${m2(cab)}).`, nl: `De voor het publiek toegankelijke oppervlakte (${m2(publicArea)}) kan niet groter zijn dan de praktijk (${m2(cab)}).` });

  const free = params.at<number>("urbanisme.dispense.surface-max", at);
  const max = params.at<number>("urbanisme.liberale.surface-max", at);
  const share = params.at<Rate>("urbanisme.liberale.part-logement-max", at);
  const bShare = params.at<Rate>("urbanisme.immeuble.part-max", at);
  const siamu = params.at<number>("urbanisme.siamu.surface", at);
  const sources = mergeSources(free.version.sources, max.version.sources, share.version.sources, bShare.version.sources, siamu.version.sources);
  const freeH = free.value * 100;
  const maxH = max.value * 100;
  const siamuH = siamu.value * 100;

  const steps: string[] = [];
  const conditions: Condition[] = [];
  const reasons: string[] = [];
  const missing: string[] = [];

  if (!input.inResidence) reasons.push("cabinet hors de la résidence du médecin : équipement d'intérêt collectif");
  if (input.changeOfUse) reasons.push("changement d'affectation ou de destination du bien");
  conditions.push({ id: "residence", label: "Cabinet dans la résidence du médecin (ou d'un associé) : profession libérale", status: input.inResidence ? "met" : "not_met" });
  conditions.push({ id: "affectation", label: "Pas de changement d'affectation ni de destination", status: input.changeOfUse ? "not_met" : "met" });

  if (input.inResidence) {
    if (cab <= freeH) {
      conditions.push({ id: "surface", label: `Surface du cabinet ≤ ${free.value} m² (dispensé de permis)`, status: "met", detail: m2(cab) });
    } else if (cab <= maxH) {
      const label = `Cabinet de plus de ${free.value} m² et au plus ${max.value} m² : au plus ${formatRate(share.value)} du logement`;
      if (dwelling === null) {
        conditions.push({ id: "surface", label, status: "unknown", detail: "surface du logement non donnée" });
        missing.push("la surface du logement (surface_logement)");
      } else {
        const ok = atMostShare(cab, share.value, dwelling);
        conditions.push({ id: "surface", label, status: ok ? "met" : "not_met", detail: `${m2(cab)} sur ${m2(dwelling)} = ${pct(cab, dwelling)}` });
        if (!ok) reasons.push(`cabinet de ${m2(cab)} = ${pct(cab, dwelling)} du logement (plus de ${formatRate(share.value)})`);
      }
    } else {
      conditions.push({ id: "surface", label: `Surface du cabinet ≤ ${max.value} m²`, status: "not_met", detail: m2(cab) });
      reasons.push(`cabinet de ${m2(cab)} (plus de ${max.value} m²)`);
    }
    if (input.apartmentBuilding) {
      const label = `Immeuble à appartements : cabinet ≤ ${formatRate(bShare.value)} de la surface totale de l'immeuble (de préférence au rez ou au 1er étage)`;
      if (building === null) {
        conditions.push({ id: "immeuble", label, status: "unknown", detail: "surface de l'immeuble non donnée" });
        missing.push("la surface totale de l'immeuble (surface_immeuble)");
      } else {
        const ok = atMostShare(cab, bShare.value, building);
        conditions.push({ id: "immeuble", label, status: ok ? "met" : "not_met", detail: `${m2(cab)} sur ${m2(building)} = ${pct(cab, building)}` });
        if (!ok) reasons.push(`cabinet = ${pct(cab, building)} de l'immeuble (plus de ${formatRate(bShare.value)})`);
      }
      steps.push("Immeuble à appartements : vérifier aussi l'acte de base de copropriété (il peut interdire ou limiter les activités professionnelles).");
    }
  }

  const needsPermit = reasons.length > 0;
  if (!needsPermit && missing.length > 0) {
    throw new UndecidedError(
      { fr: `Permis d'urbanisme : donnez ${missing.join(" et ")} pour conclure.`, nl: `Stedenbouwkundige vergunning: geef ${missing.join(" en ")} om te besluiten.` },
      { value: null, steps, sources, conditions },
    );
  }
  let verdict: PermitVerdict = needsPermit ? "permis" : "aucun";
  if (needsPermit) {
    const siamuReasons: string[] = [];
    if (input.changeOfUse && cab > siamuH) siamuReasons.push(`changement de destination d'un bien de ${m2(cab)} (plus de ${siamu.value} m²)`);
    const pub = publicArea ?? (cab <= siamuH ? cab : null);
    if (pub === null) {
      if (siamuReasons.length === 0) {
        conditions.push({ id: "siamu", label: `Surface accessible au public ≤ ${siamu.value} m² (sinon avis du SIAMU)`, status: "unknown", detail: "surface accessible au public non donnée" });
        throw new UndecidedError(
          { fr: `Permis d'urbanisme requis ; avis du SIAMU si la surface accessible au public dépasse ${siamu.value} m² : donnez-la (surface_publique).`, nl: `Stedenbouwkundige vergunning vereist; advies DBDMH als de voor het publiek toegankelijke oppervlakte ${siamu.value} m² overschrijdt: geef die op.` },
          { value: null, steps, sources, conditions },
        );
      }
    } else if (pub > siamuH) {
      siamuReasons.push(`surface accessible au public de ${m2(pub)} (plus de ${siamu.value} m²)`);
    }
    conditions.push({ id: "siamu", label: `Pas d'avis du SIAMU : ni changement de destination de plus de ${siamu.value} m², ni plus de ${siamu.value} m² accessibles au public`, status: siamuReasons.length ? "not_met" : "met", ...(siamuReasons.length ? { detail: siamuReasons.join(" ; ") } : {}) });
    if (siamuReasons.length) {
      verdict = "permis-siamu";
      reasons.push(...siamuReasons.map((r) => `avis du SIAMU : ${r}`));
    }
    steps.push(`Permis d'urbanisme requis : ${reasons.join(" ; ")}. En pratique, souvent avec un architecte.`);
  } else {
    reasons.push(input.apartmentBuilding ? "cabinet dans la résidence, surfaces dans les limites (logement et immeuble)" : "cabinet dans la résidence, surface dans les limites");
    steps.push(`Pas de permis d'urbanisme : ${reasons[0]}. Toujours confirmer auprès du service urbanisme de la commune.`);
  }
  steps.push("Normes PMR (RRU titre IV) : obligatoires en construction neuve, à « tendre vers » dans l'existant.");
  return { value: verdict, steps, sources, conditions, reasons };
}
