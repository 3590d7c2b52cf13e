/**
 * Who may create and administer which user accounts, and grant which roles (issue 10). Pure:
 * the HTTP layer, the service and the UI's buttons read these rules.
 */
import { ROLE_LABELS, type Role } from "./roles.ts";

/** The roles an agency's own administrator may grant, in its own agency only. */
export const AGENCY_GRANTABLE_ROLES: readonly Role[] = ["intake", "handler", "approver", "agency_admin"];

/** The administrator as these rules see it. */
export interface AccountAdmin {
  isSystemAdmin: boolean;
  roles: readonly Role[];
  agencyCode: string | null;
}

/** An account as these rules see it. */
export interface AccountTarget {
  agencyCode: string | null;
  roles: readonly Role[];
  isSystemAdmin: boolean;
}

function isAgencyAdminOf(admin: AccountAdmin, agencyCode: string | null): boolean {
  return agencyCode !== null && admin.roles.includes("agency_admin") && admin.agencyCode === agencyCode;
}

/**
 * Why `admin` may not give `roles` to a user of `agencyCode`, in Chinese, or null when it may.
 * The system administrator grants every role (supervisor too) in every agency; an agency
 * administrator grants the roles of its agency (AGENCY_GRANTABLE_ROLES) in its own agency.
 */
export function grantRefusal(admin: AccountAdmin, agencyCode: string, roles: readonly Role[]): string | null {
  if (admin.isSystemAdmin) return null;
  if (!isAgencyAdminOf(admin, agencyCode)) {
    return `只有系统管理员或机关“${agencyCode}”的管理员可以为该机关的用户设置角色`;
  }
  const reserved = roles.filter((r) => !AGENCY_GRANTABLE_ROLES.includes(r));
  if (reserved.length > 0) {
    const names = reserved.map((r) => `“${ROLE_LABELS[r]}”`).join("、");
    return `${names}角色只能由系统管理员授予；机关管理员可以授予的角色：${AGENCY_GRANTABLE_ROLES.map((r) => ROLE_LABELS[r]).join("、")}`;
  }
  return null;
}

/**
 * Why `admin` may not administer `target` (edit, disable, reset its password, end its sessions),
 * or null when it may. The system administrator administers everyone; an agency administrator
 * the users of its own agency, except system administrators and supervisors.
 */
export function administrationRefusal(admin: AccountAdmin, target: AccountTarget): string | null {
  if (admin.isSystemAdmin) return null;
  if (!isAgencyAdminOf(admin, target.agencyCode)) {
    return "只有系统管理员或该用户所在机关的管理员可以管理该用户";
  }
  if (target.isSystemAdmin) return "只有系统管理员可以管理系统管理员账号";
  if (target.roles.includes("supervisor")) return "主管部门用户只能由系统管理员管理";
  return null;
}

/** Whether `admin` administers some accounts at all (the 用户 page, the account audit). */
export function isAccountAdmin(admin: AccountAdmin): boolean {
  return admin.isSystemAdmin || (admin.agencyCode !== null && admin.roles.includes("agency_admin"));
}
