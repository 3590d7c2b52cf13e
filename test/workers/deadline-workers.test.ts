import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import { createMailer } from "../../src/mail/create-mailer.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import { handleReminder } from "../../workers/handlers/handle-reminder.ts";
import type { HandlerDeps } from "../../workers/handlers/handler-deps.ts";
import {
  createDeadlineQueue,
  DAILY_JOB_NAME,
  DAILY_SCHEDULER_ID,
  type DeadlineQueue,
} from "../../workers/queues.ts";
import { reconcile } from "../../workers/reconcile.ts";
import { sendOverdueDigests } from "../../workers/send-overdue-digests.ts";
import { type RunningWorkers, startWorkers } from "../../workers/start-workers.ts";
import { freshPostgresUrl, freshQueuePrefix, redisUrl } from "../support/services.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";
import {
  collectingLogger,
  d,
  EMAILS,
  eventsOf,
  makeService,
  openMigratedDatabase,
  register,
  registerSupplementOverdue,
  relayingNow,
  type Service,
  seedTown,
  TODAY_INSTANT,
  type TownActors,
  waitUntil,
} from "./worker-fixtures.ts";

const now = () => new Date(TODAY_INSTANT);
const PUBLIC_URL = "https://ogi.example.gov.cn/";
const settings = { OGI_JOB_HOUR: 0, OGI_RECONCILE_MINUTES: 5, OGI_JOB_LOCK_SECONDS: 5, PUBLIC_URL };
const logger = collectingLogger();

let databaseUrl: string;
let db: DatabaseHandle;
let sink: SmtpSink;
let producer: DeadlineQueue;
let service: Service;
let actors: TownActors;
const workers: RunningWorkers[] = [];
const workerDatabases: DatabaseHandle[] = [];
const prefix = freshQueuePrefix();

/** One "process": its own connection pool, application service, mailer and BullMQ worker. */
async function startWorkerInstance(): Promise<RunningWorkers> {
  const own = await openMigratedDatabase(databaseUrl);
  workerDatabases.push(own);
  const queue = createDeadlineQueue(redisUrl(), { prefix });
  const applications = makeService(own.db, now, {
    onJobsPlanned: relayingNow(own.db, queue, now, logger),
  });
  const running = await startWorkers({
    db: own.db,
    redisUrl: redisUrl(),
    prefix,
    applications,
    mailer: createMailer({
      smtpUrl: sink.url,
      outboxDir: "/nonexistent",
      from: "办理系统 <ogi@town.example.gov.cn>",
    }),
    logger,
    now,
    settings,
  });
  const close = async () => {
    await running.close();
    await queue.close();
  };
  return { queue: running.queue, nudgeOutbox: running.nudgeOutbox, close };
}

beforeAll(async () => {
  [databaseUrl, sink] = await Promise.all([freshPostgresUrl(), startSmtpSink()]);
  db = await openMigratedDatabase(databaseUrl);
  actors = await seedTown(db.db, now);
  producer = createDeadlineQueue(redisUrl(), { prefix });
  service = makeService(db.db, now, {
    onJobsPlanned: relayingNow(db.db, producer, now, logger),
  });
  workers.push(await startWorkerInstance(), await startWorkerInstance());
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await producer?.obliterate({ force: true });
  await producer?.close();
  await Promise.all([...workerDatabases, db].map((h) => h?.close()));
  await sink?.stop();
  if (logger.problems.length > 0) console.warn(logger.problems.join("\n"));
});

/** What startWorkers gives the handlers, for calling one directly (no PUBLIC_URL). */
function handlerDeps(applications: Service): HandlerDeps {
  return {
    db: db.db,
    applications,
    calendars: makeCalendarStore(db.db),
    mailer: createMailer({ smtpUrl: sink.url, outboxDir: "/nonexistent", from: "ogi@town.example.gov.cn" }),
    now,
    logger,
    jobHour: 0,
  };
}

const mailsAbout = (trackingNo: string) => sink.messages.filter((m) => m.subject.includes(trackingNo));

