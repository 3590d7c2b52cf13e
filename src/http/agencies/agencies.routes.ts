import { AppError } from "../../app-error.ts";
import type { Actor } from "../../services/actor.ts";
import { listAgencyHandlers } from "../../services/list-agency-handlers.ts";
import type { HttpDeps } from "../http-deps.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { ZAgencyCodeParams, ZNewAgency } from "./agencies.schema.ts";
import { ZAgency, ZAgencyList, ZHandlerList } from "./agency-answers.schema.ts";

export function agencyRoutes(deps: HttpDeps): AnyRoute[] {
  const { accounts } = deps;
  return [
    defineRoute({
      method: "post",
      path: "/api/v1/agencies",
      summary: "新建机关（系统管理员）",
      tag: "agencies",
      access: "user",
      body: ZNewAgency,
      response: ZAgency,
      status: 201,
      errors: [403, 409],
      async handle({ actor, body }) {
        if (!actor.isSystemAdmin) {
          throw new AppError("forbidden", { message: "只有系统管理员可以新建机关" });
        }
        return accounts.createAgency(body);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/agencies",
      summary: "可见的机关：系统管理员看全部，主管部门看本机关及下级，其他用户看本机关",
      tag: "agencies",
      access: "user",
      response: ZAgencyList,
      async handle({ actor }) {
        const all = await accounts.listAgencies(scopeOf(actor));
        const visible = all.filter((a) => isVisible(actor, a.path));
        return { items: visible.map(({ path: _path, ...a }) => a), total: visible.length };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/agencies/:code/handlers",
      summary:
        "本机关启用中的承办人（登记时分办、转办、工作交接时选择），按姓名排列，附各人未办结的申请数；停用的账号不列出",
      tag: "agencies",
      access: "user",
      params: ZAgencyCodeParams,
      response: ZHandlerList,
      errors: [404],
      async handle({ actor, params }) {
        return listAgencyHandlers(deps.db, actor, params.code);
      },
    }),
  ];
}

function scopeOf(actor: Actor): string | null {
  if (actor.isSystemAdmin) return null;
  return actor.agencyPath ?? "/-none-/";
}

function isVisible(actor: Actor, path: string): boolean {
  if (actor.isSystemAdmin) return true;
  if (path === actor.agencyPath) return true;
  return actor.roles.includes("supervisor");
}
