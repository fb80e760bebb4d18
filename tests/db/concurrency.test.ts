// The closing and phase rules under many simultaneous requests (supports under concurrency:
// tests/supports/supports.test.ts). A dialogue closes only when every need has an
// answer, and a double click, or two hosts at once, moves it exactly one phase.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { advancePhase } from "@/lib/dialogues/advance-phase";
import { postResponse } from "@/lib/responses/post-response";
import { unhideContent } from "@/lib/moderation/unhide-content";
import { isAppError } from "@/lib/errors";
import type { DialoguePhase } from "@/lib/generated/prisma/enums";
import { createContribution, createUser, respond } from "@/tests/support/factories";
import { viewerOf } from "@/tests/support/viewers";
import { dialogueIn } from "@/tests/support/participation";

const hostOf = async (dialogue: { createdById: string }) => viewerOf(dialogue.createdById);

async function phaseOf(dialogueId: string): Promise<DialoguePhase> {
  return (await db.dialogue.findUniqueOrThrow({ where: { id: dialogueId } })).phase;
}

/** Visible needs without any answer in a dialogue: what closing must leave at zero. */
async function unansweredNeeds(dialogueId: string): Promise<number> {
  return db.contribution.count({ where: { dialogueId, kind: "NEED", withdrawnAt: null, hiddenAt: null, responses: { none: {} } } });
}

describe("advancing a phase under concurrency", () => {
  it.each(["COLLECTING", "DELIBERATING", "RESPONDING"] as const)(
    "20 simultaneous clicks from %s move the dialogue exactly one phase, logged once",
    async (from) => {
      const dialogue = await dialogueIn(from);
      const host = await hostOf(dialogue);
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => advancePhase(host, { dialogueId: dialogue.id, from })));

      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      for (const result of results) {
        if (result.status === "rejected") expect(isAppError(result.reason, "CONFLICT"), String(result.reason)).toBe(true);
      }
      const next = { COLLECTING: "DELIBERATING", DELIBERATING: "RESPONDING", RESPONDING: "CLOSED" }[from];
      expect(await phaseOf(dialogue.id)).toBe(next);
      expect(await db.phaseChange.count({ where: { dialogueId: dialogue.id, fromPhase: from } })).toBe(1);
    },
  );
});

describe("closing while needs are being answered", () => {
  it("closes only once the last answer is in, whatever the order (10 rounds)", async () => {
    for (let round = 0; round < 10; round++) {
      const dialogue = await dialogueIn("DELIBERATING");
      const needs = await Promise.all(Array.from({ length: 3 }, () => createContribution({ dialogueId: dialogue.id, kind: "NEED" })));
      await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "RESPONDING" } });
      await respond(needs[0]!.id, { status: "PLANNED" });
      await respond(needs[1]!.id, { status: "DONE" });
      const host = await hostOf(dialogue);

      // The last answer and two attempts to close, at once.
      const [answer, ...closes] = await Promise.allSettled([
        postResponse(host, { contributionId: needs[2]!.id, status: "DECLINED", body: "Leider nicht möglich, weil …" }),
        advancePhase(host, { dialogueId: dialogue.id, from: "RESPONDING" }),
        advancePhase(host, { dialogueId: dialogue.id, from: "RESPONDING" }),
      ]);
      expect(answer.status).toBe("fulfilled");
      expect(closes.flatMap((close) => (close.status === "rejected" && !isAppError(close.reason, "CONFLICT") ? [String(close.reason)] : [])), "refused otherwise than CONFLICT").toEqual([]);
      expect(closes.filter((close) => close.status === "fulfilled").length).toBeLessThanOrEqual(1);
      if ((await phaseOf(dialogue.id)) === "CLOSED") expect(await unansweredNeeds(dialogue.id)).toBe(0);
      // Whoever lost the race can close now.
      if ((await phaseOf(dialogue.id)) !== "CLOSED") await advancePhase(host, { dialogueId: dialogue.id, from: "RESPONDING" });
      expect(await phaseOf(dialogue.id)).toBe("CLOSED");
    }
  });

  it("a need that comes in while closing keeps the dialogue open, or was refused (database level, 10 rounds)", async () => {
    // The app takes no new needs while RESPONDING; the database rules must hold for any writer.
    for (let round = 0; round < 10; round++) {
      const dialogue = await dialogueIn("RESPONDING");
      const host = await hostOf(dialogue);
      const author = await createUser({ perspective: "LIVED_EXPERIENCE" });
      const theme = await db.dialogueTheme.findFirstOrThrow({ where: { dialogueId: dialogue.id } });
      await Promise.allSettled([
        advancePhase(host, { dialogueId: dialogue.id, from: "RESPONDING" }),
        db.contribution.create({
          data: {
            dialogueId: dialogue.id,
            themeId: theme.themeId,
            kind: "NEED",
            title: "Neu",
            body: "Kam während des Schließens",
            language: "de",
            authorId: author.id,
            authorPerspective: "LIVED_EXPERIENCE",
          },
        }),
      ]);
      // Either the close won (the need was refused) or the need came in first (the close was refused).
      const outcome = `${await phaseOf(dialogue.id)} with ${await unansweredNeeds(dialogue.id)} unanswered`;
      expect(["CLOSED with 0 unanswered", "RESPONDING with 1 unanswered"], `round ${round}`).toContain(outcome);
    }
  });

  it("a need restored by a moderator while closing keeps the dialogue open, or is not restored (10 rounds)", async () => {
    for (let round = 0; round < 10; round++) {
      const dialogue = await dialogueIn("RESPONDING");
      const host = await hostOf(dialogue);
      const need = await createContribution({ dialogueId: dialogue.id, kind: "NEED", hiddenAt: new Date(), hiddenCategory: "SPAM" });
      await Promise.allSettled([
        advancePhase(host, { dialogueId: dialogue.id, from: "RESPONDING" }),
        unhideContent(host, { itemType: "contribution", itemId: need.id, reason: "Doch kein Spam." }),
      ]);
      if ((await phaseOf(dialogue.id)) === "CLOSED") expect(await unansweredNeeds(dialogue.id), `round ${round}`).toBe(0);
    }
  });
});
