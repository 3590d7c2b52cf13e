import { type Kysely, sql } from "kysely";
import type { Database, NoticeChannelStatus } from "../db/schema.ts";
import { NOTIFYING_EVENTS } from "./notice-kinds.ts";

const RELAY_NAME = "applicant-notices";

/** A case event that may notify, as the relay reads it. */
export interface NotifyingEventRow {
  id: string;
  application_id: string;
  seq: number;
  type: string;
  effective_on: string;
  superseded_by_seq: number | null;
  /** Written by the ledger import's transaction (the registration carries a 台账编号, same entry time). */
  imported: boolean;
}

/** The relay's watermark: events entered from then on are read again. */
export async function readRelayWatermark(db: Kysely<Database>): Promise<Date> {
  const row = await db
    .selectFrom("notice_relay")
    .select("watermark")
    .where("name", "=", RELAY_NAME)
    .executeTakeFirst();
  if (!row) throw new Error("notice_relay has no watermark (migration 0019 not applied?)");
  return new Date(row.watermark);
}

/** Stores the watermark, never moving it back (two relays finishing out of order). */
export async function storeRelayWatermark(db: Kysely<Database>, watermark: Date): Promise<void> {
  await db
    .updateTable("notice_relay")
    .set({ watermark })
    .where("name", "=", RELAY_NAME)
    .where("watermark", "<", watermark)
    .execute();
}

/**
 * Where the next pass starts: the database's now, or the start of its oldest open transaction
 * (an event it writes carries that start as `entered_at`, and is visible only after its commit).
 */
export async function databaseWatermark(db: Kysely<Database>): Promise<Date> {
  const { rows } = await sql<{ watermark: Date | string }>`
    SELECT least(
      statement_timestamp(),
      (SELECT min(xact_start) FROM pg_stat_activity
        WHERE datname = current_database() AND xact_start IS NOT NULL)
    ) AS watermark`.execute(db);
  const value = rows[0]?.watermark;
  if (value === undefined) throw new Error("the database gave no time");
  return value instanceof Date ? value : new Date(value);
}

/** The events of the notifying types entered since `since`, a page at a time in id order. */
export async function findNotifyingEvents(
  db: Kysely<Database>,
  since: Date,
  page: { afterId: string | null; limit: number },
): Promise<NotifyingEventRow[]> {
  let q = db
    .selectFrom("application_events as e")
    .innerJoin("application_events as r", (j) =>
      j.onRef("r.application_id", "=", "e.application_id").on("r.seq", "=", 1),
    )
    .select([
      "e.id",
      "e.application_id",
      "e.seq",
      "e.type",
      sql<string>`e.effective_on::text`.as("effective_on"),
      "e.superseded_by_seq",
      sql<boolean>`(r.payload->>'ledgerNo' IS NOT NULL AND r.entered_at = e.entered_at)`.as("imported"),
    ])
    .where("e.entered_at", ">=", since)
    .where("e.type", "in", Object.keys(NOTIFYING_EVENTS))
    .orderBy("e.id")
    .limit(page.limit);
  if (page.afterId !== null) q = q.where("e.id", ">", page.afterId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, imported: r.imported === true }));
}

export interface NewNotice {
  application_id: string;
  event_seq: number;
  kind: string;
  effective_on: string;
  status: "pending" | "skipped" | "cancelled";
  skip_reason: string | null;
}

/** Inserts the notices; one already there (another relay, an earlier pass) stays as it is. */
export async function insertNotices(db: Kysely<Database>, notices: readonly NewNotice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const settled = (n: NewNotice): NoticeChannelStatus => (n.status === "pending" ? "pending" : "cancelled");
  const result = await db
    .insertInto("applicant_notices")
    .values(notices.map((n) => ({ ...n, mail_status: settled(n), sms_status: settled(n) })))
    .onConflict((oc) => oc.columns(["application_id", "event_seq"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export type ClaimedNotice = Awaited<ReturnType<typeof claimDueNotices>>[number];

/**
 * Takes up to `limit` pending notices whose time has come for `leaseSeconds`: another relay
 * skips them until the lease runs out (a crashed relay's notices are taken again after it).
 */
export async function claimDueNotices(
  db: Kysely<Database>,
  limit: number,
  leaseSeconds: number,
  exceptIds: readonly string[] = [],
) {
  const except = exceptIds.length > 0 ? sql`AND id NOT IN (${sql.join(exceptIds)})` : sql``;
  const { rows } = await sql<{ id: string }>`
    UPDATE applicant_notices SET claimed_until = now() + make_interval(secs => ${leaseSeconds})
    WHERE id IN (
      SELECT id FROM applicant_notices
      WHERE status = 'pending' AND next_attempt_at <= now()
        AND (claimed_until IS NULL OR claimed_until < now()) ${except}
      ORDER BY id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`.execute(db);
  if (rows.length === 0) return [];
  return db
    .selectFrom("applicant_notices")
    .selectAll()
    .where(
      "id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("id")
    .execute();
}

/** The event a notice rests on, as it stands now (superseded or not). */
export async function loadNoticeEvent(db: Kysely<Database>, applicationId: string, seq: number) {
  return db
    .selectFrom("application_events")
    .select(["type", "payload", "superseded_by_seq", sql<string>`effective_on::text`.as("effective_on")])
    .where("application_id", "=", applicationId)
    .where("seq", "=", seq)
    .executeTakeFirst();
}

export type NoticeUpdate = Partial<{
  status: "pending" | "done" | "cancelled" | "skipped";
  skip_reason: string | null;
  text: string | null;
  letter_serial: string | null;
  attachment: string | null;
  mail_status: NoticeChannelStatus;
  mail_attempts: number;
  mail_error: string | null;
  sms_status: NoticeChannelStatus;
  sms_attempts: number;
  sms_error: string | null;
}>;

/** Stamps and timing in the database's time (the workers' clock may be a test's). */
export interface NoticeTiming {
  mailSent?: boolean;
  smsSent?: boolean;
  /** Look at the notice again after this many seconds; the claim is released. */
  retryAfterSeconds?: number;
}

/** Writes a delivery step at once (a mail marked sent before the SMS is tried). */
export async function updateNotice(
  db: Kysely<Database>,
  id: string,
  change: NoticeUpdate,
  timing: NoticeTiming = {},
): Promise<void> {
  await db
    .updateTable("applicant_notices")
    .set({
      ...change,
      ...(timing.mailSent ? { mail_sent_at: sql<Date>`now()` } : {}),
      ...(timing.smsSent ? { sms_sent_at: sql<Date>`now()` } : {}),
      ...(timing.retryAfterSeconds === undefined
        ? {}
        : {
            next_attempt_at: sql<Date>`now() + make_interval(secs => ${timing.retryAfterSeconds})`,
            claimed_until: null,
          }),
    })
    .where("id", "=", id)
    .execute();
}
