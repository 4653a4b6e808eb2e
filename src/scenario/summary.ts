/**
 * The Résumé sheet: the page a GP can be handed (one or two A4 pages). The
 * GP and the scenario, the key figures per year (read from the Synthèse),
 * what is certain and what is an assumption, each aid granted or refused
 * with its reason, and the next dates to act on (status against today).
 */
import type { CellPlan } from "../workbook/plan";
import { formatDateFr, todaySerial, yearOf } from "../dates";
import { formatEuros } from "../money";
import { isNA } from "./model";
import type { SimYear } from "./simulate";
import type { CalendarEvent } from "./calendar";
import { CONVENTION_LABELS, PRACTICE_LABELS } from "./hypotheses";
import { DATE, EUR, euroResult, H, head, lab, Sheet, type PlanCtx, type Tr } from "./layout";

const KEY_LINES: { id: string; t: Tr }[] = [
  { id: "fees", t: ["Honoraires (et forfait)", "Erelonen (en forfait)", "Fees (and capitation)"] },
  { id: "primes", t: ["Primes et subsides reçus", "Ontvangen premies en subsidies", "Grants and subsidies received"] },
  { id: "costs", t: ["Charges déductibles", "Aftrekbare kosten", "Deductible costs"] },
  { id: "social", t: ["Cotisations sociales payées", "Betaalde sociale bijdragen", "Social contributions paid"] },
  { id: "tax", t: ["Impôt des revenus de l'année", "Belasting op de inkomsten van het jaar", "Tax on the year's income"] },
  { id: "taxPaid", t: ["Impôt payé dans l'année", "Belasting betaald in het jaar", "Tax paid in the year"] },
  { id: "net", t: ["Trésorerie nette de l'année", "Netto thesaurie van het jaar", "Net cash of the year"] },
  { id: "cumulative", t: ["Trésorerie cumulée", "Gecumuleerde thesaurie", "Cumulative cash"] },
];

