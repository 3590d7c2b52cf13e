import { z } from "zod";
import type { HttpDeps } from "../http-deps.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { ZIdParams } from "../validation/common.schema.ts";
import { ZActionInput } from "./action.schema.ts";
import {
  ZActionAnswer,
  ZApplicationDetail,
  ZApplicationPage,
  ZApplicationView,
  ZWorklistCounters,
} from "./application-view.schema.ts";
import { ZCountersQuery, ZListQuery, ZRegisterInput } from "./applications.schema.ts";
import { casePermissions } from "./case-permissions.ts";

export function applicationRoutes(deps: HttpDeps): AnyRoute[] {
  const { applications } = deps;

  return [
    defineRoute({
      method: "post",
      path: "/api/v1/applications",
      summary: "登记一件政府信息公开申请（登记人员）；答复中的申请人信息为脱敏值",
      tag: "applications",
      access: "user",
      body: ZRegisterInput,
      response: ZApplicationView,
      status: 201,
      errors: [403, 404],
      async handle({ actor, body }) {
        return applications.register(actor, body);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/applications",
      summary:
        "申请列表：按答复期限先后排序（或按 view 标签、sort 列排序），每页 pageSize 件（默认 20，最多 100）；申请人的证件号码、联系电话为脱敏值，不含电子邮箱和通信地址",
      tag: "applications",
      access: "user",
      query: ZListQuery,
      response: ZApplicationPage,
      errors: [404],
      async handle({ actor, query }) {
        return applications.list(actor, query);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/applications/counters",
      summary:
        "工作台计数：按期限种类（答复、补正告知、补正、征求意见、缴费、送达签收登记、重新答复）统计已逾期、今天到期、5个工作日内到期的件数，以及待审批件数",
      tag: "applications",
      access: "user",
      query: ZCountersQuery,
      response: ZWorklistCounters,
      errors: [404],
      async handle({ actor, query }) {
        return applications.counters(actor, query);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/applications/:id",
      summary:
        "一件申请：状态、期限（含计算说明）、可执行的操作和全部事件。申请人的证件号码、联系电话、电子邮箱、通信地址仅对承办机关的工作人员完整显示，并记入访问日志；其他机关（含主管部门）看到的是脱敏值",
      tag: "applications",
      access: "user",
      params: ZIdParams,
      response: ZApplicationDetail,
      errors: [404],
      async handle({ actor, params, req }) {
        const view = await applications.read(actor, params.id, {
          requestId: typeof req.id === "string" ? req.id : null,
        });
        return { ...view, permissions: casePermissions(actor, view) };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/v1/applications/:id/actions",
      summary:
        "对申请执行一项操作（补正、征求意见、延期、收费、答复、撤回、送达、归档等）；答复中的申请人信息为脱敏值（完整信息请重新读取申请详情）。请求头 Prefer: return=minimal 时只答复 {id, version, state, events（本次新增的事件和因此被取代的自动事件）, allowedActions}，响应头 Preference-Applied: return=minimal",
      tag: "applications",
      access: "user",
      params: ZIdParams,
      body: ZActionInput,
      response: z.union([ZApplicationView, ZActionAnswer]),
      headers: [
        {
          name: "Prefer",
          description:
            "return=minimal（RFC 7240）：只答复 {id, version, state, events, allowedActions}，events 为本次新增的事件及因此被取代的自动事件（superseded 已填），并带响应头 Preference-Applied: return=minimal；不带时答复完整的 Application",
        },
      ],
      errors: [403, 404, 409],
      async handle({ actor, params, body, req, res }) {
        // RFC 7240: the slim answer (id, version, state, the new events, allowedActions) on request
        if (prefersMinimal(req.get("prefer"))) {
          res.setHeader("Preference-Applied", "return=minimal");
          res.vary("Prefer");
          return applications.actMinimal(actor, params.id, body);
        }
        return applications.act(actor, params.id, body);
      },
    }),
  ];
}

/** Whether a Prefer header (RFC 7240, possibly several comma-separated preferences) asks for return=minimal. */
export function prefersMinimal(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((p) => /^\s*return\s*=\s*"?minimal"?\s*(;|$)/i.test(p.trim()));
}
