/** The JSON answers of the user routes, for the document and the web UI's generated types. */
import { z } from "zod";
import { ROLES } from "../../domain/roles.ts";

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
