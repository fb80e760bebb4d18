// A dialogue starts as DRAFT, leaves it only with a co-host who speaks from lived experience of
// flight (principle 1), and is CLOSED only when every need has a response (principle 2).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { DialoguePhase } from "@/lib/generated/prisma/client";
import {
  addMember,
  createContribution,
  createDialogue,
  createUser,
  openDialogue,
  respond,
} from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

function setPhase(dialogueId: string, phase: DialoguePhase) {
  return db.dialogue.update({ where: { id: dialogueId }, data: { phase } });
}

describe("dialogue_starts_as_draft", () => {
  it.each(["COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const)(
    "refuses a dialogue inserted as %s",
    async (phase) => {
      await expectConstraint(createDialogue({ phase }), "dialogue_starts_as_draft");
    },
  );

  it("accepts a dialogue inserted as DRAFT", async () => {
    const dialogue = await createDialogue();
    expect(dialogue.phase).toBe("DRAFT");
  });
});

describe("dialogue_opens_with_lived_experience_cohost", () => {
  it("refuses to leave DRAFT with only the hosting staff member", async () => {
    const dialogue = await createDialogue();
    await expectConstraint(setPhase(dialogue.id, "COLLECTING"), "dialogue_opens_with_lived_experience_cohost");
    expect((await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id } })).phase).toBe("DRAFT");
  });

  it("does not count a co-host who is a local actor", async () => {
    const dialogue = await createDialogue();
    await addMember(dialogue.id, (await createUser({ perspective: "LOCAL_ACTOR" })).id, "CO_HOST");
    await expectConstraint(setPhase(dialogue.id, "COLLECTING"), "dialogue_opens_with_lived_experience_cohost");
  });

  it("does not count a participant with lived experience", async () => {
    const dialogue = await createDialogue();
    await addMember(dialogue.id, (await createUser({ perspective: "LIVED_EXPERIENCE" })).id, "PARTICIPANT");
    await expectConstraint(setPhase(dialogue.id, "COLLECTING"), "dialogue_opens_with_lived_experience_cohost");
  });

  it("does not count a co-host whose account was deleted", async () => {
    const dialogue = await createDialogue();
    const deleted = await createUser({ perspective: "LIVED_EXPERIENCE", deletedAt: new Date() });
    await addMember(dialogue.id, deleted.id, "CO_HOST");
    await expectConstraint(setPhase(dialogue.id, "COLLECTING"), "dialogue_opens_with_lived_experience_cohost");
  });

  it("refuses skipping from DRAFT to a later phase just the same", async () => {
    const dialogue = await createDialogue();
    await expectConstraint(setPhase(dialogue.id, "RESPONDING"), "dialogue_opens_with_lived_experience_cohost");
  });

  it("lets the dialogue open once a co-host with lived experience is on the host team", async () => {
    const dialogue = await createDialogue();
    await addMember(dialogue.id, (await createUser({ perspective: "LIVED_EXPERIENCE" })).id, "CO_HOST");
    expect((await setPhase(dialogue.id, "COLLECTING")).phase).toBe("COLLECTING");
  });

  it("is what openDialogue satisfies", async () => {
    const dialogue = await createDialogue();
    expect((await openDialogue(dialogue.id)).phase).toBe("COLLECTING");
    expect(
      await db.membership.count({
        where: { dialogueId: dialogue.id, role: "CO_HOST", user: { perspective: "LIVED_EXPERIENCE" } },
      }),
    ).toBe(1);
  });
});

describe("dialogue_closes_when_needs_answered", () => {
  async function respondingDialogue() {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    await setPhase(dialogue.id, "RESPONDING");
    return dialogue;
  }

  it("refuses to close while a need has no response", async () => {
    const dialogue = await respondingDialogue();
    const answered = await createContribution({ dialogueId: dialogue.id, kind: "NEED" });
    await respond(answered.id, { status: "PLANNED" });
    await createContribution({ dialogueId: dialogue.id, kind: "NEED" });
    const refused = await expectConstraint(setPhase(dialogue.id, "CLOSED"), "dialogue_closes_when_needs_answered");
    expect(refused.message).toContain("has 1 unanswered needs");
  });

  it("closes once every need has a response", async () => {
    const dialogue = await respondingDialogue();
    const needs = await Promise.all([
      createContribution({ dialogueId: dialogue.id, kind: "NEED" }),
      createContribution({ dialogueId: dialogue.id, kind: "NEED" }),
    ]);
    await respond(needs[0].id, { status: "DONE" });
    await respond(needs[1].id, { status: "DECLINED", body: "Zuständig ist der Landkreis; wir geben es weiter." });
    expect((await setPhase(dialogue.id, "CLOSED")).phase).toBe("CLOSED");
  });

  it("does not wait for withdrawn needs, hidden needs or proposals", async () => {
    const dialogue = await respondingDialogue();
    await createContribution({ dialogueId: dialogue.id, kind: "NEED", withdrawnAt: new Date() });
    await createContribution({ dialogueId: dialogue.id, kind: "NEED", hiddenAt: new Date(), hiddenCategory: "SPAM" });
    await createContribution({ dialogueId: dialogue.id, kind: "PROPOSAL" });
    expect((await setPhase(dialogue.id, "CLOSED")).phase).toBe("CLOSED");
  });
});
