// Supports are one per person and contribution, counted per perspective, and exact however
// many arrive at once: "already supported" is success, never an error.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { giveSupport } from "@/lib/supports/give-support";
import { withdrawSupport } from "@/lib/supports/withdraw-support";
import { createContribution, createUser } from "@/tests/support/factories";
import { appErrorOf, dialogueIn, participant, viewerOf } from "@/tests/support/participation";

const count = (result: { supports: { byPerspective: { perspective: string; online: number }[] } }, perspective: string) =>
  result.supports.byPerspective.find((p) => p.perspective === perspective)?.online;

describe("giveSupport and withdrawSupport", () => {
  it("count the supporter's perspective as a snapshot and return the new counts", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const contribution = await createContribution({ dialogueId: dialogue.id });
    const volunteer = await participant(dialogue.id, "LOCAL_ACTOR");
    const refugee = await participant(dialogue.id, "LIVED_EXPERIENCE");

    const first = await giveSupport(volunteer, { contributionId: contribution.id });
    expect(first.supported).toBe(true);
    expect(first.supports.total).toBe(1);
    expect(count(first, "LOCAL_ACTOR")).toBe(1);
    await db.user.update({ where: { id: volunteer.id }, data: { perspective: "NOT_STATED" } });
    const second = await giveSupport(refugee, { contributionId: contribution.id });
    expect(second.supports.byPerspective.map((p) => [p.perspective, p.online])).toEqual([
      ["LIVED_EXPERIENCE", 1],
      ["LOCAL_ACTOR", 1],
      ["MUNICIPAL_STAFF", 0],
      ["NOT_STATED", 0],
    ]);

    const withdrawn = await withdrawSupport(volunteer, { contributionId: contribution.id });
    expect(withdrawn).toMatchObject({ supported: false, supports: { total: 1 } });
    expect(count(withdrawn, "LOCAL_ACTOR")).toBe(0);
    // Withdrawing again changes nothing and is no error.
    expect((await withdrawSupport(volunteer, { contributionId: contribution.id })).supports.total).toBe(1);
  });

  it.each(["RESPONDING", "CLOSED"] as const)("are refused in %s, given and withdrawn", async (phase) => {
    const dialogue = await dialogueIn("COLLECTING");
    const contribution = await createContribution({ dialogueId: dialogue.id, kind: "PROPOSAL" });
    const member = await participant(dialogue.id);
    await giveSupport(member, { contributionId: contribution.id });
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase } });
    expect((await appErrorOf(giveSupport(member, { contributionId: contribution.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(withdrawSupport(member, { contributionId: contribution.id }))).code).toBe("FORBIDDEN");
    expect(await db.support.count({ where: { contributionId: contribution.id } })).toBe(1);
  });

  it("work in COLLECTING and DELIBERATING only, for members only", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    // A proposal, so the dialogue may close without answers.
    const contribution = await createContribution({ dialogueId: dialogue.id, kind: "PROPOSAL" });
    const member = await participant(dialogue.id);
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "DELIBERATING" } });
    expect((await giveSupport(member, { contributionId: contribution.id })).supports.total).toBe(1);
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "COLLECTING" } });
    const stranger = await viewerOf((await createUser()).id);
    expect((await appErrorOf(giveSupport(stranger, { contributionId: contribution.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(giveSupport(null, { contributionId: contribution.id }))).code).toBe("UNAUTHENTICATED");
    expect(await db.support.count({ where: { contributionId: contribution.id } })).toBe(1);
  });

  it("refuse a withdrawn contribution", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const contribution = await createContribution({ dialogueId: dialogue.id, withdrawnAt: new Date() });
    const member = await participant(dialogue.id);
    expect((await appErrorOf(giveSupport(member, { contributionId: contribution.id }))).code).toBe("NOT_FOUND");
  });
});

describe("supports under concurrency", () => {
  it("200 different people supporting at once give exactly 200, and no call fails", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const contribution = await createContribution({ dialogueId: dialogue.id });
    const people = await Promise.all(Array.from({ length: 200 }, (_, i) => participant(dialogue.id, i % 2 ? "LOCAL_ACTOR" : "LIVED_EXPERIENCE")));

    const results = await Promise.allSettled(people.map((viewer) => giveSupport(viewer, { contributionId: contribution.id })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await db.support.count({ where: { contributionId: contribution.id } })).toBe(200);
    const last = await giveSupport(people[0]!, { contributionId: contribution.id });
    expect(last.supports.total).toBe(200);
    expect(count(last, "LIVED_EXPERIENCE")).toBe(100);
    expect(count(last, "LOCAL_ACTOR")).toBe(100);
  });

  it("one person firing 50 supports at once gives exactly 1, and no call fails", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const contribution = await createContribution({ dialogueId: dialogue.id });
    const viewer = await participant(dialogue.id, "LOCAL_ACTOR");

    const results = await Promise.allSettled(Array.from({ length: 50 }, () => giveSupport(viewer, { contributionId: contribution.id })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await db.support.count({ where: { contributionId: contribution.id } })).toBe(1);
    expect(results.map((result) => result.status === "fulfilled" && result.value.supported)).toEqual(results.map(() => true));
  });
});
