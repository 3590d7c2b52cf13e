import { DelayedError, type Job, Worker } from "bullmq";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema.ts";
import type { Mailer } from "../src/mail/create-mailer.ts";
import { type CalendarStore, makeCalendarStore } from "../src/services/calendar-store.ts";
import type { JobKind } from "../src/services/plan-deadline-jobs.ts";
import { ensureDailyScheduler } from "./daily-scheduler.ts";
import { handleAutomatic } from "./handlers/handle-automatic.ts";
import { handleOverdue } from "./handlers/handle-overdue.ts";
import { handleReminder } from "./handlers/handle-reminder.ts";
import type { HandlerDeps, HandlerResult, WorkerApplications } from "./handlers/handler-deps.ts";
import { PermanentJobError } from "./permanent-job-error.ts";
import { purgeExpiredTokens } from "./purge-expired-tokens.ts";
import {
  createDeadlineQueue,
  DAILY_JOB_NAME,
  DEADLINE_QUEUE_NAME,
  DEFAULT_QUEUE_PREFIX,
  type DeadlineJobData,
  type DeadlineQueue,
  type OgiJobData,
  redisConnection,
  ZDeadlineJobData,
} from "./queues.ts";
import { batchWindowJobIds, removeWaitingJobs } from "./read-queue-states.ts";
import { startOutboxRelay } from "./relay-deadline-outbox.ts";
import { runReconciler } from "./run-reconciler.ts";
import { sendOverdueDigests } from "./send-overdue-digests.ts";
import { sendReportReminders } from "./send-report-reminders.ts";
import { startNoticeRelay } from "./start-notice-relay.ts";
import { logSafe, type WorkerLogger } from "./worker-logger.ts";

/** The settings the workers read (config/settings.ts `Settings` satisfies it). */
export interface WorkerSettings {
  /** Hour of the day, China time (0–23), at which a day's deadline jobs run. */
  OGI_JOB_HOUR: number;
  /** Minutes between reconciler runs (fractions allowed, for tests). */
  OGI_RECONCILE_MINUTES: number;
  /** Milliseconds between looks at the deadline-job outbox. Default: 500. */
  OGI_OUTBOX_INTERVAL_MS?: number | undefined;
  /** Seconds a running job's lock lasts: a crashed worker's job runs again after about twice this. Default: 30. */
  OGI_JOB_LOCK_SECONDS?: number | undefined;
  /** Base of the links in mails. */
  PUBLIC_URL?: string | undefined;
  /** Deadline jobs run at once by a worker process. Default: DEFAULT_WORKER_CONCURRENCY. */
  OGI_WORKER_CONCURRENCY?: number | undefined;
  /** Notices to the applicant (config/settings.ts): the relay's interval, backdating window, attempts. Defaults: 30, 3, 5. */
  OGI_NOTICE_INTERVAL_SECONDS?: number | undefined;
  OGI_NOTICE_RECENT_WORKDAYS?: number | undefined;
  OGI_NOTICE_MAX_ATTEMPTS?: number | undefined;
  /** The SMS gateway's webhook; without it no SMS is sent. */
  SMS_WEBHOOK_URL?: string | undefined;
  SMS_WEBHOOK_SECRET?: string | undefined;
  SMS_SIGN_NAME?: string | undefined;
  SMS_TEMPLATE_RECEIPT?: string | undefined;
  SMS_TEMPLATE_SUPPLEMENT?: string | undefined;
  SMS_TEMPLATE_EXTENSION?: string | undefined;
  SMS_TEMPLATE_FEE?: string | undefined;
  SMS_TEMPLATE_REPLY?: string | undefined;
  SMS_TEMPLATE_REREPLY?: string | undefined;
  SMS_TEMPLATE_WITHDRAWAL?: string | undefined;
}

export interface StartWorkersDeps {
  db: Kysely<Database>;
  redisUrl: string;
  /** Redis key prefix. Default: `ogi`. */
  prefix?: string | undefined;
  /**
   * The application service. Its writes record their job changes in the outbox, which these
   * workers relay; give it `RunningWorkers.nudgeOutbox` as `onJobsPlanned` so that this
   * process's own writes are relayed at once.
   */
  applications: WorkerApplications;
  mailer: Mailer;
  logger: WorkerLogger;
  now: () => Date;
  settings: WorkerSettings;
  /** Jobs run at once by this process. Default: settings.OGI_WORKER_CONCURRENCY. */
  concurrency?: number | undefined;
  /** Default: a calendar store on `db`. */
  calendars?: CalendarStore | undefined;
}

/** Deadline jobs run at once by a worker process unless OGI_WORKER_CONCURRENCY says otherwise. */
export const DEFAULT_WORKER_CONCURRENCY = 4;

export interface RunningWorkers {
  /** The queue the workers consume (for tests and the enqueuer of the same process). */
  queue: DeadlineQueue;
  /** A write of this process changed deadline rows: relay the outbox now (no I/O in the call). */
  nudgeOutbox(): void;
  /** Stops taking jobs, waits for the running ones, stops the reconciler, closes Redis. */
  close(): Promise<void>;
}

const HANDLERS: Record<JobKind, (deps: HandlerDeps, data: DeadlineJobData) => Promise<HandlerResult>> = {
  "deadline.automatic": handleAutomatic,
  "deadline.reminder": handleReminder,
  "deadline.overdue": handleOverdue,
};

