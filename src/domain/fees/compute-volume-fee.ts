import { AppError } from "../../app-error.ts";
import { chargeProgressively } from "./charge-progressively.ts";
import type { FeeResult } from "./fee-types.ts";

// 国办函〔2020〕109号 第五条: per application, by pages.
const PAGE_TIERS = [
  { to: 30, unitPriceYuan: 0 },
  { to: 100, unitPriceYuan: 10 },
  { to: 200, unitPriceYuan: 20 },
  { to: Number.POSITIVE_INFINITY, unitPriceYuan: 40 },
] as const;

function tierOf(page: number): (typeof PAGE_TIERS)[number] {
  const tier = PAGE_TIERS.find((t) => page <= t.to);
  if (tier === undefined) throw new AppError("internal", { message: `页数 ${page} 超出计费范围` });
  return tier;
}

/**
 * The per-volume fee (按量计收, 国办函〔2020〕109号 第五条) of one application: pages 1–30 free,
 * 31–100 at 10 元, 101–200 at 20 元, from 201 at 40 元 per page.
 */
export function computeVolumeFee(pages: number): FeeResult {
  if (!Number.isSafeInteger(pages) || pages < 0) {
    const message = `页数“${pages}”无效：应为不小于 0 的整数`;
    throw new AppError("invalid_input", { message, details: [{ field: "pages", message }] });
  }
  return chargeProgressively({
    first: 1,
    last: pages,
    unit: "页",
    priceOf: (page) => tierOf(page).unitPriceYuan,
    bandEnd: (page) => tierOf(page).to,
  });
}
