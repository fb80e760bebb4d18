// The "most supported" order reads a count stored on the contribution (decision 073): triggers
// keep it equal to the supports given online plus those counted at meetings, through every way
// they change (given, withdrawn, a meeting's tally recorded and corrected, a merge), nothing else
// may write it, and the list's statement is served by its index without sorting the dialogue.
// The order and the pages themselves are pinned by sorts.test.ts and keyset.test.ts.
import { describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as { query: string; params: string }[] }));
vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query, params) => statements.log.push({ query, params })));

const { db } = await import("@/lib/db/client");
const { listContributions } = await import("@/lib/contributions/list-contributions");
const { mergeContributions } = await import("@/lib/contributions/merge-contributions");
const { giveSupport } = await import("@/lib/supports/give-support");
const { withdrawSupport } = await import("@/lib/supports/withdraw-support");
const { addMember, createContribution, createMeeting, createUser } = await import("@/tests/support/factories");
const { dialogueIn, participant, viewerOf } = await import("@/tests/support/participation");
const { support } = await import("@/tests/support/bulk");
const { openedDialogue, seed } = await import("./seed");

/** The stored count beside the one counted from the supports themselves. */
async function counts(...ids: string[]) {
  const rows = await db.$queryRaw<{ id: string; stored: number; counted: number }[]>`
    SELECT c."id", c."supportCount" AS "stored",
      ((SELECT count(*) FROM "Support" s WHERE s."contributionId" = c."id")
       + (SELECT coalesce(sum(m."count"), 0) FROM "MeetingSupport" m WHERE m."contributionId" = c."id"))::int AS "counted"
    FROM "Contribution" c WHERE c."id" = ANY(${ids}::uuid[])`;
  return ids.map((id) => rows.find((row) => row.id === id));
}

describe("Contribution.supportCount", () => {
  it("follows supports given and withdrawn, meeting tallies recorded, corrected and removed, and a merge", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const kept = await createContribution({ dialogueId: dialogue.id });
    const duplicate = await createContribution({ dialogueId: dialogue.id });
    expect(await counts(kept.id, duplicate.id)).toEqual([
      { id: kept.id, stored: 0, counted: 0 },
      { id: duplicate.id, stored: 0, counted: 0 },
    ]);

    const [a, b, c] = await Promise.all([participant(dialogue.id), participant(dialogue.id, "LOCAL_ACTOR"), participant(dialogue.id)]);
    await Promise.all([a, b, c].map((viewer) => giveSupport(viewer, { contributionId: duplicate.id })));
    await giveSupport(b, { contributionId: kept.id });
    await withdrawSupport(c, { contributionId: duplicate.id });
    expect((await counts(duplicate.id))[0]).toEqual({ id: duplicate.id, stored: 2, counted: 2 });

    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
    const tally = await db.meetingSupport.create({ data: { contributionId: duplicate.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 7, recordedById: recorder.id } });
    await db.meetingSupport.update({ where: { id: tally.id }, data: { count: 4 } });
    await db.meetingSupport.create({ data: { contributionId: kept.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 5, recordedById: recorder.id } });
    const other = await db.meetingSupport.create({ data: { contributionId: kept.id, meetingId: meeting.id, perspective: "LOCAL_ACTOR", count: 9, recordedById: recorder.id } });
    await db.meetingSupport.delete({ where: { id: other.id } });
    expect(await counts(kept.id, duplicate.id)).toEqual([
      { id: kept.id, stored: 6, counted: 6 },
      { id: duplicate.id, stored: 6, counted: 6 },
    ]);

    // Supports move once per person (b supported both), the meeting's tallies add up or move.
    const coHost = await createUser();
    await addMember(dialogue.id, coHost.id, "CO_HOST");
    await mergeContributions(await viewerOf(coHost.id), { mergedId: duplicate.id, keptId: kept.id, reason: "Dasselbe Anliegen.", reasonLanguage: "de" });
    expect(await counts(kept.id, duplicate.id)).toEqual([
      { id: kept.id, stored: 11, counted: 11 },
      { id: duplicate.id, stored: 0, counted: 0 },
    ]);
  });

  it("counts every one of many people who support one contribution at the same moment, none of them refused", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const contribution = await createContribution({ dialogueId: dialogue.id });
    const people = await Promise.all(Array.from({ length: 12 }, () => participant(dialogue.id)));
    const results = await Promise.allSettled(people.map((viewer) => giveSupport(viewer, { contributionId: contribution.id })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await counts(contribution.id)).toEqual([{ id: contribution.id, stored: 12, counted: 12 }]);
  });

  it("is written by the triggers only: a new contribution starts at 0, a direct update is refused", async () => {
    const dialogue = await openedDialogue();
    const [row] = await seed(dialogue, [{ minute: 1 }]);
    if (!row) throw new Error("not seeded");
    await support([row.id], "LOCAL_ACTOR", 2);
    await expect(db.$executeRaw`UPDATE "Contribution" SET "supportCount" = 50 WHERE "id" = ${row.id}::uuid`).rejects.toThrow(/kept by the support triggers/);
    const [copy] = await db.$queryRaw<{ supportCount: number }[]>`
      INSERT INTO "Contribution" ("id", "dialogueId", "themeId", "kind", "title", "body", "language", "authorId", "authorPerspective", "supportCount", "updatedAt")
      SELECT gen_random_uuid(), "dialogueId", "themeId", "kind", "title", "body", "language", "authorId", "authorPerspective", 50, now()
      FROM "Contribution" WHERE "id" = ${row.id}::uuid RETURNING "supportCount"`;
    expect(copy?.supportCount).toBe(0);
    expect(await counts(row.id)).toEqual([{ id: row.id, stored: 2, counted: 2 }]);
  });

  it.each(["page 1", "page 2 through a cursor"] as const)("the list's statement for the most supported, on %s, reads the index in order: no sort of the dialogue's rows", async (where) => {
    const dialogue = await openedDialogue();
    const rows = await seed(dialogue, Array.from({ length: 45 }, (_, i) => ({ minute: i })));
    await support(rows.filter((_, i) => i % 3 === 0).map((r) => r.id), "LOCAL_ACTOR", 2);
    const first = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "ar", filters: { sort: "supported" } });
    const after = where === "page 1" ? undefined : first.cursors.last ?? undefined;
    if (where !== "page 1" && !after) throw new Error("no cursor to page 2");

    statements.log.length = 0;
    await listContributions({ dialogueId: dialogue.id, page: after ? 2 : 1, locale: "ar", filters: { sort: "supported" }, after });
    const list = statements.log.find((statement) => statement.query.includes('"Contribution"'));
    if (!list) throw new Error("no list statement");
    // The statement as sent, with its parameters; on a table this small only the planner's
    // alternatives switched off make it show whether the index can give the order.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${list.query}`, ...(JSON.parse(list.params) as unknown[]));
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index Scan using "Contribution_dialogueId_supportCount_createdAt_id_idx"/);
    // (A sort inside a row's own lookups, e.g. its translation, is not the list's order.)
    expect(text).not.toMatch(/Sort Key: .*"createdAt"/);
  });
});
