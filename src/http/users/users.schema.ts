import { z } from "zod";
import { ROLES } from "../../domain/roles.ts";
import type { NewUser } from "../../services/account-service.ts";
import {
  optionalEmail,
  optionalText,
  requiredText,
  TEXT_LIMITS,
  ZCode,
} from "../validation/common.schema.ts";
import { assertType, type Same } from "../validation/type-checks.ts";

export const ZUsername = z
  .string()
  .trim()
  .min(2, "至少 2 个字符")
  .max(64, "不能超过 64 个字符")
  .regex(/^[^\s:]+$/, "不能包含空格或冒号");

export const ZNewUser = z.strictObject({
  username: ZUsername,
  password: z.string().min(8, "密码至少 8 位").max(200, "密码不能超过 200 位"),
  displayName: requiredText(TEXT_LIMITS.name),
  email: optionalEmail(),
  agencyCode: ZCode,
  roles: z
    .array(z.enum(ROLES))
    .min(1, "至少选择 1 个角色")
    .max(ROLES.length)
    .refine((r) => new Set(r).size === r.length, "角色不能重复"),
}) satisfies z.ZodType<NewUser>;

export const ZUserListQuery = z.strictObject({ agency: ZCode.optional() });

// isSystemAdmin is the service's own (bootstrap, CLI); the API never sets it.
assertType<Same<keyof z.output<typeof ZNewUser>, Exclude<keyof NewUser, "isSystemAdmin">>>();

/** `:username` of a path. */
export const ZUsernameParams = z.strictObject({ username: ZUsername });

/** PATCH /users/:username: the fields to change, at least one; an empty e-mail clears it. */
export const ZUserChanges = z
  .strictObject({
    displayName: requiredText(TEXT_LIMITS.name).optional(),
    email: z.union([optionalEmail(), z.null()]).transform((e) => e ?? null),
    roles: ZNewUser.shape.roles.optional(),
  })
  .partial({ email: true })
  .refine((c) => Object.values(c).some((v) => v !== undefined), "至少修改一项：姓名、电子邮箱或角色");

/** Disable, enable, end sessions: the reason, kept in the account audit. */
export const ZAccountActionBody = z.strictObject({ reason: optionalText(TEXT_LIMITS.reason) });

/** POST /users/:username/reset-password: the temporary password, or none to have one generated. */
export const ZResetPasswordBody = z.strictObject({
  password: ZNewUser.shape.password.optional(),
});

function pageNumber(max: number) {
  return z
    .string()
    .regex(/^\d{1,6}$/, "应为正整数")
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `应在 1 到 ${max} 之间`);
}

export const ZAccountAuditQuery = z.strictObject({
  agency: ZCode.optional(),
  username: ZUsername.optional(),
  page: pageNumber(100_000).optional(),
  pageSize: pageNumber(200).optional(),
});

/** `POST /users/:username/hand-over`: every open case of that handler to another handler. */
export const ZHandOverBody = z.strictObject({
  toUsername: ZUsername.meta({ description: "接手的承办人（本机关启用中的承办人）的用户名" }),
  reason: requiredText(TEXT_LIMITS.reason).meta({ description: "交接理由，记入每件申请的办理过程" }),
});
