/**
 * The body of `POST /applications/:id/actions`: one strict object per action type of API.md,
 * discriminated on `type`, typed against the service's ActionInput; and the rules of the law on
 * what a reply and a fee notice must state (read from the outcome table and the fee rules).
 */
import { z } from "zod";
import { MAX_SUPPLEMENT_WINDOW_WORKDAYS } from "../../../machines/guards.ts";
import type { ActionType } from "../../domain/application-events.ts";
import { computeFee, describeFeeQuantity, isFeeAmountComputed } from "../../domain/fees/compute-fee.ts";
import type { FeeResult } from "../../domain/fees/fee-types.ts";
import { DECIDABLE_OUTCOME_IDS, missingReplyFields, type ReplyField } from "../../domain/outcomes.ts";
import { MAX_EXTENSION_WORKDAYS } from "../../domain/statute.ts";
import { CHANNELS, CONSULTATION_PARTIES, DELIVERY_METHODS, FEE_BASES } from "../../domain/vocabulary.ts";
import type { ActionInput } from "../../services/application-types.ts";
import {
  intInRange,
  optionalText,
  requiredText,
  TEXT_LIMITS,
  ZCivilDate,
} from "../validation/common.schema.ts";
import { assertType, type Same } from "../validation/type-checks.ts";
import { ZApplicant, ZTrackingNumber } from "./applications.schema.ts";

const base = {
  on: ZCivilDate,
  expectedVersion: z.number().int("应为整数").min(0, "不能小于 0").optional(),
  reason: optionalText(TEXT_LIMITS.reason),
  /** Required by the service when `on` falls in a year whose report is closed. */
  amendmentReason: optionalText(TEXT_LIMITS.reason),
};

function action<T extends ActionType, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ type: z.literal(type), ...base }).extend(shape);
}

/** Working days of a window the agency sets (supplement, consultation). */
const ZWindowWorkdays = intInRange(1, MAX_SUPPLEMENT_WINDOW_WORKDAYS).optional();

/** How a document was sent, and the addressee's receipt when known at sending (DOMAIN.md §5). */
const service = {
  sentBy: z.enum(DELIVERY_METHODS).optional(),
  receivedByAddresseeOn: ZCivilDate.optional(),
};

/** What a reply decides besides its outcome (art. 36, 37; DOMAIN.md §10). */
const replyDetails = {
  replyText: optionalText(TEXT_LIMITS.replyText).meta({
    description:
      "答复内容：予以公开时为提供方式（已主动公开的，为获取的方式、途径，必填）；行政查询事项为办理途径；其他为补充说明",
  }),
  reasons: optionalText(TEXT_LIMITS.replyText).meta({
    description:
      "理由：不予公开（第三十六条第（三）项）、部分公开的不予公开部分（第三十七条）、不属于本机关负责公开（第三十六条第（五）项）和其他处理时必填",
  }),
  holdingAgency: optionalText(TEXT_LIMITS.name).meta({
    description:
      "本机关不掌握相关政府信息时：负责公开该信息的行政机关名称及联系方式。填写即按第三十六条第（五）项答复（须同时填写理由）；不填按第三十六条第（四）项（该政府信息不存在）",
  }),
  disclosure: z.enum(["provided", "already_public"]).optional().meta({
    description:
      "予以公开的方式：provided 提供（第三十六条第（二）项，不填时按此）；already_public 已主动公开（第三十六条第（一）项，须在 replyText 写明获取方式、途径）",
  }),
};

const ZAmountYuan = z
  .number()
  .positive("收费金额应大于 0")
  .max(1_000_000, "不能大于 1000000")
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "金额最多保留两位小数（分）");

/**
 * The fields of every action, each checked on its own (the ledger import checks its rows with
 * this: a paper-era reply is recorded as it went out).
 */
