// A dialogue moves one phase at a time. With, not about: it leaves DRAFT only with a co-host
// who declared lived experience of flight. Accountability: it closes only when every need has
// a response. Every step is logged.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { advancePhase, COHOST_MISSING, NEEDS_UNANSWERED } from "@/lib/dialogues/advance-phase";
import { createDialogue } from "@/lib/dialogues/create-dialogue";
import { addMember, createContribution, createUser, respond } from "@/tests/support/factories";
import { appErrorOf, viewerOf } from "@/tests/support/viewers";
import { expectConstraint } from "@/tests/db/expect-constraint";
import { dialogueInput, staffOfNewMunicipality } from "./support";

async function draftWithHost() {
  const staff = await staffOfNewMunicipality();
  const dialogue = await createDialogue(staff.viewer, dialogueInput(staff.municipality.id, staff.theme.id));
  return { ...staff, dialogue };
}

async function addCoHost(dialogueId: string, perspective: "LIVED_EXPERIENCE" | "LOCAL_ACTOR") {
  const coHost = await createUser({ perspective });
  await addMember(dialogueId, coHost.id, "CO_HOST");
  return coHost;
}

describe("advancePhase", () => {
  it("refuses to leave DRAFT without a lived-experience co-host, and opens once one joined", async () => {
    const { dialogue, viewer } = await draftWithHost();
    const refused = await appErrorOf(advancePhase(viewer, { dialogueId: dialogue.id, from: "DRAFT" }));
    expect(refused).toMatchObject({ code: "CONFLICT", details: { rule: COHOST_MISSING } });
    expect(refused.message).toMatch(/co-host with lived experience of flight/);

    // A local actor in the team is welcome, but does not speak from lived experience.
    await addCoHost(dialogue.id, "LOCAL_ACTOR");
    expect((await appErrorOf(advancePhase(viewer, { dialogueId: dialogue.id, from: "DRAFT" }))).details.rule).toBe(COHOST_MISSING);
    expect((await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id } })).phase).toBe("DRAFT");

    await addCoHost(dialogue.id, "LIVED_EXPERIENCE");
    expect(await advancePhase(viewer, { dialogueId: dialogue.id, from: "DRAFT" })).toMatchObject({ fromPhase: "DRAFT", toPhase: "COLLECTING" });
    expect((await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id } })).phase).toBe("COLLECTING");
  });

  it("moves exactly one step at a time and logs each step with who made it", async () => {
    const { dialogue, viewer, user } = await draftWithHost();
    await addCoHost(dialogue.id, "LIVED_EXPERIENCE");
    const steps = [
      ["DRAFT", "COLLECTING"],
      ["COLLECTING", "DELIBERATING"],
      ["DELIBERATING", "RESPONDING"],
      ["RESPONDING", "CLOSED"],
    ] as const;
    // Each step: the phase after the click, and what a second click on the same (stale) button
    // gets — it does not skip the next phase.
    const walked = [];
    for (const [from, to] of steps) {
      await advancePhase(viewer, { dialogueId: dialogue.id, from });
      const phase = (await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id } })).phase;
      const secondClick = to === "CLOSED" ? null : (await appErrorOf(advancePhase(viewer, { dialogueId: dialogue.id, from }))).code;
      walked.push([from, phase, secondClick]);
    }
    expect(walked).toEqual(steps.map(([from, to]) => [from, to, to === "CLOSED" ? null : "CONFLICT"]));
    const log = await db.phaseChange.findMany({ where: { dialogueId: dialogue.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((change) => [change.fromPhase, change.toPhase])).toEqual(steps.map((step) => [...step]));
    expect(log.every((change) => change.changedById === user.id)).toBe(true);
    // Closed is final: nobody moves it on.
    expect((await appErrorOf(advancePhase(viewer, { dialogueId: dialogue.id, from: "CLOSED" }))).code).toBe("FORBIDDEN");
  });

  it("refuses to close with unanswered needs, lists them, and closes after the responses", async () => {
    const { dialogue, viewer } = await draftWithHost();
    await addCoHost(dialogue.id, "LIVED_EXPERIENCE");
    await advancePhase(viewer, { dialogueId: dialogue.id, from: "DRAFT" });
    const answered = await createContribution({ dialogueId: dialogue.id });
    const first = await createContribution({ dialogueId: dialogue.id });
    const second = await createContribution({ dialogueId: dialogue.id });
    await createContribution({ dialogueId: dialogue.id, kind: "PROPOSAL" });
    await respond(answered.id, { status: "PLANNED" });
    await advancePhase(viewer, { dialogueId: dialogue.id, from: "COLLECTING" });
    await advancePhase(viewer, { dialogueId: dialogue.id, from: "DELIBERATING" });

    const refused = await appErrorOf(advancePhase(viewer, { dialogueId: dialogue.id, from: "RESPONDING" }));
    expect(refused).toMatchObject({ code: "CONFLICT", details: { rule: NEEDS_UNANSWERED } });
    expect(refused.details.unansweredNeeds).toEqual([
      { id: first.id, title: first.title },
      { id: second.id, title: second.title },
    ]);
    expect((await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id } })).phase).toBe("RESPONDING");

    await respond(first.id, { status: "DONE" });
    await respond(second.id, { status: "DECLINED" });
    await advancePhase(viewer, { dialogueId: dialogue.id, from: "RESPONDING" });
    expect((await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id } })).phase).toBe("CLOSED");
  });

  it.each([
    ["a co-host", async (dialogueId: string) => viewerOf((await addCoHost(dialogueId, "LIVED_EXPERIENCE")).id), "FORBIDDEN"],
    ["a participant", async (dialogueId: string) => {
      const participant = await createUser();
      await addMember(dialogueId, participant.id, "PARTICIPANT");
      return viewerOf(participant.id);
    }, "FORBIDDEN"],
    ["staff of another municipality", async () => (await staffOfNewMunicipality()).viewer, "FORBIDDEN"],
    ["the signed-out", async () => null, "UNAUTHENTICATED"],
  ] as const)("lets hosts move phases but not %s", async (_, viewerFor, code) => {
    const { dialogue } = await draftWithHost();
    expect((await appErrorOf(advancePhase(await viewerFor(dialogue.id), { dialogueId: dialogue.id, from: "DRAFT" }))).code).toBe(code);
    expect(await db.phaseChange.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });

  it("is backed by the database, which refuses the same rules", async () => {
    const { dialogue } = await draftWithHost();
    await expectConstraint(
      db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "COLLECTING" } }),
      COHOST_MISSING,
    );
  });
});
