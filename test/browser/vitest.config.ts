import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The browser suite (`npm run test:browser`): Playwright drives Debian's Chromium against a
 * fresh system per test file. One file at a time: each starts a system and a browser, and the
 * machine has two cores.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../../", import.meta.url)),
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    reporters: ["default", "./test/reporters/summary-reporter.ts"],
    globalSetup: ["test/support/global-setup.ts", "test/browser/support/browser-setup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
