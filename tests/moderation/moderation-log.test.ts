// The moderation log: readable by the dialogue's moderators and the municipality's staff only,
// newest first, a page at a time. (That the database refuses UPDATE, DELETE and TRUNCATE of it
// is pinned in tests/db/moderation-log.test.ts.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hideContent } from "@/lib/moderation/hide-content";
import { listModerationLog, LOG_PAGE_SIZE } from "@/lib/moderation/list-moderation-log";
import { unhideContent } from "@/lib/moderation/unhide-content";
import { expectConstraint } from "@/tests/db/expect-constraint";
import { createUser } from "@/tests/support/factories";
import { appErrorOf, member, moderatedDialogue, viewerOf } from "./support";

describe("listModerationLog", () => {
  it.each(["moderator", "staff"] as const)("shows a dialogue's %s who did what, why and when, newest first", async (who) => {
    const world = await moderatedDialogue();
    const { dialogue, comment, moderator, otherModerator } = world;
    await hideContent(moderator, { itemType: "comment", itemId: comment.id, category: "INSULT", reason: "Beleidigung." });
    await unhideContent(otherModerator, { itemType: "comment", itemId: comment.id, reason: "Missverständnis geklärt." });
    const log = await listModerationLog(world[who], { dialogueId: dialogue.id });
    expect(log.entries.map((entry) => [entry.type, entry.actorName, entry.reason, entry.category, entry.contributionId])).toEqual([
      ["UNHIDE", otherModerator.displayName, "Missverständnis geklärt.", null, comment.contributionId],
      ["HIDE", moderator.displayName, "Beleidigung.", "INSULT", comment.contributionId],
    ]);
  });

  type World = Awaited<ReturnType<typeof moderatedDialogue>>;
  it.each([
    ["a participant whose item was hidden", (world: World) => world.author],
    ["a participant who reported", (world: World) => world.reporter],
    ["a co-host", (world: World) => member(world.dialogue.id, "CO_HOST")],
    ["someone from outside", async () => viewerOf((await createUser()).id)],
  ])("is closed to %s", async (_, who) => {
    const world = await moderatedDialogue();
    expect((await appErrorOf(listModerationLog(await who(world), { dialogueId: world.dialogue.id }))).code).toBe("FORBIDDEN");
  });

  it("is closed to the signed-out", async () => {
    const { dialogue } = await moderatedDialogue();
    expect((await appErrorOf(listModerationLog(null, { dialogueId: dialogue.id }))).code).toBe("UNAUTHENTICATED");
  });

  it("pages through a long log", async () => {
    const { dialogue, contribution, moderator } = await moderatedDialogue();
    await db.moderationAction.createMany({
      data: Array.from({ length: LOG_PAGE_SIZE + 3 }, (_, index) => ({
        dialogueId: dialogue.id,
        actorId: moderator.id,
        type: "DISMISS_REPORT" as const,
        contributionId: contribution.id,
        reason: `Eintrag ${index}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
      })),
    });
    const first = await listModerationLog(moderator, { dialogueId: dialogue.id });
    const second = await listModerationLog(moderator, { dialogueId: dialogue.id, page: "2" });
    expect([first.pageCount, first.entries.length, second.entries.length]).toEqual([2, LOG_PAGE_SIZE, 3]);
    expect(first.entries[0]?.reason).toBe(`Eintrag ${LOG_PAGE_SIZE + 2}`);
    expect(second.entries.map((entry) => entry.reason)).toEqual(["Eintrag 2", "Eintrag 1", "Eintrag 0"]);
  });

  it("rows written by the domain cannot be changed or removed afterwards", async () => {
    const { dialogue, comment, moderator } = await moderatedDialogue();
    await hideContent(moderator, { itemType: "comment", itemId: comment.id, category: "INSULT", reason: "Beleidigung." });
    const [entry] = await db.moderationAction.findMany({ where: { dialogueId: dialogue.id } });
    await expectConstraint(db.moderationAction.update({ where: { id: entry!.id }, data: { reason: "Geschönt." } }), "moderation_action_append_only");
    await expectConstraint(db.moderationAction.deleteMany({ where: { dialogueId: dialogue.id } }), "moderation_action_append_only");
    expect(await db.moderationAction.findUniqueOrThrow({ where: { id: entry!.id } })).toEqual(entry);
  });
});
