import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST_INDEX = join(ROOT, "web/dist/index.html");
/** What the bundle is built from: the UI and the pure server files it imports. */
const SOURCES = [
  "web/src",
  "web/index.html",
  "web/apply.html",
  "web/vite.config.ts",
  "web/public",
  "src/domain",
  "src/reports/table2",
  "package-lock.json",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether web/dist is missing or older than any of its sources. */
export function isWebBuildStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(ROOT, s)) > built);
}

/** Builds web/dist with Vite when it is missing or stale; returns whether it built. */
export async function ensureWebBuild(): Promise<boolean> {
  if (!isWebBuildStale()) return false;
  const { build } = await import("vite");
  // The production build whoever calls: under Vitest NODE_ENV is "test", and Vite would then
  // bundle React's development build (a third more JavaScript, other timing).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: join(ROOT, "web/vite.config.ts"), logLevel: "warn", mode: "production" });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}
