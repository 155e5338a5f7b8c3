// Test runner configuration: node for domain and server, jsdom for the add-in's components.
import { defineConfig } from "vitest/config";

export default defineConfig({
  esbuild: { jsx: "automatic" },
  test: {
    globals: true,
    globalSetup: ["tests/support/global-setup.ts"],
    environment: "node",
    // Integration files start real servers and databases: keep parallelism modest on 2 cores.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: [
            "tests/unit/src/**/*.test.ts",
            "tests/unit/server/**/*.test.ts",
            "tests/unit/*.test.ts",
            "tests/unit/layers/**/*.test.ts",
            "tests/unit/manifest/**/*.test.ts",
            "tests/integration/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "dom",
          environment: "jsdom",
          include: ["tests/unit/addin/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/support/dom-setup.ts"],
        },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: 120_000, fileParallelism: false },
      },
    ],
  },
});
