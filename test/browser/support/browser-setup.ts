import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensureWebBuild } from "../../../src/runtime/build-web.ts";

const ENSURE_SCRIPT = fileURLToPath(new URL("../../../scripts/ensure-system-packages.sh", import.meta.url));

/**
 * Global setup of the browser suite: Debian's Chromium and CJK font (no test tool downloads a
 * browser), and the built UI (web/dist, rebuilt only when missing or older than its sources).
 */
export default async function setup(): Promise<void> {
  const r = spawnSync("bash", [ENSURE_SCRIPT, "browser"], { encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(
      `浏览器测试需要 Chromium 和中文字体 / browser tests need chromium and fonts-wqy-microhei:\n${r.stdout}${r.stderr}`,
    );
  }
  const built = await ensureWebBuild();
  if (built) process.stdout.write("web/dist 已重新构建（npm run build:web）\n");
}
