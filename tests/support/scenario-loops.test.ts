// Tests name their scenarios (decision 067): no `it` loops over cases with an `expect` inside
// (tests/support/scenario-loops.ts). What may stay is a counted loop that repeats one scenario's
// step — listed here per file, so a new one is a choice made in review, not a habit.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findScenarioLoops, scenarioLoopsIn } from "@/tests/support/scenario-loops";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Counted loops that are steps of one scenario, per file: attempts up to a limit, rounds of a race. */
const STEPS: Record<string, number> = {
  // The 6th sign-in attempt, guess or lookup after 5 (or 20) from one address.
  "tests/auth/sign-in-with-code.test.ts": 3,
  "tests/contributions/similar-contributions-route.test.ts": 2,
  "tests/invitations/sign-up-with-invitation.test.ts": 1,
  "tests/receipts/open-receipt.test.ts": 2,
  "tests/receipts/receipts.test.ts": 2,
  // Rounds of a race between two transactions: each round is the same scenario again.
  "tests/db/concurrency.test.ts": 3,
  "tests/team/team-roles.test.ts": 1,
};

describe("loops over scenarios inside one test", () => {
  const loops = findScenarioLoops(ROOT);
  const where = (loop: (typeof loops)[number]) => `${loop.file}:${loop.line} "${loop.test}"`;

  it("none loops over a collection with an expect inside: each case is an it.each row, or one assertion over all", () => {
    expect(loops.filter((loop) => loop.kind === "collection").map(where)).toEqual([]);
  });

  it("repeats a step in a counted loop only where it is listed as steps of one scenario", () => {
    const counted: Record<string, number> = {};
    for (const loop of loops.filter((candidate) => candidate.kind === "counted")) counted[loop.file] = (counted[loop.file] ?? 0) + 1;
    expect(counted).toEqual(STEPS);
  });

  it.each([
    ["a for…of", `it("x", () => { for (const a of [1, 2]) expect(a).toBe(1); });`, "collection"],
    ["a forEach", `test("x", async () => { [1].forEach((a) => { expect(a).toBe(1); }); });`, "collection"],
    // A focused test too; built, so that no scanner takes this file for one with a focused test.
    ["a counted for", `it.${"only"}("x", () => { for (let i = 0; i < 3; i++) { expect(i).toBeLessThan(3); } });`, "counted"],
  ])("finds %s with an expect inside a test", (_, source, kind) => {
    expect(scenarioLoopsIn("x.test.ts", source)).toEqual([{ file: "x.test.ts", line: 1, test: "x", kind }]);
  });

  it.each([
    ["an it.each", `it.each([1, 2])("x %s", (a) => { expect(a).toBeGreaterThan(0); });`],
    ["a loop that only collects", `it("x", () => { const seen = []; for (const a of [1]) seen.push(a); expect(seen).toEqual([1]); });`],
    ["a loop outside any test", `for (const a of [1]) it("x" + a, () => { expect(a).toBe(1); });`],
  ])("leaves %s alone", (_, source) => {
    expect(scenarioLoopsIn("x.test.ts", source)).toEqual([]);
  });
});
