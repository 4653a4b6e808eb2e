import { evaluate } from "../../src/catalog";
import { serialFromIso } from "../../src/dates";
const ctx = { today: serialFromIso("2025-08-30"), lang: "fr" as const };
test("smoke", () => {
  expect(evaluate("STAGE.TARIFF", [101032], ctx).value).toBe(19.88);
  expect(evaluate("PRIME.INTEGREE", [2024, "acte", 6], ctx).value).toBe(4500);
  expect(evaluate("IMPULSEO.REFUND", ["telesecretariat", 2025, 12000], ctx).value).toBe(4700);
  expect(evaluate("INAMI.VALID", ["1-23456-25-003"], ctx).value).toBe(true);
  console.log(evaluate("IMPULSEO.REFUND", ["salaire", 2025, 12000, 6, 2, true], ctx));
});
