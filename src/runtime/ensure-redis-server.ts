import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { findRedisServer, REDIS_MISSING_MESSAGE } from "./private-redis.ts";

const ENSURE_SCRIPT = fileURLToPath(new URL("../../scripts/ensure-system-packages.sh", import.meta.url));

/**
 * `npm start` on a fresh machine: when redis-server is missing, install Debian's package if we
 * are root (saying so), else stop with the exact command to run.
 */
export function ensureRedisServer(say: (line: string) => void): void {
  if (findRedisServer()) return;
  if (process.getuid?.() !== 0) throw new Error(REDIS_MISSING_MESSAGE);
  say("未找到 redis-server，正在从 Debian 软件源安装（apt-get install redis-server）……");
  const r = spawnSync("bash", [ENSURE_SCRIPT, "services"], { stdio: "inherit" });
  if (r.status !== 0 || !findRedisServer()) throw new Error(REDIS_MISSING_MESSAGE);
}
