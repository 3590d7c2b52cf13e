import { AppError } from "../app-error.ts";
import { AGENCY_ADMIN_ROLES, ROLE_LABELS } from "../domain/roles.ts";
import { type Actor, canActInAgency, canSeeAgency } from "../services/actor.ts";
import type { Db } from "../services/case-store.ts";

export interface LedgerAgency {
  id: number;
  code: string;
  name: string;
  path: string;
}

/**
 * The agency whose ledger `actor` imports or exports: its own administrator (管理员) or a system
 * administrator. An agency the actor cannot see is a 404, as if it did not exist.
 */
export async function authorizeLedgerAccess(db: Db, actor: Actor, code: string): Promise<LedgerAgency> {
  const agency = await db
    .selectFrom("agencies")
    .select(["id", "code", "name", "path"])
    .where("code", "=", code)
    .executeTakeFirst();
  if (!agency || !canSeeAgency(actor, agency.path)) {
    throw new AppError("not_found", { message: `机关“${code}”不存在，或不在您的查看范围内` });
  }
  if (!actor.isSystemAdmin && !canActInAgency(actor, agency.path, AGENCY_ADMIN_ROLES)) {
    throw new AppError("forbidden", {
      message: `只有“${agency.name}”的${ROLE_LABELS.agency_admin}或系统管理员可以导入、导出本机关的台账`,
    });
  }
  return agency;
}
