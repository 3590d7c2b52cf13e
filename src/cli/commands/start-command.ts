import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadSettings } from "../../../config/settings.ts";
import { DEMO_PASSWORD } from "../../demo/demo-agencies.ts";
import { loadDemo } from "../../demo/load-demo.ts";
import { skipNoticeBacklog } from "../../notices/collect-notices.ts";
import { ensureWebBuild, isWebBuildStale } from "../../runtime/build-web.ts";
import { makeAppealService } from "../../services/appeal-service.ts";
import { bootstrapAdmin, todayOf } from "../../system/open-core.ts";
import { type RunningSystem, startSystem } from "../../system/start-system.ts";
import { CliError } from "../cli-error.ts";

export const START_USAGE = `      ogi start [--demo]     一体化运行：API、网页界面和期限任务（默认内置数据库和 Redis）
      ogi serve              只运行 API 和网页界面（生产环境，需 DATABASE_URL 和 REDIS_URL）`;

/** Loads `.env` when present (API.md: settings come from the environment and an optional .env). */
export function loadEnvFile(): void {
  if (existsSync(".env")) process.loadEnvFile(".env");
}

function waitForSignal(system: RunningSystem, out: (l: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      out(`收到 ${signal}，正在停止……`);
      void system.stop().then(() => resolve(0));
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}

/** `ogi start`: the whole system in one process, on the embedded defaults. */
export async function runStartCommand(args: string[], out: (l: string) => void): Promise<number> {
  let demo = false;
  try {
    demo = Boolean(parseArgs({ args, options: { demo: { type: "boolean" } }, strict: true }).values.demo);
  } catch (e) {
    throw new CliError(`参数有误：${(e as Error).message}\n${START_USAGE}`);
  }
  loadEnvFile();
  const settings = loadSettings();
  if (isWebBuildStale()) {
    out("正在构建网页界面（npm run build:web）……");
    await ensureWebBuild();
  }
  let adminLine: string | undefined;
  const system = await startSystem(settings, {
    http: true,
    workers: true,
    prepare: async (core) => {
      adminLine = await bootstrapAdmin(core);
      if (!demo && settings.OGI_DEMO !== "1") return;
      const calendar = await core.calendars.get();
      if (await core.accounts.agencyByCode("lyx")) return;
      out("正在载入示范数据（首次启动约需半分钟）……");
      const summary = await loadDemo({
        accounts: core.accounts,
        applications: core.applications,
        reports: core.reports,
        appeals: makeAppealService({ db: core.database.db, applications: core.applications, now: core.now }),
        calendar,
        today: todayOf(core),
      });
      // the demo's history is nobody's: no notice of it ever goes out
      if (summary)
        await skipNoticeBacklog({
          db: core.database.db,
          calendars: core.calendars,
          now: core.now,
          recentWorkdays: 0,
        });
      if (summary)
        out(
          `已载入示范数据：${summary.agencies} 个机关、${summary.users} 个用户、${summary.applications} 件申请、${summary.appeals} 件复议诉讼、${summary.closedReports} 份已关闭的年度报告`,
        );
    },
  });
  out("");
  out(`政府信息公开申请办理系统已启动：${system.url}`);
  if (adminLine) out(adminLine);
  if (demo || settings.OGI_DEMO === "1") {
    out(
      `示范账号（密码均为 ${DEMO_PASSWORD}）：myz-clerk 登记员、myz-handler 承办人、myz-approver 审核人、myz-admin 管理员、lyx-supervisor 县政务公开办`,
    );
  }
  out(`数据目录：${settings.dataDir}；按 Ctrl+C 停止`);
  return waitForSignal(system, out);
}

/** `ogi serve`: API and web UI only; the workers run as `ogi worker` elsewhere. */
export async function runServeCommand(_args: string[], out: (l: string) => void): Promise<number> {
  loadEnvFile();
  const settings = loadSettings();
  await ensureWebBuild();
  if (!settings.DATABASE_URL || !settings.REDIS_URL) {
    throw new CliError(
      "ogi serve 用于生产环境，需要设置 DATABASE_URL（PostgreSQL）和 REDIS_URL；使用内置数据库时请运行 npm start",
    );
  }
  const system = await startSystem(settings, { http: true, workers: false });
  const line = await bootstrapAdmin(system.core);
  if (line) out(line);
  out(`API 已启动：${system.url}`);
  return waitForSignal(system, out);
}
