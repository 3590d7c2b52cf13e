import type { IntakeQueueService } from "../../portal/intake-queue-service.ts";
import { ZApplicationView } from "../applications/application-view.schema.ts";
import { streamDocument } from "../documents/stream-document.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { ZIdParams } from "../validation/common.schema.ts";
import { ZOnlineSubmission, ZOnlineSubmissionPage } from "./online-submission-answers.schema.ts";
import {
  ZConfirmBody,
  ZDocumentParams,
  ZRejectBody,
  ZSubmissionListQuery,
} from "./online-submissions.schema.ts";

/** 网络申请待确认 (issue 12): the intake queue of online submissions, the staff's side of the portal. */
export function onlineSubmissionRoutes(queue: IntakeQueueService): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/v1/online-submissions",
      summary:
        "网络申请待确认：本机关收到的在线申请（登记人员、机关管理员），最早提交的在前，每页50件；申请人的证件号码、联系电话为脱敏值",
      tag: "online-submissions",
      access: "user",
      query: ZSubmissionListQuery,
      response: ZOnlineSubmissionPage,
      errors: [403, 404],
      async handle({ actor, query }) {
        return queue.list(actor, query);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/online-submissions/:id/documents/:docId",
      summary: "下载网络申请的附件（本机关登记人员、机关管理员；记入个人信息访问日志）",
      tag: "online-submissions",
      access: "user",
      params: ZDocumentParams,
      errors: [403, 404],
      produces: [{ mediaType: "application/octet-stream", description: "文件本身" }],
      async handle({ actor, params, req, res }) {
        const requestId = typeof req.id === "string" ? req.id : null;
        const { document, content } = await queue.openDocument(actor, params.id, params.docId, requestId);
        return streamDocument(req, res, document, content);
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/v1/online-submissions/:id/confirm",
      summary:
        "确认网络申请（本机关登记人员）：以申请人提交的信息登记为申请（申请方式：网络），收到日期默认为确认之日（条例第三十一条），附件随之转入案件；答复 Application（申请人信息为脱敏值）",
      tag: "online-submissions",
      access: "user",
      params: ZIdParams,
      body: ZConfirmBody,
      isBodyOptional: true,
      response: ZApplicationView,
      status: 201,
      errors: [403, 404, 409],
      async handle({ actor, params, body }) {
        return queue.confirm(actor, params.id, body);
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/v1/online-submissions/:id/reject",
      summary:
        "不予受理网络申请（本机关登记人员）：仅限垃圾信息、测试、重复提交等不构成申请的情形，不产生案件；构成申请的应确认后依法答复",
      tag: "online-submissions",
      access: "user",
      params: ZIdParams,
      body: ZRejectBody,
      response: ZOnlineSubmission,
      errors: [403, 404, 409],
      async handle({ actor, params, body }) {
        return queue.reject(actor, params.id, body);
      },
    }),
  ];
}
