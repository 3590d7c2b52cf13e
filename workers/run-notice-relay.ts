import { serializeErrorForLog } from "../src/log-safe-error.ts";
import { collectNotices } from "../src/notices/collect-notices.ts";
import { type DeliverDeps, deliverNotice } from "../src/notices/deliver-notice.ts";
import { type ClaimedNotice, claimDueNotices, updateNotice } from "../src/notices/notice-store.ts";
import type { CalendarStore } from "../src/services/calendar-store.ts";
import type { DeadlineQueue } from "./queues.ts";
import { withRedisLock } from "./with-redis-lock.ts";

/** A notice whose delivery threw (not a send's failure: a case that cannot be read) is looked at again after this. */
const BROKEN_RETRY_SECONDS = 300;

/** Taking the pass's lock gives up after this (Redis away): the next pass tries again. */
const LOCK_TIMEOUT_MS = 10_000;
/** A claimed notice is another relay's again after this (a crashed relay's claim runs out). */
const CLAIM_SECONDS = 120;
/** Notices delivered per batch; a pass takes batches until none is due. */
const BATCH = 50;

export interface NoticeRelayArgs extends DeliverDeps {
  /** The deadline queue: its Redis holds the relay's lock. */
  queue: DeadlineQueue;
  calendars: Pick<CalendarStore, "get">;
  now: () => Date;
  /** OGI_NOTICE_RECENT_WORKDAYS. */
  recentWorkdays: number;
  /** Asked between pages and notices: true ends the pass early (the process is stopping). */
  shouldStop?: (() => boolean) | undefined;
}

export type NoticeRelayRun =
  | {
      mode: "ran";
      read: number;
      inserted: number;
      delivered: number;
      waiting: number;
      retry: number;
      cancelled: number;
    }
  /** Another worker holds the lock: its pass is the one. */
  | { mode: "skipped" };

/**
 * One pass of the applicant-notice relay for the whole deployment (every worker process calls
 * it on its timer): one worker at a time (a Redis lock, extended while the pass runs, released
 * only by its holder), the events since the watermark turned into notices, then every due notice
 * claimed in the database (so even two passes at once never take the same one) and delivered.
 */
export async function runNoticeRelay(args: NoticeRelayArgs): Promise<NoticeRelayRun> {
  // A lock that expires is harmless: the notices are claimed in the database one by one.
  const run = await withRedisLock(args.queue, "notice-relay-lock", args.logger, LOCK_TIMEOUT_MS, async () => {
    const collected = await collectNotices(args);
    const counts = { delivered: 0, waiting: 0, retry: 0, cancelled: 0 };
    // each notice once per pass: a retry or a reply waiting for its letter waits for the next pass
    const seen = new Set<string>();
    while (!args.shouldStop?.()) {
      const due = await claimDueNotices(args.db, BATCH, CLAIM_SECONDS, [...seen]);
      for (const notice of due) {
        seen.add(notice.id);
        // a claimed notice left undelivered is another pass's once its claim runs out
        if (args.shouldStop?.()) break;
        const outcome = await deliverSafely(args, notice);
        if (outcome === "done") counts.delivered++;
        else if (outcome === "waiting_letter") counts.waiting++;
        else if (outcome === "retry") counts.retry++;
        else counts.cancelled++;
      }
      if (due.length === 0) break;
    }
    return { ...collected, ...counts };
  });
  return run.mode === "ran" ? { mode: "ran", ...run.value } : run;
}

/**
 * One notice's delivery; a throw (the case cannot be composed, the database went away) is logged
 * with the ids and the notice set aside for a while, so the pass goes on with the others.
 */
async function deliverSafely(args: NoticeRelayArgs, notice: ClaimedNotice) {
  try {
    return await deliverNotice(args, notice);
  } catch (err) {
    args.logger.warn(
      {
        err: serializeErrorForLog(err),
        noticeId: notice.id,
        applicationId: notice.application_id,
        kind: notice.kind,
      },
      "applicant notice not delivered: set aside",
    );
    await updateNotice(args.db, notice.id, {}, { retryAfterSeconds: BROKEN_RETRY_SECONDS });
    return "retry" as const;
  }
}
