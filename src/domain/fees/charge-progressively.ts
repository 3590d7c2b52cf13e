import type { FeeResult } from "./fee-types.ts";

export interface ProgressiveCharge {
  /** The first and last unit charged now (1-based; last < first charges nothing). */
  first: number;
  last: number;
  unit: "件" | "页";
  /** The price of unit n, in 元. */
  priceOf: (n: number) => number;
  /** The last unit priced like unit n. */
  bandEnd: (n: number) => number;
}

function range(from: number, to: number, unit: string): string {
  return from === to ? `第${from}${unit}` : `第${from}–${to}${unit}`;
}

/**
 * Prices the units `first`..`last` band by band: the 超额累进 method of 国办函〔2020〕109号 第三条.
 * One line per band of equal price, then the total.
 */
export function chargeProgressively({ first, last, unit, priceOf, bandEnd }: ProgressiveCharge): FeeResult {
  const lines: string[] = [];
  let amountYuan = 0;
  for (let from = first; from <= last; ) {
    const to = Math.min(last, bandEnd(from));
    const price = priceOf(from);
    const count = to - from + 1;
    amountYuan += count * price;
    lines.push(
      price === 0
        ? `${range(from, to, unit)}：${count}${unit}，不收费`
        : `${range(from, to, unit)}：${count}${unit}×${price}元＝${count * price}元`,
    );
    from = to + 1;
  }
  lines.push(`合计：${amountYuan}元`);
  return { amountYuan, lines };
}
