import { z } from "zod";
import { requiredText, TEXT_LIMITS, ZCivilDate, ZCode } from "../validation/common.schema.ts";

export const ZSubmissionListQuery = z.strictObject({
  agency: ZCode.optional().meta({ description: "机关代码，默认本人所在机关" }),
  status: z.enum(["pending", "confirmed", "rejected", "withdrawn"]).optional().meta({
    description: "pending 待确认（默认）、confirmed 已确认登记、rejected 不予受理、withdrawn 申请人已撤回",
  }),
  page: z
    .string()
    .regex(/^\d{1,5}$/, "应为正整数")
    .transform(Number)
    .refine((n) => n >= 1, "应不小于 1")
    .optional(),
});

export const ZConfirmBody = z.strictObject({
  receivedOn: ZCivilDate.optional().meta({
    description:
      "收到申请之日（条例第三十一条：网络申请以双方确认之日为准），默认今天（确认之日）；不得早于提交日、晚于今天",
  }),
});

export const ZRejectBody = z.strictObject({
  reason: requiredText(TEXT_LIMITS.reason).meta({
    description:
      "不予受理的理由。仅用于明显不构成政府信息公开申请的提交（垃圾信息、测试、同一申请的重复提交）；构成申请的，应确认登记后依法答复（包括不予公开、不予处理的答复）",
  }),
});

export const ZDocumentParams = z.strictObject({
  id: z.string().min(1).max(100),
  docId: z.string().min(1).max(100),
});
