import { z } from "zod";
import { ROLES } from "../../domain/roles.ts";
import type { NewUser } from "../../services/account-service.ts";
import { optionalEmail, requiredText, TEXT_LIMITS, ZCode } from "../validation/common.schema.ts";
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
