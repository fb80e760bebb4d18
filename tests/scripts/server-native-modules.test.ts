// The production server maps no native library its pages do not use (decision 082): sharp
// (libvips) is loaded when an image is processed, not with the server actions' modules that every
// page with a form loads; and next.config.js gives the server its config without next-intl's
// build plugin, whose message extractor loads @swc/core's and @parcel/watcher's bindings. A probe
// process loads what the server loads for its pages, then what an upload and a build load, and
// reports which libraries it has mapped after each step — the last two show that the probe sees
// them when they are there.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

type Step = { step: string; result?: number; libvips: boolean; swc: boolean; watcher: boolean };

describe("native libraries of the production server", () => {
  it("are not mapped by its config and page modules; an image processed maps libvips, the build's config SWC", { timeout: 120_000 }, async () => {
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--import", "./scripts/support/server-only-hook.mjs", "tests/scripts/native-modules-probe.ts", "server config", "page modules", "image processed", "build config"],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: "production" }, maxBuffer: 16 * 1024 * 1024 },
    );
    const steps = stdout.trim().split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Step);
    expect(steps).toEqual([
      { step: "server config", libvips: false, swc: false, watcher: false },
      { step: "page modules", result: expect.any(Number), libvips: false, swc: false, watcher: false },
      { step: "image processed", result: 2, libvips: true, swc: false, watcher: false },
      { step: "build config", libvips: true, swc: true, watcher: true },
    ]);
    // The walk found the modules it is meant to load.
    expect(steps[1]!.result).toBeGreaterThan(20);
  });
});
