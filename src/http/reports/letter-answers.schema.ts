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

export const ZLetterList = z
  .object({ items: z.array(ZLetterSummary), total: z.number().int() })
  .meta({ id: "LetterList" });
