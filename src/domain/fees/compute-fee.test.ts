import { describe, expect, it } from "vitest";
import { computeFee, describeFeeQuantity, isFeeAmountComputed } from "./compute-fee.ts";

describe("computeFee", () => {
  it("charges per volume by the pages and per item cumulatively in the month (DOMAIN.md §9)", () => {
    expect(computeFee({ basis: "per_volume", quantity: 250 }).amountYuan).toBe(4700);
    expect(computeFee({ basis: "per_item", quantity: 45 }).amountYuan).toBe(5500);
    expect(computeFee({ basis: "per_item", quantity: 12, itemsEarlierThisMonth: 25 }).amountYuan).toBe(1900);
    expect(describeFeeQuantity({ basis: "per_item", quantity: 12 })).toBe("12件");
  });

  it("compares amounts to the fen", () => {
    const fee = computeFee({ basis: "per_volume", quantity: 40 });
    expect(isFeeAmountComputed(100, fee)).toBe(true);
    expect(isFeeAmountComputed(100.001, fee)).toBe(true);
    expect(isFeeAmountComputed(100.01, fee)).toBe(false);
  });
});
