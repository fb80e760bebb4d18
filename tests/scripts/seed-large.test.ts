// `npm run seed:large` at a tiny size: the counts asked for, and data that keeps the domain's
// invariants (the database's triggers ran on every row; these checks look at the result).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedLargeData, type LargeDataSummary } from "@/bench/seed/seed-large-data";

const SIZES = { dialogues: 5, contributions: 400, supports: 3000, comments: 1500, people: 120, exportContributions: 200 };
let summary: LargeDataSummary;
let municipalityId: string;

beforeAll(async () => {
  summary = await seedLargeData(process.env.DATABASE_URL!, { ...SIZES, slug: "grossstadt-test", name: "Großstadt", seed: 7 });
  municipalityId = summary.municipalityId;
}, 120_000);

const inMunicipality = () => ({ dialogue: { municipalityId } });

describe("seed:large", () => {
  it("creates the requested numbers of dialogues, contributions, people, supports and comments", async () => {
    const dialogues = await db.dialogue.findMany({ where: { municipalityId }, select: { phase: true, slug: true } });
    expect(dialogues).toHaveLength(SIZES.dialogues + 1);
    expect(new Set(dialogues.map((d) => d.phase))).toEqual(new Set(["COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"]));
    expect(await db.contribution.count({ where: inMunicipality() })).toBe(SIZES.contributions + SIZES.exportContributions);
    expect(await db.contribution.count({ where: { dialogueId: summary.exportDialogue!.id } })).toBe(SIZES.exportContributions);
    expect(summary.largestDialogue.contributions).toBe(220);
    expect(await db.user.count({ where: { displayName: { startsWith: "Person " } } })).toBe(SIZES.people);
    // The regular dialogues get exactly the supports and comments asked for; the export dialogue some more.
    const regular = { contribution: { dialogueId: { not: summary.exportDialogue!.id }, ...inMunicipality() } };
    expect(await db.support.count({ where: regular })).toBe(SIZES.supports);
    expect(await db.comment.count({ where: regular })).toBe(SIZES.comments);
    expect(await db.comment.count({ where: { ...regular, parentId: { not: null } } })).toBeGreaterThan(0);
  });

  it("writes in several languages and scripts", async () => {
    const languages = await db.contribution.groupBy({ by: ["language"], where: inMunicipality(), _count: { _all: true } });
    expect(languages.map((l) => l.language).sort()).toEqual(["ar", "de", "en", "fa", "ru", "tr", "uk"]);
    const arabic = await db.contribution.findFirstOrThrow({ where: { ...inMunicipality(), language: "ar" }, select: { title: true } });
    expect(arabic.title).toMatch(/[\u0600-\u06FF]/);
  });

  it("lets only members support and comment, with their perspective as a snapshot", async () => {
    const strangers = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Support" s JOIN "Contribution" c ON c."id" = s."contributionId"
       JOIN "Dialogue" d ON d."id" = c."dialogueId" JOIN "User" u ON u."id" = s."userId"
      WHERE d."municipalityId" = ${municipalityId}::uuid
        AND (s."perspective" <> u."perspective"
             OR NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = s."userId" AND m."dialogueId" = d."id"))`;
    expect(strangers[0]?.n).toBe(0);
    const commenters = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Comment" k JOIN "Contribution" c ON c."id" = k."contributionId"
       JOIN "Dialogue" d ON d."id" = c."dialogueId"
      WHERE d."municipalityId" = ${municipalityId}::uuid
        AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = k."authorId" AND m."dialogueId" = d."id")`;
    expect(commenters[0]?.n).toBe(0);
  });

  it("answers every need of a closed dialogue, and each status is the latest response's", async () => {
    const closed = await db.dialogue.findFirstOrThrow({ where: { municipalityId, phase: "CLOSED" }, select: { id: true } });
    const unanswered = await db.contribution.count({
      where: { dialogueId: closed.id, kind: "NEED", hiddenAt: null, withdrawnAt: null, responses: { none: {} } },
    });
    expect(unanswered).toBe(0);
    const answered = await db.contribution.findMany({
      where: { ...inMunicipality(), responses: { some: {} } },
      select: { status: true, responses: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true } } },
    });
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((c) => c.status === c.responses[0]?.status)).toBe(true);
  });

  it("keeps offline voices apart from their recorders, and hidden content in the moderation log", async () => {
    const offline = await db.contribution.findMany({ where: { ...inMunicipality(), source: { not: "ONLINE" } }, select: { authorId: true, recordedById: true } });
    expect(offline.length).toBeGreaterThan(0);
    expect(offline.every((c) => c.recordedById !== null && c.recordedById !== c.authorId)).toBe(true);
    const hidden = await db.contribution.findMany({ where: { ...inMunicipality(), hiddenAt: { not: null } }, select: { moderationActions: { select: { type: true } } } });
    expect(hidden.every((c) => c.moderationActions.some((a) => a.type === "HIDE"))).toBe(true);
  });

  it("refuses to seed a municipality that is already there", async () => {
    await expect(seedLargeData(process.env.DATABASE_URL!, { ...SIZES, slug: "grossstadt-test", name: "Großstadt", seed: 7 })).rejects.toThrow(/exists already/);
  });
});
