import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/setup/server-only.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    globalSetup: ["tests/setup/global-db.ts"],
    setupFiles: ["tests/setup/per-file.ts"],
    pool: "forks",
    // One worker per core, where Vitest's default leaves one core free (one worker on 2 cores).
    // Files wait a good part of their time — for Postgres (each its own database, cloned per
    // file), for child processes: with one worker on 2 cores the CPU stood idle a third of the
    // run; with two it is busy, and the suite took 332 s instead of 461 s (decision 060).
    maxWorkers: availableParallelism(),
    // next-intl's middleware imports "next/server" without an extension, which Node's ESM
    // loader refuses; bundled by Vite it resolves (tests/i18n/locale-negotiation.test.ts).
    server: { deps: { inline: ["next-intl"] } },
    // A test in which no expect ran fails, whatever else it did (decision 044).
    expect: { requireAssertions: true },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