/** "oui — 1 000,00 € (2025)" or "non — reason", for each aid, as of the workbook's creation (also the refusals of the portfolio, src/portfolio). */
export function aidLines(ctx: Pick<PlanCtx, "L" | "s" | "sim" | "years">): [Tr, string][] {
  const { L, s } = ctx;
  const Y = ctx.sim.years;
  const d = ctx.sim.model.d;
  const granted = (get: (y: SimYear) => number) =>
    Y.filter((y) => !isNA(get(y)) && get(y) > 0).map((y) => `${formatEuros(get(y))} (${y.year})`).join(", ");
  const yes = (list: string) => `${L(["oui", "ja", "yes"])} — ${list}`;
  const no = (why: Tr) => `${L(["non", "neen", "no"])} — ${L(why)}`;
  const out: [Tr, string][] = [];
  const ppi = granted((y) => y.primes.ppi.amount);
  out.push([["Prime de pratique intégrée", "Geïntegreerde praktijkpremie", "Integrated practice bonus"], ppi ? yes(ppi) : no(["aucune année active avec logiciel accepté", "geen actief jaar met aanvaarde software", "no active year with accepted software"])]);
  const dmg = granted((y) => y.primes.dmg.amount);
  const numberYear = yearOf(d.inamiNumber);
  out.push([
    ["Prime DMG débutant", "GMD-starterpremie", "Starter GMR bonus"],
    dmg
      ? yes(dmg)
      : s.practice.type === "maison-medicale-forfait"
        ? no(["maison médicale au forfait", "forfaitair wijkgezondheidscentrum", "capitation health centre"])
        : !ctx.years.includes(numberYear)
          ? no(["numéro 003/004 obtenu hors de la période simulée", "nummer 003/004 buiten de gesimuleerde periode", "number 003/004 obtained outside the simulated period"])
          : no(["une condition n'est pas remplie (voir Primes)", "een voorwaarde is niet vervuld (zie Premies)", "a condition is not met (see Grants)"]),
  ]);
  const imp = granted((y) => y.primes.accrued.impulseo);
  out.push([
    ["Impulseo II / III (Bruxelles)", "Impulseo II / III (Brussel)", "Impulseo II / III (Brussels)"],
    imp ? yes(imp) : s.staff.employee.months + s.staff.telesecretariat.months === 0 ? no(["ni employé ni télésecrétariat", "geen werknemer of telesecretariaat", "no employee or telesecretariat"]) : no(["pas de mois admissible (voir Primes)", "geen aanvaardbare maand (zie Premies)", "no eligible month (see Grants)"]),
  ]);
  const sup = granted((y) => y.primes.accrued.continuite + y.primes.accrued.gestion);
  out.push([
    ["Continuité des soins / gestion de cabinet (INAMI)", "Continuïteit van zorg / praktijkbeheer (RIZIV)", "Continuity of care / practice management (INAMI)"],
    sup
      ? yes(sup)
      : s.staff.employee.months === 0 || s.staff.employee.hoursPerWeek === undefined || s.staff.employee.contractStart === undefined
        ? no(["pas d'employé sous contrat renseigné", "geen werknemer met contract ingevuld", "no employee under contract given"])
        : Y.some((y) => y.primes.choice.support === false && y.primes.support.gestionPractice + y.primes.support.continuitePractice > 0)
          ? no(["Impulseo II retenu pour le même employé (meilleure option)", "Impulseo II gekozen voor dezelfde werknemer (beste optie)", "Impulseo II taken for the same employee (better option)"])
          : no(["une condition n'est pas remplie (voir Primes)", "een voorwaarde is niet vervuld (zie Premies)", "a condition is not met (see Grants)"]),
  ]);
  const acc = granted((y) => y.primes.accreditation.amount);
  out.push([["Forfait d'accréditation", "Accrediteringsforfait", "Accreditation flat fee"], acc ? yes(acc) : no(["non accrédité", "niet geaccrediteerd", "not accredited"])]);
  const inst = granted((y) => y.primes.accrued.installation);
  const iy = Y.find((y) => y.primes.installation.installationYear)?.primes.installation;
  out.push([
    ["Subvention d'installation (COCOM)", "Installatiesubsidie (GGC)", "Installation grant (COCOM)"],
    inst
      ? yes(`${inst}, ${L(["sous réserve de l'octroi (au plus 10 par an)", "onder voorbehoud van toekenning (max. 10 per jaar)", "subject to the award (at most 10 a year)"])}`)
      : !iy
        ? no(["installation hors de la période simulée", "installatie buiten de gesimuleerde periode", "installation outside the simulated period"])
        : !iy.inForce
          ? no(["dispositif pas encore en vigueur à la date d'installation", "regeling nog niet van kracht op de installatiedatum", "scheme not yet in force on the installation date"])
          : !iy.conventioned
            ? no(["tarif conventionné non facturé (non conventionné)", "geconventioneerd tarief niet aangerekend", "conventioned tariff not billed"])
            : !iy.penurie
              ? no(["quartier non déclaré en pénurie", "wijk niet als tekortwijk verklaard", "quarter not declared in shortage"])
              : d.installation < d.agrement
                ? no(["installé avant l'agrément", "geïnstalleerd vóór de erkenning", "installed before recognition"])
                : no(["agréé depuis trop longtemps à l'installation", "te lang erkend bij de installatie", "recognised too long before installation"]),
  ]);
  const ss = granted((y) => y.primes.statutSocial.amount);
  out.push([
    ["Statut social (versé à l'assureur, hors trésorerie)", "Sociaal statuut (aan de verzekeraar, buiten thesaurie)", "Social benefit (paid to the insurer, not cash)"],
    ss ? yes(ss) : s.conventionnement === "aucun" ? no(["non conventionné", "niet geconventioneerd", "not conventioned"]) : no(["aucune année complète agréé et actif", "geen volledig jaar erkend en actief", "no full year recognised and active"]),
  ]);
  return out;
}

