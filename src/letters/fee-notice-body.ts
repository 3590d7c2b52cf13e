import { AppError } from "../app-error.ts";
import { computeFee, describeFeeQuantity, isFeeAmountComputed } from "../domain/fees/compute-fee.ts";
import { FEE_PAYMENT_WORKDAYS } from "../domain/statute.ts";
import { FEE_BASIS_LABELS, type FeeBasis } from "../domain/vocabulary.ts";
import { acknowledgement, REG, windowEndNote } from "./letter-parts.ts";
import type { LetterCase, LetterEvent } from "./letter-types.ts";

type FeeNoticeEvent = Extract<LetterEvent, { kind: "fee_notice" }>;

/** What the fee event recorded (issue_fee_notice), and the quantities a GET may add for old events. */
export interface FeeRecord {
  basis: FeeBasis;
  amountYuan: number;
  quantity?: number | undefined;
  itemsEarlierThisMonth?: number | undefined;
  amountReason?: string | undefined;
}

const TARIFF: Record<FeeBasis, string> = {
  per_item:
    "收费标准（按件计收，国办函〔2020〕109号第四条）：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，100元/件；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件。",
  per_volume:
    "收费标准（按量计收，国办函〔2020〕109号第五条）：30页以下（含30页）的，不收费；31—100页（含100页）的部分，10元/页；101—200页（含200页）的部分，20元/页；201页以上的部分，40元/页。",
};

/**
 * The tariff and the calculation of src/domain/fees from the recorded quantity; without one
 * (a notice recorded before the quantity was asked) the tariff and the amount alone, never a
 * quantity guessed from the amount. An amount that differs from the calculation is printed with
 * the reason recorded for it; without a reason it cannot be printed (422).
 */
export function feeCalculation(
  fee: FeeRecord,
): Pick<FeeNoticeEvent, "lines" | "differs"> & { amountYuan: number } {
  if (fee.quantity === undefined) {
    const reason = fee.amountReason ? [`确定收费金额的理由：${fee.amountReason}`] : [];
    return { amountYuan: fee.amountYuan, lines: [TARIFF[fee.basis], ...reason] };
  }
  const quantity = {
    basis: fee.basis,
    quantity: fee.quantity,
    itemsEarlierThisMonth: fee.itemsEarlierThisMonth,
  };
  const computed = computeFee(quantity);
  const lines = [
    TARIFF[fee.basis],
    `本次计费数量：${describeFeeQuantity(quantity)}。计算如下：`,
    ...computed.lines,
  ];
  if (isFeeAmountComputed(fee.amountYuan, computed)) return { amountYuan: fee.amountYuan, lines };
  if (!fee.amountReason) {
    throw new AppError("invalid_input", {
      message: `按${describeFeeQuantity(quantity)}计算的信息处理费为${computed.amountYuan}元，与收费通知记载的${fee.amountYuan}元不一致，且未记录理由，请核对数量`,
      details: [{ field: "amountYuan", message: `计算金额为${computed.amountYuan}元` }],
    });
  }
  return {
    amountYuan: fee.amountYuan,
    lines,
    differs: { computedYuan: computed.amountYuan, reason: fee.amountReason },
  };
}

/**
 * The fee notice (收费通知书): art. 42 ¶1 and the fee rules, the calculation, the amount, how to
 * pay, and the payment window counted from the applicant's receipt, as the system counts it.
 */
export function feeNoticeBody(c: LetterCase, e: FeeNoticeEvent): string[] {
  return [
    `${acknowledgement(c)}您申请公开政府信息的数量、频次明显超过合理范围。根据${REG}第四十二条第一款和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关对该申请${FEE_BASIS_LABELS[e.basis]}信息处理费。`,
    ...e.lines,
    ...(e.differs
      ? [
          `按上述标准计算的金额为${e.differs.computedYuan}元；本机关确定收取${e.amountYuan}元，理由：${e.differs.reason}。`,
        ]
      : []),
    `应缴信息处理费合计${e.amountYuan}元。`,
    /[。；]$/.test(e.paymentMethod) ? `缴纳方式：${e.paymentMethod}` : `缴纳方式：${e.paymentMethod}。`,
    `请您自收到本通知书之日起${FEE_PAYMENT_WORKDAYS}个工作日内${windowEndNote(e.windowEnd)}缴纳。逾期未缴纳的，本机关不再处理该政府信息公开申请。`,
    // DOMAIN.md §5: a policy of the agency, not an article of the Regulation
    "按照本机关的办理规则，自本机关发出本通知书之日起至您缴纳费用之日止的期间，不计入答复期限。",
  ];
}
