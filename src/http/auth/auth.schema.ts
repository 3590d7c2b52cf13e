import { z } from "zod";
import { requiredText, TEXT_LIMITS } from "../validation/common.schema.ts";

export const ZLoginBody = z.strictObject({
  username: requiredText(TEXT_LIMITS.name),
  // Passwords are taken as typed: no trimming.
  password: z.string().min(1, "不能为空").max(1000, "不能超过 1000 个字符"),
  /** The web UI: also set the session cookie and return its CSRF token. */
  session: z.boolean().optional(),
});
export type LoginBody = z.output<typeof ZLoginBody>;

export const ZPasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, "不能为空").max(1000, "不能超过 1000 个字符"),
  newPassword: z.string().min(8, "密码至少 8 位").max(200, "密码不能超过 200 位"),
});
