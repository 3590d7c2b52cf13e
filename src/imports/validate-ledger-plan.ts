import type { z } from "zod";
// The API's own field schemas: a row is accepted when its writes' fields pass the API's validation.
// Not the reply rules across fields (reasons, …): a paper-era reply is recorded as it went out.
import { ZActionFields } from "../http/applications/action.schema.ts";
import { ZRegisterInput } from "../http/applications/applications.schema.ts";
import { zhErrorMap } from "../http/validation/zh-error-map.ts";
import type { LedgerColumn } from "./ledger-columns.ts";
import type { LedgerRowError } from "./ledger-types.ts";
import type { LedgerCasePlan } from "./plan-ledger-case.ts";

/** The column behind a field of the registration. */
const REGISTER_COLUMNS: Record<string, LedgerColumn> = {
  ledgerNo: "编号",
  receivedOn: "收到日期",
  channel: "申请方式",
  "applicant.type": "申请人类型",
  "applicant.name": "申请人",
  "applicant.idNumber": "证件号码",
  "applicant.phone": "联系电话",
  description: "申请内容",
  handlerUsername: "承办人",
};

/** Chinese names of the action fields a ledger cell fills. */
const ACTION_FIELDS: Record<string, string> = {
  name: "名称",
  party: "对象类型",
  reason: "理由",
  workdays: "工作日数",
  windowWorkdays: "期限",
  amountYuan: "金额",
  basis: "计收方式",
  method: "送达方式",
  on: "日期",
};

function issues(schema: z.ZodType, input: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(input, { error: zhErrorMap });
  return result.success ? [] : result.error.issues;
}

/**
 * The registration and every action of a row through the API's request schemas (text limits,
 * number ranges, money in fen), each failure in the column it comes from.
 */
export function validateLedgerPlan(plan: LedgerCasePlan, row: number): LedgerRowError[] {
  const errors: LedgerRowError[] = [];
  for (const issue of issues(ZRegisterInput, plan.register)) {
    const field = issue.path.map(String).join(".");
    errors.push({ row, column: REGISTER_COLUMNS[field] ?? "编号", message: issue.message });
  }
  for (const action of plan.actions) {
    // An end's consultation id is only known once its start is written: any valid id checks the rest.
    const input =
      action.input.type === "end_consultation" ? { ...action.input, consultationId: "c1" } : action.input;
    for (const issue of issues(ZActionFields, input)) {
      const field = issue.path.map(String).join(".");
      const name = ACTION_FIELDS[field] ?? field;
      errors.push({ row, column: action.column, message: name ? `${name}${issue.message}` : issue.message });
    }
  }
  return errors;
}
