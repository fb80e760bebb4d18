// The rule "a perspective is public only where its owner shows it" exists in memory (pages, open
// data) and as SQL (list order, results, exports): both must give the same answer in every case.
import { beforeAll, describe, expect, it } from "vitest";
import { publicPerspective, publicPerspectiveSql } from "@/lib/perspectives/public-perspective";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { createComment, createContribution, createDialogue, createUser, openDialogue } from "@/tests/support/factories";

type Case = {
  name: string;
  account: { showPerspective: boolean; deleted: boolean } | null;
  voiceShows: boolean;
  expected: "shown" | "private";
  /** The snapshot; lived experience unless said otherwise. */
  perspective?: "MUNICIPAL_STAFF" | "LOCAL_ACTOR";
  /** Recorded on the person's behalf and its receipt attached to the account (decision 032). */
  attached?: boolean;
};

const CASES: Case[] = [
  { name: "an author who shows it", account: { showPerspective: true, deleted: false }, voiceShows: false, expected: "shown" },
  { name: "an author who keeps it private", account: { showPerspective: false, deleted: false }, voiceShows: false, expected: "private" },
  // The flag of offline voices means nothing for an author with an account.
  { name: "a private author, flag set by mistake", account: { showPerspective: false, deleted: false }, voiceShows: true, expected: "private" },
  { name: "a deleted account that showed it", account: { showPerspective: true, deleted: true }, voiceShows: false, expected: "private" },
  // Staff is a role with a verified badge, not a private self-declaration.
  { name: "staff who do not tick the box", account: { showPerspective: false, deleted: false }, voiceShows: false, expected: "shown", perspective: "MUNICIPAL_STAFF" },
  { name: "a local actor who keeps it private", account: { showPerspective: false, deleted: false }, voiceShows: false, expected: "private", perspective: "LOCAL_ACTOR" },
  { name: "an offline voice that agreed", account: null, voiceShows: true, expected: "shown" },
  { name: "an offline voice that was not asked", account: null, voiceShows: false, expected: "private" },
  // Attaching a receipt never makes public what the voice kept private at read-back.
  { name: "an attached voice that agreed, account shows it", account: { showPerspective: true, deleted: false }, voiceShows: true, expected: "shown", attached: true },
  { name: "an attached voice that kept it private, account shows it", account: { showPerspective: true, deleted: false }, voiceShows: false, expected: "private", attached: true },
  { name: "an attached voice that agreed, account keeps it private", account: { showPerspective: false, deleted: false }, voiceShows: true, expected: "private", attached: true },
  { name: "an attached voice that kept it private, as staff", account: { showPerspective: false, deleted: false }, voiceShows: false, expected: "private", attached: true, perspective: "MUNICIPAL_STAFF" },
];

let dialogueId: string;
const rows = new Map<string, { contributionId: string; commentId: string | null }>();

beforeAll(async () => {
  const dialogue = await createDialogue();
  dialogueId = dialogue.id;
  await openDialogue(dialogueId);
  for (const item of CASES) {
    const perspective = item.perspective ?? "LIVED_EXPERIENCE";
    const user = item.account
      ? await createUser({ perspective, showPerspective: item.account.showPerspective, deletedAt: item.account.deleted ? new Date() : null })
      : null;
    const contribution = await createContribution({
      dialogueId,
      authorId: user?.id ?? null,
      authorPerspective: perspective,
      voiceShowsPerspective: item.voiceShows,
      ...(user && !item.attached ? {} : { source: "PAPER" as const, recordedById: (await createUser()).id, readBackConfirmedAt: new Date() }),
    });
    const comment = user && !item.attached ? await createComment({ contributionId: contribution.id, authorId: user.id, authorPerspective: perspective }) : null;
    rows.set(item.name, { contributionId: contribution.id, commentId: comment?.id ?? null });
  }
});

