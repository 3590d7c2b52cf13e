import type { FeeBasis } from "../domain/vocabulary.ts";
import { fail, ok, type Parsed } from "./ledger-types.ts";
import { normalizeLabel } from "./normalize-label.ts";
import { splitCellParts } from "./split-cell-parts.ts";

/** The API's bounds of a fee (action.schema.ts ZAmountYuan): more than 0, at most 1,000,000, in fen. */
const MAX_YUAN = 1_000_000;
const BASES: Record<string, FeeBasis> = {
  按件: "per_item",
  按件计收: "per_item",
  per_item: "per_item",
  按量: "per_volume",
  按量计收: "per_volume",
  per_volume: "per_volume",
};

/** 收费金额: yuan (`700`, `700.50`, `700元`), optionally `,按量` or `,按件` (default 按件). */
export function parseFeeAmount(value: string | number): Parsed<{ amountYuan: number; basis: FeeBasis }> {
  const [amountText = "", basisText = "", ...rest] =
    typeof value === "number" ? [String(value)] : splitCellParts(value);
  if (rest.length > 0) return fail(`“${value}”应为“金额”或“金额,按量”（如 700,按量）`);
  const t = amountText.replace(/元$/, "").trim();
  const amount = Number(t);
  if (!/^\d+(\.\d{1,2})?$/.test(t) || amount <= 0 || amount > MAX_YUAN) {
    return fail(`收费金额“${amountText}”应为大于 0、不超过 ${MAX_YUAN} 的金额（元，最多两位小数）`);
  }
  if (basisText === "") return ok({ amountYuan: amount, basis: "per_item" });
  const basis = BASES[normalizeLabel(basisText)];
  return basis ? ok({ amountYuan: amount, basis }) : fail(`计收方式“${basisText}”应为“按件”或“按量”`);
}
