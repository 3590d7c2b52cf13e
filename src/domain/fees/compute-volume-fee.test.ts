import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeVolumeFee } from "./compute-volume-fee.ts";

/** Independent reference: page by page (国办函〔2020〕109号 第五条). */
function referenceFee(pages: number): number {
  let total = 0;
  for (let p = 1; p <= pages; p++) total += p > 200 ? 40 : p > 100 ? 20 : p > 30 ? 10 : 0;
  return total;
}

describe("computeVolumeFee", () => {
  it("charges 4,700 元 for 250 pages (DOMAIN.md §9)", () => {
    expect(computeVolumeFee(250)).toEqual({
      amountYuan: 4700,
      lines: [
        "第1–30页：30页，不收费",
        "第31–100页：70页×10元＝700元",
        "第101–200页：100页×20元＝2000元",
        "第201–250页：50页×40元＝2000元",
        "合计：4700元",
      ],
    });
  });

  it.each([
    [0, 0],
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
  ])("charges %i pages %i 元", (pages, amount) => {
    expect(computeVolumeFee(pages).amountYuan).toBe(amount);
  });

  it("names a one-page band by its page", () => {
    expect(computeVolumeFee(31).lines).toEqual([
      "第1–30页：30页，不收费",
      "第31页：1页×10元＝10元",
      "合计：10元",
    ]);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects %d pages", (pages) => {
    expect(() => computeVolumeFee(pages)).toThrow(/^页数“.*”无效：应为不小于 0 的整数$/);
    expect(() => computeVolumeFee(pages)).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        details: [expect.objectContaining({ field: "pages" })],
      }),
    );
  });

  it("agrees with the page-by-page reference and never decreases with more pages", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 500 }), (pages, more) => {
        expect(computeVolumeFee(pages).amountYuan).toBe(referenceFee(pages));
        expect(computeVolumeFee(pages + more).amountYuan).toBeGreaterThanOrEqual(
          computeVolumeFee(pages).amountYuan,
        );
      }),
      { numRuns: 500 },
    );
  });
});
