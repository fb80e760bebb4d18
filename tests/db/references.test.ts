// Foreign keys: no row points at nothing, rows that carry a voice or a public answer are not
// deleted from under what hangs on them (RESTRICT), and what belongs only to an account goes
// with it (CASCADE).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  createComment,
  createContribution,
  createDialogue,
  createTheme,
  createUser,
  firstThemeId,
  openDialogue,
  respond,
  unique,
} from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

describe("a contribution refers to rows that exist", () => {
  it("refuses a dialogueId that does not exist", async () => {
    const dialogue = await createDialogue();
    await expectConstraint(
      createContribution({ dialogueId: randomUUID(), themeId: firstThemeId(dialogue) }),
      "Contribution_dialogueId_fkey",
    );
  });

  it("refuses a themeId that does not exist", async () => {
    const dialogue = await createDialogue();
    await expectConstraint(
      createContribution({ dialogueId: dialogue.id, themeId: randomUUID() }),
      "Contribution_themeId_fkey",
    );
  });

  it("refuses an authorId that does not exist", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    await expectConstraint(
      db.contribution.create({
        data: {
          dialogueId: dialogue.id,
          themeId: firstThemeId(dialogue),
          kind: "NEED",
          title: "Deutschkurs am Abend",
          body: "Tagsüber arbeite ich, abends gibt es keinen Kurs.",
          language: "de",
          authorId: randomUUID(),
          authorPerspective: "LIVED_EXPERIENCE",
        },
      }),
      "Contribution_authorId_fkey",
    );
  });

  it("refuses a theme of the municipality that is not one of the dialogue's themes", async () => {
    const dialogue = await createDialogue();
    const otherTheme = await createTheme(dialogue.municipalityId);
    await expectConstraint(
      createContribution({ dialogueId: dialogue.id, themeId: otherTheme.id }),
      "Contribution_dialogueId_themeId_fkey",
    );
  });

  it("accepts a theme that is one of the dialogue's themes", async () => {
    const dialogue = await createDialogue();
    const contribution = await createContribution({ dialogueId: dialogue.id, themeId: firstThemeId(dialogue) });
    expect(contribution.themeId).toBe(firstThemeId(dialogue));
  });
});

describe("what carries a voice or an answer is not deleted from under it (RESTRICT)", () => {
  it("refuses to delete a dialogue that has contributions", async () => {
    const dialogue = await createDialogue();
    await createContribution({ dialogueId: dialogue.id });
    await expectConstraint(db.dialogue.delete({ where: { id: dialogue.id } }), "Contribution_dialogueId_fkey");
    expect(await db.dialogue.count({ where: { id: dialogue.id } })).toBe(1);
  });

  it("deletes a dialogue without contributions, with its themes links and memberships", async () => {
    const dialogue = await createDialogue();
    await db.dialogue.delete({ where: { id: dialogue.id } });
    expect(await db.dialogueTheme.count({ where: { dialogueId: dialogue.id } })).toBe(0);
    expect(await db.membership.count({ where: { dialogueId: dialogue.id } })).toBe(0);
  });

  it("refuses to delete an account that authored a contribution (it is anonymised instead)", async () => {
    const dialogue = await createDialogue();
    const author = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await createContribution({ dialogueId: dialogue.id, authorId: author.id });
    await expectConstraint(db.user.delete({ where: { id: author.id } }), "Contribution_authorId_fkey");
  });

  it("refuses to delete a contribution that has a response", async () => {
    const dialogue = await createDialogue();
    const contribution = await createContribution({ dialogueId: dialogue.id });
    await respond(contribution.id, { status: "UNDER_REVIEW" });
    await expectConstraint(
      db.contribution.delete({ where: { id: contribution.id } }),
      "Response_contributionId_fkey",
    );
  });

  it("refuses to delete a comment that has replies", async () => {
    const dialogue = await createDialogue();
    const contribution = await createContribution({ dialogueId: dialogue.id });
    const comment = await createComment({ contributionId: contribution.id });
    await createComment({ contributionId: contribution.id, parentId: comment.id });
    await expectConstraint(db.comment.delete({ where: { id: comment.id } }), "Comment_parentId_fkey");
  });
});

describe("what belongs only to an account goes with it (CASCADE)", () => {
  it("deletes a user's sessions and sign-in accounts with the user", async () => {
    const user = await createUser();
    const expires = new Date(Date.now() + 24 * 60 * 60 * 1000);
    await db.session.createMany({
      data: [
        { userId: user.id, sessionToken: unique("token"), expires },
        { userId: user.id, sessionToken: unique("token"), expires },
      ],
    });
    await db.account.create({
      data: { userId: user.id, type: "email", provider: "email", providerAccountId: unique("person@example.org") },
    });
    const otherUser = await createUser();
    await db.session.create({ data: { userId: otherUser.id, sessionToken: unique("token"), expires } });

    await db.user.delete({ where: { id: user.id } });

    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: otherUser.id } })).toBe(1);
  });
});
