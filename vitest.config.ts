import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "machines/**/*.test.ts",
      "src/**/*.test.ts",
      "config/**/*.test.ts",
      "workers/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    // The browser suite has its own config (test/browser/vitest.config.ts, npm run test:browser).
    exclude: [...configDefaults.exclude, "test/browser/**"],
    environment: "node",
    reporters: ["default", "./test/reporters/summary-reporter.ts"],
    // One private Redis and one PostgreSQL cluster for the whole run (see test/support/services.ts).
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
