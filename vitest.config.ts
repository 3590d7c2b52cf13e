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
    testTimeout: 30_000,
  },
});
