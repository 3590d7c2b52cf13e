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
