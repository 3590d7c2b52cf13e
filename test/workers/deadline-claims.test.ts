// The handlers' claims (issue 13): a job claims its deadline row (and other due rows of its kind)
// in the transaction of its work, so a row is done once however many jobs and workers race for
// it; a failed send leaves its rows pending for the retry. Real PostgreSQL and SMTP sink.
import { randomUUID } from "node:crypto";
import { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import { createMailer, type Mailer } from "../../src/mail/create-mailer.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import { handleAutomatic } from "../../workers/handlers/handle-automatic.ts";
import { handleReminder } from "../../workers/handlers/handle-reminder.ts";
import type { HandlerDeps } from "../../workers/handlers/handler-deps.ts";
import {
  createDeadlineQueue,
  DEADLINE_QUEUE_NAME,
  type DeadlineJobData,
  type DeadlineQueue,
} from "../../workers/queues.ts";
import { batchWindowJobIds, removeWaitingJobs } from "../../workers/read-queue-states.ts";
import { runReconciler } from "../../workers/run-reconciler.ts";
import { freshPostgresUrl, freshQueuePrefix, redisUrl } from "../support/services.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";
import {
  collectingLogger,
  eventsOf,
  makeService,
  openMigratedDatabase,
  register,
  registerSupplementOverdue,
  relayingNow,
  seedTown,
  TODAY_INSTANT,
  type TownActors,
} from "./worker-fixtures.ts";

const now = () => new Date(TODAY_INSTANT);
const logger = collectingLogger();
let databaseUrl: string;
let sink: SmtpSink;
let actors: TownActors;
const handles: DatabaseHandle[] = [];
/** Where the cases' jobs wait (no worker consumes it): the batches take rows from its far end. */
let queue: DeadlineQueue;

/** One worker "process": its own pool, application service and mailer. */
async function workerDeps(mailer?: Mailer): Promise<HandlerDeps> {
  const own = await openMigratedDatabase(databaseUrl);
  handles.push(own);
  return {
    db: own.db,
    applications: makeService(own.db, now),
    calendars: makeCalendarStore(own.db),
    mailer:
      mailer ??
      createMailer({ smtpUrl: sink.url, outboxDir: "/nonexistent", from: "ogi@town.example.gov.cn" }),
    now,
    logger,
    jobHour: 0,
    waitingJobIds: (count) => batchWindowJobIds(queue, count),
  };
}

/** Registers and acts like the API: each commit's jobs are enqueued. */
const enqueuing = () =>
  makeService((handles[0] as DatabaseHandle).db, now, {
    onJobsPlanned: relayingNow((handles[0] as DatabaseHandle).db, queue, now, logger),
  });

const reminderJob = (applicationId: string): DeadlineJobData => ({
  v: 1,
  jobId: `app-${applicationId}.reply-remind-2wd.2026-03-30`,
  applicationId,
  kind: "deadline.reminder",
});

async function statusOf(jobIds: string[]): Promise<string[]> {
  const db = handles[0]?.db;
  if (!db) throw new Error("no database");
  const rows = await db
    .selectFrom("deadline_jobs")
    .select(["job_id", "status"])
    .where("job_id", "in", jobIds)
    .execute();
  return jobIds.map((id) => rows.find((r) => r.job_id === id)?.status ?? "gone");
}

const mailsAbout = (trackingNo: string) => sink.messages.filter((m) => m.subject.includes(`${trackingNo} `));

beforeAll(async () => {
  [databaseUrl, sink] = await Promise.all([freshPostgresUrl(), startSmtpSink()]);
  const first = await openMigratedDatabase(databaseUrl);
  handles.push(first);
  actors = await seedTown(first.db, now);
  queue = createDeadlineQueue(redisUrl(), { prefix: freshQueuePrefix() });
});

afterAll(async () => {
  await queue?.obliterate({ force: true });
  await queue?.close();
  await Promise.all(handles.map((h) => h.close()));
  await sink?.stop();
  if (logger.problems.length > 0) console.warn(logger.problems.join("\n"));
});

describe("deadline handlers claim their rows (PostgreSQL, SMTP sink)", () => {
  it("a failed send leaves every row of the batch pending and records nothing; the retry sends each once", async () => {
    const quiet = enqueuing();
    const apps = [
      await register(quiet, actors, "2026-03-02", "发送失败后重试的提醒（一）"),
      await register(quiet, actors, "2026-03-02", "发送失败后重试的提醒（二）"),
    ];
    const jobIds = apps.map((a) => reminderJob(a.id).jobId);
    // A real SMTP client facing a port where nothing listens.
    const broken = createMailer({
      smtpUrl: "smtp://127.0.0.1:9",
      outboxDir: "/nonexistent",
      from: "ogi@x.cn",
    });
    await expect(handleReminder(await workerDeps(broken), reminderJob(apps[0]?.id ?? ""))).rejects.toThrow();
    expect(await statusOf(jobIds)).toEqual(["pending", "pending"]);
    const recorded = await (handles[0] as DatabaseHandle).db
      .selectFrom("sent_notifications")
      .select("notification_key")
      .where("notification_key", "in", jobIds)
      .execute();
    expect(recorded).toEqual([]);

    const retried = await handleReminder(await workerDeps(), reminderJob(apps[0]?.id ?? ""));
    expect(retried.outcome).toBe("done");
    expect(await statusOf(jobIds)).toEqual(["done", "done"]);
    expect(apps.map((a) => mailsAbout(a.trackingNo).length)).toEqual([1, 1]);
  });

  it("one reminder job sends the other due reminders too; their own jobs then find their rows done and send nothing", async () => {
    const quiet = enqueuing();
    const apps = [];
    for (let i = 1; i <= 3; i++) apps.push(await register(quiet, actors, "2026-03-02", `同批提醒之${i}`));
    const [deps, other] = [await workerDeps(), await workerDeps()];
    const first = await handleReminder(deps, reminderJob(apps[0]?.id ?? ""));
    expect(first).toEqual({ outcome: "done", detail: "sent to handler@town.example.gov.cn" });
    expect(await statusOf(apps.map((a) => reminderJob(a.id).jobId))).toEqual(["done", "done", "done"]);
    const later = await Promise.all(apps.map((a) => handleReminder(other, reminderJob(a.id))));
    expect(later).toEqual(apps.map(() => ({ outcome: "skipped", detail: "row done" })));
    expect(apps.map((a) => mailsAbout(a.trackingNo).map((m) => m.subject))).toEqual(
      apps.map((a) => [`【办理提醒】申请 ${a.trackingNo} 答复期限 2026-03-30（还有2个工作日）`]),
    );
  });

  it("two workers running every automatic job at once apply each case's event exactly once", async () => {
    const quiet = enqueuing();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await registerSupplementOverdue(quiet, actors));
    const jobs = ids.map(
      (id): DeadlineJobData => ({
        v: 1,
        jobId: `app-${id}.supplement-expired.2020-02-04`,
        applicationId: id,
        kind: "deadline.automatic",
      }),
    );
    const [a, b] = [await workerDeps(), await workerDeps()];
    const results = await Promise.all([
      ...jobs.map((j) => handleAutomatic(a, j)),
      ...jobs.reverse().map((j) => handleAutomatic(b, j)),
    ]);
    expect(results.filter((r) => r.outcome !== "done" && r.outcome !== "skipped")).toEqual([]);
    const db = (handles[0] as DatabaseHandle).db;
    for (const id of ids) {
      const types = (await eventsOf(db, id)).map((e) => e.type);
      expect(types.filter((t) => t === "supplement.expired")).toEqual(["supplement.expired"]);
    }
    const states = await db.selectFrom("applications").select("state").where("id", "in", ids).execute();
    expect(states.map((s) => s.state)).toEqual(ids.map(() => "closed"));
    expect(await statusOf(jobs.map((j) => j.jobId))).toEqual(jobs.map(() => "done"));
  });

  it("a committed batch removes its other rows' waiting jobs; a running job stays and finds its row done; the reconciler re-adds none", async () => {
    // A queue of its own: the oldest waiting job is this test's first case's.
    const prefix = freshQueuePrefix();
    const own = createDeadlineQueue(redisUrl(), { prefix });
    const fetcher = new Worker(DEADLINE_QUEUE_NAME, null, {
      connection: { url: redisUrl(), maxRetriesPerRequest: null },
      prefix,
      autorun: false,
    });
    try {
      const service = makeService((handles[0] as DatabaseHandle).db, now);
      const apps = [];
      for (let i = 1; i <= 3; i++) apps.push(await register(service, actors, "2026-03-02", `同批移除之${i}`));
      const [first, second, third] = apps.map((a) => reminderJob(a.id));
      if (!first || !second || !third) throw new Error("three cases");
      // Their reminders due today wait in that order (the first the oldest).
      for (const job of [first, second, third]) await own.add(job.kind, job, { jobId: job.jobId });
      // A worker takes the first case's job (the oldest: active, locked) just after the batch
      // read the waiting list, so the batch takes that row with the others.
      let running: string | undefined;
      const deps: HandlerDeps = {
        ...(await workerDeps()),
        waitingJobIds: async (count) => {
          const ids = await batchWindowJobIds(own, count);
          running = (await fetcher.getNextJob(randomUUID()))?.id;
          return ids;
        },
        removeWaitingJobs: (jobIds) => removeWaitingJobs(own, jobIds),
      };
      expect(await handleReminder(deps, second)).toEqual({
        outcome: "done",
        detail: "sent to handler@town.example.gov.cn",
      });
      expect(running).toBe(first.jobId);
      expect(await statusOf([first.jobId, second.jobId, third.jobId])).toEqual(["done", "done", "done"]);
      // The third's job was waiting: gone. The first's runs on; the second's own job is BullMQ's to finish.
      expect(await own.getJobState(third.jobId)).toBe("unknown");
      expect(await own.getJobState(first.jobId)).toBe("active");
      expect(await own.getJobState(second.jobId)).toBe("waiting");
      expect(await handleReminder(deps, first)).toEqual({ outcome: "skipped", detail: "row done" });
      const pass = await runReconciler({ db: deps.db, queue: own, now, jobHour: 0 }, { forceFull: true });
      expect(pass.mode).toBe("full");
      expect(await own.getJobState(third.jobId)).toBe("unknown");
      expect(apps.map((a) => mailsAbout(a.trackingNo).length)).toEqual([1, 1, 1]);
    } finally {
      await fetcher.close(true);
      await own.obliterate({ force: true });
      await own.close();
    }
  });
});
