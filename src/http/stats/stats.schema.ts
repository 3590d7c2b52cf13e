import { z } from "zod";
import { ZCode } from "../validation/common.schema.ts";

export const ZStatsQuery = z.strictObject({
  /** An agency the caller may see; default the caller's own. */
  agency: ZCode.optional(),
  /** Default the current year (China time). */
  year: z
    .string()
    .regex(/^\d{4}$/, "年份应为四位数字，如 2026")
    .transform(Number)
    .refine((y) => y >= 1990 && y <= 2199, "年份应在 1990 到 2199 之间")
    .optional(),
  /** `subtree`: the agency and all below it (supervisors and the system administrator). */
  include: z.enum(["subtree"], { error: "只能为 subtree" }).optional(),
});
