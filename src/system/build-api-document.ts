import { Redis } from "ioredis";
import pino from "pino";
import { loadSettings } from "../../config/settings.ts";
import { openApiDocumentOf } from "../http/create-http-app.ts";
import { httpExtensions } from "./http-extensions.ts";
import { openCore } from "./open-core.ts";

/**
 * The OpenAPI document `ogi serve` publishes at /api/v1/openapi.json, built in this process
 * over an in-memory database: the same routes and extensions, nothing listens, Redis is never
 * reached (the portal's client is lazy and unused).
 */
export async function buildApiDocument(): Promise<Record<string, unknown>> {
  const settings = { ...loadSettings({}), dataDir: "memory://" };
  const core = await openCore(settings, { logger: pino({ level: "silent" }) });
  const redis = new Redis({ lazyConnect: true });
  try {
    return openApiDocumentOf({
      db: core.database.db,
      applications: core.applications,
      accounts: core.accounts,
      calendars: core.calendars,
      logger: core.logger,
      settings,
      now: core.now,
      health: async () => ({ ok: true, details: {} }),
      policy: settings,
      extensions: httpExtensions(core, { redis, redisPrefix: "ogi:api-document:portal:" }),
    });
  } finally {
    redis.disconnect();
    await core.close();
  }
}
