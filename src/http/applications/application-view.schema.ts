/**
 * The Application view as the API answers it (API.md), for the OpenAPI document and the web
 * UI's generated types. Each handler's return is checked against these at compile time
 * (RouteSpec.response), so the document cannot promise more than the service gives.
 */
import { z } from "zod";
import { API_STATES } from "../../../machines/api-state.ts";
import { ACTION_TYPES } from "../../domain/application-events.ts";
import { CLOCK_KINDS } from "../../domain/deadlines/worklist-clocks.ts";
import { ID_TYPES } from "../../domain/identity-numbers.ts";
import { OUTCOME_IDS } from "../../domain/outcomes.ts";
import { APPLICANT_TYPES, CHANNELS } from "../../domain/vocabulary.ts";

const ZDate = z.string().meta({ description: "日期 YYYY-MM-DD（中国日历日）" });

export const ZApplicantView = z
  .object({
    type: z.enum(APPLICANT_TYPES),
    name: z.string(),
    idType: z.enum(ID_TYPES).optional(),
    idNumber: z.string().optional(),
    legalRepresentative: z.string().optional(),
    contactPerson: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
    address: z.string().optional(),
  })
  .meta({
    id: "Applicant",
    description: "申请人；personalData 为 masked 时证件号码、电话为脱敏值，无电子邮箱和地址",
  });

export const ZClockView = z
  .object({
    label: z.string(),
    startsOn: ZDate,
    dueOn: ZDate,
    provisional: z.boolean(),
    state: z.enum(["running", "paused", "met", "missed", "lapsed"]),
    explanation: z.array(z.string()),
    doneOn: ZDate.optional(),
    id: z.string().optional().meta({
      description:
        "窗口或签收期限的标识：supplement_notice、fee_notice、consultation_letter-<consultationId>；征求意见期限为 consultationId",
    }),
    awaitingReceipt: z
      .literal(true)
      .optional()
      .meta({ description: "自邮寄文书签收之日起算，签收日期尚未登记：dueOn 为推算" }),
  })
  .meta({ id: "ClockView" });

export const ZEventView = z
  .object({
    seq: z.number().int(),
    type: z.string(),
    on: ZDate,
    actor: z.string(),
    enteredAt: z.string(),
    payload: z.record(z.string(), z.unknown()),
    reason: z.string().nullable(),
    superseded: z
      .object({ bySeq: z.number().int(), on: ZDate })
      .nullable()
      .meta({ description: "已被取代的自动事件：取代它的事件序号和日期；保留在记录中，不再计入" }),
  })
  .meta({ id: "EventView" });

export const ZProposal = z
  .object({
    kind: z.enum(["decision", "extension"]),
    on: ZDate,
    outcome: z.enum(OUTCOME_IDS).optional(),
    replyText: z.string().optional(),
    workdays: z.number().int().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: "Proposal", description: "承办人提交、等待审批的答复或延期" });

export const ZApplicationView = z
  .object({
    id: z.string(),
    trackingNo: z.string(),
    agencyCode: z.string(),
    agencyName: z.string(),
    state: z.enum(API_STATES),
    stateLabel: z.string(),
    flags: z.object({ consulting: z.boolean(), extended: z.boolean(), awaitingFee: z.boolean() }),
    applicant: ZApplicantView,
    personalData: z.enum(["full", "masked"]),
    description: z.string(),
    channel: z.enum(CHANNELS),
    receivedOn: ZDate,
    deliveryForm: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    handler: z.string().nullable(),
    outcome: z.enum(OUTCOME_IDS).nullable(),
    dispositionOn: ZDate.nullable(),
    deadlines: z.object({
      reply: ZClockView,
      supplementNotice: ZClockView.optional(),
      supplementWindow: ZClockView.optional(),
      feePayment: ZClockView.optional(),
      consultations: z.array(ZClockView).optional(),
      receipts: z.array(ZClockView).optional(),
      reReply: ZClockView.optional(),
    }),
    allowedActions: z.array(z.enum(ACTION_TYPES)),
    version: z.number().int(),
    proposal: ZProposal.nullable(),
    events: z.array(ZEventView).optional().meta({ description: "全部事件（详情和操作的答复；列表不含）" }),
    nextDue: z
      .object({ kind: z.enum(CLOCK_KINDS), label: z.string(), dueOn: ZDate })
      .nullable()
      .optional()
      .meta({ description: "列表项：今天最先到期的期限（待办顺序），没有在计的期限时为 null" }),
  })
  .meta({ id: "Application" });

export const ZApplicationPage = z
  .object({ items: z.array(ZApplicationView), total: z.number().int() })
  .meta({ id: "ApplicationPage" });

export const ZActionAnswer = z
  .object({
    id: z.string(),
    version: z.number().int(),
    state: z.enum(API_STATES),
    events: z.array(ZEventView),
    allowedActions: z.array(z.string()),
  })
  .meta({
    id: "ActionAnswer",
    description: "Prefer: return=minimal 的答复：本次新增的事件，及因此被取代的自动事件",
  });

export const ZCasePermissions = z
  .object({
    actions: z
      .array(z.enum(ACTION_TYPES))
      .meta({ description: "allowedActions 中读者的角色可执行的（本机关）" }),
    recordAppeal: z
      .boolean()
      .meta({ description: "可登记行政复议、诉讼（本机关承办人、审核人、机关管理员）" }),
    uploadDocuments: z.boolean().meta({ description: "可上传案件材料（本机关登记人员、承办人、审核人）" }),
  })
  .meta({ id: "CasePermissions", description: "读者在案件页可做的事，按服务器校验的同一规则" });

export const ZApplicationDetail = ZApplicationView.extend({ permissions: ZCasePermissions }).meta({
  id: "ApplicationDetail",
  description: "GET /applications/:id：Application 加上读者的权限",
});

export const ZClockCounter = z
  .object({
    kind: z.enum(CLOCK_KINDS),
    label: z.string(),
    overdue: z.number().int().meta({ description: "已逾期仍未办结的件数" }),
    dueToday: z.number().int().meta({ description: "今天到期的件数" }),
    dueSoon: z.number().int().meta({ description: "soonWorkdays 个工作日内到期的件数（不含今天）" }),
  })
  .meta({ id: "ClockCounter" });

export const ZWorklistCounters = z
  .object({
    today: ZDate,
    soonUntil: ZDate.meta({ description: "“即将到期”的最后一天" }),
    soonWorkdays: z.number().int(),
    clocks: z.array(ZClockCounter).meta({ description: "每种期限一项，按 CLOCK_KINDS 的顺序，含 0" }),
    awaitingApproval: z.number().int().meta({ description: "范围内待审批的件数" }),
  })
  .meta({ id: "WorklistCounters" });