export function summarySheet(ctx: PlanCtx, name: string, sheets: { hyp: Sheet; syn: Sheet; ech: Sheet; pri: Sheet }, events: CalendarEvent[]): Sheet {
  const { L, s } = ctx;
  const Y = ctx.sim.years;
  const sh = new Sheet(ctx.k("res"), name);
  const n = ctx.years.length;
  sh.add([lab(`${L(["Résumé", "Samenvatting", "Summary"])} — ${s.name}`, "title")]);
  sh.note(
    L([
      `Projection ${ctx.years[0]}–${ctx.years[n - 1]} des premières années du cabinet, calculée sur les hypothèses et les montants légaux du classeur (feuilles Hypothèses et Paramètres).`,
      `Projectie ${ctx.years[0]}–${ctx.years[n - 1]} van de eerste jaren van de praktijk, berekend op de hypothesen en wettelijke bedragen van de werkmap (bladen Hypothesen en Parameters).`,
      `Projection ${ctx.years[0]}–${ctx.years[n - 1]} of the practice's first years, computed on the workbook's assumptions and legal figures (Assumptions and Parameters sheets).`,
    ]),
    90,
  );
  sh.blank();
  sh.add([lab(L(["Le médecin et le scénario", "De arts en het scenario", "The GP and the scenario"]), "subtitle")]);
  const fact = (t: Tr, formula: string, result: CellPlan["result"], format?: string) => sh.add([lab(L(t)), { formula, result, style: "formula", ...(format ? { format } : {}) }]);
  const d = ctx.sim.model.d;
  fact(["Installation", "Installatie", "Installation"], `=${H(ctx, "installation")}`, d.installation, DATE);
  fact(["Agrément", "Erkenning", "Recognition"], `=${H(ctx, "agrement")}`, d.agrement, DATE);
  fact(["Accréditation à partir du (0 : non accrédité)", "Accreditering vanaf (0: niet geaccrediteerd)", "Accredited from (0: not accredited)"], `=${H(ctx, "accreditationStart")}`, d.accreditationStart ?? 0, DATE);
  fact(["Type de pratique", "Praktijkvorm", "Practice type"], `=${H(ctx, "practiceTypeLabel")}`, L(PRACTICE_LABELS[s.practice.type]));
  fact(["Conventionnement", "Conventionering", "Agreement adherence"], `=${H(ctx, "conventionnementLabel")}`, L(CONVENTION_LABELS[s.conventionnement]));
  sh.blank();
  sh.add([lab(L(["Chiffres clés par année", "Kerncijfers per jaar", "Key figures per year"]), "subtitle"), ...ctx.years.map((y) => head(y)), head(L(["Total", "Totaal", "Total"]))], "year");
  for (const line of KEY_LINES) {
    const r = sheets.syn.row(line.id) + 1;
    const cells: (CellPlan | null)[] = [lab(L(line.t), line.id === "net" || line.id === "cumulative" ? "total" : "label")];
    ctx.years.forEach((_, i) => cells.push({ formula: `={${sheets.syn.key}}!${ctx.col(i)}$${r}`, result: euroResult(synValue(line.id, Y[i])), format: EUR, style: line.id === "net" || line.id === "cumulative" ? "total" : "formula" }));
    cells.push(line.id === "cumulative" ? null : { formula: `={${sheets.syn.key}}!${ctx.col(n)}$${r}`, result: euroResult(Y.reduce((t, y) => t + synValue(line.id, y), 0)), format: EUR, style: "total" });
    sh.add(cells, `k_${line.id}`);
  }
  const after = ctx.sim.afterHorizon;
  sh.note(
    `${L(["Encore dû après", "Nog verschuldigd na", "Still due after"])} ${ctx.years[n - 1]} : ${L(["régularisations de cotisations", "regularisaties van bijdragen", "contribution regularisations"])} ${fmt(after.socialRegularisation)}, ${L(["solde d'impôt", "belastingsaldo", "tax balance"])} ${fmt(after.tax)} ; ${L(["primes encore à recevoir", "nog te ontvangen premies", "grants still to receive"])} ${fmt(Object.values(after.primes).reduce((t, v) => t + v, 0))}.`,
    100,
  );
  sh.blank();
  sh.add([lab(L(["Certain ou hypothèse", "Zeker of hypothese", "Certain or assumption"]), "subtitle")]);
  sh.add([
    lab(L(["Montants légaux", "Wettelijke bedragen", "Legal figures"])),
    ...Y.map((y) => lab(y.unknown.length ? L(["non publiés", "niet gepubl.", "unpublished"]) : y.extrapolated.length ? L(["extrapolés", "geëxtrapoleerd", "extrapolated"]) : L(["publiés", "gepubliceerd", "published"]), y.extrapolated.length || y.unknown.length ? "note" : "check")),
  ]);
  sh.note(
    L([
      `Hypothèses du cabinet : activité (consultations, visites, semaines), frais, personnel ; années sans montant publié : dernier montant reconduit, indexé de ${String(s.extrapolation.indexPercent).replace(".", ",")} % par an ; dates de versement non publiées : fin de la fenêtre de demande ; honoraires encaissés l'année de l'acte.`,
      `Hypothesen van de praktijk: activiteit (raadplegingen, huisbezoeken, weken), kosten, personeel; jaren zonder gepubliceerd bedrag: laatste bedrag behouden, geïndexeerd met ${String(s.extrapolation.indexPercent).replace(".", ",")} % per jaar; niet-gepubliceerde stortingsdata: einde van de aanvraagperiode; erelonen geïnd in het jaar van de prestatie.`,
      `Practice assumptions: activity (consultations, visits, weeks), costs, staff; years without a published figure: last figure carried over, indexed by ${String(s.extrapolation.indexPercent).replace(".", ",")} % a year; unpublished payment dates: end of the request window; fees collected in the year of the act.`,
    ]),
    100,
  );
  sh.blank();
  sh.add([lab(L(["Aides : accordées ou refusées, et pourquoi (à la création du classeur)", "Steun: toegekend of geweigerd, en waarom (bij het aanmaken)", "Aids: granted or refused, and why (when the workbook was built)"]), "subtitle")]);
  for (const [t, text] of aidLines(ctx)) sh.add([lab(L(t)), lab(text, text.startsWith(L(["non", "neen", "no"])) ? "note" : "check")]);
  sh.blank();
  sh.add([lab(L(["Prochaines démarches (Échéancier)", "Volgende stappen (Kalender)", "Next steps (Deadlines)"]), "subtitle"), head(L(["Date", "Datum", "Date"])), head(L(["Situation", "Toestand", "Status"]))]);
  const today = todaySerial();
  const upcoming = [...events].sort((a, b) => a.date - b.date).filter((e) => e.date >= today - 60).slice(0, 10);
  for (const e of upcoming) {
    const ref = `{${sheets.ech.key}}!$A$${sheets.ech.row(e.id) + 1}`;
    const status = e.date < today ? L(["dépassée", "verstreken", "past"]) : e.date - today <= 30 ? L(["dans les 30 jours", "binnen 30 dagen", "within 30 days"]) : L(["à venir", "gepland", "upcoming"]);
    sh.add([
      lab(e.label),
      { formula: `=${ref}`, result: e.date, format: DATE, style: "formula" },
      { formula: `=IF(${ref}<TODAY(),"${L(["dépassée", "verstreken", "past"])}",IF(${ref}-TODAY()<=30,"${L(["dans les 30 jours", "binnen 30 dagen", "within 30 days"])}","${L(["à venir", "gepland", "upcoming"])}"))`, result: status, style: "formula" },
    ]);
  }
  if (upcoming.length === 0) sh.note(L(["Aucune démarche datée à venir dans la période simulée.", "Geen gedateerde stap gepland in de gesimuleerde periode.", "No dated step ahead in the simulated period."]));
  sh.note(`${L(["Situation au", "Toestand op", "Status on"])} ${formatDateFr(today)} ${L(["(recalculée à l'ouverture du classeur).", "(herberekend bij het openen).", "(recalculated when the workbook opens)."])}`, 100);
  return sh;
}

function fmt(cents: number): string {
  return isNA(cents) ? "#N/A" : formatEuros(cents);
}

function synValue(id: string, y: SimYear): number {
  switch (id) {
    case "fees":
      return y.revenues.total;
    case "primes":
      return y.receivedTotal;
    case "costs":
      return y.costs.total;
    case "social":
      return y.social.paid;
    case "tax":
      return y.tax.total;
    case "taxPaid":
      return y.taxPaid;
    case "net":
      return y.cash.net;
    default:
      return y.cash.cumulative;
  }
}
