import { z } from "zod";
import { API_STATES } from "../../../machines/api-state.ts";
import { civilDateInChina } from "../../domain/civil-date.ts";
import { ID_TYPES, idNumberProblem, idTypeFits, phoneProblem } from "../../domain/identity-numbers.ts";
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

export const ZApplicant = z
  .strictObject({
    type: z.enum(APPLICANT_TYPES),
    name: requiredText(TEXT_LIMITS.name),
    idType: z.enum(ID_TYPES).optional().meta({
      description:
        "证件类型：resident_id 居民身份证、passport 护照、hk_mo_tw 港澳台居民证件、other 其他（自然人）；uscc 统一社会信用代码（法人或其他组织；境外组织等可用 other）。缺省时证件号码按原样保存、不作校验（早先登记的申请）",
    }),
    idNumber: optionalText(50),
    legalRepresentative: optionalText(TEXT_LIMITS.name).meta({
      description: "法定代表人或主要负责人（法人或其他组织）",
    }),
    contactPerson: optionalText(TEXT_LIMITS.name).meta({ description: "联系人（法人或其他组织）" }),
    phone: optionalText(50),
    email: optionalEmail(),
    address: optionalText(TEXT_LIMITS.shortText),
  })
  .superRefine((a, ctx) => checkNumbers(a, ctx));

/**
 * The phone is a mobile or a landline; the ID type fits the applicant and the number is valid
 * for it (src/domain/identity-numbers.ts, which the web form uses too).
 */
export function checkNumbers(a: Partial<Applicant>, ctx: z.RefinementCtx): void {
  const phone = a.phone === undefined ? undefined : phoneProblem(a.phone);
  if (phone !== undefined) ctx.addIssue({ code: "custom", path: ["phone"], message: `联系电话${phone}` });
  if (a.type === "natural_person") {
    for (const field of ["legalRepresentative", "contactPerson"] as const) {
      if (a[field] !== undefined)
        ctx.addIssue({ code: "custom", path: [field], message: "只适用于法人或其他组织，自然人请不填" });
    }
  }
  if (a.idType === undefined || a.type === undefined) return;
  if (!idTypeFits(a.idType, a.type)) {
    ctx.addIssue({
      code: "custom",
      path: ["idType"],
      message:
        a.type === "natural_person"
          ? "自然人的证件类型应为居民身份证、护照、港澳台居民证件或其他证件"
          : "法人或其他组织的证件类型应为统一社会信用代码（境外组织等可选其他证件）",
    });
    return;
  }
  if (a.idNumber === undefined) return;
  const problem = idNumberProblem(a.idType, a.idNumber, civilDateInChina(new Date()));
  if (problem !== undefined)
    ctx.addIssue({ code: "custom", path: ["idNumber"], message: `证件号码${problem}` });
}

/** A 挂号单号: letters and digits as printed on the receipt slip (e.g. XA123456789CN). */
export const ZTrackingNumber = optionalText(30).refine(
  (s) => s === undefined || /^[A-Za-z0-9-]{6,30}$/.test(s),
  {
    message: "挂号单号应为6到30位字母或数字（如 XA123456789CN）",
  },
);

export const ZRegisterInput = z
  .strictObject({
    agencyCode: ZCode,
    channel: z.enum(CHANNELS),
    receivedOn: ZCivilDate,
    applicant: ZApplicant,
    description: requiredText(TEXT_LIMITS.description),
    deliveryForm: optionalText(TEXT_LIMITS.name),
    trackingNumber: ZTrackingNumber.meta({
      description: "挂号单号（仅信函申请（挂号/需签收），即 channel 为 post 时）",
    }),
    handlerUsername: optionalText(64),
    /** The number in a paper ledger (台账编号), e.g. set by the ledger import. */
    ledgerNo: optionalText(64),
    /** Required by the service when receivedOn falls in a year whose report is closed. */
    amendmentReason: optionalText(TEXT_LIMITS.reason),
  })
  .refine((r) => r.trackingNumber === undefined || r.channel === "post", {
    path: ["trackingNumber"],
    message: "挂号单号只适用于信函申请（挂号/需签收）；其他申请方式请不填",
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
