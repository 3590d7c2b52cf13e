import { z } from "zod";
import { optionalText, TEXT_LIMITS, ZCivilDate } from "../validation/common.schema.ts";

function pageNumber(max: number) {
  return z
    .string()
    .regex(/^\d{1,6}$/, "应为正整数")
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `应在 1 到 ${max} 之间`);
}

const filters = {
  from: ZCivilDate.optional().meta({ description: "自该日（含，中国标准时间）" }),
  to: ZCivilDate.optional().meta({ description: "至该日（含）" }),
  user: optionalText(64).meta({ description: "用户名" }),
  application: optionalText(TEXT_LIMITS.name).meta({
    description: "申请编号（如 town-2026-00001）或申请 id",
  }),
};

const fromNotAfterTo = (q: { from?: string | undefined; to?: string | undefined }) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
const ORDER = { message: "起始日期不能晚于截止日期", path: ["from"] };

export const ZAccessLogQuery = z
  .strictObject({
    ...filters,
    page: pageNumber(100_000).optional(),
    pageSize: pageNumber(200).optional().meta({ description: "每页条数（默认 50，最多 200）" }),
  })
  .refine(fromNotAfterTo, ORDER);

export const ZAccessLogExportQuery = z.strictObject(filters).refine(fromNotAfterTo, ORDER);

const ZAccessLogEntry = z
  .object({
    id: z.string(),
    at: z.string().meta({ format: "date-time" }),
    user: z.object({ username: z.string(), displayName: z.string() }),
    kind: z.enum(["case_page", "ledger_export", "document_download", "submission_document"]),
    kindLabel: z.string(),
    application: z.object({ id: z.string(), trackingNo: z.string() }).nullable(),
    fields: z.array(z.enum(["idNumber", "phone", "email", "address"])),
    caseCount: z.number().int(),
    requestId: z.string().nullable(),
  })
  .meta({ id: "AccessLogEntry" });

export const ZAccessLogPage = z
  .object({
    agencyCode: z.string(),
    agencyName: z.string(),
    total: z.number().int(),
    items: z.array(ZAccessLogEntry),
  })
  .meta({ id: "AccessLogPage" });
