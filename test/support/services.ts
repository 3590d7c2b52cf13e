import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { inject } from "vitest";
import { createPostgresDatabase } from "../../src/runtime/create-postgres-database.ts";

/**
 * The run's shared services (started once by global-setup.ts), each test file taking its own
 * slice: a fresh PostgreSQL database, a Redis database of its own, a unique BullMQ prefix.
 */

const REDIS_DB_COUNTER_KEY = "ogi:test:next-redis-db";

/** The shared Redis, database 0. Use it with freshQueuePrefix(), or take freshRedisUrl(). */
export function redisUrl(): string {
  return inject("redisUrl");
}

/** The cluster's superuser URL (database `postgres`); tests normally want freshPostgresUrl(). */
export function postgresAdminUrl(): string {
  return inject("postgresAdminUrl");
}

/** Creates an empty database `t_<random>` on the shared cluster and returns its URL. */
export function freshPostgresUrl(): Promise<string> {
  return createPostgresDatabase(postgresAdminUrl(), `t_${randomId()}`);
}

/**
 * A Redis database no other caller in this run gets (`redis://127.0.0.1:PORT/N`, N ≥ 1), so
 * FLUSHDB, KEYS and BullMQ's queue listings see only this file's keys.
 */
export async function freshRedisUrl(): Promise<string> {
  const client = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const db = await client.incr(REDIS_DB_COUNTER_KEY);
    const databases = inject("redisDatabases");
    if (db >= databases) {
      throw new Error(`freshRedisUrl: all ${databases - 1} Redis databases are taken; raise REDIS_DATABASES`);
    }
    return `${redisUrl()}/${db}`;
  } finally {
    client.disconnect();
  }
}

/** A BullMQ `prefix` no other caller in this run gets: `test-<random>`. */
export function freshQueuePrefix(): string {
  return `test-${randomId()}`;
}

function randomId(): string {
  return randomBytes(5).toString("hex");
}
