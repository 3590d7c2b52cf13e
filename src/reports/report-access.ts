import { AppError } from "../app-error.ts";
import type { AgencyKind } from "../db/schema.ts";
import { isWithinPath } from "../db/subtree.ts";
import { REPORT_ADMIN_ROLES, ROLE_LABELS } from "../domain/roles.ts";
import { type Actor, canActInAgency, canSeeAgency } from "../services/actor.ts";
import type { Db } from "./report-queries.ts";

export interface ReportAgency {
  id: number;
  code: string;
  name: string;
  kind: AgencyKind;
  path: string;
}

/** The agency of `code` if the actor may see it; otherwise 404, as if it did not exist. */
export async function visibleAgency(db: Db, actor: Actor, code: string): Promise<ReportAgency> {
  const agency = await db
    .selectFrom("agencies")
    .select(["id", "code", "name", "kind", "path"])
    .where("code", "=", code)
    .executeTakeFirst();
  if (!agency || !canSeeAgency(actor, agency.path)) {
    throw new AppError("not_found", { message: `机关“${code}”不存在，或不在您的查看范围内` });
  }
  return agency;
}

/** The agency and every agency below it, in tree order; 403 unless the actor sees them all. */
export async function visibleSubtree(db: Db, actor: Actor, root: ReportAgency): Promise<ReportAgency[]> {
  const agencies = await db
    .selectFrom("agencies")
    .select(["id", "code", "name", "kind", "path"])
    .where(isWithinPath("path", root.path))
    .orderBy("path")
    .execute();
  if (agencies.some((a) => !canSeeAgency(actor, a.path))) {
    throw new AppError("forbidden", {
      message: `只有“${root.name}”的主管部门（或系统管理员）可以查看其下级机关的汇总`,
    });
  }
  return agencies;
}

/** Table 二, the texts, closing and amending: the agency's own administrator (DOMAIN.md §1). */
export function assertReportAdmin(actor: Actor, agency: ReportAgency): void {
  if (!canActInAgency(actor, agency.path, REPORT_ADMIN_ROLES)) {
    throw new AppError("forbidden", {
      message: `只有“${agency.name}”的${REPORT_ADMIN_ROLES.map((r) => ROLE_LABELS[r]).join("或")}可以填报、关闭或修订本机关的年度报告`,
    });
  }
}
