// Contributions go into open dialogues only, and what refers to a meeting, an invitation or a
// piece of content stays inside one dialogue.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  addMember,
  createContribution,
  createDialogue,
  createMeeting,
  createUser,
  firstThemeId,
  openDialogue,
  respond,
  uniqueInvitationCode,
} from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

const onlineNeed = (dialogue: Awaited<ReturnType<typeof createDialogue>>, authorId: string) =>
  db.contribution.create({
    data: {
      dialogueId: dialogue.id,
      themeId: firstThemeId(dialogue),
      kind: "NEED",
      title: "WLAN in der Unterkunft",
      body: "Ohne Internet kann ich meinen Deutschkurs nicht online machen.",
      language: "de",
      authorId,
      authorPerspective: "LIVED_EXPERIENCE",
    },
  });

describe("contribution_in_open_dialogue", () => {
  it("refuses a contribution to a draft", async () => {
    const dialogue = await createDialogue();
    const author = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await expectConstraint(onlineNeed(dialogue, author.id), "contribution_in_open_dialogue");
  });

  it("refuses a contribution to a closed dialogue, accepts one to an open dialogue", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const author = await createUser({ perspective: "LIVED_EXPERIENCE" });
    const accepted = await onlineNeed(dialogue, author.id);
    await respond(accepted.id, { status: "PLANNED" });
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "CLOSED" } });
    await expectConstraint(onlineNeed(dialogue, author.id), "contribution_in_open_dialogue");
  });
});

describe("dialogue_opens_with_lived_experience_cohost", () => {
  it("asks for a co-host: a host with lived experience does not replace one", async () => {
    const dialogue = await createDialogue();
    await addMember(dialogue.id, (await createUser({ perspective: "LIVED_EXPERIENCE" })).id, "HOST");
    await expectConstraint(
      db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "COLLECTING" } }),
      "dialogue_opens_with_lived_experience_cohost",
    );
  });
});

describe("closed_dialogue_is_final", () => {
  it("refuses new supports and comments, and withdrawn supports, once a dialogue is closed", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const author = await createUser({ perspective: "LIVED_EXPERIENCE" });
    const need = await onlineNeed(dialogue, author.id);
    const early = await createUser({ perspective: "LOCAL_ACTOR" });
    const support = await db.support.create({ data: { contributionId: need.id, userId: early.id, perspective: "LOCAL_ACTOR" } });
    await respond(need.id, { status: "DONE" });
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "CLOSED" } });

    const late = await createUser({ perspective: "LOCAL_ACTOR" });
    await expectConstraint(
      db.support.create({ data: { contributionId: need.id, userId: late.id, perspective: "LOCAL_ACTOR" } }),
      "closed_dialogue_is_final",
    );
    await expectConstraint(db.support.delete({ where: { id: support.id } }), "closed_dialogue_is_final");
    await expectConstraint(
      db.comment.create({ data: { contributionId: need.id, authorId: late.id, authorPerspective: "LOCAL_ACTOR", body: "Zu spät", language: "de" } }),
      "closed_dialogue_is_final",
    );
    expect(await db.support.count({ where: { contributionId: need.id } })).toBe(1);
  });
});

describe("same_dialogue", () => {
  it("refuses a contribution said at another dialogue's meeting", async () => {
    const dialogue = await createDialogue();
    const other = await createDialogue();
    const meetingElsewhere = await createMeeting({ dialogueId: other.id });
    const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
    await expectConstraint(
      createContribution({
        dialogueId: dialogue.id,
        authorId: null,
        source: "MEETING",
        meetingId: meetingElsewhere.id,
        recordedById: recorder.id,
        readBackConfirmedAt: new Date(),
      }),
      "same_dialogue",
    );
  });

  it("refuses a meeting tally for a contribution of another dialogue", async () => {
    const contribution = await createContribution({ dialogueId: (await createDialogue()).id });
    const meetingElsewhere = await createMeeting({ dialogueId: (await createDialogue()).id });
    const recorder = await createUser();
    await expectConstraint(
      db.meetingSupport.create({
        data: { contributionId: contribution.id, meetingId: meetingElsewhere.id, perspective: "LIVED_EXPERIENCE", count: 3, recordedById: recorder.id },
      }),
      "same_dialogue",
    );
  });

  it("refuses a membership through another dialogue's invitation", async () => {
    const dialogue = await createDialogue();
    const other = await createDialogue();
    const invitation = await db.invitation.create({
      data: { dialogueId: other.id, code: uniqueInvitationCode(), expiresAt: new Date(Date.now() + 86_400_000), maxUses: 5, createdById: other.createdById },
    });
    const user = await createUser();
    await expectConstraint(addMember(dialogue.id, user.id, "PARTICIPANT", { invitationId: invitation.id }), "same_dialogue");
  });

  it("refuses a moderation step logged under another dialogue than its content", async () => {
    const contribution = await createContribution({ dialogueId: (await createDialogue()).id });
    const other = await createDialogue();
    const moderator = await createUser();
    await expectConstraint(
      db.moderationAction.create({
        data: { dialogueId: other.id, actorId: moderator.id, type: "HIDE", category: "SPAM", reason: "Werbung", contributionId: contribution.id },
      }),
      "same_dialogue",
    );
  });
});
