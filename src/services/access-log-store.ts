import { sql } from "kysely";
import type { CivilDate } from "../domain/civil-date.ts";
import type { PersonalField } from "../domain/personal-data.ts";
import type { Db } from "./case-store.ts";

/** What answered an applicant's personal fields in full. */
export type AccessKind = "case_page" | "ledger_export" | "document_download" | "submission_document";

export const ACCESS_KIND_LABELS: Record<AccessKind, string> = {
  case_page: "查看申请详情",
  ledger_export: "导出完整台账",
  document_download: "下载案件材料",
  submission_document: "下载网络申请附件",
};

/** One answer that carried personal fields in full (the row names the fields, never the values). */
export interface AccessRecord {
  at: Date;
  userId: number;
  agencyId: number;
  kind: AccessKind;
  applicationId: string | null;
  fields: readonly PersonalField[];
  /** How many cases the answer carried (an export); 1 for a case page. */
  caseCount?: number;
  requestId: string | null;
}

/** Records one access: ONE INSERT, in the request that answers. */
export async function recordAccess(db: Db, r: AccessRecord): Promise<void> {
  await db
    .insertInto("access_log")
    .values({
      at: r.at,
      user_id: r.userId,
      agency_id: r.agencyId,
      kind: r.kind,
      application_id: r.applicationId,
      fields: JSON.stringify(r.fields),
      case_count: r.caseCount ?? 1,
      request_id: r.requestId,
    })
    .execute();
}

export interface AccessLogFilters {
  /** China dates, both included. */
  from?: CivilDate | undefined;
  to?: CivilDate | undefined;
  /** A username. */
  user?: string | undefined;
  /** A case's id or tracking number. */
  application?: string | undefined;
}

export interface AccessLogEntry {
  id: string;
  at: string;
  user: { username: string; displayName: string };
  kind: AccessKind;
  kindLabel: string;
  application: { id: string; trackingNo: string } | null;
  fields: PersonalField[];
  caseCount: number;
  requestId: string | null;
}

function filtered(db: Db, agencyId: number, f: AccessLogFilters) {
  let q = db
    .selectFrom("access_log as l")
    .innerJoin("users as u", "u.id", "l.user_id")
    .leftJoin("applications as a", "a.id", "l.application_id")
    .where("l.agency_id", "=", agencyId);
  // China Standard Time has no daylight saving: a civil day is [D 00:00 +08, D+1 00:00 +08).
  if (f.from) q = q.where("l.at", ">=", sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (f.to)
    q = q.where("l.at", "<", sql<Date>`((${f.to}::date + 1)::timestamp) AT TIME ZONE 'Asia/Shanghai'`);
  if (f.user) q = q.where("u.username", "=", f.user);
  if (f.application) {
    const a = f.application;
    q = q.where((eb) => eb.or([eb("l.application_id", "=", a), eb("a.tracking_no", "=", a)]));
  }
  return q;
}

/** The agency's access log, newest first: one page and the total. */
export async function listAccessLog(
  db: Db,
  agencyId: number,
  f: AccessLogFilters,
  page: { limit: number; offset: number },
): Promise<{ items: AccessLogEntry[]; total: number }> {
  const q = filtered(db, agencyId, f);
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      "l.id",
      "l.at",
      "l.kind",
      "l.application_id",
      "l.fields",
      "l.case_count",
      "l.request_id",
      "u.username",
      "u.display_name",
      "a.tracking_no",
    ])
    .orderBy("l.at", "desc")
    .orderBy("l.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      user: { username: r.username, displayName: r.display_name },
      kind: r.kind as AccessKind,
      kindLabel: ACCESS_KIND_LABELS[r.kind as AccessKind] ?? r.kind,
      application:
        r.application_id === null ? null : { id: r.application_id, trackingNo: r.tracking_no ?? "" },
      fields: r.fields as PersonalField[],
      caseCount: r.case_count,
      requestId: r.request_id,
    })),
  };
}
