// Next.js telemetry is off in every script, in CI or not: each package.json script runs `next`
// through scripts/next.mjs, and the launchers of `next start`/`next dev` set it themselves.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NEXT_ENV } from "@/scripts/next-server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("Next.js telemetry", () => {
  it.each(Object.entries(scripts))("script %s does not call the next CLI directly", (_name, command) => {
    expect(command).not.toMatch(/(^|[\s&|;])(npx\s+)?next\s/);
  });

  it("scripts/next.mjs reports telemetry as disabled even when the environment says nothing", () => {
    const env = { ...process.env };
    delete env.NEXT_TELEMETRY_DISABLED;
    const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/next.mjs"), "telemetry", "status"], { cwd: ROOT, env, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Status: Disabled/);
  });

  it("the server launcher (npm start, e2e, bench) passes it to next", () => {
    expect(NEXT_ENV.NEXT_TELEMETRY_DISABLED).toBe("1");
  });
});
