import { AppError } from "../../app-error.ts";
import type { UserView } from "../../services/account-service.ts";
import type { Actor } from "../../services/actor.ts";
import type { HttpDeps } from "../http-deps.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { ZNewUser, ZUserListQuery } from "./users.schema.ts";

/** The API shows users by username; the numeric id stays inside. */
function toPublicUser({ id: _id, ...user }: UserView): Omit<UserView, "id"> {
  return user;
}

function isAdminOf(actor: Actor, agencyCode: string): boolean {
  return actor.isSystemAdmin || (actor.roles.includes("agency_admin") && actor.agencyCode === agencyCode);
}

export function userRoutes(deps: HttpDeps): AnyRoute[] {
  const { accounts } = deps;
  return [
    defineRoute({
      method: "post",
      path: "/api/v1/users",
      summary: "新建用户（系统管理员，或该机关的管理员）",
      tag: "users",
      access: "user",
      body: ZNewUser,
      status: 201,
      errors: [403, 409],
      async handle({ actor, body }) {
        if (!isAdminOf(actor, body.agencyCode)) {
          throw new AppError("forbidden", {
            message: `只有系统管理员或机关“${body.agencyCode}”的管理员可以为该机关新建用户`,
          });
        }
        return toPublicUser(await accounts.createUser(body));
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/users",
      summary: "用户列表（系统管理员看全部或按 agency 筛选；机关管理员看本机关）",
      tag: "users",
      access: "user",
      query: ZUserListQuery,
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
  ];
}
