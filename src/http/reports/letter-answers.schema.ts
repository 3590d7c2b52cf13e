/** The JSON answers of the letter routes, for the document and the web UI's generated types. */
import { z } from "zod";
import { LETTER_KINDS } from "../../letters/letter-kinds.ts";

export const ZLetterSummary = z
  .object({
    kind: z.enum(LETTER_KINDS),
    key: z.string().meta({ description: "文书的标识：reply、receipt、consultation_letter:c1 …" }),
    title: z.string().meta({ description: "文书的标题（政府信息公开申请答复书 …）" }),
    serialNo: z.string().nullable().meta({ description: "文号；出具前为 null" }),
    date: z.string().meta({ description: "文书的日期 YYYY-MM-DD" }),
    consultationId: z.string().optional(),
    hasDeliveryReceipt: z.boolean().meta({ description: "发给须登记签收的收件人，有送达回证" }),
    issuedAt: z.string().nullable(),
    issuedBy: z.string().nullable(),
    canIssue: z.boolean().meta({ description: "尚未出具，且读者可以出具" }),
  })
  .meta({ id: "LetterSummary" });

export const ZLetterView = z
  .object({
    kind: z.enum([...LETTER_KINDS, "delivery_receipt"]),
    title: z.string(),
    serialNo: z.string().meta({ description: "文号；尚未出具为“草稿”，没有文号的表格为空" }),
    addressee: z.string().meta({ description: "称谓，如“张三：”；表格为空" }),
    paragraphs: z.array(z.string()),
    rows: z
      .array(z.tuple([z.string(), z.string()]))
      .optional()
      .meta({ description: "表格（送达回证）的各行：名称和内容，内容为空的留待手写" }),
    signature: z.string(),
    date: z.string(),
    issued: z.boolean(),
  })
  .meta({ id: "LetterView", description: "文书的内容（与 DOCX 同一模型），供网页查看和打印" });

export const ZLetterList = z
  .object({ items: z.array(ZLetterSummary), total: z.number().int() })
  .meta({ id: "LetterList" });

const ZReviewBody = z
  .object({ name: z.string(), basis: z.string().meta({ description: "该机关从何而来（设置或机关树）" }) })
  .meta({ id: "ReviewBody" });

export const ZLetterSettings = z
  .object({
    agencyCode: z.string(),
    shortName: z.string().meta({ description: "文号所用的简称：设置的，否则 defaultShortName" }),
    shortNameSet: z.string().nullable(),
    defaultShortName: z.string(),
    reviewBody: z.string().nullable().meta({ description: "设置的行政复议机关；null 按机关树" }),
    effectiveReviewBody: ZReviewBody.nullable().meta({
      description: "答复书现在写明的行政复议机关；null 时无法生成答复书",
    }),
    derivedReviewBody: ZReviewBody.nullable(),
    feePaymentMethod: z.string().nullable(),
  })
  .meta({ id: "LetterSettings" });
