/**
 * Contract of the custom functions (DESIGN §4, §6): the metadata Excel reads,
 * generated from functions/functions.ts by custom-functions-metadata, keeps
 * every id, name and parameter of the committed golden file. Ids are permanent
 * (workbooks store them). After adding functions: `npm run golden:update`.
 */
import * as fs from "fs";
import { catalog } from "../../src/catalog";
import { isRange } from "../../scripts/gen-functions";
import {
  GOLDEN_JSON,
  breakingChanges,
  contractOf,
  generateMetadata,
  type ContractFunction,
  type Metadata,
} from "../../scripts/metadata";

let metadata: Metadata;
let contract: ContractFunction[];
const golden: ContractFunction[] = JSON.parse(fs.readFileSync(GOLDEN_JSON, "utf8"));

beforeAll(async () => {
  metadata = await generateMetadata();
  contract = contractOf(metadata);
}, 60_000);

test("no function of the golden file disappeared or changed (ids, names, parameters, result)", () => {
  expect(breakingChanges(golden, contract)).toEqual([]);
});

test("every function is recorded in the golden file (new ids: run npm run golden:update)", () => {
  const unrecorded = contract.filter((f) => !golden.some((g) => g.id === f.id)).map((f) => f.id);
  if (unrecorded.length > 0) {
    throw new Error(
      `${unrecorded.join(", ")} not recorded in tests/metadata/functions.golden.json: run npm run golden:update and commit it.`,
    );
  }
  expect(contract).toEqual(golden);
});

test("the four functions of the product card keep their argument order", () => {
  const params = (id: string) => contract.find((f) => f.id === id)?.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  expect(params("STAGE.TARIFF")).toEqual(["code", "[date]", "[part]"]);
  expect(params("PRIME.INTEGREE")).toEqual(["year", "status", "[criteria]", "[software]"]);
  expect(params("IMPULSEO.REFUND")).toEqual(["kind", "year", "costs", "[months]", "[gps]", "[net]"]);
});

test("metadata lists every catalog function, id = name, with the French descriptions", () => {
  expect(metadata.functions.map((f) => f.id).sort()).toEqual(catalog.map((f) => f.id).sort());
  for (const spec of catalog) {
    const f = metadata.functions.find((m) => m.id === spec.id)!;
    expect(f.name).toBe(spec.id);
    expect(f.description).toBe(spec.description.fr.replace(/\s+/g, " ").trim());
    expect(f.parameters.map((p) => p.name)).toEqual(spec.args.map((a) => a.name));
    expect(f.parameters.map((p) => Boolean(p.optional))).toEqual(spec.args.map((a) => Boolean(a.optional)));
    expect(f.parameters.map((p) => p.dimensionality === "matrix")).toEqual(spec.args.map((a) => isRange(a)));
  }
});

describe("breakingChanges", () => {
  const base: ContractFunction[] = [
    {
      id: "X.Y",
      name: "X.Y",
      parameters: [{ name: "a", type: "any", dimensionality: "scalar", optional: false, repeating: false }],
      result: { type: "number", dimensionality: "scalar" },
    },
  ];
  const clone = () => JSON.parse(JSON.stringify(base)) as ContractFunction[];

  test("a removed id is refused", () => {
    expect(breakingChanges(base, [])).toEqual(["MG.X.Y has disappeared: ids are permanent (workbooks store them)."]);
  });

  test("a renamed parameter and a new required parameter are refused; a new optional one is accepted", () => {
    const renamed = clone();
    renamed[0].parameters[0].name = "b";
    expect(breakingChanges(base, renamed)).toHaveLength(1);
    const added = clone();
    added[0].parameters.push({ name: "c", type: "any", dimensionality: "scalar", optional: false, repeating: false });
    expect(breakingChanges(base, added)).toEqual(["MG.X.Y: new parameter c must be optional."]);
    added[0].parameters[1].optional = true;
    expect(breakingChanges(base, added)).toEqual([]);
  });
});

test("every parameter description fits the 128 characters older Excel builds accept (audit §3), in French, Dutch and English", () => {
  const { catalog } = require("../../src/catalog") as typeof import("../../src/catalog");
  const long: string[] = [];
  for (const f of catalog) {
    expect(f.description.fr.length).toBeLessThanOrEqual(1024);
    for (const a of f.args) for (const lang of ["fr", "nl", "en"] as const) if (a.description[lang].replace(/\s+/g, " ").trim().length > 128) long.push(`${f.id} ${a.name} ${lang}`);
  }
  expect(long).toEqual([]);
});
