import type { Server } from "node:http";
import { join } from "node:path";
import type { Express } from "express";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Settings } from "../../config/settings.ts";
import { createDeadlineQueue, type DeadlineQueue } from "../../workers/queues.ts";
import { type RunningWorkers, startWorkers } from "../../workers/start-workers.ts";
import { startLetterPdfSweep } from "../documents/start-letter-pdf-sweep.ts";
import { createHttpApp } from "../http/create-http-app.ts";
import { DEFAULT_WEB_DIST_DIR, serveWebApp } from "../http/web/serve-web-app.ts";
import { createMailer } from "../mail/create-mailer.ts";
import { ensureRedisServer } from "../runtime/ensure-redis-server.ts";
import { startPrivateRedis } from "../runtime/private-redis.ts";
import { checkHealth } from "./health.ts";
import { httpExtensions } from "./http-extensions.ts";
import { type Core, openCore } from "./open-core.ts";

export interface SystemOptions {
  /** Serve the HTTP API (and the web UI). */
  http: boolean;
  /** Run the deadline workers in this process. */
  workers: boolean;
  /** Test hooks. */
  now?: () => Date;
  queuePrefix?: string;
  /** Where the log goes (tests capture it); default pino on stdout at LOG_LEVEL. */
  logger?: Logger;
  /** Runs on the database before Redis, workers and HTTP start (bootstrap, demo data). */
  prepare?: (core: Core) => Promise<void>;
  /** Sees every statement sent to the database (bench:api counts them per action). */
  observeStatements?: (sql: string) => void;
}

export interface RunningSystem {
  core: Core;
  url: string | null;
  /** The HTTP app when `http` (tests walk its routes). */
  app: Express | null;
  redisUrl: string;
  queue: DeadlineQueue;
  workers: RunningWorkers | null;
  stop(): Promise<void>;
}

/**
 * The whole system in one process, or one of its parts: the database (embedded unless
 * DATABASE_URL), Redis (a private redis-server under $OGI_DATA_DIR/redis unless REDIS_URL), the
 * HTTP API and the deadline workers. Stops in reverse order.
 */
export async function startSystem(settings: Settings, options: SystemOptions): Promise<RunningSystem> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const core = await openCore(settings, {
      ...(options.now ? { now: options.now } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.observeStatements ? { observeStatements: options.observeStatements } : {}),
    });
    stops.push(() => core.close());
    // Before any worker: a backdated demo case must not be closed between two of its own steps.
    if (options.prepare) await options.prepare(core);
    let redisUrl = settings.REDIS_URL;
    if (!redisUrl) {
      ensureRedisServer((line) => core.logger.warn(line));
      const redis = await startPrivateRedis({ dataDir: join(settings.dataDir, "redis") });
      stops.push(() => redis.stop());
      redisUrl = redis.url;
      core.logger.info({ redisUrl }, "已启动内置 Redis");
    }
    const prefix = options.queuePrefix ?? "ogi";
    const queue = createDeadlineQueue(redisUrl, { prefix, logger: core.logger });
    stops.push(() => queue.close());
    let workers: RunningWorkers | null = null;
    if (options.workers) {
      const mailer = createMailer({
        smtpUrl: settings.SMTP_URL,
        outboxDir: join(settings.dataDir, "outbox"),
        from: settings.MAIL_FROM,
      });
      workers = await startWorkers({
        db: core.database.db,
        redisUrl,
        prefix,
        applications: core.applications,
        mailer,
        logger: core.logger,
        now: core.now,
        settings,
        calendars: core.calendars,
      });
      stops.push(async () => {
        await workers?.close();
        mailer.close();
      });
      // This process's writes are relayed at once; an API-only process leaves them to the workers'
      // timer: a case write never calls Redis (issue 13).
      const running = workers;
      core.setJobSink(async (jobs, dropped = []) => {
        if (jobs.length > 0 || dropped.length > 0) running.nudgeOutbox();
      });
      // issued letters whose PDF is missing (a crash after the issue, LibreOffice missing)
      const sweep = startLetterPdfSweep(core.documents, settings.OGI_RECONCILE_MINUTES, core.logger);
      stops.push(() => sweep.stop());
    }
    let url: string | null = null;
    let app: Express | null = null;
    if (options.http) {
      const ping = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      stops.push(async () => ping.disconnect());
      // The public portal's abuse counters and challenge key (issue 12).
      const portalRedis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      stops.push(async () => portalRedis.disconnect());
      app = createHttpApp({
        db: core.database.db,
        applications: core.applications,
        accounts: core.accounts,
        calendars: core.calendars,
        logger: core.logger,
        settings,
        now: core.now,
        health: () => checkHealth(core.database.db, ping),
        policy: settings,
        webApp: serveWebApp({ distDir: DEFAULT_WEB_DIST_DIR }),
        extensions: httpExtensions(core, { redis: portalRedis, redisPrefix: `${prefix}:portal:` }),
      });
      const server = await listen(app, settings.PORT, settings.HOST);
      stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : settings.PORT;
      url = `http://${settings.HOST === "0.0.0.0" ? "127.0.0.1" : settings.HOST}:${port}`;
    }
    return { core, url, app, redisUrl, queue, workers, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

function listen(app: ReturnType<typeof createHttpApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
    server.on("error", reject);
  });
}
