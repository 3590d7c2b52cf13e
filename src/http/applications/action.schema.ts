/**
 * The body of `POST /applications/:id/actions`: one strict object per action type of API.md,
 * discriminated on `type`, typed against the service's ActionInput.
 */
import { z } from "zod";
import { MAX_SUPPLEMENT_WINDOW_WORKDAYS } from "../../../machines/guards.ts";
import type { ActionType } from "../../domain/application-events.ts";
import { DECIDABLE_OUTCOME_IDS } from "../../domain/outcomes.ts";
import { MAX_EXTENSION_WORKDAYS } from "../../domain/statute.ts";
import { CONSULTATION_PARTIES, FEE_BASES } from "../../domain/vocabulary.ts";
import type { ActionInput } from "../../services/application-types.ts";
import {
  intInRange,
  optionalText,
  requiredText,
  TEXT_LIMITS,
  ZCivilDate,
} from "../validation/common.schema.ts";
import { assertType, type Same } from "../validation/type-checks.ts";

const base = {
  on: ZCivilDate,
  expectedVersion: z.number().int("应为整数").min(0, "不能小于 0").optional(),
  reason: optionalText(TEXT_LIMITS.reason),
  /** Required by the service when `on` falls in a year whose report is closed. */
  amendmentReason: optionalText(TEXT_LIMITS.reason),
};

function action<T extends ActionType, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ type: z.literal(type), ...base }).extend(shape);
}

/** Working days of a window the agency sets (supplement, consultation). */
const ZWindowWorkdays = intInRange(1, MAX_SUPPLEMENT_WINDOW_WORKDAYS).optional();

const ZAmountYuan = z
  .number()
  .positive("收费金额应大于 0")
  .max(1_000_000, "不能大于 1000000")
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "金额最多保留两位小数（分）");

export const ZActionInput = z.discriminatedUnion("type", [
  action("request_supplement", {
    items: z
      .array(requiredText(TEXT_LIMITS.shortText * 2))
      .min(1, "请列出需要补正的事项")
      .max(50),
    windowWorkdays: ZWindowWorkdays,
  }),
  action("receive_supplement", {}),
  action("start_consultation", {
    party: z.enum(CONSULTATION_PARTIES),
    name: requiredText(TEXT_LIMITS.name),
    windowWorkdays: ZWindowWorkdays,
  }),
  action("end_consultation", { consultationId: requiredText(40) }),
  action("extend", {
    workdays: intInRange(1, MAX_EXTENSION_WORKDAYS),
    reason: requiredText(TEXT_LIMITS.reason),
  }),
  action("issue_fee_notice", {
    basis: z.enum(FEE_BASES),
    amountYuan: ZAmountYuan,
    receivedByApplicantOn: ZCivilDate.optional(),
  }),
  action("receive_fee", {}),
  action("set_custom_deadline", { dueOn: ZCivilDate, reason: requiredText(TEXT_LIMITS.reason) }),
  action("decide", {
    outcome: z.enum(DECIDABLE_OUTCOME_IDS),
    replyText: optionalText(TEXT_LIMITS.replyText),
  }),
  action("withdraw", {}),
  action("deliver", { method: requiredText(TEXT_LIMITS.name) }),
  action("archive", {}),
  action("propose_decision", {
    outcome: z.enum(DECIDABLE_OUTCOME_IDS),
    replyText: optionalText(TEXT_LIMITS.replyText),
  }),
  action("request_extension", {
    workdays: intInRange(1, MAX_EXTENSION_WORKDAYS),
    reason: requiredText(TEXT_LIMITS.reason),
  }),
  action("return_proposal", { reason: requiredText(TEXT_LIMITS.reason) }),
]) satisfies z.ZodType<ActionInput>;

// Every action type of the service has its schema, and no other; each with exactly the
// service's fields, so a field added to ActionInput cannot be refused as unknown here.
assertType<Same<z.output<typeof ZActionInput>["type"], ActionType>>();
type FieldsMatch = {
  [T in ActionType]: Same<
    keyof Extract<z.output<typeof ZActionInput>, { type: T }>,
    keyof Extract<ActionInput, { type: T }>
  >;
};
assertType<FieldsMatch[ActionType]>();
