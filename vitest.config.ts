import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // The web UI's aliases (web/vite.config.ts), so that its pure modules are unit-tested here.
  resolve: {
    alias: {
      "@domain": here("src/domain"),
      "@reports": here("src/reports"),
    },
  },
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
