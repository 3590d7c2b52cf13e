import { z } from "zod";
import { NOTICE_KINDS } from "../../notices/notice-kinds.ts";

const CHANNEL_STATUSES = ["pending", "sent", "failed", "none", "cancelled"] as const;

const ZNoticeChannel = z
  .object({
    status: z
      .enum(CHANNEL_STATUSES)
      .describe(
        "pending 待发送，sent 已发送，failed 重试后仍失败，none 无邮箱/手机或未配置短信网关，cancelled 已取消",
      ),
    attempts: z.number().int(),
    sentAt: z.string().nullable().describe("发送时间（ISO 8601）"),
    error: z
      .string()
      .nullable()
      .describe("最近一次失败的代码（smtp_550、http_503、timeout 等），不含服务器原文"),
  })
  .meta({ id: "NoticeChannel" });

/** GET /api/v1/applications/:id/notices (issue 12): the notices to the applicant and their delivery. */
export const ZCaseNotices = z
  .object({
    items: z.array(
      z
        .object({
          id: z.string(),
          eventSeq: z.number().int().describe("所依据的案件事件序号"),
          kind: z
            .enum(NOTICE_KINDS)
            .describe(
              "receipt 登记回执，supplement 补正告知，extension 延期答复，fee 收费通知，reply 答复，re_reply 重新答复，withdrawal 撤回确认",
            ),
          on: z.string().describe("事件的生效日期"),
          status: z.enum(["pending", "done", "cancelled", "skipped"]),
          reason: z
            .string()
            .nullable()
            .describe(
              "未发送的原因：backdated 补录的过去事件，imported 台账导入，demo 示范数据，superseded 事件已被取代",
            ),
          text: z.string().nullable().describe("通知正文（同申请人查询页面），未生成前为 null"),
          letterSerial: z.string().nullable().describe("随附文书的文号"),
          attachment: z.string().nullable().describe("邮件附件的文件名"),
          mail: ZNoticeChannel,
          sms: ZNoticeChannel,
          createdAt: z.string(),
        })
        .meta({ id: "CaseNotice" }),
    ),
  })
  .meta({ id: "CaseNotices" });
