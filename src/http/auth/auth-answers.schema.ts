/** The JSON answers of login and /auth/me, for the document and the web UI's generated types. */
import { z } from "zod";
import { ROLES } from "../../domain/roles.ts";

export const ZUserInfo = z
  .object({
    username: z.string(),
    displayName: z.string(),
    agencyCode: z.string().nullable(),
    agencyName: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    isSystemAdmin: z.boolean(),
    mustChangePassword: z.boolean().meta({ description: "管理员设置了密码：须先修改密码" }),
  })
  .meta({ id: "UserInfo" });

export const ZLoginReply = z
  .union([
    z.object({
      token: z.string(),
      expiresAt: z.string().meta({ description: "令牌失效的时刻（ISO 8601）" }),
      user: ZUserInfo,
    }),
    z.object({
      user: ZUserInfo,
      csrfToken: z.string().nullable().meta({ description: "会话请求的 X-CSRF-Token" }),
    }),
  ])
  .meta({
    id: "LoginReply",
    description: "API 客户端得到令牌；网页（session: true）只得到会话 Cookie 和 CSRF 令牌",
  });

export const ZMeReply = z
  .object({ user: ZUserInfo, csrfToken: z.string().nullable().optional() })
  .meta({ id: "MeReply" });