/**
 * The deadline workers of one process: a BullMQ worker on `ogi-deadlines`, the daily scheduler
 * (reconcile and overdue digests), and the reconciler at start and every OGI_RECONCILE_MINUTES.
 */
export async function startWorkers(given: StartWorkersDeps): Promise<RunningWorkers> {
  // every log line of the workers goes through the log-safe err serializer
  const deps: StartWorkersDeps = { ...given, logger: logSafe(given.logger) };
  const { logger, settings } = deps;
  const prefix = deps.prefix ?? DEFAULT_QUEUE_PREFIX;
  const queue = createDeadlineQueue(deps.redisUrl, { prefix, forWorker: true, logger });
  const handlerDeps: HandlerDeps = {
    db: deps.db,
    applications: deps.applications,
    calendars: deps.calendars ?? makeCalendarStore(deps.db),
    mailer: deps.mailer,
    now: deps.now,
    logger,
    jobHour: settings.OGI_JOB_HOUR,
    publicUrl: settings.PUBLIC_URL,
    waitingJobIds: (count) => batchWindowJobIds(queue, count),
    removeWaitingJobs: (jobIds) => removeWaitingJobs(queue, jobIds),
  };
  const maintain = makeMaintenance(deps, queue);
  const lockMs = (settings.OGI_JOB_LOCK_SECONDS ?? 30) * 1000;
  const worker = new Worker<OgiJobData, unknown, string>(
    DEADLINE_QUEUE_NAME,
    (job, token) => processJob(job, token, handlerDeps, maintain),
    {
      connection: redisConnection(deps.redisUrl, { forWorker: true }),
      prefix,
      concurrency: deps.concurrency ?? settings.OGI_WORKER_CONCURRENCY ?? DEFAULT_WORKER_CONCURRENCY,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: 2,
    },
  );
  worker.on("error", (err) => logger.error({ err }, "deadline worker: error"));
  worker.on("failed", (job, err) =>
    logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err }, "deadline job failed"),
  );
  await maintain("start");
  const timer = setInterval(() => void maintain("interval"), settings.OGI_RECONCILE_MINUTES * 60_000);
  timer.unref();
  const relay = startNoticeRelay({ ...deps, queue, calendars: handlerDeps.calendars });
  const outbox = startOutboxRelay({
    db: deps.db,
    queue,
    now: deps.now,
    jobHour: settings.OGI_JOB_HOUR,
    logger,
    intervalMs: settings.OGI_OUTBOX_INTERVAL_MS ?? 500,
  });
  return {
    queue,
    nudgeOutbox: () => outbox.nudge(),
    async close() {
      clearInterval(timer);
      await outbox.stop();
      await relay.stop();
      await maintain.idle();
      await worker.close();
      await queue.close();
    },
  };
}

type Maintenance = ((why: "start" | "interval" | "daily") => Promise<void>) & { idle(): Promise<void> };

/**
 * Reconcile (and keep the daily scheduler); one run at a time in this process and, through the
 * reconciler's Redis lock, in the deployment; failures logged, never thrown.
 */
function makeMaintenance(deps: StartWorkersDeps, queue: DeadlineQueue): Maintenance {
  let running: Promise<void> | undefined;
  const run = async (why: string) => {
    try {
      await ensureDailyScheduler(queue, deps.settings.OGI_JOB_HOUR);
      // Incremental unless Redis lost its data; skipped while another worker's pass runs.
      const counts = await runReconciler({
        db: deps.db,
        queue,
        now: deps.now,
        jobHour: deps.settings.OGI_JOB_HOUR,
        logger: deps.logger,
      });
      deps.logger.debug({ why, ...counts }, "reconciled deadline jobs");
    } catch (err) {
      // The next run retries; the deadline rows stay the truth meanwhile.
      deps.logger.error({ err, why }, "reconciler failed");
    }
  };
  const maintain = (why: string) => {
    running ??= run(why).finally(() => {
      running = undefined;
    });
    return running;
  };
  return Object.assign(maintain, { idle: async () => void (await running) });
}

async function processJob(
  job: Job<OgiJobData, unknown, string>,
  token: string | undefined,
  deps: HandlerDeps,
  maintain: Maintenance,
): Promise<unknown> {
  if (job.name === DAILY_JOB_NAME) {
    await maintain("daily");
    return {
      digests: await sendOverdueDigests(deps),
      reportReminders: await sendReportReminders(deps),
      expiredTokensDeleted: await purgeExpiredTokens(deps.db, deps.now),
    };
  }
  const parsed = ZDeadlineJobData.safeParse(job.data);
  if (!parsed.success)
    throw new PermanentJobError(`job ${job.id} (${job.name}): unknown data ${parsed.error.message}`);
  const result = await HANDLERS[parsed.data.kind](deps, parsed.data);
  if (result.outcome === "early") {
    // This process's clock is behind the one that planned the job: wait for the job's day.
    await job.moveToDelayed(result.runAt, token);
    throw new DelayedError();
  }
  deps.logger.info({ jobId: parsed.data.jobId, kind: parsed.data.kind, ...result }, "deadline job handled");
  return result;
}
