import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { type PrivatePostgres, startPrivatePostgres } from "../../src/runtime/private-postgres.ts";
import { type PrivateRedis, startPrivateRedis } from "../../src/runtime/private-redis.ts";

const ENSURE_SCRIPT = fileURLToPath(new URL("../../scripts/ensure-system-packages.sh", import.meta.url));
/** Each test file that calls freshRedisUrl() takes one; database 0 holds the allocation counter. */
const REDIS_DATABASES = 256;

/**
 * Starts ONE private Redis and ONE private PostgreSQL cluster for the whole run, in temporary
 * folders on free loopback ports, and stops them (and removes the folders) at the end. Test files
 * reach them through test/support/services.ts: each file makes its own database and queue prefix.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureServicePackages();
  const redisDir = mkdtempSync(join(tmpdir(), "ogi-test-redis-"));
  const postgresDir = mkdtempSync(join(tmpdir(), "ogi-test-pg-"));
  const [redis, postgres] = await Promise.allSettled([
    // Test data need not survive a restart: no append-only file.
    startPrivateRedis({ dataDir: redisDir, appendOnly: false, databases: REDIS_DATABASES }),
    startPrivatePostgres({ baseDir: postgresDir }),
  ]);
  const removeFolders = () => {
    rmSync(redisDir, { recursive: true, force: true });
    rmSync(postgresDir, { recursive: true, force: true });
  };
  // Vitest interrupted (Ctrl-C, SIGTERM) exits without teardown; the servers kill themselves on
  // exit (see src/runtime), and this removes their folders.
  process.once("exit", removeFolders);
  const teardown = async () => {
    await Promise.all([stopIfStarted(redis), stopIfStarted(postgres)]);
    removeFolders();
    process.removeListener("exit", removeFolders);
  };
  if (redis.status === "rejected" || postgres.status === "rejected") {
    await teardown();
    throw redis.status === "rejected" ? redis.reason : (postgres as PromiseRejectedResult).reason;
  }
  project.provide("redisUrl", redis.value.url);
  project.provide("redisDatabases", REDIS_DATABASES);
  project.provide("postgresAdminUrl", postgres.value.url);
  return teardown;
}

async function stopIfStarted(result: PromiseSettledResult<PrivateRedis | PrivatePostgres>): Promise<void> {
  if (result.status === "fulfilled") await result.value.stop();
}

/** Runs scripts/ensure-system-packages.sh services: installs Redis and PostgreSQL as root, else explains. */
async function ensureServicePackages(): Promise<void> {
  const child = spawn("bash", [ENSURE_SCRIPT, "services"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) {
    throw new Error(
      `集成测试需要 Redis 与 PostgreSQL / integration tests need Redis and PostgreSQL:\n` +
        `${ENSURE_SCRIPT} services failed (exit ${code}):\n${output.trim()}`,
    );
  }
}
