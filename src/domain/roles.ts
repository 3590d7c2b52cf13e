/**
 * Who does what (DOMAIN.md §1, API.md). The HTTP layer, the service and the UI's buttons all
 * read these tables.
 */
import type { ActionType } from "./application-events.ts";

export const ROLES = ["intake", "handler", "approver", "agency_admin", "supervisor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  intake: "登记人员",
  handler: "承办人",
  approver: "审核人",
  agency_admin: "管理员",
  supervisor: "主管部门",
};

/** The roles that may take each action on a case of their own agency. */
export const ACTION_ROLES: Record<ActionType, readonly Role[]> = {
  request_supplement: ["handler"],
  receive_supplement: ["intake", "handler"],
  start_consultation: ["handler"],
  end_consultation: ["handler"],
  // art. 33: an extension is approved by the head of the disclosure office
  extend: ["approver"],
  issue_fee_notice: ["handler"],
  receive_fee: ["handler"],
  // art. 35: the agency sets the reasonable date
  set_custom_deadline: ["approver"],
  decide: ["approver"],
  withdraw: ["intake", "handler"],
  deliver: ["intake", "handler"],
  archive: ["handler"],
  // The handler drafts; the approver decides, extends or returns (DOMAIN.md §3).
  propose_decision: ["handler"],
  request_extension: ["handler"],
  return_proposal: ["approver"],
  // The clerk or the handler records when the addressee signed for a document (送达).
  record_receipt: ["intake", "handler"],
  // The new reply is issued like the first one (DOMAIN.md §3).
  re_reply: ["approver"],
  // The handler takes back its own proposal before the approver acts on it (one at a time).
  withdraw_proposal: ["handler"],
  // 分办 at intake or by the office, 转办 by the approver or the agency admin (issue 11).
  assign: ["intake", "approver", "agency_admin"],
  // 更正登记信息: the clerk who registered, or the agency admin (issue 11).
  amend_registration: ["intake", "agency_admin"],
};

/** Registering an application. */
export const REGISTER_ROLES: readonly Role[] = ["intake"];
/** Recording reviews and lawsuits, table 四. */
export const APPEAL_ROLES: readonly Role[] = ["handler", "approver", "agency_admin"];
/** Table 二 figures, text sections, closing the year. */
export const REPORT_ADMIN_ROLES: readonly Role[] = ["agency_admin"];
/** The online intake queue 网络申请待确认 (reading it, rejecting); confirming needs REGISTER_ROLES. */
export const ONLINE_QUEUE_ROLES: readonly Role[] = [...REGISTER_ROLES, "agency_admin"];
/**
 * An agency's own administration: its users, its ledger import and export, its personal-data
 * access log, its letter settings (the system administrator may do all of it in every agency).
 */
export const AGENCY_ADMIN_ROLES: readonly Role[] = ["agency_admin"];
/** The roles whose 待办 tab lists cases (the worklist's todo condition has a part for each). */
export const TODO_ROLES: readonly Role[] = ["handler", "approver", "intake"];
