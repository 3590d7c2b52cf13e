import { AGENCY_GRANTABLE_ROLES } from "../../domain/account-rules.ts";
import {
  ACTION_ROLES,
  AGENCY_ADMIN_ROLES,
  ONLINE_QUEUE_ROLES,
  REGISTER_ROLES,
  REPORT_ADMIN_ROLES,
  ROLES,
  type Role,
  TODO_ROLES,
} from "../../domain/roles.ts";
import type { Actor } from "../../services/actor.ts";

/**
 * What the user may do outside a case, from the same tables the server checks (each in the
 * user's own agency): the web shows its menus, pages and tabs from these and reads no role
 * names. The case page's buttons come from the case's own `permissions` (case-permissions.ts).
 */
export interface UserCapabilities {
  /** 登记: register applications in its agency (REGISTER_ROLES). */
  register: boolean;
  /** 网络申请待确认: read and reject the agency's online submissions (ONLINE_QUEUE_ROLES). */
  viewOnlineSubmissions: boolean;
  /** Confirm an online submission into a registered case (REGISTER_ROLES). */
  confirmOnlineSubmissions: boolean;
  /** 审批: decide, extend or return a handler's proposal (ACTION_ROLES of decide). */
  approve: boolean;
  /** The 待办 tab lists cases for it (TODO_ROLES): the worklist opens on it. */
  hasTodo: boolean;
  /** Sees its agency's subtree (a supervisor): the subtree's cases, statistics and report status. */
  viewSubtree: boolean;
  /** 用户和角色: the agency's users (AGENCY_ADMIN_ROLES), every user for the system administrator. */
  manageUsers: boolean;
  /** The roles it may grant: all for the system administrator, AGENCY_GRANTABLE_ROLES for an agency's. */
  grantRoles: Role[];
  /** 机关: the agency tree page (its administrators and supervisors). */
  viewAgencies: boolean;
  /** 台账导入: import and export the agency's ledger (AGENCY_ADMIN_ROLES or the system administrator). */
  importLedger: boolean;
  /** 访问日志: the agency's personal-data access log (AGENCY_ADMIN_ROLES or the system administrator). */
  viewAccessLog: boolean;
  /** The agency's letter settings (AGENCY_ADMIN_ROLES). */
  manageAgencySettings: boolean;
  /** Fill in, close and amend the agency's annual report (REPORT_ADMIN_ROLES). */
  closeReports: boolean;
  /** Load or correct a calendar year (the system administrator). */
  editCalendar: boolean;
}

export function userCapabilities(actor: Actor): UserCapabilities {
  const inAgency = actor.agencyPath !== null;
  const holds = (allowed: readonly Role[]) => inAgency && actor.roles.some((r) => allowed.includes(r));
  const agencyAdmin = holds(AGENCY_ADMIN_ROLES);
  const manageUsers = actor.isSystemAdmin || agencyAdmin;
  return {
    register: holds(REGISTER_ROLES),
    viewOnlineSubmissions: holds(ONLINE_QUEUE_ROLES),
    confirmOnlineSubmissions: holds(REGISTER_ROLES),
    approve: holds(ACTION_ROLES.decide),
    hasTodo: holds(TODO_ROLES),
    viewSubtree: holds(["supervisor"]),
    manageUsers,
    grantRoles: actor.isSystemAdmin ? [...ROLES] : agencyAdmin ? [...AGENCY_GRANTABLE_ROLES] : [],
    viewAgencies: manageUsers || holds(["supervisor"]),
    importLedger: actor.isSystemAdmin || agencyAdmin,
    viewAccessLog: actor.isSystemAdmin || agencyAdmin,
    manageAgencySettings: agencyAdmin,
    closeReports: holds(REPORT_ADMIN_ROLES),
    editCalendar: actor.isSystemAdmin,
  };
}
