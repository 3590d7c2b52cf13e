import { AppError } from "../../app-error.ts";
import { chargeProgressively } from "./charge-progressively.ts";
import type { FeeResult } from "./fee-types.ts";

export interface ItemFeeInput {
  /** Items this applicant already applied for earlier in the same calendar month (≥ 0). */
  itemsEarlierThisMonth: number;
  /** Items of this application (“一事一申请”: split to the smallest reasonable unit, 第四条). */
  items: number;
}

const FREE_ITEMS = 10;
const FLAT_ITEMS = 30;
const BAND_SIZE = 10;
const STEP_YUAN = 100;
/** Far beyond any real month; keeps the breakdown (one line per 10 items) bounded. */
const MAX_ITEMS_PER_MONTH = 100_000;

// 第四条: up to 10 items a month free; 11–30 at 100 元; from 31, +100 元 per item every 10 items.
function priceOfItem(n: number): number {
  if (n <= FREE_ITEMS) return 0;
  if (n <= FLAT_ITEMS) return STEP_YUAN;
  return STEP_YUAN * (2 + Math.floor((n - FLAT_ITEMS - 1) / BAND_SIZE));
}

function lastItemPricedLike(n: number): number {
  if (n <= FREE_ITEMS) return FREE_ITEMS;
  if (n <= FLAT_ITEMS) return FLAT_ITEMS;
  return FLAT_ITEMS + BAND_SIZE * Math.ceil((n - FLAT_ITEMS) / BAND_SIZE);
}

function assertCount(value: number, field: keyof ItemFeeInput, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    const message = `${name}“${value}”无效：应为不小于 0 的整数`;
    throw new AppError("invalid_input", { message, details: [{ field, message }] });
  }
}

/**
 * The per-item fee (按件计收, 国办函〔2020〕109号 第四条) of one application. Items count per
 * applicant per calendar month, cumulatively, so this application's items are numbered from
 * `itemsEarlierThisMonth + 1`.
 */
export function computeItemFee({ itemsEarlierThisMonth, items }: ItemFeeInput): FeeResult {
  assertCount(itemsEarlierThisMonth, "itemsEarlierThisMonth", "本月此前已申请件数");
  assertCount(items, "items", "本次申请件数");
  const last = itemsEarlierThisMonth + items;
  if (last > MAX_ITEMS_PER_MONTH) {
    throw new AppError("invalid_input", {
      message: `同一申请人一个自然月内累计 ${last} 件，超出可计算范围（${MAX_ITEMS_PER_MONTH} 件）`,
    });
  }
  const fee = chargeProgressively({
    first: itemsEarlierThisMonth + 1,
    last,
    unit: "件",
    priceOf: priceOfItem,
    bandEnd: lastItemPricedLike,
  });
  if (itemsEarlierThisMonth === 0 || items === 0) return fee;
  const context = `本月此前已累计申请${itemsEarlierThisMonth}件，本次为第${itemsEarlierThisMonth + 1}件起共${items}件`;
  return { ...fee, lines: [context, ...fee.lines] };
}
