// The production server's young generation is bounded (issue 16, decision 040): V8 would grow each
// semi-space to 64 MB on a machine with much memory, so RSS under load carried ~128 MB of garbage.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { MALLOC_ARENAS, OLD_SPACE_MB, SEMI_SPACE_MB, serverMallocArenas, withServerMemoryFlags } from "@/scripts/next-server";

// Allocates objects that live a little while (a ring of 400,000, as a burst of renders holds its
// trees) and prints the largest size V8 gave the young generation meanwhile.
const churn = `
const v8 = require("node:v8");
const ring = new Array(400000); let max = 0;
for (let i = 0; i < 4e6; i++) {
  ring[i % ring.length] = { i, s: "x" + i, a: [i, i] };
  if (i % 100000 === 0) max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 1048576);
}
console.log(JSON.stringify({ newSpaceMb: max }));
`;

function newSpaceMb(nodeOptions: string | undefined): number {
  const env = { ...process.env };
  if (nodeOptions === undefined) delete env.NODE_OPTIONS;
  else env.NODE_OPTIONS = nodeOptions;
  const result = spawnSync(process.execPath, ["-e", churn], { env, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { newSpaceMb: number }).newSpaceMb;
}

describe("the production server's memory flags", () => {
  it("add our semi-space and old-space sizes to whatever NODE_OPTIONS the caller has", () => {
    const ours = `--max-semi-space-size=${SEMI_SPACE_MB} --max-old-space-size=${OLD_SPACE_MB}`;
    expect(withServerMemoryFlags(undefined)).toBe(ours);
    expect(withServerMemoryFlags("--import ./x.mjs")).toBe(`--import ./x.mjs ${ours}`);
  });

  it("leave an operator's own sizes alone", () => {
    expect(withServerMemoryFlags("--max-semi-space-size=32")).toBe(`--max-semi-space-size=32 --max-old-space-size=${OLD_SPACE_MB}`);
    expect(withServerMemoryFlags("--max-old-space-size=1024")).toBe(`--max-old-space-size=1024 --max-semi-space-size=${SEMI_SPACE_MB}`);
    expect(withServerMemoryFlags("--max-old-space-size=1024 --max-semi-space-size=32")).toBe("--max-old-space-size=1024 --max-semi-space-size=32");
  });

  it("bound the young generation of a process that churns garbage to two semi-spaces, where V8 alone lets it grow", () => {
    const bounded = newSpaceMb(withServerMemoryFlags(undefined));
    expect(bounded).toBeGreaterThan(0);
    // Two semi-spaces of 8 MB, plus what V8 counts beside them in the new space (seen: 18–21 MB
    // alone, 34.5 and 40.75 MB with the suite's other worker busy); without the flag it is ~128 MB.
    expect(bounded).toBeLessThanOrEqual(8 * SEMI_SPACE_MB);
    // Without the flag V8 grows it far beyond that (on a 24 GB machine to 128 MB) — the growth the flag bounds.
    expect(newSpaceMb(undefined)).toBeGreaterThan(8 * SEMI_SPACE_MB);
  });

  it("bound the old space, where V8 alone sets its limit by the machine's memory", () => {
    const limitMb = (nodeOptions: string | undefined) => {
      const env = { ...process.env };
      if (nodeOptions === undefined) delete env.NODE_OPTIONS;
      else env.NODE_OPTIONS = nodeOptions;
      const result = spawnSync(process.execPath, ["-e", "console.log(require('node:v8').getHeapStatistics().heap_size_limit / 1048576)"], { env, encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
      return Number(result.stdout);
    };
    // The whole heap's limit: the old space plus the young generation (three semi-spaces' worth).
    const bounded = limitMb(withServerMemoryFlags(undefined));
    expect(bounded).toBeGreaterThanOrEqual(OLD_SPACE_MB);
    expect(bounded).toBeLessThanOrEqual(OLD_SPACE_MB + 4 * SEMI_SPACE_MB);
    expect(limitMb(undefined)).toBeGreaterThan(2 * OLD_SPACE_MB);
  });

  it.each<[string, Record<string, string | undefined>, string]>([
    ["nothing set", {}, String(MALLOC_ARENAS)],
    ["an operator's own number", { MALLOC_ARENA_MAX: "8" }, "8"],
    ["an empty value", { MALLOC_ARENA_MAX: "" }, String(MALLOC_ARENAS)],
  ])("bound glibc's malloc arenas to two unless the environment sets its own (%s)", (_case, env, expected) => {
    expect(serverMallocArenas(env)).toBe(expected);
  });
});