describe("deadline workers (two workers on one queue, PostgreSQL, SMTP sink)", () => {
  it("closes a backdated case whose supplement window ended in 2020, within seconds", async () => {
    const started = Date.now();
    const id = await registerSupplementOverdue(service, actors);
    const app = await waitUntil(async () => {
      const v = await service.get(actors.handler, id);
      return v.state === "closed" && v;
    }, "the case to be closed");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(app.outcome).toBe("other.supplement_overdue");
    expect(app.dispositionOn).toBe("2020-02-04");
    const events = await eventsOf(db.db, id);
    expect(events.map((e) => [e.type, e.actor_name, e.effective_on])).toEqual([
      ["application.registered", "clerk-姓名", "2020-01-02"],
      ["supplement.requested", "handler-姓名", "2020-01-06"],
      ["supplement.expired", "system", "2020-02-04"],
    ]);
    const pending = await db.db
      .selectFrom("deadline_jobs")
      .select("job_id")
      .where("application_id", "=", id)
      .where("status", "=", "pending")
      .execute();
    expect(pending).toEqual([]);
  });

  it("sends the reminder due today exactly once, in Chinese, with the case's deadline", async () => {
    const app = await register(service, actors, "2026-03-02");
    const jobId = `app-${app.id}.reply-remind-2wd.2026-03-30`;
    const mail = await sink.waitFor((m) => m.subject.includes(app.trackingNo), 10_000);
    expect(mail.subject).toBe(`【办理提醒】申请 ${app.trackingNo} 答复期限 2026-03-30（还有2个工作日）`);
    expect(mail.to).toEqual([EMAILS.handler]);
    expect(mail.text).toContain("申请人：张三");
    expect(mail.text).toContain("申请内容：本镇道路修缮工程的招标文件");
    expect(mail.text).toContain("答复期限：2026-03-30（星期一）");
    expect(mail.text).toContain(`查看申请：https://ogi.example.gov.cn/cases/${app.id}`);
    await waitUntil(async () => {
      const row = await db.db
        .selectFrom("deadline_jobs")
        .select("status")
        .where("job_id", "=", jobId)
        .executeTakeFirst();
      return row?.status === "done";
    }, "the reminder row to be done");
    // Both workers are idle now; give a duplicate every chance to show up.
    await waitUntil(async () => (await producer.getActiveCount()) === 0, "idle workers");
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsAbout(app.trackingNo)).toHaveLength(1);
    const sent = await db.db
      .selectFrom("sent_notifications")
      .selectAll()
      .where("application_id", "=", app.id)
      .execute();
    expect(sent.map((s) => [s.notification_key, s.recipients])).toEqual([[jobId, EMAILS.handler]]);
    // The reminder of the day itself waits, delayed, for 2026-03-30 00:00 China time.
    const dayOf = await producer.getJob(`app-${app.id}.reply-remind-0wd.2026-03-30`);
    expect(dayOf && (await dayOf.getState())).toBe("delayed");
    expect((dayOf?.timestamp ?? 0) + (dayOf?.delay ?? 0) - Date.now()).toBeGreaterThan(3.4 * 86_400_000);
  });

  it("a case registered 17 working days after receipt gets the missed 5-WD reminder at once, once", async () => {
    // Received 2026-03-03: due 2026-03-31; 17 WD later is today (03-26); the 5-WD reminder day
    // (03-24) has passed, the 2-WD one (03-27) has not.
    const app = await register(service, actors, "2026-03-03", "补录的申请：逾期补发提醒");
    expect(app.deadlines.reply.dueOn).toBe("2026-03-31");
    const jobId = `app-${app.id}.reply-remind-5wd.2026-03-31`;
    const mail = await sink.waitFor((m) => m.subject.includes(app.trackingNo), 10_000);
    expect(mail.subject).toBe(`【办理提醒】申请 ${app.trackingNo} 答复期限 2026-03-31（还有3个工作日）`);
    await waitUntil(async () => {
      const row = await db.db
        .selectFrom("deadline_jobs")
        .select("status")
        .where("job_id", "=", jobId)
        .executeTakeFirst();
      return row?.status === "done";
    }, "the missed reminder to be done");
    // Planning again (another action, a calendar change, the reconciler) sends nothing more.
    await service.rederive(app.id);
    await reconcile({ db: db.db, queue: producer, now, jobHour: 0, logger });
    await waitUntil(async () => (await producer.getActiveCount()) === 0, "idle workers");
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsAbout(app.trackingNo)).toHaveLength(1);
    const rows = await db.db
      .selectFrom("deadline_jobs")
      .select(["job_id", "status", "run_on"])
      .where("application_id", "=", app.id)
      .where("kind", "=", "deadline.reminder")
      .orderBy("run_on")
      .execute();
    expect(rows.map((r) => [r.job_id.replace(`app-${app.id}.`, ""), r.status, r.run_on])).toEqual([
      ["reply-remind-5wd.2026-03-31", "done", "2026-03-26"],
      ["reply-remind-2wd.2026-03-31", "pending", "2026-03-27"],
      ["reply-remind-0wd.2026-03-31", "pending", "2026-03-31"],
    ]);
  });

  it("two handlers racing on one reminder send one mail (sent_notifications in one transaction)", async () => {
    // Registered without enqueuing: the race is staged by calling the handler twice at once.
    const quiet = makeService(db.db, now);
    const app = await register(quiet, actors, "2026-03-02", "两个工作进程同时处理同一提醒");
    const jobId = `app-${app.id}.reply-remind-2wd.2026-03-30`;
    const deps = handlerDeps(quiet);
    const data = { v: 1 as const, jobId, applicationId: app.id, kind: "deadline.reminder" as const };
    const results = await Promise.all([
      handleReminder(deps, data),
      handleReminder(deps, data),
      handleReminder(deps, data),
    ]);
    expect(results.every((r) => r.outcome === "done" || r.outcome === "skipped")).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsAbout(app.trackingNo).map((m) => m.subject)).toEqual([
      `【办理提醒】申请 ${app.trackingNo} 答复期限 2026-03-30（还有2个工作日）`,
    ]);
    expect(mailsAbout(app.trackingNo)[0]?.text).not.toContain("查看申请"); // no PUBLIC_URL here
  });

  it("escalates an overdue reply to the approver and the admin, the handler in copy; digests once a day", async () => {
    // Received 2026-02-06: due 2026-03-12 (calendar-cn.md), 10 working days late on 2026-03-26.
    const app = await register(service, actors, "2026-02-06", "本镇2025年征地补偿标准");
    const mail = await sink.waitFor((m) => m.subject.includes(app.trackingNo), 10_000);
    expect(mail.subject).toBe(`【逾期督办】申请 ${app.trackingNo} 答复期限 2026-03-12（已逾期10个工作日）`);
    expect(mail.to.sort()).toEqual([EMAILS.admin, EMAILS.approver, EMAILS.handler].sort());
    expect(mail.raw).toMatch(/^Cc: handler@town\.example\.gov\.cn/m);
    expect(mail.text).toContain("答复期限计算：");

    const deps = {
      db: db.db,
      applications: service,
      calendars: makeCalendarStore(db.db),
      mailer: createMailer({ smtpUrl: sink.url, outboxDir: "/nonexistent", from: "ogi@town.example.gov.cn" }),
      now,
      logger,
      publicUrl: PUBLIC_URL,
    };
    expect(await sendOverdueDigests(deps)).toEqual({ agencies: 1, sent: 1 });
    expect(await sendOverdueDigests(deps)).toEqual({ agencies: 1, sent: 0 });
    const digests = sink.messages.filter((m) => m.subject.startsWith("【逾期汇总】"));
    expect(digests.map((m) => [m.subject, m.to])).toEqual([
      ["【逾期汇总】某镇人民政府 2026-03-26 共1件申请逾期未答复", [EMAILS.admin]],
    ]);
    expect(digests[0]?.text).toContain(
      `${app.trackingNo}　申请人：张三　答复期限：2026-03-12（已逾期10个工作日）`,
    );

    // The daily scheduler runs at 00:05 China time; its job reconciles and digests (already sent today).
    const scheduler = await producer.getJobScheduler(DAILY_SCHEDULER_ID);
    expect([scheduler?.pattern, scheduler?.tz]).toEqual(["5 0 * * *", "Asia/Shanghai"]);
    expect(new Date(Number(scheduler?.next) + 8 * 3_600_000).toISOString().slice(11, 19)).toBe("00:05:00");
    // and deletes the login tokens that expired (by the workers' clock), keeping the others
    const expiring = (hash: string, minutesFromNow: number) => ({
      token_hash: hash,
      user_id: actors.handler.userId as number,
      kind: "bearer" as const,
      expires_at: new Date(now().getTime() + minutesFromNow * 60_000),
    });
    await db.db
      .insertInto("auth_tokens")
      .values([expiring("expired-daily-test", -1), expiring("valid-daily-test", 30)])
      .execute();
    const daily = await producer.add(DAILY_JOB_NAME, { v: 1 });
    await waitUntil(async () => (await daily.getState()) === "completed", "the daily job");
    expect((await producer.getJob(daily.id as string))?.returnvalue).toEqual({
      digests: { agencies: 1, sent: 0 },
      reportReminders: 0,
      expiredTokensDeleted: 1,
    });
    const left = await db.db
      .selectFrom("auth_tokens")
      .select("token_hash")
      .where("token_hash", "like", "%-daily-test")
      .execute();
    expect(left.map((t) => t.token_hash)).toEqual(["valid-daily-test"]);
  });

  it("a reminder whose case was decided meanwhile finds its row gone and sends nothing", async () => {
    const quiet = makeService(db.db, now);
    const app = await register(quiet, actors, "2026-03-02", "已答复的申请");
    await quiet.act(actors.approver, app.id, { type: "decide", on: d("2026-03-25"), outcome: "disclosed" });
    const jobId = `app-${app.id}.reply-remind-2wd.2026-03-30`;
    const data = { v: 1 as const, jobId, applicationId: app.id, kind: "deadline.reminder" as const };
    const result = await handleReminder(handlerDeps(quiet), data);
    expect(result).toEqual({ outcome: "skipped", detail: "row gone (the case moved on)" });
    expect(mailsAbout(app.trackingNo)).toEqual([]);
  });

  it("the worker's clock being a day behind delays the job instead of running it early", async () => {
    const app = await register(makeService(db.db, now), actors, "2026-03-02", "时钟落后一天");
    const deps = { ...handlerDeps(service), now: () => new Date(Date.parse(TODAY_INSTANT) - 86_400_000) };
    const jobId = `app-${app.id}.reply-remind-2wd.2026-03-30`;
    const result = await handleReminder(deps, {
      v: 1,
      jobId,
      applicationId: app.id,
      kind: "deadline.reminder",
    });
    // 2026-03-26 00:00 in China.
    expect(result).toEqual({ outcome: "early", runAt: Date.parse("2026-03-25T16:00:00Z") });
    expect(mailsAbout(app.trackingNo)).toEqual([]);
  });

  it("the reconciler revives a job that completed while its row is pending again", async () => {
    const app = await register(service, actors, "2026-03-02", "期限行被重新写入的申请");
    const jobId = `app-${app.id}.reply-remind-2wd.2026-03-30`;
    await sink.waitFor((m) => m.subject.includes(app.trackingNo), 10_000);
    await waitUntil(async () => (await producer.getJobState(jobId)) === "completed", "the job completed");
    // As if the case's rows were written again after the job had run (the clock paused and resumed).
    await db.db
      .updateTable("deadline_jobs")
      .set({ status: "pending", done_at: null })
      .where("job_id", "=", jobId)
      .execute();
    await db.db.deleteFrom("sent_notifications").where("notification_key", "=", jobId).execute();
    const result = await reconcile({ db: db.db, queue: producer, now, jobHour: 0 });
    expect(result.revived).toBe(1);
    expect(result.pending).toBe(result.added + result.revived + result.present + result.failing);
    await waitUntil(async () => mailsAbout(app.trackingNo).length === 2, "the reminder sent again");
  });
});
