import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // The data layer is marked server-only; under Vitest it runs in Node, which is the server.
      "server-only": fileURLToPath(new URL("./cli/server-only-in-node.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "cli/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Vitest would use one worker on a 2-core machine; the fuzz and crash suites are CPU-bound.
    maxWorkers: 2,
    testTimeout: 30000,
    // Set-up hooks create users (scrypt) and seed ledgers: seconds on a quiet machine, more when the 2 cores are shared.
    hookTimeout: 60000,
    setupFiles: ["./lib/server/testing/setup.ts"],
  },
});
