import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema.ts";
import type { Mailer } from "../src/mail/create-mailer.ts";
import type { SmsTemplateSetting } from "../src/notices/notice-kinds.ts";
import { createSmsWebhook } from "../src/notices/sms-gateway.ts";
import type { ApplicationService } from "../src/services/application-service.ts";
import type { CalendarStore } from "../src/services/calendar-store.ts";
import type { DeadlineQueue } from "./queues.ts";
import { runNoticeRelay } from "./run-notice-relay.ts";
import type { WorkerSettings } from "./start-workers.ts";
import type { WorkerLogger } from "./worker-logger.ts";

export interface NoticeRelayLoopDeps {
  db: Kysely<Database>;
  queue: DeadlineQueue;
  applications: Pick<ApplicationService, "get">;
  calendars: Pick<CalendarStore, "get">;
  mailer: Mailer;
  logger: WorkerLogger;
  now: () => Date;
  settings: WorkerSettings;
}

/** The gateway's template id of each notice kind (settings, with config/settings.ts's defaults). */
export function smsTemplatesOf(s: WorkerSettings): Record<SmsTemplateSetting, string> {
  return {
    SMS_TEMPLATE_RECEIPT: s.SMS_TEMPLATE_RECEIPT ?? "OGI_RECEIPT",
    SMS_TEMPLATE_SUPPLEMENT: s.SMS_TEMPLATE_SUPPLEMENT ?? "OGI_SUPPLEMENT",
    SMS_TEMPLATE_EXTENSION: s.SMS_TEMPLATE_EXTENSION ?? "OGI_EXTENSION",
    SMS_TEMPLATE_FEE: s.SMS_TEMPLATE_FEE ?? "OGI_FEE",
    SMS_TEMPLATE_REPLY: s.SMS_TEMPLATE_REPLY ?? "OGI_REPLY",
    SMS_TEMPLATE_REREPLY: s.SMS_TEMPLATE_REREPLY ?? "OGI_REREPLY",
    SMS_TEMPLATE_WITHDRAWAL: s.SMS_TEMPLATE_WITHDRAWAL ?? "OGI_WITHDRAWAL",
  };
}

/**
 * The applicant-notice relay of one worker process: a pass at start and every
 * OGI_NOTICE_INTERVAL_SECONDS (one pass at a time here; across processes the pass's Redis lock
 * decides). Failures are logged, never thrown: the next pass takes up where this one stopped.
 */
export function startNoticeRelay(deps: NoticeRelayLoopDeps): { stop(): Promise<void> } {
  const s = deps.settings;
  const sms = s.SMS_WEBHOOK_URL
    ? createSmsWebhook({
        url: s.SMS_WEBHOOK_URL,
        secret: s.SMS_WEBHOOK_SECRET,
        signName: s.SMS_SIGN_NAME ?? "政务公开",
      })
    : null;
  let running: Promise<void> | undefined;
  let stopped = false;
  const pass = () => {
    if (stopped) return;
    running ??= runNoticeRelay({
      ...deps,
      sms,
      smsTemplates: smsTemplatesOf(s),
      maxAttempts: s.OGI_NOTICE_MAX_ATTEMPTS ?? 5,
      recentWorkdays: s.OGI_NOTICE_RECENT_WORKDAYS ?? 3,
      // a pass over a large backlog ends at its next page or notice once the process stops
      shouldStop: () => stopped,
    })
      .then((run) => {
        if (run.mode === "ran" && run.inserted + run.delivered + run.retry + run.cancelled > 0)
          deps.logger.info(run, "applicant notice relay pass");
      })
      .catch((err: unknown) => deps.logger.error({ err }, "applicant notice relay failed"))
      .finally(() => {
        running = undefined;
      });
  };
  pass();
  const timer = setInterval(pass, (s.OGI_NOTICE_INTERVAL_SECONDS ?? 30) * 1000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
