// support_not_by_author (decision 024): nobody supports their own contribution — a self-support
// would put a private perspective into the public tally next to the author's name. The author
// of words recorded on someone's behalf is whoever attached the receipt; the recorder is not the
// voice and may support them. Migration 20261206080126_support_not_by_author.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createContribution, createDialogue, createUser, openDialogue, respond } from "@/tests/support/factories";
import { expectConstraint } from "./expect-constraint";

const MIGRATION = path.join(process.cwd(), "prisma/migrations/20261206080126_support_not_by_author/migration.sql");

async function openNeed() {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  const author = await createUser({ perspective: "LIVED_EXPERIENCE", showPerspective: false });
  const need = await createContribution({ dialogueId: dialogue.id, authorId: author.id });
  return { dialogue, author, need };
}

/** A self-support as it could be given before the fix: written past every trigger. */
async function legacySelfSupport(contributionId: string, userId: string) {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
    await tx.support.create({ data: { contributionId, userId, perspective: "LIVED_EXPERIENCE" } });
    // Counted, as migration support_count_stored counted every support there was (decision 073).
    await tx.$executeRaw`UPDATE "Contribution" SET "supportCount" = "supportCount" + 1 WHERE "id" = ${contributionId}::uuid`;
  });
}

describe("support_not_by_author", () => {
  it("refuses a support row whose person is the contribution's author, accepts anyone else's", async () => {
    const { author, need } = await openNeed();
    await expectConstraint(
      db.support.create({ data: { contributionId: need.id, userId: author.id, perspective: "LIVED_EXPERIENCE" } }),
      "support_not_by_author",
    );
    const other = await createUser({ perspective: "LOCAL_ACTOR" });
    const support = await db.support.create({ data: { contributionId: need.id, userId: other.id, perspective: "LOCAL_ACTOR" } });
    await expectConstraint(db.support.update({ where: { id: support.id }, data: { userId: author.id } }), "support_not_by_author");
    expect(await db.support.count({ where: { contributionId: need.id } })).toBe(1);
  });

  it("lets the recorder support words they recorded, and refuses the person who attached the receipt", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const recorder = await createUser({ perspective: "LOCAL_ACTOR" });
    const recorded = await createContribution({ dialogueId: dialogue.id, authorId: null, source: "PAPER", recordedById: recorder.id, authorPerspective: "LIVED_EXPERIENCE" });
    await db.support.create({ data: { contributionId: recorded.id, userId: recorder.id, perspective: "LOCAL_ACTOR" } });

    const voice = await createUser({ perspective: "LIVED_EXPERIENCE", showPerspective: false });
    await db.contribution.update({ where: { id: recorded.id }, data: { authorId: voice.id } });
    await expectConstraint(
      db.support.create({ data: { contributionId: recorded.id, userId: voice.id, perspective: "LIVED_EXPERIENCE" } }),
      "support_not_by_author",
    );
    expect(await db.support.count({ where: { contributionId: recorded.id } })).toBe(1);
  });

  it("takes the support of a person who becomes the author (a receipt attached), even in a closed dialogue", async () => {
    const dialogue = await createDialogue();
    await openDialogue(dialogue.id);
    const voice = await createUser({ perspective: "LIVED_EXPERIENCE", showPerspective: false });
    const other = await createUser({ perspective: "LOCAL_ACTOR" });
    const recorder = await createUser({ perspective: "LOCAL_ACTOR" });
    const recorded = await createContribution({ dialogueId: dialogue.id, authorId: null, source: "PAPER", recordedById: recorder.id, authorPerspective: "LIVED_EXPERIENCE" });
    await db.support.create({ data: { contributionId: recorded.id, userId: voice.id, perspective: "LIVED_EXPERIENCE" } });
    await db.support.create({ data: { contributionId: recorded.id, userId: other.id, perspective: "LOCAL_ACTOR" } });
    await respond(recorded.id, { status: "DONE" });
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "CLOSED" } });

    await db.contribution.update({ where: { id: recorded.id }, data: { authorId: voice.id } });
    const left = await db.support.findMany({ where: { contributionId: recorded.id }, select: { userId: true } });
    expect(left).toEqual([{ userId: other.id }]);
    // Everyone else's support in a closed dialogue stays final.
    await expectConstraint(db.support.deleteMany({ where: { contributionId: recorded.id } }), "closed_dialogue_is_final");
  });

  it("the migration removes self-supports given before the fix, in every phase, and nothing else", async () => {
    const open = await openNeed();
    const closed = await openNeed();
    const other = await createUser({ perspective: "LOCAL_ACTOR" });
    await legacySelfSupport(open.need.id, open.author.id);
    await legacySelfSupport(closed.need.id, closed.author.id);
    await db.support.create({ data: { contributionId: open.need.id, userId: other.id, perspective: "LOCAL_ACTOR" } });
    await respond(closed.need.id, { status: "DONE" });
    await db.dialogue.update({ where: { id: closed.dialogue.id }, data: { phase: "CLOSED" } });

    const cleanup = readFileSync(MIGRATION, "utf8").split(/;\s*\n/).filter((part) => /^\s*DELETE FROM "Support" s USING/m.test(part));
    expect(cleanup).toHaveLength(1);
    await db.$executeRawUnsafe(cleanup[0]!.replace(/^(\s*--.*\n)*/m, ""));

    expect(await db.support.findMany({ where: { contributionId: { in: [open.need.id, closed.need.id] } }, select: { userId: true } })).toEqual([{ userId: other.id }]);
  });
});
