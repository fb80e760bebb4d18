// Public aggregates are computed once per key and version of what they count (decision 037),
// shared by concurrent requests; a write bumps the version so the next request computes again,
// and a failure is not remembered.
import { describe, expect, it } from "vitest";
import { sharedResult } from "@/lib/cache/shared-result";
import { createContribution, createDialogue, openDialogue } from "@/tests/support/factories";

async function openDialogueId() {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  return dialogue.id;
}

describe("sharedResult", () => {
  it("computes once for concurrent and later requests while nothing is written", async () => {
    const dialogueId = await openDialogueId();
    let runs = 0;
    const compute = async () => ++runs;
    const scope = { kind: "dialogueId", dialogueId } as const;
    const results = await Promise.all(Array.from({ length: 20 }, () => sharedResult("test:once", scope, compute)));
    expect(results).toEqual(Array(20).fill(1));
    expect(await sharedResult("test:once", scope, compute)).toBe(1);
    expect(runs).toBe(1);
  });

  it("computes again right after a write in the dialogue (a support given shows at once)", async () => {
    const dialogueId = await openDialogueId();
    let runs = 0;
    const scope = { kind: "dialogueId", dialogueId } as const;
    expect(await sharedResult("test:fresh", scope, async () => ++runs)).toBe(1);
    await createContribution({ dialogueId });
    expect(await sharedResult("test:fresh", scope, async () => ++runs)).toBe(2);
    expect(await sharedResult("test:fresh", { kind: "all" }, async () => "all")).toBe("all");
  });

  it("keeps keys apart", async () => {
    expect(await sharedResult("test:a", { kind: "all" }, async () => "a")).toBe("a");
    expect(await sharedResult("test:b", { kind: "all" }, async () => "b")).toBe("b");
  });

  it("does not remember a failure", async () => {
    const scope = { kind: "all" } as const;
    await expect(sharedResult("test:fails", scope, async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await sharedResult("test:fails", scope, async () => "recovered")).toBe("recovered");
  });
});
