import type { Actor } from "../services/actor.ts";
import type { LedgerAgency } from "./authorize-ledger-access.ts";

/**
 * Who the import's writes are recorded as. Registering needs the intake role, the actions the
 * handler's and the approver's (ACTION_ROLES), which an agency administrator (or a system
 * administrator, who belongs to no agency) does not have: the import acts as the same person
 * (same user id and name, in the log) holding those three roles in the imported agency only,
 * authorized by authorizeLedgerAccess beforehand.
 */
export function ledgerImportActor(admin: Actor, agency: LedgerAgency): Actor {
  return {
    userId: admin.userId,
    username: admin.username,
    displayName: admin.displayName,
    agencyId: agency.id,
    agencyCode: agency.code,
    agencyPath: agency.path,
    roles: ["intake", "handler", "approver"],
    isSystemAdmin: false,
  };
}
