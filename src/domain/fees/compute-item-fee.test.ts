import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeItemFee } from "./compute-item-fee.ts";

/** Independent reference: the price of each item, summed one by one (国办函〔2020〕109号 第四条). */
function referenceFee(earlier: number, items: number): number {
  let total = 0;
  for (let n = earlier + 1; n <= earlier + items; n++) {
    if (n > 30) total += 100 * (Math.ceil((n - 30) / 10) + 1);
    else if (n > 10) total += 100;
  }
  return total;
}

const fee = (earlier: number, items: number) =>
  computeItemFee({ itemsEarlierThisMonth: earlier, items }).amountYuan;

describe("computeItemFee", () => {
  it("charges 5,500 元 for 45 items in one month (DOMAIN.md §9)", () => {
    expect(computeItemFee({ itemsEarlierThisMonth: 0, items: 45 })).toEqual({
      amountYuan: 5500,
      lines: [
        "第1–10件：10件，不收费",
        "第11–30件：20件×100元＝2000元",
        "第31–40件：10件×200元＝2000元",
        "第41–45件：5件×300元＝1500元",
        "合计：5500元",
      ],
    });
  });

  it("charges 1,500 元 for items 41–45 when 40 were already counted this month", () => {
    expect(computeItemFee({ itemsEarlierThisMonth: 40, items: 5 })).toEqual({
      amountYuan: 1500,
      lines: ["本月此前已累计申请40件，本次为第41件起共5件", "第41–45件：5件×300元＝1500元", "合计：1500元"],
    });
  });

  it.each([
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [41, 4300],
    [50, 7000],
    [51, 7400],
  ])("charges %i items in a month %i 元", (items, amount) => {
    expect(fee(0, items)).toBe(amount);
  });

  it("prices a single item at the band of its number in the month", () => {
    expect(fee(10, 1)).toBe(100);
    expect(fee(30, 1)).toBe(200);
    expect(fee(40, 1)).toBe(300);
    expect(computeItemFee({ itemsEarlierThisMonth: 30, items: 1 }).lines).toContain(
      "第31件：1件×200元＝200元",
    );
  });

  it("charges nothing for no items", () => {
    expect(computeItemFee({ itemsEarlierThisMonth: 7, items: 0 })).toEqual({
      amountYuan: 0,
      lines: ["合计：0元"],
    });
  });

  it.each([
    [{ itemsEarlierThisMonth: -1, items: 3 }, "本月此前已申请件数“-1”无效"],
    [{ itemsEarlierThisMonth: 0, items: 2.5 }, "本次申请件数“2.5”无效"],
    [{ itemsEarlierThisMonth: 0, items: Number.NaN }, "本次申请件数“NaN”无效"],
    [{ itemsEarlierThisMonth: 99_999, items: 2 }, "超出可计算范围"],
  ])("rejects %o", (input, message) => {
    expect(() => computeItemFee(input)).toThrow(message);
    expect(() => computeItemFee(input)).toThrow(
      expect.objectContaining({ code: "invalid_input", status: 422 }),
    );
  });

  const counts = fc.integer({ min: 0, max: 400 });

  it("agrees with the item-by-item reference", () => {
    fc.assert(
      fc.property(counts, counts, (earlier, items) => {
        expect(fee(earlier, items)).toBe(referenceFee(earlier, items));
      }),
      { numRuns: 500 },
    );
  });

  it("never decreases when more items are requested", () => {
    fc.assert(
      fc.property(counts, counts, counts, (earlier, items, more) => {
        expect(fee(earlier, items + more)).toBeGreaterThanOrEqual(fee(earlier, items));
        expect(fee(earlier + more, items)).toBeGreaterThanOrEqual(fee(earlier, items));
      }),
      { numRuns: 500 },
    );
  });

  it("charges a month's items the same whether requested at once or in two requests", () => {
    fc.assert(
      fc.property(counts, counts, counts, (earlier, a, b) => {
        expect(fee(earlier, a) + fee(earlier + a, b)).toBe(fee(earlier, a + b));
      }),
      { numRuns: 500 },
    );
  });

  it("itemises exactly the amount it charges", () => {
    fc.assert(
      fc.property(counts, counts, (earlier, items) => {
        const { amountYuan, lines } = computeItemFee({ itemsEarlierThisMonth: earlier, items });
        const itemised = lines
          .map((line) => /＝(\d+)元$/.exec(line)?.[1])
          .reduce((sum, amount) => sum + Number(amount ?? 0), 0);
        expect(itemised).toBe(amountYuan);
        expect(lines.at(-1)).toBe(`合计：${amountYuan}元`);
      }),
      { numRuns: 300 },
    );
  });
});
