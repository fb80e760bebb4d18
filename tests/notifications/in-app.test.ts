// In-app notifications: a reply tells the parent comment's author; the list shows one's own,
// newest first, as a sentence with a link; the header counts the unread ones; opening and
// "mark all read" touch only one's own.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createComment } from "@/lib/comments/create-comment";
import { countUnread } from "@/lib/notifications/count-unread";
import { listNotifications, NOTIFICATIONS_PER_PAGE } from "@/lib/notifications/list-notifications";
import { markAllRead, openNotification } from "@/lib/notifications/mark-read";
import { notificationSentence } from "@/lib/notifications/notification-sentence";
import { insertNotifications } from "@/lib/notifications/insert-notifications";
import { createContribution, createUser } from "@/tests/support/factories";
import { appErrorOf, dialogueIn, participant } from "@/tests/support/participation";
import { viewerOf } from "@/tests/support/viewers";
import en from "@/messages/en.json";

async function threadWithComment() {
  const dialogue = await dialogueIn("COLLECTING");
  const contribution = await createContribution({ dialogueId: dialogue.id, kind: "NEED" });
  const commenter = await participant(dialogue.id, "LOCAL_ACTOR");
  const comment = await createComment(commenter, { contributionId: contribution.id, body: "Wir helfen gern.", language: "de" });
  return { dialogue, contribution, commenter, comment };
}

describe("replies", () => {
  it("notify the parent comment's author, with a link to the reply", async () => {
    const { dialogue, contribution, commenter, comment } = await threadWithComment();
    const replier = await participant(dialogue.id);
    const reply = await createComment(replier, { contributionId: contribution.id, parentId: comment.id, body: "Danke!", language: "de" });

    const rows = await db.notification.findMany({ where: { userId: commenter.id } });
    expect(rows).toMatchObject([{ type: "COMMENT_REPLY", commentId: reply.id, contributionId: contribution.id, dialogueId: dialogue.id, readAt: null }]);
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });

    const { items } = await listNotifications(commenter);
    expect(items).toHaveLength(1);
    expect(items[0]!.path).toBe(`/${municipality.slug}/${dialogue.slug}/c/${contribution.id}?comment=${reply.id}#comment-${reply.id}`);
    const sentence = await notificationSentence("en");
    expect(sentence(items[0]!)).toBe(`${replier.displayName} replied to your comment on “${contribution.title}”`);
    // The page puts the title in an element with the language it is written in (decision 028).
    expect(items[0]!.titleLanguage).toBe(contribution.language);
  });

  it("do not notify anyone of their own reply", async () => {
    const { contribution, commenter, comment } = await threadWithComment();
    await createComment(commenter, { contributionId: contribution.id, parentId: comment.id, body: "Nachtrag", language: "de" });
    expect(await db.notification.count({ where: { contributionId: contribution.id } })).toBe(0);
  });
});

