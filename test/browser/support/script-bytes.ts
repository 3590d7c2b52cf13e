import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";

export interface ScriptBytes {
  /** The scripts' paths under /assets/. */
  names: string[];
  files: number;
  /** Bytes as served (the server does not compress them). */
  raw: number;
  /** The same bodies gzip-compressed (level 9): what a compressing proxy would send. */
  gzip: number;
}

/**
 * The JavaScript a page loads while `visit` runs and until the network is idle (a fresh context:
 * nothing cached), raw and gzip-compressed. Used by the responsive browser test and bench:ui.
 */
export async function scriptBytes(page: Page, visit: () => Promise<void>): Promise<ScriptBytes> {
  const bodies: Promise<Buffer>[] = [];
  const names: string[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() !== "script") return;
    names.push(new URL(r.url()).pathname.replace("/assets/", ""));
    bodies.push(r.body());
  });
  await visit();
  await page.waitForLoadState("networkidle");
  const all = await Promise.all(bodies);
  return {
    names,
    files: all.length,
    raw: all.reduce((n, b) => n + b.length, 0),
    gzip: all.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
  };
}

export const kilobytes = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
