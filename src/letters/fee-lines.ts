import { AppError } from "../app-error.ts";
import { computeItemFee } from "../domain/fees/compute-item-fee.ts";
import { computeVolumeFee } from "../domain/fees/compute-volume-fee.ts";
import type { FeeBasis } from "../domain/vocabulary.ts";

/** The quantities a fee notice may print its computation from (the fee event records only the amount). */
export interface FeeQuantities {
  /** 按量: pages of this application. */
  pages?: number | undefined;
  /** 按件: items of this application, and items of the same applicant earlier in the month. */
  items?: number | undefined;
  itemsEarlierThisMonth?: number | undefined;
}

const TARIFF: Record<FeeBasis, string[]> = {
  per_volume: [
    "收费标准（按量计收，国办函〔2020〕109号）：30页以下（含）不收费；31–100页每页10元；101–200页每页20元；201页以上每页40元。",
  ],
  per_item: [
    "收费标准（按件计收，国办函〔2020〕109号）：同一申请人一个自然月内累计申请10件以下（含）不收费；11–30件每件100元；31件以上每增加10件，每件收费标准提高100元。",
  ],
};

/** The smallest page count whose fee is `amount` (the per-volume fee rises with every page past 30). */
function pagesFor(amount: number): number | undefined {
  for (let pages = 31; pages <= 100_000; pages++) {
    const fee = computeVolumeFee(pages).amountYuan;
    if (fee === amount) return pages;
    if (fee > amount) return undefined;
  }
  return undefined;
}

function mismatch(amount: number, computed: number, what: string): AppError {
  return new AppError("invalid_input", {
    message: `按${what}计算的信息处理费为${computed}元，与收费通知记载的${amount}元不一致，请核对数量`,
  });
}

/**
 * The computation lines of a fee notice (computeVolumeFee / computeItemFee): from the quantities
 * given, else (按量) from the page count the amount implies, else the tariff and the amount.
 */
export function feeLines(basis: FeeBasis, amountYuan: number, q: FeeQuantities): string[] {
  if (basis === "per_volume") {
    const pages = q.pages ?? pagesFor(amountYuan);
    if (pages === undefined) return [...TARIFF.per_volume, `本次收费金额：${amountYuan}元。`];
    const fee = computeVolumeFee(pages);
    if (fee.amountYuan !== amountYuan) throw mismatch(amountYuan, fee.amountYuan, `${pages}页`);
    return [...TARIFF.per_volume, `本次申请共${pages}页：`, ...fee.lines];
  }
  if (q.items === undefined) return [...TARIFF.per_item, `本次收费金额：${amountYuan}元。`];
  const fee = computeItemFee({ items: q.items, itemsEarlierThisMonth: q.itemsEarlierThisMonth ?? 0 });
  if (fee.amountYuan !== amountYuan) throw mismatch(amountYuan, fee.amountYuan, `${q.items}件`);
  return [...TARIFF.per_item, ...fee.lines];
}
