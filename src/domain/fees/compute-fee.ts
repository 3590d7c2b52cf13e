import type { FeeBasis } from "../vocabulary.ts";
import { computeItemFee } from "./compute-item-fee.ts";
import { computeVolumeFee } from "./compute-volume-fee.ts";
import type { FeeResult } from "./fee-types.ts";

/** What a fee notice charges for (国办函〔2020〕109号 第三条: one basis per application). */
export interface FeeQuantity {
  basis: FeeBasis;
  /** 按件: the items of this application; 按量: its pages. */
  quantity: number;
  /** 按件 only: the same applicant's items earlier in the same calendar month (第四条, cumulative). */
  itemsEarlierThisMonth?: number | undefined;
}

/** The fee of one application by its basis: computeItemFee (按件) or computeVolumeFee (按量). */
export function computeFee({ basis, quantity, itemsEarlierThisMonth }: FeeQuantity): FeeResult {
  return basis === "per_item"
    ? computeItemFee({ items: quantity, itemsEarlierThisMonth: itemsEarlierThisMonth ?? 0 })
    : computeVolumeFee(quantity);
}

/** The amount agrees with the calculation to the fen. */
export function isFeeAmountComputed(amountYuan: number, computed: FeeResult): boolean {
  return Math.round(amountYuan * 100) === Math.round(computed.amountYuan * 100);
}

/** “45件”, “250页” */
export function describeFeeQuantity({ basis, quantity }: FeeQuantity): string {
  return `${quantity}${basis === "per_item" ? "件" : "页"}`;
}
