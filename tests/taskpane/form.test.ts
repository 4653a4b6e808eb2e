/**
 * The task pane form model (taskpane/form.ts): defaults from the example
 * scenario, French number/date input, and one validation message per field
 * from the scenario schema.
 */
import example from "../../examples/scenario-exemple.json";
import { scenarioSchema } from "../../src/scenario/schema";
import {
  addActivityYear,
  addInvestment,
  formFromScenario,
  parseNumberInput,
  readForm,
  removeActivityYear,
  removeInvestment,
  secondForm,
  sectionOfPath,
  validateForm,
  fieldsOf,
  localizeSchemaMessage,
} from "../../taskpane/form";
import { TEXT_KEYS, t, uiLangOf, UI_LANGS } from "../../taskpane/i18n";

describe("task pane form: defaults from examples/scenario-exemple.json", () => {
  test("the example fills the form with French dates and numbers, and validates to the same scenario as the JSON", () => {
    const form = formFromScenario(example, "fr");
    expect(form.values["dates.endOfTraining"]).toBe("30/09/2025");
    expect(form.values["dates.installation"]).toBe("01/10/2025");
    expect(form.values["costs.rent"]).toBe("9600");
    expect(form.values["activity[1].consultationsPerWeek"]).toBe("80");
    expect(form.values["accreditation.accredited"]).toBe(true);
    expect(form.activityYears).toBe(4);
    expect(form.investments).toBe(1);
    const v = validateForm(form, "fr");
    expect(v.fields).toEqual({});
    expect(v.others).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.scenario).toEqual(scenarioSchema.parse(example));
  });

  test("every field of the form has a label in French, Dutch and English", () => {
    const form = formFromScenario(example, "fr");
    for (const f of fieldsOf(form)) for (const lang of UI_LANGS) expect(t(lang, f.label).length).toBeGreaterThan(1);
    for (const key of TEXT_KEYS) for (const lang of UI_LANGS) expect(t(lang, key)).not.toBe("");
    expect(uiLangOf("nl-BE")).toBe("nl");
    expect(uiLangOf("en-GB")).toBe("en");
    expect(uiLangOf("fr-BE")).toBe("fr");
    expect(uiLangOf(undefined)).toBe("fr");
  });
});

/** Every leaf path of a zod schema ("staff.employee.hoursPerWeek", arrays as [0]). */
function schemaLeaves(schema: unknown, prefix = ""): string[] {
  const def = (schema as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "object":
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) => schemaLeaves(v, prefix ? `${prefix}.${k}` : k));
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
      return schemaLeaves(def.innerType, prefix);
    case "pipe":
      return schemaLeaves(def.in, prefix);
    case "array":
      return schemaLeaves(def.element, `${prefix}[0]`);
    default:
      return [prefix];
  }
}

test("the form has a field for every input of the scenario schema (a new schema field needs a form field)", () => {
  const form = formFromScenario(example, "fr");
  const paths = new Set(fieldsOf(form).map((f) => f.path));
  const leaves = schemaLeaves(scenarioSchema);
  expect(leaves.length).toBeGreaterThan(30);
  expect(leaves.filter((p) => !paths.has(p))).toEqual([]);
});

