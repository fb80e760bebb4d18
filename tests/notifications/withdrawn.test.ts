// A contribution withdrawn by its author is gone for everyone else (security review, decision
// 030): notifications about it, read after the withdrawal, name neither its title nor a
// commenter and lead to the dialogue, for followers and moderators alike; its author still
// reads their own. The e-mail digest renders the same view (tests/notifications/digest.test.ts).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createComment } from "@/lib/comments/create-comment";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { notificationSentence } from "@/lib/notifications/notification-sentence";
import { createContribution, createUser } from "@/tests/support/factories";
import { dialogueIn, participant } from "@/tests/support/participation";
import { viewerOf } from "@/tests/support/viewers";
import en from "@/messages/en.json";

/**
 * A contribution followed by one person, commented on by another, reported to a moderator and
 * answered to its author — then withdrawn.
 */
async function withdrawnContribution() {
  const dialogue = await dialogueIn("COLLECTING");
  const author = await participant(dialogue.id);
  const contribution = await createContribution({ dialogueId: dialogue.id, authorId: author.id });
  const title = contribution.title;
  const follower = await participant(dialogue.id);
  await db.follow.create({ data: { userId: follower.id, contributionId: contribution.id } });
  const commenter = await participant(dialogue.id);
  await createComment(commenter, { contributionId: contribution.id, body: "Gute Idee.", language: "de" });
  const moderator = await createUser();
  await db.notification.create({ data: { userId: moderator.id, type: "REPORT_CREATED", subjectId: contribution.id, dialogueId: dialogue.id, contributionId: contribution.id } });
  await db.notification.create({ data: { userId: author.id, type: "RESPONSE_POSTED", subjectId: contribution.id, dialogueId: dialogue.id, contributionId: contribution.id } });
  const { slug: municipalitySlug } = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });

  const before = (await listNotifications(await viewerOf(follower.id))).items;
  expect(before.map((item) => [item.sentence, item.values.title])).toEqual([["commentPosted", title]]);

  await db.contribution.update({ where: { id: contribution.id }, data: { withdrawnAt: new Date() } });
  return { title, author, follower, moderator, dialoguePath: `/${municipalitySlug}/${dialogue.slug}` };
}

describe("notifications about a withdrawn contribution", () => {
  it.each(["follower", "moderator"] as const)("tell its %s only that a contribution was withdrawn, leading to the dialogue", async (who) => {
    const world = await withdrawnContribution();
    const sentence = await notificationSentence("en");
    const items = (await listNotifications(await viewerOf(world[who].id))).items;
    expect(items).toHaveLength(1);
    const [item] = items as [(typeof items)[number]];
    expect(item).toMatchObject({ sentence: "followedWithdrawn", path: world.dialoguePath, values: { title: "", name: "", category: "" } });
    expect(sentence(item)).toBe(en.notifications.sentences.followedWithdrawn);
    expect(sentence(item)).not.toContain(world.title);
  });

  it("leave the author the title", async () => {
    const { author, title } = await withdrawnContribution();
    const items = (await listNotifications(await viewerOf(author.id))).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((item) => item.values.title)).toEqual(items.map(() => title));
  });
});