describe("the list and the counter", () => {
  it("show only one's own notifications, newest first, and count the unread ones", async () => {
    const { dialogue, contribution, commenter } = await threadWithComment();
    const other = await participant(dialogue.id);
    const older = new Date(Date.now() - 60_000);
    await db.notification.create({ data: { userId: commenter.id, type: "PHASE_CHANGED", dialogueId: dialogue.id, createdAt: older } });
    await db.notification.create({ data: { userId: commenter.id, type: "RESPONSE_POSTED", contributionId: contribution.id, readAt: new Date() } });
    await db.notification.create({ data: { userId: other.id, type: "PHASE_CHANGED", dialogueId: dialogue.id } });

    expect(await countUnread(commenter)).toBe(1);
    expect(await countUnread(other)).toBe(1);
    expect(await countUnread(null)).toBe(0);
    const { items } = await listNotifications(commenter);
    expect(items.map((item) => [item.type, item.unread])).toEqual([
      ["RESPONSE_POSTED", false],
      ["PHASE_CHANGED", true],
    ]);
    const sentence = await notificationSentence("en");
    expect(sentence(items[1]!)).toBe(
      en.notifications.sentences.phaseChanged.replace("{title}", dialogue.title).replace("{phase}", en.phases.COLLECTING),
    );
    expect(items[1]!.titleLanguage).toBe(dialogue.languages[0]);
    expect((await appErrorOf(listNotifications(null))).code).toBe("UNAUTHENTICATED");
  });

  it("is paginated", async () => {
    const user = await createUser();
    const dialogue = await dialogueIn("COLLECTING");
    await db.notification.createMany({
      data: Array.from({ length: NOTIFICATIONS_PER_PAGE + 1 }, (_, i) => ({
        userId: user.id,
        type: "PHASE_CHANGED" as const,
        dialogueId: dialogue.id,
        createdAt: new Date(Date.now() - i * 1000),
      })),
    });
    const viewer = await viewerOf(user.id);
    const first = await listNotifications(viewer);
    const second = await listNotifications(viewer, { page: 2 });
    expect([first.items.length, first.pageCount, second.items.length]).toEqual([NOTIFICATIONS_PER_PAGE, 2, 1]);
    expect(second.items[0]!.createdAt.getTime()).toBeLessThan(first.items.at(-1)!.createdAt.getTime());
  });

  it("say what was hidden and why, in the reader's language", async () => {
    const { contribution, commenter, comment } = await threadWithComment();
    await db.comment.update({ where: { id: comment.id }, data: { hiddenAt: new Date(), hiddenCategory: "INSULT" } });
    await db.$transaction((tx) =>
      insertNotifications(
        tx,
        { subjectId: comment.id, commentId: comment.id, contributionId: contribution.id, to: [{ type: "CONTENT_HIDDEN", audience: { kind: "users", userIds: [commenter.id] } }] },
        null,
      ),
    );
    const { items } = await listNotifications(commenter);
    const de = await notificationSentence("de");
    expect(de(items[0]!)).toBe(`Ihr Kommentar zu „${contribution.title}“ wurde ausgeblendet: Beleidigung`);
  });
});

describe("marking read", () => {
  it("opening one's own notification marks it read and leads to it; the counter drops", async () => {
    const { dialogue, contribution, commenter, comment } = await threadWithComment();
    const replier = await participant(dialogue.id);
    await createComment(replier, { contributionId: contribution.id, parentId: comment.id, body: "Gern!", language: "de" });
    const [row] = await db.notification.findMany({ where: { userId: commenter.id } });
    expect(await countUnread(commenter)).toBe(1);

    const { path } = await openNotification(commenter, { id: row!.id });
    expect(path).toMatch(new RegExp(`^/[a-z0-9-]+/[a-z0-9-]+/c/${contribution.id}\\?comment=[0-9a-f-]+#comment-`));
    expect(await countUnread(commenter)).toBe(0);
  });

  it("refuses another person's notification (a forged id) and leaves it unread", async () => {
    const { dialogue, commenter } = await threadWithComment();
    const intruder = await participant(dialogue.id);
    const theirs = await db.notification.create({ data: { userId: commenter.id, type: "PHASE_CHANGED", dialogueId: dialogue.id } });

    expect((await appErrorOf(openNotification(intruder, { id: theirs.id }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(openNotification(null, { id: theirs.id }))).code).toBe("UNAUTHENTICATED");
    expect((await appErrorOf(openNotification(intruder, { id: "not-a-uuid" }))).code).toBe("INVALID_INPUT");
    await markAllRead(intruder);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });

  it("mark all read marks all of one's own", async () => {
    const { dialogue, commenter } = await threadWithComment();
    await db.notification.createMany({
      data: [1, 2, 3].map(() => ({ userId: commenter.id, type: "PHASE_CHANGED" as const, dialogueId: dialogue.id })),
    });
    expect(await markAllRead(commenter)).toEqual({ count: 3 });
    expect(await countUnread(commenter)).toBe(0);
  });
});
