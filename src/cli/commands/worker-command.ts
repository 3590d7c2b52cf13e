import { join } from "node:path";
import { loadSettings } from "../../../config/settings.ts";
import { startWorkers } from "../../../workers/start-workers.ts";
import { createMailer } from "../../mail/create-mailer.ts";
import { openCore } from "../../system/open-core.ts";
import { CliError } from "../cli-error.ts";
import { loadEnvFile } from "./start-command.ts";

export const WORKER_USAGE = `      ogi worker                                    运行期限任务（到期提醒、逾期督办、逾期自动终止），
                                                    需要 DATABASE_URL 与 REDIS_URL；按 Ctrl+C 停止`;

const NEEDS_DATABASE_URL =
  "ogi worker 需要 PostgreSQL 数据库（环境变量 DATABASE_URL）。\n" +
  "未设置 DATABASE_URL 时使用内嵌数据库，它只能由一个进程打开：npm start 已在同一进程中运行期限任务，无需另行启动 ogi worker。";
const NEEDS_REDIS_URL = "ogi worker 需要 Redis（环境变量 REDIS_URL），且应与 API 进程使用同一个 Redis。";

/**
 * `ogi worker`: the deadline workers as a process of their own, beside API processes that share
 * its PostgreSQL and Redis. Runs until SIGTERM or SIGINT, then finishes the running jobs.
 */
export async function runWorkerCommand(args: string[], out: (line: string) => void): Promise<number> {
  if (args.length > 0) throw new CliError(`ogi worker 不接受参数：${args.join(" ")}\n${WORKER_USAGE}`);
  loadEnvFile();
  const settings = loadSettings();
  if (!settings.DATABASE_URL) throw new CliError(NEEDS_DATABASE_URL);
  if (!settings.REDIS_URL) throw new CliError(NEEDS_REDIS_URL);
  const redisUrl = settings.REDIS_URL;
  const core = await openCore(settings);
  const mailer = createMailer({
    smtpUrl: settings.SMTP_URL,
    outboxDir: join(settings.dataDir, "outbox"),
    from: settings.MAIL_FROM,
  });
  const workers = await startWorkers({
    db: core.database.db,
    redisUrl,
    applications: core.applications,
    calendars: core.calendars,
    mailer,
    logger: core.logger,
    now: core.now,
    settings,
  });
  // What this process's own commits plan (automatic events, replans) is relayed at once.
  core.setJobSink(async (jobs, dropped = []) => {
    if (jobs.length > 0 || dropped.length > 0) workers.nudgeOutbox();
  });
  out(
    `期限任务已启动：Redis ${redact(redisUrl)}，邮件${settings.SMTP_URL ? `经 ${redact(settings.SMTP_URL)} 发送` : `写入 ${join(settings.dataDir, "outbox")}`}。`,
  );
  const signal = await nextSignal();
  out(`收到 ${signal}，正在停止期限任务……`);
  await workers.close();
  mailer.close();
  await core.close();
  out("期限任务已停止。");
  return 0;
}

/** The first SIGTERM or SIGINT; a second one ends the process at once. */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.removeListener("SIGTERM", onSignal);
      process.removeListener("SIGINT", onSignal);
      process.once("SIGTERM", () => process.exit(143));
      process.once("SIGINT", () => process.exit(130));
      resolve(signal);
    };
    process.once("SIGTERM", onSignal);
    process.once("SIGINT", onSignal);
  });
}

/** A URL without its password, for the log. */
function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}
