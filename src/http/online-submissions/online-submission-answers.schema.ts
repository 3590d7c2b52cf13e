/** The JSON answers of the 网络申请待确认 routes, for the document and the web UI's generated types. */
import { z } from "zod";
import { ZApplicantView } from "../applications/application-view.schema.ts";

export const ZSubmissionDocument = z
  .object({
    id: z.string(),
    fileName: z.string().meta({ description: "保存时的文件名（扩展名按内容识别的类型）" }),
    contentType: z.string().meta({ description: "按内容识别的类型" }),
    size: z.number().int(),
    kind: z.string(),
    url: z.string().meta({ description: "工作人员下载附件的地址（会话 Cookie）" }),
  })
  .meta({ id: "SubmissionDocument", description: "随网络申请提交的附件（待确认期间；确认后转入案件）" });

export const ZOnlineSubmission = z
  .object({
    id: z.string(),
    agencyCode: z.string(),
    status: z.enum(["pending", "confirmed", "rejected", "withdrawn"]),
    submittedAt: z.string().meta({ description: "提交时刻（ISO）" }),
    submittedOn: z
      .string()
      .meta({ description: "提交之日 YYYY-MM-DD（中国日历日）：确认时可给的最早收到日期" }),
    applicant: ZApplicantView,
    description: z.string(),
    deliveryForm: z.string().nullable(),
    rejectReason: z.string().nullable(),
    applicationId: z.string().nullable(),
    documents: z.array(ZSubmissionDocument),
  })
  .meta({ id: "OnlineSubmission", description: "网络申请（列表中申请人的证件号码、联系电话为脱敏值）" });

export const ZOnlineSubmissionPage = z
  .object({ items: z.array(ZOnlineSubmission), total: z.number().int() })
  .meta({ id: "OnlineSubmissionPage" });
