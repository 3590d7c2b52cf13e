import { spawn } from "node:child_process";
import { accessSync, constants, mkdirSync } from "node:fs";
import { createConnection } from "node:net";
import { delimiter, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { findFreePort } from "./free-port.ts";
import { describeExit, type WatchedChild, watchChild } from "./watch-child.ts";

export interface PrivateRedisOptions {
  /** Folder for Redis's files (the append-only file); created if missing, never removed. */
  dataDir: string;
  /** TCP port on 127.0.0.1. Default: a free port (retried on a clash). */
  port?: number;
  /** Log every write to an append-only file, so the data survives a restart. Default: true. */
  appendOnly?: boolean;
  /** Number of logical databases (`SELECT 0` to `n - 1`). Default: 16, as Redis's own. */
  databases?: number;
  /** How long to wait for the server to answer, in milliseconds. Default: 10 000. */
  startTimeoutMs?: number;
}

export interface PrivateRedis {
  /** `redis://127.0.0.1:PORT` (database 0). */
  url: string;
  port: number;
  pid: number;
  /** SIGTERM (which flushes the append-only file), then waits for the exit. Idempotent. */
  stop(): Promise<void>;
}

export const REDIS_MISSING_MESSAGE =
  "未找到 redis-server，请先安装：apt-get install redis-server（或运行 scripts/ensure-system-packages.sh services）。" +
  " redis-server not found: install it with `apt-get install redis-server`" +
  " (or run scripts/ensure-system-packages.sh services).";

const STOP_TIMEOUT_MS = 10_000;

/** The path of the `redis-server` binary (PATH first, then Debian's usual places), or null. */
export function findRedisServer(): string | null {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/bin", "/usr/sbin", "/usr/local/bin"];
  for (const dir of dirs) {
    if (dir === "") continue;
    const candidate = join(dir, "redis-server");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder: try the next one
    }
  }
  return null;
}

/**
 * Starts a Redis only this process uses: loopback only, no config file, `noeviction` (BullMQ
 * loses jobs under any other policy), no RDB snapshots. Rejects if `redis-server` is missing.
 */
export async function startPrivateRedis(options: PrivateRedisOptions): Promise<PrivateRedis> {
  const bin = findRedisServer();
  if (bin === null) throw new Error(REDIS_MISSING_MESSAGE);
  mkdirSync(options.dataDir, { recursive: true });
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    try {
      return await launchRedis(bin, port, options);
    } catch (error) {
      const isPortClash = error instanceof Error && error.message.includes("Address already in use");
      if (!isPortClash || attempt >= attempts) throw error;
    }
  }
}

async function launchRedis(bin: string, port: number, options: PrivateRedisOptions): Promise<PrivateRedis> {
  const args = [
    ...["--bind", "127.0.0.1", "--port", String(port), "--dir", options.dataDir],
    ...["--appendonly", options.appendOnly === false ? "no" : "yes"],
    ...["--maxmemory-policy", "noeviction", "--save", "", "--daemonize", "no", "--protected-mode", "yes"],
    ...["--databases", String(options.databases ?? 16)],
  ];
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  const watched = watchChild(child);
  // A safety net if the process exits without stop(): never leave a server behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  try {
    await waitUntilAnswering(port, watched, options.startTimeoutMs ?? 10_000);
  } catch (error) {
    child.kill("SIGKILL");
    await watched.exited;
    process.removeListener("exit", killOnExit);
    throw new Error(
      `redis-server on port ${port} did not start: ${(error as Error).message}\n${watched.output()}`,
    );
  }
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (watched.exit() === undefined) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
        await watched.exited;
        clearTimeout(timer);
      }
      process.removeListener("exit", killOnExit);
    })();
    return stopping;
  };
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid ?? -1, stop };
}

async function waitUntilAnswering(port: number, watched: WatchedChild, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exit = watched.exit();
    if (exit !== undefined) throw new Error(`it ${describeExit(exit)}`);
    // Another server on the port (ours then fails to bind) must not pass for ours.
    if ((await askProcessId(port)) === watched.pid) return;
    await sleep(25);
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

/**
 * The process id of the Redis that answers on the port (INFO server), or undefined while none
 * answers. A raw socket, so no client retries or logs.
 */
function askProcessId(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    const finish = (pid: number | undefined) => {
      socket.destroy();
      resolve(pid);
    };
    socket.setTimeout(1000, () => finish(undefined));
    socket.once("error", () => finish(undefined));
    socket.once("connect", () => socket.write("INFO server\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString("latin1");
      // A loading server answers "-LOADING ..." until its append-only file is read.
      if (reply.startsWith("-")) return finish(undefined);
      const match = /process_id:(\d+)/.exec(reply);
      if (match) finish(Number(match[1]));
    });
  });
}
