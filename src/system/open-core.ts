import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pino from "pino";
import type { Settings } from "../../config/settings.ts";
import { createDatabase, type DatabaseHandle } from "../db/create-database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { makeSofficeConverter } from "../documents/convert-docx-to-pdf.ts";
import { type DocumentService, makeDocumentService } from "../documents/document-service.ts";
import { civilDateInChina } from "../domain/civil-date.ts";
import { type LetterService, makeLetterService } from "../letters/letter-service.ts";
import { LOG_SAFE_SERIALIZERS } from "../log-safe-error.ts";
import { makeReportService, type ReportService } from "../reports/report-service.ts";
import { type AccountService, makeAccountService } from "../services/account-service.ts";
import { type ApplicationService, makeApplicationService } from "../services/application-service.ts";
import { type CalendarStore, makeCalendarStore } from "../services/calendar-store.ts";
import type { PlannedJob } from "../services/plan-deadline-jobs.ts";

export interface Core {
  settings: Settings;
  database: DatabaseHandle;
  calendars: CalendarStore;
  accounts: AccountService;
  applications: ApplicationService;
  reports: ReportService;
  letters: LetterService;
  /** Case documents and the issued letters' PDFs (issue 12). */
  documents: DocumentService;
  logger: pino.Logger;
  now: () => Date;
  /** Where planned jobs go after each commit; set once the queue is up. */
  setJobSink(sink: (jobs: PlannedJob[], dropped?: readonly string[]) => Promise<void>): void;
  close(): Promise<void>;
}

/** The database with its migrations, and the services over it: what every process needs. */
export async function openCore(
  settings: Settings,
  options: { now?: () => Date; logger?: pino.Logger; observeStatements?: (sql: string) => void } = {},
): Promise<Core> {
  const logger =
    options.logger ??
    pino({ level: settings.LOG_LEVEL, base: { app: "ogi" }, serializers: LOG_SAFE_SERIALIZERS });
  const now = options.now ?? (settings.OGI_FAKE_NOW ? fixedClock(settings.OGI_FAKE_NOW) : () => new Date());
  const database = await createDatabase({
    databaseUrl: settings.DATABASE_URL,
    dataDir: settings.dataDir,
    observeStatements: options.observeStatements,
  });
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) logger.info({ applied }, "数据库迁移完成");
  const calendars = makeCalendarStore(database.db);
  const accounts = makeAccountService({
    db: database.db,
    now,
    tokenCacheSeconds: settings.OGI_TOKEN_CACHE_SECONDS,
  });
  const reports = makeReportService({ db: database.db, calendars, now });
  let sink: ((jobs: PlannedJob[], dropped?: readonly string[]) => Promise<void>) | undefined;
  const applications = makeApplicationService({
    db: database.db,
    calendars,
    now,
    settings: {
      supplementWindowWorkdays: settings.OGI_SUPPLEMENT_WINDOW_WORKDAYS,
      reminderOffsets: settings.OGI_REMINDER_OFFSETS,
    },
    onJobsPlanned: async (jobs, dropped) => {
      if (sink) await sink(jobs, dropped);
    },
    // A change to a closed year makes its next report version; the change itself is committed.
    onAmendment: async (a) => {
      try {
        await reports.amendForCaseChange(a);
      } catch (err) {
        logger.error({ err, agency: a.agencyCode, year: a.year }, "更正后生成年度报告新版本失败");
      }
    },
  });
  const documents = makeDocumentService({
    db: database.db,
    applications,
    now,
    limits: {
      maxFileBytes: settings.OGI_DOCUMENT_MAX_MB * 1024 * 1024,
      maxOwnerBytes: settings.OGI_CASE_DOCUMENTS_MAX_MB * 1024 * 1024,
    },
    convert: makeSofficeConverter(),
    // on the data disk: a tmpfs /tmp would hold every upload in memory
    tmpDir: join(settings.dataDir, "uploads"),
    logger,
  });
  const letters = makeLetterService({
    db: database.db,
    applications,
    now,
    afterIssue: (applicationId, key) => documents.freezeIssuedLetter(applicationId, key),
  });
  return {
    settings,
    database,
    calendars,
    accounts,
    applications,
    reports,
    letters,
    documents,
    logger,
    now,
    setJobSink: (s) => {
      sink = s;
    },
    close: () => database.close(),
  };
}

/** Test-only: a clock that starts at the given instant and runs on from there. */
function fixedClock(iso: string): () => Date {
  const offset = new Date(iso).getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/**
 * First start: with OGI_BOOTSTRAP_ADMIN=user:password, that system administrator is created
 * once; without it, `admin` with a generated password that is printed once. Ignored when users
 * exist. Returns the line to print, if any.
 */
export async function bootstrapAdmin(core: Core): Promise<string | undefined> {
  if ((await core.accounts.userCount()) > 0) return undefined;
  const spec = core.settings.OGI_BOOTSTRAP_ADMIN;
  if (spec) {
    const i = spec.indexOf(":");
    await core.accounts.createSystemAdmin(spec.slice(0, i), spec.slice(i + 1));
    return `已创建系统管理员 ${spec.slice(0, i)}（来自 OGI_BOOTSTRAP_ADMIN）`;
  }
  const password = randomBytes(12).toString("base64url");
  await core.accounts.createSystemAdmin("admin", password);
  return `已创建系统管理员 admin，初始密码：${password}（仅显示这一次，请登录后修改）`;
}

export function todayOf(core: Core) {
  return civilDateInChina(core.now());
}
