/**
 * What a deadline handler is given, and what it answers. Handlers are idempotent: each claims
 * its deadline row (pending → done) in the transaction of its work and does nothing when the
 * row is gone, settled (the case moved on, another worker did it) or not due yet.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../src/db/schema.ts";
import type { Mailer } from "../../src/mail/create-mailer.ts";
import type { ApplicationService } from "../../src/services/application-service.ts";
import type { CalendarStore } from "../../src/services/calendar-store.ts";
import type { WorkerLogger } from "../worker-logger.ts";

/** The part of the application service the workers call. */
export type WorkerApplications = Pick<
  ApplicationService,
  "applyAutomaticEvents" | "inTransaction" | "rederive" | "get"
>;

export interface HandlerDeps {
  db: Kysely<Database>;
  applications: WorkerApplications;
  calendars: CalendarStore;
  mailer: Mailer;
  /** The clock; "today" is its civil date in China. */
  now: () => Date;
  logger: WorkerLogger;
  /** Hour of the day, China time, at which a day's jobs run (to delay a job that came early). */
  jobHour: number;
  /** Base of the links in mails (`${publicUrl}/cases/<id>`); no link without it. */
  publicUrl?: string | undefined;
  /**
   * The ids of waiting jobs near either end of the queue, at most `count` from each
   * (batchWindowJobIds): the rows a job takes along into its batch. Without it a job does its
   * own row only.
   */
  waitingJobIds?: ((count: number) => Promise<string[]>) | undefined;
  /**
   * Removes the jobs of rows a batch settled (not the job's own) that are still waiting
   * (removeWaitingJobs), after the batch committed: they would only read their row done. A job
   * already running stays and finds its row done. Without it those jobs run and do that read.
   */
  removeWaitingJobs?: ((jobIds: readonly string[]) => Promise<unknown>) | undefined;
}

/**
 * done: the work happened (or a concurrent worker had done it); cancelled: the row no longer
 * applies and was settled as such; skipped: the row was gone or already settled; early: the
 * row's day has not come (a clock behind the enqueuer's), to be retried at `runAt` (ms).
 */
export type HandlerResult =
  | { outcome: "done" | "cancelled" | "skipped"; detail?: string }
  | { outcome: "early"; runAt: number };