describe("task pane form: what an accountant types", () => {
  test("numbers in French, Dutch and English writing", () => {
    expect(parseNumberInput("9 600", "fr")).toBe(9600);
    expect(parseNumberInput("9600,50", "fr")).toBe(9600.5);
    expect(parseNumberInput("9.600,50 €", "nl")).toBe(9600.5);
    expect(parseNumberInput("9.600", "fr")).toBe(9600);
    expect(parseNumberInput("9.6", "fr")).toBe(9.6);
    expect(parseNumberInput("9,600.50", "en")).toBe(9600.5);
    expect(parseNumberInput("9.600", "en")).toBe(9.6);
    expect(parseNumberInput("douze", "fr")).toBeNull();
    expect(parseNumberInput("", "fr")).toBeNull();
  });

  test("a date in another format, or a day that does not exist, gets a message next to that field only", () => {
    const form = formFromScenario(example, "fr");
    form.values["dates.agrement"] = "2025/12/01x";
    form.values["dates.installation"] = "31/02/2025";
    const v = validateForm(form, "fr");
    expect(v.ok).toBe(false);
    expect(v.fields).toEqual({
      "dates.agrement": "date au format JJ/MM/AAAA attendue (par ex. 01/10/2025)",
      "dates.installation": "date impossible : ce jour n'existe pas",
    });
    form.values["dates.agrement"] = "01/12/2025";
    form.values["dates.installation"] = "2025-10-01";
    expect(validateForm(form, "fr").ok).toBe(true);
  });

  test("schema rules appear next to the field they concern (agrément before the end of training)", () => {
    const form = formFromScenario(example, "fr");
    form.values["dates.agrement"] = "01/09/2025";
    const v = validateForm(form, "fr");
    expect(v.fields["dates.agrement"]).toBe("l'agrément ne peut pas précéder la fin du stage");
  });

  test("a schema message without a field (no quarter at all) is kept for its section", () => {
    const form = formFromScenario(example, "fr");
    form.values["quartier.code"] = "";
    form.values["quartier.name"] = "";
    const v = validateForm(form, "fr");
    expect(v.others).toEqual([]);
    expect(v.fields["quartier.code"]).toContain("indiquez le code ou le nom du quartier (Monitoring des Quartiers)");
    expect(sectionOfPath("quartier")).toBe("practice");
    expect(sectionOfPath("activity")).toBe("activity");
  });

  test("a required field left blank and a non-integer count are reported in the UI language", () => {
    const form = formFromScenario(example, "nl");
    form.values["costs.rent"] = "";
    form.values["activity[0].weeksWorked"] = "45,5";
    const v = validateForm(form, "nl");
    expect(v.fields["costs.rent"]).toBe("waarde vereist");
    expect(v.fields["activity[0].weeksWorked"]).toBe("geheel getal verwacht");
  });

  test("in Dutch and English the schema's bound messages are translated; other rules stay in French", () => {
    const form = formFromScenario(example, "en");
    form.values["activity[0].weeksWorked"] = "60";
    form.values["dates.agrement"] = "01/09/2025";
    const v = validateForm(form, "en");
    expect(v.fields["activity[0].weeksWorked"]).toBe("at most 53");
    expect(v.fields["dates.agrement"]).toBe("l'agrément ne peut pas précéder la fin du stage");
    expect(validateForm(form, "fr").fields["activity[0].weeksWorked"]).toBe("semaines travaillées : au plus 53");
    expect(localizeSchemaMessage("horizon (années) : au moins 1", "nl")).toBe("minimaal 1");
    expect(localizeSchemaMessage("indexation : au plus 20 %", "nl")).toBe("maximaal 20 %");
    expect(localizeSchemaMessage("le montant ne peut pas être négatif", "en")).toBe("the amount cannot be negative");
  });

  test("the employee contract (R10) is optional: blank hours and start are left out, given ones reach the scenario", () => {
    const form = formFromScenario(example, "fr");
    expect(form.values["staff.employee.firstContract"]).toBe(true);
    expect(readForm(form, "fr").input).toMatchObject({ staff: { employee: { months: 0, yearlyCost: 0, firstContract: true } } });
    expect((readForm(form, "fr").input.staff as { employee: object }).employee).not.toHaveProperty("hoursPerWeek");
    form.values["staff.employee.months"] = "12";
    form.values["staff.employee.yearlyCost"] = "30 000";
    form.values["staff.employee.hoursPerWeek"] = "19,5";
    form.values["staff.employee.contractStart"] = "01/01/2026";
    const v = validateForm(form, "fr");
    expect(v.fields).toEqual({});
    expect(v.scenario?.staff.employee).toEqual({ months: 12, yearlyCost: 30000, hoursPerWeek: 19.5, contractStart: "2026-01-01", firstContract: true });
  });

  test("disabled fields are left out: no association fee unless the cercle is joined through an association", () => {
    const form = formFromScenario(example, "fr");
    form.values["costs.associationFee"] = "120";
    expect(readForm(form, "fr").input).toMatchObject({ costs: { associationFee: 0 } });
    form.values["costs.cercle"] = "association";
    expect(readForm(form, "fr").input).toMatchObject({ costs: { associationFee: 120 } });
    expect(validateForm(form, "fr").ok).toBe(true);
  });

  test("activity years and investments can be added and removed; a second scenario starts as a renamed copy", () => {
    const form = formFromScenario(example, "fr");
    addActivityYear(form);
    expect(form.activityYears).toBe(5);
    expect(form.values["activity[4].dmgCount"]).toBe("900");
    expect(validateForm(form, "fr").ok).toBe(true);
    addActivityYear(form);
    const tooMany = validateForm(form, "fr");
    expect(tooMany.others).toEqual([{ path: "activity", message: "6 années d'activité pour un horizon de 5 ans" }]);
    removeActivityYear(form);
    addInvestment(form, 2026);
    expect(validateForm(form, "fr").fields).toMatchObject({ "investments[1].label": "valeur requise", "investments[1].years": "valeur requise" });
    removeInvestment(form, 0);
    expect(form.investments).toBe(1);
    expect(form.values["investments[0].year"]).toBe("2026");
    removeInvestment(form, 0);
    expect(form.investments).toBe(0);
    expect(validateForm(form, "fr").ok).toBe(true);
    const second = secondForm(form, "fr");
    expect(second.values.name).toBe("Variante");
    expect(second.values["costs.rent"]).toBe("9600");
    second.values["costs.rent"] = "12000";
    expect(form.values["costs.rent"]).toBe("9600");
  });
});
