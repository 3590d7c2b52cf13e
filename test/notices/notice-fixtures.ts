// The notice tests' shared setup: PostgreSQL and Redis of the run, the SMTP sink, a local HTTP
// SMS sink, the town's staff, a relay on them, and every log line the relay writes.
import { afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import { createMailer } from "../../src/mail/create-mailer.ts";
import { createSmsWebhook } from "../../src/notices/sms-gateway.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import { createDeadlineQueue, type DeadlineQueue } from "../../workers/queues.ts";
import { type NoticeRelayArgs, runNoticeRelay } from "../../workers/run-notice-relay.ts";
import { smsTemplatesOf } from "../../workers/start-notice-relay.ts";
import { freshPostgresUrl, freshQueuePrefix, redisUrl } from "../support/services.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";
import {
  d,
  makeService,
  openMigratedDatabase,
  type Service,
  seedTown,
  TODAY_INSTANT,
  type TownActors,
} from "../workers/worker-fixtures.ts";
import { type SmsSink, startSmsSink } from "./sms-sink.ts";

export const now = () => new Date(TODAY_INSTANT); // Thursday 2026-03-26
export const SECRET = "test-webhook-secret";
export const NAME = "王小明";
export const PHONE = "13912345678";
export const EMAIL = "wang.xiaoming@example.com";

/** A suite's services, filled in by its beforeAll. */
export interface NoticeSuite {
  db: DatabaseHandle;
  smtp: SmtpSink;
  sms: SmsSink;
  service: Service;
  actors: TownActors;
  /** Every line the relay (and the workers) logged, whatever its level. */
  logLines: string[];
  logger: NoticeRelayArgs["logger"] & {
    debug(obj: object, msg?: string): void;
    error(obj: object, msg?: string): void;
  };
  relayArgs(prefix: string, over?: Partial<NoticeRelayArgs>): NoticeRelayArgs;
  /** One relay pass on the suite's own lock prefix. */
  relay(over?: Partial<NoticeRelayArgs>): ReturnType<typeof runNoticeRelay>;
  registerCase(
    receivedOn: string,
    extra?: { ledgerNo?: string; email?: boolean; phone?: boolean },
  ): ReturnType<Service["register"]>;
  mailsFor(trackingNo: string): SmtpSink["messages"];
  smsFor(trackingNo: string): SmsSink["received"];
}

/** Registers the suite's beforeAll and afterAll; its fields are there once beforeAll ran. */
export function setUpNoticeSuite(): NoticeSuite {
  const queues: DeadlineQueue[] = [];
  const logLines: string[] = [];
  const capture = (level: string) => (obj: object, msg?: string) => {
    logLines.push(`${level} ${msg ?? ""} ${JSON.stringify(obj)}`);
  };
  const prefix = freshQueuePrefix();
  const s = {
    logLines,
    logger: {
      debug: capture("debug"),
      info: capture("info"),
      warn: capture("warn"),
      error: capture("error"),
    },
    relayArgs(lockPrefix: string, over: Partial<NoticeRelayArgs> = {}): NoticeRelayArgs {
      const queue = createDeadlineQueue(redisUrl(), { prefix: lockPrefix });
      queues.push(queue);
      return {
        db: s.db.db,
        queue,
        applications: s.service,
        calendars: makeCalendarStore(s.db.db),
        mailer: createMailer({
          smtpUrl: s.smtp.url,
          outboxDir: "/nonexistent",
          from: "某镇政务公开 <ogi@town.example.gov.cn>",
        }),
        sms: createSmsWebhook({ url: s.sms.url, secret: SECRET, signName: "某镇政务公开" }),
        smsTemplates: smsTemplatesOf({
          OGI_JOB_HOUR: 0,
          OGI_RECONCILE_MINUTES: 5,
          SMS_TEMPLATE_SUPPLEMENT: "SMS_1234",
        }),
        logger: s.logger,
        maxAttempts: 3,
        retryBaseSeconds: 0,
        letterWaitSeconds: 0,
        now,
        recentWorkdays: 3,
        ...over,
      };
    },
    relay: (over: Partial<NoticeRelayArgs> = {}) => runNoticeRelay(s.relayArgs(prefix, over)),
    registerCase(receivedOn: string, extra: { ledgerNo?: string; email?: boolean; phone?: boolean } = {}) {
      return s.service.register(s.actors.clerk, {
        agencyCode: "town",
        channel: "in_person",
        receivedOn: d(receivedOn),
        applicant: {
          type: "natural_person",
          name: NAME,
          ...(extra.email === false ? {} : { email: EMAIL }),
          ...(extra.phone === false ? {} : { phone: PHONE }),
        },
        description: "本镇2025年道路修缮工程的招标文件",
        handlerUsername: "handler",
        ...(extra.ledgerNo ? { ledgerNo: extra.ledgerNo } : {}),
      });
    },
    mailsFor: (trackingNo: string) => s.smtp.messages.filter((m) => m.subject.includes(trackingNo)),
    smsFor: (trackingNo: string) => s.sms.received.filter((m) => m.body.params.trackingNo === trackingNo),
  } as NoticeSuite;
  beforeAll(async () => {
    [s.db, s.smtp, s.sms] = await Promise.all([
      freshPostgresUrl().then(openMigratedDatabase),
      startSmtpSink(),
      startSmsSink(),
    ]);
    s.actors = await seedTown(s.db.db, now);
    s.service = makeService(s.db.db, now);
  });
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await Promise.all([s.db?.close(), s.smtp?.stop(), s.sms?.stop()]);
  });
  return s;
}
