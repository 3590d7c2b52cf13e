import { z } from "zod";
import { API_STATES } from "../../../machines/api-state.ts";
import { APPLICANT_TYPES, CHANNELS } from "../../domain/vocabulary.ts";
import type { Applicant, ListFilters, RegisterInput } from "../../services/application-types.ts";
import { WORKLIST_SORTS, WORKLIST_VIEWS } from "../../services/worklist-query.ts";
import {
  optionalEmail,
  optionalText,
  requiredText,
  TEXT_LIMITS,
  ZCivilDate,
  ZCode,
} from "../validation/common.schema.ts";
import { assertType, type Same } from "../validation/type-checks.ts";

export const ZApplicant = z.strictObject({
  type: z.enum(APPLICANT_TYPES),
  name: requiredText(TEXT_LIMITS.name),
  idNumber: optionalText(50),
  phone: optionalText(50),
  email: optionalEmail(),
  address: optionalText(TEXT_LIMITS.shortText),
});

export const ZRegisterInput = z.strictObject({
  agencyCode: ZCode,
  channel: z.enum(CHANNELS),
  receivedOn: ZCivilDate,
  applicant: ZApplicant,
  description: requiredText(TEXT_LIMITS.description),
  deliveryForm: optionalText(TEXT_LIMITS.name),
  handlerUsername: optionalText(64),
  /** The number in a paper ledger (台账编号), e.g. set by the ledger import. */
  ledgerNo: optionalText(64),
  /** Required by the service when receivedOn falls in a year whose report is closed. */
  amendmentReason: optionalText(TEXT_LIMITS.reason),
}) satisfies z.ZodType<RegisterInput>;

const ZBooleanText = z
  .enum(["true", "false", "1", "0"], { error: "应为 true 或 false" })
  .transform((v) => v === "true" || v === "1");

function pageNumber(max: number) {
  return z
    .string()
    .regex(/^\d{1,6}$/, "应为正整数")
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `应在 1 到 ${max} 之间`);
}

export const ZListQuery = z.strictObject({
  agency: ZCode.optional(),
  state: z.enum(API_STATES).optional(),
  dueBefore: ZCivilDate.optional(),
  view: z.enum(WORKLIST_VIEWS).optional().meta({
    description: "工作台的标签：todo 待办（按最先到期的期限排序）、mine 我承办的、done 已办、all 全部",
  }),
  sort: z.enum(WORKLIST_SORTS).optional().meta({
    description:
      "排序列：urgency 最近到期的期限（各类期限中最早的一个）、due 答复期限、receivedOn 收到日期等",
  }),
  order: z.enum(["asc", "desc"]).optional().meta({ description: "排序方向，默认 asc" }),
  q: optionalText(TEXT_LIMITS.name),
  applicantType: z.enum(APPLICANT_TYPES).optional(),
  channel: z.enum(CHANNELS).optional(),
  receivedFrom: ZCivilDate.optional(),
  receivedTo: ZCivilDate.optional(),
  mine: ZBooleanText.optional(),
  awaiting: z.enum(["approval"]).optional(),
  assigned: ZBooleanText.optional().meta({
    description: "false：只列尚未分办的申请（没有承办人且未归档、未终止）；true：只列已有承办人的申请",
  }),
  page: pageNumber(100_000).optional(),
  pageSize: pageNumber(100).optional(),
}) satisfies z.ZodType<ListFilters>;

/** The 工作台 counters' scope: an agency the user may see (default: as the list), a tab (default all). */
export const ZCountersQuery = z.strictObject({
  agency: ZCode.optional(),
  view: z.enum(WORKLIST_VIEWS).optional(),
});

// Exactly the service's fields: one it adds cannot be refused here as an unknown key.
assertType<Same<keyof z.output<typeof ZRegisterInput>, keyof RegisterInput>>();
assertType<Same<keyof z.output<typeof ZApplicant>, keyof Applicant>>();
assertType<Same<keyof z.output<typeof ZListQuery>, keyof ListFilters>>();