export const ZActionFields = z.discriminatedUnion("type", [
  action("request_supplement", {
    items: z
      .array(requiredText(TEXT_LIMITS.shortText * 2))
      .min(1, "请列出需要补正的事项")
      .max(50),
    windowWorkdays: ZWindowWorkdays,
    ...service,
  }),
  action("receive_supplement", {}),
  action("start_consultation", {
    party: z.enum(CONSULTATION_PARTIES),
    name: requiredText(TEXT_LIMITS.name),
    windowWorkdays: ZWindowWorkdays,
    dueOn: ZCivilDate.optional(),
    ...service,
  }),
  action("end_consultation", { consultationId: requiredText(40) }),
  action("extend", {
    workdays: intInRange(1, MAX_EXTENSION_WORKDAYS),
    reason: requiredText(TEXT_LIMITS.reason),
  }),
  action("issue_fee_notice", {
    basis: z.enum(FEE_BASES),
    amountYuan: ZAmountYuan,
    quantity: intInRange(1, 1_000_000)
      .optional()
      .meta({ description: "计费数量：按件为本次申请件数，按量为页数；系统据此计算金额" }),
    itemsEarlierThisMonth: intInRange(0, 100_000)
      .optional()
      .meta({ description: "按件计收：同一申请人本自然月内此前已申请件数（累计计算），不填为 0" }),
    amountReason: optionalText(TEXT_LIMITS.reason).meta({
      description: "收费金额与按数量计算的金额不一致时必填：理由",
    }),
    paymentMethod: optionalText(TEXT_LIMITS.reason),
    receivedByApplicantOn: ZCivilDate.optional(),
    ...service,
  }),
  action("receive_fee", {}),
  action("set_custom_deadline", { dueOn: ZCivilDate, reason: requiredText(TEXT_LIMITS.reason) }),
  action("decide", {
    outcome: z.enum(DECIDABLE_OUTCOME_IDS),
    ...replyDetails,
    ...service,
  }),
  action("withdraw", {}),
  action("deliver", { method: requiredText(TEXT_LIMITS.name) }),
  action("archive", {}),
  action("propose_decision", {
    outcome: z.enum(DECIDABLE_OUTCOME_IDS),
    ...replyDetails,
  }),
  action("request_extension", {
    workdays: intInRange(1, MAX_EXTENSION_WORKDAYS),
    reason: requiredText(TEXT_LIMITS.reason),
  }),
  action("return_proposal", { reason: requiredText(TEXT_LIMITS.reason) }),
  action("record_receipt", {
    documentEventSeq: intInRange(1, 1_000_000),
    receivedOn: ZCivilDate.optional(),
    trackingNumber: optionalText(40),
  }),
  action("re_reply", {
    outcome: z.enum(DECIDABLE_OUTCOME_IDS),
    ...replyDetails,
    ...service,
  }),
  action("withdraw_proposal", {}).meta({
    description: "承办人撤回本申请待审批的答复意见或延期申请（每件申请同时只能有一份待审批的意见）",
  }),
  action("assign", {
    handlerUsername: requiredText(64).meta({
      description: "本机关启用中的承办人的用户名（GET /api/v1/agencies/{code}/handlers）",
    }),
  }).meta({
    description:
      "分办（申请尚无承办人时）或转办（改由另一名承办人办理，须填写 reason）；登记人员、审核人、机关管理员。不改变状态、期限和统计",
  }),
  action("amend_registration", {
    reason: requiredText(TEXT_LIMITS.reason).meta({ description: "更正理由（记入办理记录）" }),
    changes: z
      .strictObject({
        applicant: ZApplicant.optional().meta({ description: "更正后的申请人信息（整体替换）" }),
        description: optionalText(TEXT_LIMITS.description),
        channel: z.enum(CHANNELS).optional(),
        receivedOn: ZCivilDate.optional().meta({
          description:
            "更正后的收到申请日期（《条例》第三十一条）；按新日期重算全部期限，已登记事项因此不成立的予以拒绝（409）",
        }),
        deliveryForm: optionalText(TEXT_LIMITS.name),
        trackingNumber: ZTrackingNumber,
      })
      .refine((c) => Object.values(c).some((v) => v !== undefined), { message: "请至少更正一项登记信息" }),
  }).meta({
    description:
      "更正登记信息（申请人、申请内容、申请方式、收到日期、获取信息的方式、挂号单号），须填写理由；登记人员、机关管理员；申请未办结归档时可用。办理记录只记更正的项目名称，不记内容",
  }),
]) satisfies z.ZodType<ActionInput>;

const REPLY_FIELD_MESSAGES: Record<ReplyField, string> = {
  reasons: "该答复结果须说明理由（《条例》第三十六条第（三）项、第（五）项，第三十七条）",
  replyText: "已主动公开的，须告知获取该政府信息的方式、途径（《条例》第三十六条第（一）项）",
  holdingAgency: "须写明负责公开该政府信息的行政机关名称及联系方式（《条例》第三十六条第（五）项）",
};

type ActionFields = z.output<typeof ZActionFields>;

/** What the law makes a reply state (the outcome table's `requires`), field by field. */
function checkReply(input: ActionFields, ctx: z.core.$RefinementCtx<ActionFields>): void {
  if (input.type !== "decide" && input.type !== "propose_decision" && input.type !== "re_reply") return;
  for (const field of missingReplyFields(input.outcome, input)) {
    ctx.addIssue({ code: "custom", path: [field], message: REPLY_FIELD_MESSAGES[field] });
  }
}

/** A fee notice's amount is the fee rules' calculation from its quantity, or says why not. */
function checkFee(input: ActionFields, ctx: z.core.$RefinementCtx<ActionFields>): void {
  if (input.type !== "issue_fee_notice") return;
  if (input.itemsEarlierThisMonth !== undefined && input.basis !== "per_item") {
    ctx.addIssue({ code: "custom", path: ["itemsEarlierThisMonth"], message: "只在按件计收时填写" });
    return;
  }
  if (input.quantity === undefined) return;
  const quantity = {
    basis: input.basis,
    quantity: input.quantity,
    itemsEarlierThisMonth: input.itemsEarlierThisMonth,
  };
  let computed: FeeResult;
  try {
    computed = computeFee(quantity);
  } catch (error) {
    ctx.addIssue({ code: "custom", path: ["quantity"], message: (error as Error).message });
    return;
  }
  if (isFeeAmountComputed(input.amountYuan, computed) || input.amountReason) return;
  ctx.addIssue({
    code: "custom",
    path: ["amountYuan"],
    message: `按${describeFeeQuantity(quantity)}计算的信息处理费为${computed.amountYuan}元，与填写的${input.amountYuan}元不一致；确需按其他金额收取的，请在 amountReason 中说明理由`,
  });
}

/** The body of `POST /applications/:id/actions`: the fields, then the rules across them. */
export const ZActionInput = ZActionFields.superRefine((input, ctx) => {
  checkReply(input, ctx);
  checkFee(input, ctx);
}).meta({
  id: "ActionBody",
  description: "一项办理操作：type 决定其余字段",
}) satisfies z.ZodType<ActionInput>;

// Every action type of the service has its schema, and no other; each with exactly the
// service's fields, so a field added to ActionInput cannot be refused as unknown here.
assertType<Same<z.output<typeof ZActionInput>["type"], ActionType>>();
type FieldsMatch = {
  [T in ActionType]: Same<
    keyof Extract<z.output<typeof ZActionInput>, { type: T }>,
    keyof Extract<ActionInput, { type: T }>
  >;
};
assertType<FieldsMatch[ActionType]>();
