import { AppError } from "../../app-error.ts";
import { AGENCY_ADMIN_ROLES } from "../../domain/roles.ts";
import { makeAccountAdminService } from "../../services/account-admin-service.ts";
import type { UserView } from "../../services/account-service.ts";
import type { Actor } from "../../services/actor.ts";
import { handOverCases } from "../../services/hand-over-cases.ts";
import type { HttpDeps } from "../http-deps.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import {
  ZAccountAuditPage,
  ZHandOverReply,
  ZPasswordReset,
  ZSessionsEnded,
  ZUser,
  ZUserList,
} from "./user-answers.schema.ts";
import {
  ZAccountActionBody,
  ZAccountAuditQuery,
  ZHandOverBody,
  ZNewUser,
  ZResetPasswordBody,
  ZUserChanges,
  ZUserListQuery,
  ZUsernameParams,
} from "./users.schema.ts";

/** The API shows users by username; the numeric id stays inside. */
function toPublicUser({ id: _id, ...user }: UserView): Omit<UserView, "id"> {
  return user;
}

function isAdminOf(actor: Actor, agencyCode: string): boolean {
  return (
    actor.isSystemAdmin ||
    (actor.roles.some((r) => AGENCY_ADMIN_ROLES.includes(r)) && actor.agencyCode === agencyCode)
  );
}

const USER_ADMIN =
  "系统管理员管理所有用户；机关管理员管理本机关的用户（系统管理员和主管部门用户除外）。记入账号操作记录。";

export function userRoutes(deps: HttpDeps): AnyRoute[] {
  const { accounts } = deps;
  const admin = makeAccountAdminService({ db: deps.db, accounts, now: deps.now });
  const action = (
    path: string,
    summary: string,
    run: (actor: Actor, username: string, reason: string | undefined) => Promise<UserView>,
  ): AnyRoute =>
    defineRoute({
      method: "post",
      path: `/api/v1/users/:username/${path}`,
      summary: `${summary}（${USER_ADMIN}）`,
      tag: "users",
      access: "user",
      params: ZUsernameParams,
      body: ZAccountActionBody,
      isBodyOptional: true,
      response: ZUser,
      errors: [403, 404, 409],
      async handle({ actor, params, body }) {
        return toPublicUser(await run(actor, params.username, body.reason));
      },
    });
  return [
    defineRoute({
      method: "post",
      path: "/api/v1/users",
      summary:
        "新建用户（系统管理员：任何机关、任何角色；机关管理员：本机关，角色限登记人员、承办人、审核人、管理员）",
      tag: "users",
      access: "user",
      body: ZNewUser,
      response: ZUser,
      status: 201,
      errors: [403, 409],
      async handle({ actor, body }) {
        return toPublicUser(await admin.createUser(actor, body));
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/users",
      summary: "用户列表（系统管理员看全部或按 agency 筛选；机关管理员看本机关）",
      tag: "users",
      access: "user",
      query: ZUserListQuery,
      response: ZUserList,
      errors: [403],
      async handle({ actor, query }) {
        const agency = actor.isSystemAdmin ? query.agency : (query.agency ?? actor.agencyCode ?? "");
        if (!actor.isSystemAdmin && (agency === undefined || !isAdminOf(actor, agency))) {
          throw new AppError("forbidden", { message: "只有系统管理员或本机关的管理员可以查看用户列表" });
        }
        const users = await accounts.listUsers(agency);
        return { items: users.map(toPublicUser), total: users.length };
      },
    }),
    defineRoute({
      method: "patch",
      path: "/api/v1/users/:username",
      summary: `修改用户的姓名、电子邮箱或角色，授予角色的规则同新建用户（${USER_ADMIN}）`,
      tag: "users",
      access: "user",
      params: ZUsernameParams,
      body: ZUserChanges,
      response: ZUser,
      errors: [403, 404, 409],
      async handle({ actor, params, body }) {
        return toPublicUser(await admin.updateUser(actor, params.username, body));
      },
    }),
    action(
      "disable",
      "停用账号：不能再登录，全部令牌和会话立即失效；可附 reason",
      (actor, username, reason) => admin.setDisabled(actor, username, true, reason),
    ),
    action("enable", "启用账号；可附 reason", (actor, username, reason) =>
      admin.setDisabled(actor, username, false, reason),
    ),
    defineRoute({
      method: "post",
      path: "/api/v1/users/:username/reset-password",
      summary: `重置密码：设为给定的临时密码，或不给则生成一个（仅在本次返回）；用户的会话全部结束，下次登录须先修改密码（${USER_ADMIN}）`,
      tag: "users",
      access: "user",
      params: ZUsernameParams,
      body: ZResetPasswordBody,
      isBodyOptional: true,
      response: ZPasswordReset,
      errors: [403, 404],
      async handle({ actor, params, body }) {
        const r = await admin.resetPassword(actor, params.username, body.password);
        return { user: toPublicUser(r.user), generatedPassword: r.generatedPassword };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/v1/users/:username/end-sessions",
      summary: `结束用户的全部会话和令牌；可附 reason（${USER_ADMIN}）`,
      tag: "users",
      access: "user",
      params: ZUsernameParams,
      body: ZAccountActionBody,
      isBodyOptional: true,
      response: ZSessionsEnded,
      errors: [403, 404],
      async handle({ actor, params, body }) {
        const r = await admin.endSessions(actor, params.username, body.reason);
        return { user: toPublicUser(r.user), sessionsEnded: r.sessionsEnded };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/v1/users/:username/hand-over",
      summary:
        "工作交接：把该承办人全部未办结（未归档、未终止）的申请转办给本机关另一名启用中的承办人，每件申请的办理过程记入一条转办及理由；全部成功或全部不变（系统管理员或该用户所在机关的管理员）",
      tag: "users",
      access: "user",
      params: ZUsernameParams,
      body: ZHandOverBody,
      response: ZHandOverReply,
      errors: [403, 404, 409],
      async handle({ actor, params, body }) {
        return handOverCases(deps, actor, params.username, body);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/account-audit",
      summary:
        "账号操作记录（新建、修改、停用、启用、重置密码、结束会话、本人修改密码），新的在前；系统管理员看全部或按 agency，机关管理员看本机关用户的",
      tag: "users",
      access: "user",
      query: ZAccountAuditQuery,
      response: ZAccountAuditPage,
      errors: [403],
      async handle({ actor, query }) {
        return admin.listAudit(actor, query);
      },
    }),
  ];
}
