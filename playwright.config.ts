import { defineConfig } from "@playwright/test";
import { chromium } from "./e2e/support/browsers";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // A scenario drives up to three browsers through twenty pages while the server and two workers
  // share two cores: late in the whole suite such a test passed in 13 s alone and ran out of
  // Playwright's default 30 s. Each step still waits at most 5 s (expect's own timeout).
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A trace records every test's DOM snapshots, kept only when the test fails: a fifth of the
    // suite's time on CI's 2 cores (decision 084), where nobody opens a trace afterwards. Locally
    // a failing test keeps its trace; for a CI failure, run the spec locally.
    trace: process.env.CI ? "off" : "retain-on-failure",
    // Debian's Chromium headless shell, the whole browser where a spec needs it (e2e/support/browsers.ts).
    launchOptions: chromium("shell"),
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  // A production build (`next build` runs before, see the test:e2e script) against a fresh,
  // seeded database of its own.
  webServer: {
    command: `tsx scripts/e2e-server.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    env: { E2E_PORT: String(port) },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
