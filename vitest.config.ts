import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "machines/**/*.test.ts",
      "src/**/*.test.ts",
      "config/**/*.test.ts",
      "workers/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    environment: "node",
    reporters: ["default", "./test/reporters/summary-reporter.ts"],
    // One private Redis and one PostgreSQL cluster for the whole run (see test/support/services.ts).
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
  },
});
