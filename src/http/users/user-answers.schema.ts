/** The JSON answers of the user routes, for the document and the web UI's generated types. */
import { z } from "zod";
import { ROLES } from "../../domain/roles.ts";
import { ACCOUNT_ACTIONS } from "../../services/account-audit.ts";

export const ZUser = z
  .object({
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    agencyCode: z.string().nullable(),
    agencyName: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    isSystemAdmin: z.boolean(),
    isDisabled: z.boolean().meta({ description: "已停用：不能登录，令牌和会话已失效" }),
    mustChangePassword: z.boolean().meta({ description: "管理员设置了密码：下次登录须先修改" }),
  })
  .meta({ id: "User" });

export const ZUserList = z
  .object({ items: z.array(ZUser), total: z.number().int() })
  .meta({ id: "UserList" });

export const ZPasswordReset = z
  .object({
    user: ZUser,
    generatedPassword: z.string().nullable().meta({ description: "未给出密码时生成的密码（只此一次）" }),
  })
  .meta({ id: "PasswordReset" });

export const ZSessionsEnded = z
  .object({ user: ZUser, sessionsEnded: z.number().int() })
  .meta({ id: "SessionsEnded" });

export const ZHandOverReply = z
  .object({
    fromUsername: z.string(),
    toUsername: z.string(),
    moved: z
      .array(z.object({ id: z.string(), trackingNo: z.string() }))
      .meta({ description: "转办的案件，各有一条转办记录" }),
  })
  .meta({ id: "HandOverReply" });

export const ZAccountAuditLine = z
  .object({
    id: z.string(),
    at: z.string().meta({ description: "时刻（ISO 8601）" }),
    action: z.enum(ACCOUNT_ACTIONS),
    actionLabel: z.string(),
    actor: z
      .object({ username: z.string(), displayName: z.string() })
      .nullable()
      .meta({ description: "操作人；null 为系统" }),
    target: z.object({ username: z.string(), displayName: z.string(), agencyCode: z.string().nullable() }),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AccountAuditLine" });

export const ZAccountAuditPage = z
  .object({ items: z.array(ZAccountAuditLine), total: z.number().int() })
  .meta({ id: "AccountAuditPage" });
