import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { type CivilDate, civilDateInChina } from "../domain/civil-date.ts";
import type { CalendarStore } from "../services/calendar-store.ts";
import { decideNotice } from "./decide-notice.ts";
import {
  databaseWatermark,
  findNotifyingEvents,
  insertNotices,
  type NewNotice,
  type NotifyingEventRow,
  readRelayWatermark,
  storeRelayWatermark,
} from "./notice-store.ts";

/**
 * Events are read again for this long before the last watermark: the watermark is already the
 * start of the oldest open transaction, this only absorbs a commit racing the watermark's read.
 */
const OVERLAP_MS = 60_000;

export interface CollectDeps {
  db: Kysely<Database>;
  calendars: Pick<CalendarStore, "get">;
  now: () => Date;
  /** OGI_NOTICE_RECENT_WORKDAYS. */
  recentWorkdays: number;
  /** Events read (and notices inserted) per statement. Default: 1000. */
  pageSize?: number | undefined;
  /** Asked between pages: true ends the pass early (the process is stopping), watermark unmoved. */
  shouldStop?: (() => boolean) | undefined;
}

/**
 * One relay step: the notifying events entered since the watermark (less a margin) become
 * notices, each once (UNIQUE (application_id, event_seq), ON CONFLICT DO NOTHING), then the
 * watermark moves to where this pass began. A crash before the watermark is stored reads the
 * same events again, and inserts nothing twice.
 */
export async function collectNotices(
  deps: CollectDeps,
  options: { skipAllAs?: "demo" } = {},
): Promise<{ read: number; inserted: number }> {
  const next = await databaseWatermark(deps.db);
  const since = new Date((await readRelayWatermark(deps.db)).getTime() - OVERLAP_MS);
  const today = civilDateInChina(deps.now());
  const earliest = (await deps.calendars.get()).subtractWorkdays(today, deps.recentWorkdays);
  let read = 0;
  let inserted = 0;
  // a page at a time: after a ledger import of past years there may be a million events to pass over
  for (let afterId: string | null = null; ; ) {
    // stopping: what this pass did stays (each notice once); the next pass reads on from the old watermark
    if (deps.shouldStop?.()) return { read, inserted };
    const events = await findNotifyingEvents(deps.db, since, { afterId, limit: deps.pageSize ?? 1000 });
    if (events.length === 0) break;
    read += events.length;
    afterId = events[events.length - 1]?.id ?? null;
    inserted += await insertNotices(deps.db, noticesOf(events, earliest, options));
  }
  await storeRelayWatermark(deps.db, next);
  return { read, inserted };
}

function noticesOf(
  events: readonly NotifyingEventRow[],
  earliest: CivilDate,
  options: { skipAllAs?: "demo" },
) {
  const notices: NewNotice[] = [];
  for (const e of events) {
    const verdict = decideNotice(
      {
        type: e.type,
        effectiveOn: e.effective_on as CivilDate,
        isSuperseded: e.superseded_by_seq !== null,
        isImported: e.imported,
      },
      earliest,
    );
    if (!verdict) continue;
    const status = options.skipAllAs ? "skipped" : verdict.status;
    const reason = verdict.status === "pending" ? (options.skipAllAs ?? null) : verdict.reason;
    notices.push({ ...noticeOf(e, verdict.kind), status, skip_reason: reason });
  }
  return notices;
}

function noticeOf(e: NotifyingEventRow, kind: string) {
  return { application_id: e.application_id, event_seq: e.seq, kind, effective_on: e.effective_on };
}

/**
 * The demo county (or any bulk load that is not a real applicant's history): every notifying
 * event entered so far gets its notice row marked skipped (`demo`), so no relay ever sends it.
 * Run after the load, before the workers start.
 */
export function skipNoticeBacklog(deps: CollectDeps): Promise<{ read: number; inserted: number }> {
  return collectNotices(deps, { skipAllAs: "demo" });
}
