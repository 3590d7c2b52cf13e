/**
 * Who may call what, as the security matrix checks it (DOMAIN.md §1, API.md). Every route that
 * writes must have a rule here: a route added without one fails the matrix until someone
 * decides who must be refused. Reads are open to every user of the agency unless listed.
 */

import type { ActionType } from "../../../src/domain/application-events.ts";
import { ACTION_ROLES } from "../../../src/domain/roles.ts";
import { SECURITY_USERS, type SecurityUser } from "./security-system.ts";

export interface AccessRule {
  /** Sends the probes that need a caller who may (bodies, CSRF, mass assignment). */
  owner: SecurityUser;
  /**
   * Users of the town's own tree who must be refused: 403, or 404 where the service answers
   * "not found, or you are not its admin" (letter settings, the access log).
   */
  refused: readonly SecurityUser[];
}

/** The route acts on the caller's own account: no role, no agency. */
export const SELF_ROUTES = new Set([
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  "POST /api/v1/auth/password",
  "GET /api/v1/auth/me",
]);

const TOWN_STAFF: SecurityUser[] = ["clerk", "handler", "approver"];
const ALL_BUT_SYSTEM_ADMIN: SecurityUser[] = [
  ...TOWN_STAFF,
  "townadmin",
  "supervisor",
  "outsider",
  "otheradmin",
];
const TOWN_ADMIN_ONLY: AccessRule = { owner: "townadmin", refused: [...TOWN_STAFF, "supervisor"] };
const REPORTS = "/api/v1/agencies/:code/reports/:year";

export const ACCESS_RULES: Record<string, AccessRule> = {
  "POST /api/v1/agencies": { owner: "admin", refused: ALL_BUT_SYSTEM_ADMIN },
  "PUT /api/v1/calendar/:year": { owner: "admin", refused: ALL_BUT_SYSTEM_ADMIN },
  "POST /api/v1/users": TOWN_ADMIN_ONLY,
  "GET /api/v1/users": { owner: "townadmin", refused: TOWN_STAFF },
  "POST /api/v1/applications": {
    owner: "clerk",
    refused: ["handler", "approver", "townadmin", "supervisor"],
  },
  // The action itself decides (ACTION_ROLES, below); the owner is the handler.
  "POST /api/v1/applications/:id/actions": { owner: "handler", refused: [] },
  "POST /api/v1/applications/:id/appeals": { owner: "handler", refused: ["clerk", "supervisor"] },
  "POST /api/v1/appeals/:id/result": { owner: "handler", refused: ["clerk", "supervisor"] },
  [`PUT ${REPORTS}/proactive`]: TOWN_ADMIN_ONLY,
  [`PUT ${REPORTS}/texts`]: TOWN_ADMIN_ONLY,
  [`POST ${REPORTS}/close`]: TOWN_ADMIN_ONLY,
  [`POST ${REPORTS}/amend`]: TOWN_ADMIN_ONLY,
  "PUT /api/v1/agencies/:code/letter-settings": TOWN_ADMIN_ONLY,
  "POST /api/v1/agencies/:code/imports": TOWN_ADMIN_ONLY,
  // The ledger and the access log carry the applicants' full personal data.
  "GET /api/v1/agencies/:code/ledger.xlsx": TOWN_ADMIN_ONLY,
  "GET /api/v1/agencies/:code/access-log": TOWN_ADMIN_ONLY,
  "GET /api/v1/agencies/:code/access-log.csv": TOWN_ADMIN_ONLY,
  "GET /api/v1/agencies/:code/access-log.xlsx": TOWN_ADMIN_ONLY,
  "GET /api/v1/account-audit": { owner: "townadmin", refused: TOWN_STAFF },
  // User administration (issue 10): the town's admin over a town user, never the staff.
  "PATCH /api/v1/users/:username": TOWN_ADMIN_ONLY,
  "POST /api/v1/users/:username/disable": TOWN_ADMIN_ONLY,
  "POST /api/v1/users/:username/enable": TOWN_ADMIN_ONLY,
  "POST /api/v1/users/:username/reset-password": TOWN_ADMIN_ONLY,
  "POST /api/v1/users/:username/end-sessions": TOWN_ADMIN_ONLY,
  // 工作交接 (issue 11): a handler's open cases to another, by the town's admin.
  "POST /api/v1/users/:username/hand-over": TOWN_ADMIN_ONLY,
  // 网络申请待确认 (issue 12): the town's intake clerks confirm or reject; its admin also reads the queue.
  "GET /api/v1/online-submissions": { owner: "clerk", refused: ["handler", "approver", "supervisor"] },
  "POST /api/v1/online-submissions/:id/confirm": {
    owner: "clerk",
    refused: ["handler", "approver", "townadmin", "supervisor"],
  },
  "POST /api/v1/online-submissions/:id/reject": {
    owner: "clerk",
    refused: ["handler", "approver", "townadmin", "supervisor"],
  },
  // Case documents (issue 12): the case's intake, handler and approver upload (UPLOAD_ROLES).
  "POST /api/v1/applications/:id/documents": { owner: "clerk", refused: ["townadmin", "supervisor"] },
  // Issuing a letter numbers it: the handler and the approver (the receipt: the clerk too).
  "POST /api/v1/applications/:id/letters/:kind": { owner: "handler", refused: ["townadmin", "supervisor"] },
};

/** The town's users whose roles may not take `type` (the supervisor never may). */
export function refusedForAction(type: ActionType): SecurityUser[] {
  const allowed = ACTION_ROLES[type];
  const refused = (Object.keys(SECURITY_USERS) as SecurityUser[]).filter((u) => {
    const user = SECURITY_USERS[u];
    return user.agency === "town" && !user.roles.some((r) => (allowed as readonly string[]).includes(r));
  });
  return [...refused, "supervisor"];
}
