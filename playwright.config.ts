import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Playwright's own browser builds cannot be downloaded on our machines: we drive the system
// Chromium (Debian's `chromium` package). Elsewhere set CHROMIUM_PATH, or run
// `npx playwright install chromium` and leave CHROMIUM_PATH unset.
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
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
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
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