describe("publicPerspective and publicPerspectiveSql", () => {
  it.each(CASES)("$name: $expected, in memory and in SQL, for contributions and comments", async (item) => {
    const { contributionId, commentId } = rows.get(item.name)!;
    const expected = item.expected === "shown" ? (item.perspective ?? "LIVED_EXPERIENCE") : null;
    const stored = await db.contribution.findUniqueOrThrow({
      where: { id: contributionId },
      select: { authorPerspective: true, voiceShowsPerspective: true, source: true, author: { select: { showPerspective: true, deletedAt: true } } },
    });
    expect(publicPerspective(stored.authorPerspective, stored.author, stored.voiceShowsPerspective, stored.source !== "ONLINE")).toBe(expected);
    const [viaSql] = await db.$queryRaw<{ perspective: string | null }[]>(
      Prisma.sql`SELECT ${publicPerspectiveSql("contribution", "c")}::text AS "perspective" FROM "Contribution" c WHERE c."id" = ${contributionId}::uuid`,
    );
    expect(viaSql?.perspective).toBe(expected);
    // The stored group the default order and the results read (a private one is "not stated").
    const { shownPerspective } = await db.contribution.findUniqueOrThrow({ where: { id: contributionId }, select: { shownPerspective: true } });
    expect(shownPerspective).toBe(expected ?? "NOT_STATED");

    if (!commentId) return;
    const comment = await db.comment.findUniqueOrThrow({
      where: { id: commentId },
      select: { authorPerspective: true, author: { select: { showPerspective: true, deletedAt: true } } },
    });
    expect(publicPerspective(comment.authorPerspective, comment.author)).toBe(expected);
    const [commentSql] = await db.$queryRaw<{ perspective: string | null }[]>(
      Prisma.sql`SELECT ${publicPerspectiveSql("comment", "m")}::text AS "perspective" FROM "Comment" m WHERE m."id" = ${commentId}::uuid`,
    );
    expect(commentSql?.perspective).toBe(expected);
  });
});

describe("the stored group follows the author's choice at once", () => {
  const shown = async (contributionId: string) =>
    (await db.contribution.findUniqueOrThrow({ where: { id: contributionId }, select: { shownPerspective: true } })).shownPerspective;

  it("showing, hiding and deleting the account move an author's contributions between groups", async () => {
    const author = await createUser({ perspective: "LIVED_EXPERIENCE", showPerspective: false });
    const first = await createContribution({ dialogueId, authorId: author.id, authorPerspective: "LIVED_EXPERIENCE" });
    const second = await createContribution({ dialogueId, authorId: author.id, authorPerspective: "LIVED_EXPERIENCE" });
    expect([await shown(first.id), await shown(second.id)]).toEqual(["NOT_STATED", "NOT_STATED"]);
    await db.user.update({ where: { id: author.id }, data: { showPerspective: true } });
    expect([await shown(first.id), await shown(second.id)]).toEqual(["LIVED_EXPERIENCE", "LIVED_EXPERIENCE"]);
    await db.user.update({ where: { id: author.id }, data: { showPerspective: false } });
    expect(await shown(first.id)).toBe("NOT_STATED");
    await db.user.update({ where: { id: author.id }, data: { showPerspective: true } });
    await db.user.update({ where: { id: author.id }, data: { deletedAt: new Date() } });
    expect(await shown(first.id)).toBe("NOT_STATED");
  });

  it("an offline voice's consent, and nobody's direct write, decide its group", async () => {
    const contribution = await createContribution({
      dialogueId,
      authorId: null,
      authorPerspective: "LIVED_EXPERIENCE",
      source: "PAPER",
      recordedById: (await createUser()).id,
      readBackConfirmedAt: new Date(),
    });
    expect(await shown(contribution.id)).toBe("NOT_STATED");
    await db.contribution.update({ where: { id: contribution.id }, data: { shownPerspective: "LIVED_EXPERIENCE" } });
    expect(await shown(contribution.id)).toBe("NOT_STATED");
    await db.contribution.update({ where: { id: contribution.id }, data: { voiceShowsPerspective: true } });
    expect(await shown(contribution.id)).toBe("LIVED_EXPERIENCE");
  });
});
