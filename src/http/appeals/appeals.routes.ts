import type { AppealService } from "../../services/appeal-service.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { ZIdParams } from "../validation/common.schema.ts";
import { ZAppeal, ZAppealList } from "./appeal-answers.schema.ts";
import { ZAppealResult, ZNewAppeal } from "./appeals.schema.ts";

export function appealRoutes(appeals: AppealService): AnyRoute[] {
  return [
    defineRoute({
      method: "post",
      path: "/api/v1/applications/:id/appeals",
      summary: "登记针对该申请的行政复议或行政诉讼（表四）",
      tag: "appeals",
      access: "user",
      params: ZIdParams,
      body: ZNewAppeal,
      response: ZAppeal,
      status: 201,
      errors: [403, 404],
      async handle({ actor, params, body }) {
        return appeals.file(actor, params.id, body);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/applications/:id/appeals",
      summary: "该申请的行政复议和行政诉讼",
      tag: "appeals",
      access: "user",
      params: ZIdParams,
      response: ZAppealList,
      errors: [404],
      async handle({ actor, params }) {
        const items = await appeals.listForApplication(actor, params.id);
        return { items, total: items.length };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/v1/appeals/:id/result",
      summary: "登记复议决定或判决的结果（只能登记一次）",
      tag: "appeals",
      access: "user",
      params: ZIdParams,
      body: ZAppealResult,
      response: ZAppeal,
      errors: [403, 404, 409],
      async handle({ actor, params, body }) {
        return appeals.recordResult(actor, params.id, body);
      },
    }),
  ];
}
