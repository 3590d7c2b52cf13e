import { AppError } from "../app-error.ts";
import { type CivilDate, yearOf } from "../domain/civil-date.ts";
import { SYSTEM_ACTOR } from "./actor.ts";
import { AMENDED, type Amendment, ASSIGNED, type CaseChange, type Plan } from "./case-change.ts";
import type { CaseRow, Db } from "./case-store.ts";

/**
 * The closed years the change touches (DOMAIN.md §8): the years of the new entries and of the
 * superseded events. A user's change there needs an amendment reason (else 409); what the law
 * owes by itself (a window that ran out, a corrected calendar) amends with a reason of its own.
 */
export async function closedYearAmendments(
  db: Db,
  c: CaseRow,
  change: CaseChange,
  plan: Plan,
): Promise<Amendment[]> {
  const byUser = change.kind === "action" || change.kind === "registered";
  const userYears = new Set<number>(plan.superseded.map((e) => yearOf(e.effective_on as CivilDate)));
  // 分办/转办 changes no figure of any year: it amends nothing (only what it supersedes would).
  if (change.kind === "action" && change.event.type !== ASSIGNED && !change.registration)
    userYears.add(yearOf(change.event.on));
  if (change.kind === "registered") userYears.add(yearOf(c.row.received_on as CivilDate));
  // 更正登记信息 moves a case between the tables' rows only through its receipt date or type.
  const reg = change.kind === "action" ? change.registration : undefined;
  if (reg?.received_on !== undefined || reg?.applicant_type !== undefined) {
    userYears.add(yearOf(c.row.received_on as CivilDate));
    if (reg.received_on !== undefined) userYears.add(yearOf(reg.received_on));
  }
  const entryYears = plan.entries
    .filter((e) => e.type !== ASSIGNED && e.type !== AMENDED)
    .map((e) => yearOf(e.on as CivilDate));
  const years = new Set([...userYears, ...entryYears]);
  const out: Amendment[] = [];
  // Read with the case (loadCase "write"/"lock"); a row read for a view asks here.
  const closed = c.closedYears ?? (await closedYearsOf(db, c.agency.id));
  for (const year of [...years].sort()) {
    if (!closed.has(year)) continue;
    const isUsers = byUser && userYears.has(year);
    const why = isUsers
      ? change.amendmentReason?.trim()
      : change.kind === "rederive"
        ? `${change.year === null ? "" : `更正${change.year}年`}放假安排变更，期限届满的自动事件随之调整`
        : "期限届满，系统自动办结（《条例》第三十条或收费规定）";
    if (!why) {
      throw new AppError("year_closed", {
        message: `${year}年度报告已关闭，日期在${year}年内的操作会改变已发布的数据；如确需更正，请填写更正理由（amendmentReason）`,
        details: [{ field: "amendmentReason", message: "请填写更正理由" }],
      });
    }
    const actor = change.kind === "rederive" || (isUsers && byUser) ? change.actor : SYSTEM_ACTOR;
    out.push({ agencyId: c.agency.id, agencyCode: c.agency.code, year, reason: why, actor });
  }
  return out;
}

/** The years of the agency's closed reports. */
async function closedYearsOf(db: Db, agencyId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom("report_versions")
    .select("year")
    .distinct()
    .where("agency_id", "=", agencyId)
    .execute();
  return new Set(rows.map((r) => r.year));
}
