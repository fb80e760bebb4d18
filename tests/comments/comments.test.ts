// Comments with one level of replies; authors edit and delete their own (a soft delete that
// keeps the replies). The commenter's perspective is a snapshot.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { updateComment } from "@/lib/comments/update-comment";
import { listComments } from "@/lib/comments/list-comments";
import { createContribution } from "@/tests/support/factories";
import { fieldKeys } from "@/tests/support/viewers";
import { appErrorOf, dialogueIn, participant } from "@/tests/support/participation";

// A proposal: a dialogue with an unanswered need cannot close (trigger dialogue_closes_when_needs_answered).
async function setUp(phase: "COLLECTING" | "DELIBERATING" = "COLLECTING") {
  const dialogue = await dialogueIn("COLLECTING");
  const contribution = await createContribution({ dialogueId: dialogue.id, kind: "PROPOSAL" });
  if (phase !== "COLLECTING") await db.dialogue.update({ where: { id: dialogue.id }, data: { phase } });
  return { dialogue, contribution };
}

describe("createComment", () => {
  it.each(["COLLECTING", "DELIBERATING"] as const)("stores a comment and a reply with the commenter's perspective, in %s", async (phase) => {
    const { dialogue, contribution } = await setUp(phase);
    const volunteer = await participant(dialogue.id, "LOCAL_ACTOR");
    const comment = await createComment(volunteer, { contributionId: contribution.id, body: "Wir können helfen.", language: "de" });
    const reply = await createComment(volunteer, { contributionId: contribution.id, parentId: comment.id, body: "Ab Montag.", language: "de" });
    expect(reply.parentId).toBe(comment.id);
    const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row).toMatchObject({ authorId: volunteer.id, authorPerspective: "LOCAL_ACTOR", body: "Wir können helfen." });
    const page = await listComments(contribution.id, {}, null);
    expect(page.threads.map((c) => [c.body, c.replies.map((r) => r.body)])).toEqual([["Wir können helfen.", ["Ab Montag."]]]);
  });

  it("refuses a reply to a reply with a message", async () => {
    const { dialogue, contribution } = await setUp();
    const viewer = await participant(dialogue.id);
    const comment = await createComment(viewer, { contributionId: contribution.id, body: "Eins", language: "de" });
    const reply = await createComment(viewer, { contributionId: contribution.id, parentId: comment.id, body: "Zwei", language: "de" });
    const error = await appErrorOf(createComment(viewer, { contributionId: contribution.id, parentId: reply.id, body: "Drei", language: "de" }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "body")).toEqual(["comments.replyDepth"]);
    expect(await db.comment.count({ where: { contributionId: contribution.id } })).toBe(2);
  });

  it.each(["RESPONDING", "CLOSED"] as const)("refuses in %s", async (phase) => {
    const { dialogue, contribution } = await setUp("COLLECTING");
    const viewer = await participant(dialogue.id);
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase } });
    expect((await appErrorOf(createComment(viewer, { contributionId: contribution.id, body: "Hallo", language: "de" }))).code).toBe("FORBIDDEN");
    expect(await db.comment.count({ where: { contributionId: contribution.id } })).toBe(0);
  });

  it("refuses non-members and the signed-out", async () => {
    const { dialogue, contribution } = await setUp();
    const other = await dialogueIn("COLLECTING");
    const stranger = await participant(other.id);
    expect((await appErrorOf(createComment(stranger, { contributionId: contribution.id, body: "Hallo", language: "de" }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createComment(null, { contributionId: contribution.id, body: "Hallo", language: "de" }))).code).toBe("UNAUTHENTICATED");
    expect(await db.comment.count({ where: { contribution: { dialogueId: dialogue.id } } })).toBe(0);
  });
});

describe("updateComment and deleteComment", () => {
  it("let the author edit and soft-delete their own; replies stay and the text is no longer shown", async () => {
    const { dialogue, contribution } = await setUp();
    const author = await participant(dialogue.id);
    const other = await participant(dialogue.id);
    const comment = await createComment(author, { contributionId: contribution.id, body: "Erst", language: "de" });
    await createComment(other, { contributionId: contribution.id, parentId: comment.id, body: "Antwort", language: "de" });

    expect((await appErrorOf(updateComment(other, { commentId: comment.id, body: "Fremd" }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(deleteComment(other, { commentId: comment.id }))).code).toBe("FORBIDDEN");
    await updateComment(author, { commentId: comment.id, body: "Dann" });
    const edited = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(edited.body).toBe("Dann");
    expect(edited.editedAt).not.toBeNull();

    await deleteComment(author, { commentId: comment.id });
    const page = await listComments(contribution.id, {}, null);
    expect(page.threads).toHaveLength(1);
    expect(page.threads[0]?.deletedAt).not.toBeNull();
    expect(page.threads[0]?.body).toBe("");
    expect(page.threads[0]?.replies.map((r) => r.body)).toEqual(["Antwort"]);
    // Deleted stays deleted: no editing it back.
    expect((await appErrorOf(updateComment(author, { commentId: comment.id, body: "Zurück" }))).code).toBe("NOT_FOUND");
  });
});
