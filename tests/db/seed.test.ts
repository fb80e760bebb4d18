import { beforeAll, describe, expect, it } from "vitest";
import { handleOf, normalizeSignInCode, verifySignInCode } from "@/lib/auth/sign-in-code";
import { db } from "@/lib/db/client";
import { snapshotOf, type Perspective } from "@/lib/perspectives/perspectives";
import { DEFAULT_THEME_KEYS, DEFAULT_THEME_NAMES_DE } from "@/lib/themes/default-themes";
import { DEMO_ACCOUNTS, runSeed } from "@/prisma/seed";

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("tests/setup/per-file.ts sets DATABASE_URL");
  return url;
}

describe("the demo seed", () => {
  let firstRun: { seeded: boolean };
  beforeAll(async () => {
    firstRun = await runSeed(databaseUrl());
  });

  it("seeds an empty database, and only once", async () => {
    expect(firstRun).toEqual({ seeded: true });
    expect(await runSeed(databaseUrl())).toEqual({ seeded: false });
    const municipalities = await db.municipality.findMany({ include: { themes: { orderBy: { position: "asc" } } } });
    expect(municipalities.map((m) => m.slug)).toEqual(["musterstadt"]);
    expect(municipalities[0]?.themes.map((t) => [t.key, t.name])).toEqual(
      DEFAULT_THEME_KEYS.map((key) => [key, DEFAULT_THEME_NAMES_DE[key]]),
    );
  });

  it("has exactly one dialogue in each phase, each walked there step by step", async () => {
    const dialogues = await db.dialogue.findMany({ include: { phaseChanges: { orderBy: { createdAt: "asc" } } } });
    const order = ["DRAFT", "COLLECTING", "DELIBERATING", "RESPONDING", "CLOSED"] as const;
    expect(dialogues.map((d) => d.phase).sort()).toEqual([...order].sort());
    const walked = dialogues.map((dialogue) => [dialogue.slug, dialogue.phaseChanges.map((change) => `${change.fromPhase}>${change.toPhase}`)]);
    const stepByStep = dialogues.map((dialogue) => [dialogue.slug, order.slice(1, order.indexOf(dialogue.phase) + 1).map((to, index) => `${order[index]}>${to}`)]);
    expect(walked).toEqual(stepByStep);
  });

  it("opens no dialogue without a co-host who speaks from lived experience of flight", async () => {
    const open = await db.dialogue.findMany({
      where: { phase: { not: "DRAFT" } },
      include: { memberships: { where: { role: "CO_HOST" }, include: { user: true } } },
    });
    expect(open).toHaveLength(4);
    expect(open.filter((dialogue) => !dialogue.memberships.some((m) => m.user.perspective === "LIVED_EXPERIENCE")).map((dialogue) => dialogue.slug)).toEqual([]);
  });

  it("holds about fifty contributions, in German, Arabic, Farsi, Ukrainian and English, none in the draft", async () => {
    const contributions = await db.contribution.findMany({ include: { dialogue: true } });
    expect(contributions.length).toBeGreaterThanOrEqual(40);
    expect(contributions.length).toBeLessThanOrEqual(60);
    expect(new Set(contributions.map((c) => c.language))).toEqual(new Set(["de", "ar", "fa", "uk", "en"]));
    expect(contributions.filter((c) => c.dialogue.phase === "DRAFT")).toEqual([]);
    expect(new Set(contributions.map((c) => c.kind))).toEqual(new Set(["NEED", "PROPOSAL"]));
  });

  it("answers every need of the closed dialogue, and every status is the latest response's", async () => {
    const contributions = await db.contribution.findMany({
      include: { dialogue: true, responses: { orderBy: { createdAt: "asc" } } },
    });
    const closedNeeds = contributions.filter((c) => c.dialogue.phase === "CLOSED" && c.kind === "NEED");
    expect(closedNeeds.length).toBeGreaterThan(0);
    expect(closedNeeds.filter((need) => need.responses.length === 0).map((need) => need.title), "closed needs without a response").toEqual([]);
    const statuses = contributions.map((c) => [c.title, c.status]);
    expect(statuses, "each status is the latest response's").toEqual(contributions.map((c) => [c.title, c.responses.at(-1)?.status ?? "OPEN"]));
    expect(new Set(contributions.map((c) => c.status))).toEqual(
      new Set(["OPEN", "UNDER_REVIEW", "PLANNED", "IN_PROGRESS", "DONE", "DECLINED"]),
    );
  });

  it("names a responsible actor in every response", async () => {
    const responses = await db.response.findMany({
      include: { contribution: { include: { dialogue: { include: { responsibilities: true } } } } },
    });
    expect(responses.length).toBeGreaterThan(0);
    const responsibleFor = ({ contribution }: (typeof responses)[number]) =>
      contribution.dialogue.responsibilities.filter((r) => r.themeId === contribution.themeId).map((r) => r.actorId);
    expect(responses.filter((response) => !responsibleFor(response).includes(response.actorId!)).map((response) => response.contribution.title)).toEqual([]);
  });

  it("keeps the voice apart from whoever recorded it on someone's behalf", async () => {
    const onBehalf = await db.contribution.findMany({ where: { source: { not: "ONLINE" } } });
    expect(new Set(onBehalf.map((c) => c.source))).toEqual(new Set(["MEETING", "PAPER", "INTERPRETED"]));
    expect(onBehalf.some((c) => c.authorId === null)).toBe(true);
    expect(onBehalf.some((c) => c.authorId !== null)).toBe(true);
    const problems = onBehalf.flatMap((c) =>
      [
        c.recordedById === null && "recorded by nobody",
        c.recordedById === c.authorId && "recorded by its author",
        c.interpreterId !== null && c.interpreterId === c.authorId && "interpreted by its author",
        c.source !== "PAPER" && c.readBackConfirmedAt === null && "not read back",
        c.source === "MEETING" && c.meetingId === null && "at no meeting",
      ]
        .filter((problem) => problem !== false)
        .map((problem) => `${c.title}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it("snapshots perspectives as the people stated them, and staff from their role", async () => {
    const staff = { include: { municipalityMemberships: { where: { role: "STAFF" as const } } } };
    const voice = (user: { perspective: Perspective; municipalityMemberships: unknown[] }) => snapshotOf(user.perspective, user.municipalityMemberships.length > 0);
    const contributions = await db.contribution.findMany({ where: { authorId: { not: null } }, include: { author: staff } });
    expect(contributions.map((c) => [c.title, c.authorPerspective])).toEqual(contributions.map((c) => [c.title, voice(c.author!)]));
    const supports = await db.support.findMany({ include: { user: staff } });
    expect(supports.length).toBeGreaterThan(100);
    expect(supports.filter((support) => support.perspective !== voice(support.user)).map((support) => support.id)).toEqual([]);
    expect(await db.user.count({ where: { perspective: "MUNICIPAL_STAFF" } })).toBe(0);
  });

  it("lets only members who accepted the code of conduct take part in a dialogue", async () => {
    const memberships = await db.membership.findMany();
    const joined = new Map(memberships.map((m) => [`${m.dialogueId}:${m.userId}`, m]));
    const expectMember = (dialogueId: string, userId: string, at: Date) => {
      const membership = joined.get(`${dialogueId}:${userId}`);
      expect(membership?.codeOfConductAcceptedAt).toBeInstanceOf(Date);
      expect(membership?.codeOfConductAcceptedAt?.getTime()).toBeLessThanOrEqual(at.getTime());
    };
    const contributions = await db.contribution.findMany({ include: { comments: true, supports: true } });
    for (const c of contributions) {
      if (c.authorId) expectMember(c.dialogueId, c.authorId, c.createdAt);
      for (const comment of c.comments) expectMember(c.dialogueId, comment.authorId, comment.createdAt);
      for (const support of c.supports) expectMember(c.dialogueId, support.userId, support.createdAt);
    }
  });

  it("dates nothing that already happened in the future", async () => {
    const now = Date.now();
    const dated = [
      ...(await db.contribution.findMany({ select: { createdAt: true } })),
      ...(await db.comment.findMany({ select: { createdAt: true } })),
      ...(await db.support.findMany({ select: { createdAt: true } })),
      ...(await db.response.findMany({ select: { createdAt: true } })),
      ...(await db.phaseChange.findMany({ select: { createdAt: true } })),
    ];
    expect(dated.filter((row) => row.createdAt.getTime() > now)).toEqual([]);
  });

  it("has working invitations, translations, meeting counts and a logged hide", async () => {
    const invitations = await db.invitation.findMany();
    expect(invitations.length).toBeGreaterThan(0);
    const now = Date.now();
    expect(invitations.filter((i) => !/^[2-9A-HJKMNP-Z]{6,16}$/.test(i.code) || i.expiresAt.getTime() <= now).map((i) => i.code)).toEqual([]);
    expect(invitations.some((i) => i.role === "CO_HOST")).toBe(true);

    const translations = await db.translation.findMany({ include: { contribution: true } });
    expect(translations.length).toBeGreaterThan(0);
    // Volunteers translate what participants wrote; host texts are versions by their own writers.
    const wrong = translations.filter(
      (t) => t.method !== (t.contributionId || t.commentId ? "VOLUNTEER" : "AUTHOR") || t.translatorId === null || (t.contribution && t.language === t.contribution.language),
    );
    expect(wrong.map((t) => [t.id, t.method, t.language])).toEqual([]);
    expect(await db.meetingSupport.count()).toBeGreaterThan(0);
    // Host texts in other languages: a dialogue's description in Ukrainian and Arabic, one
    // dialogue with its own rules (in Arabic too), the others with the default rules.
    const versions = await db.translation.findMany({ where: { dialogueId: { not: null } }, select: { language: true, codeOfConduct: true } });
    expect(versions.map((v) => v.language)).toEqual(expect.arrayContaining(["uk", "ar"]));
    expect(versions.some((v) => v.codeOfConduct !== null)).toBe(true);
    expect(await db.dialogue.count({ where: { codeOfConduct: null } })).toBeGreaterThan(0);

    const hides = await db.moderationAction.findMany({ where: { type: "HIDE" }, include: { comment: true, report: true } });
    expect(hides).toHaveLength(1);
    const [hide] = hides;
    expect(hide?.reason.length).toBeGreaterThan(20);
    expect(hide?.comment?.hiddenCategory).toBe(hide?.category);
    expect(hide?.report?.status).toBe("UPHELD");
  });

  it.each(DEMO_ACCOUNTS)("gives the demo account $displayName its code: the handle finds the account, only a hash of the code is stored", async (account) => {
    expect(normalizeSignInCode(account.signInCode), account.displayName).toBe(account.signInCode);
    const user = await db.user.findUnique({ where: { signInHandle: handleOf(account.signInCode) } });
    expect(user?.displayName).toBe(account.displayName);
    expect(user?.email ?? undefined).toBe(account.email);
    expect(user?.signInCodeHash).toMatch(/^\$argon2id\$/);
    expect(await verifySignInCode(user?.signInCodeHash ?? "", account.signInCode), account.displayName).toBe(true);
  });

  it("has at least five demo accounts, every account with a code, staff and moderators, one platform admin", async () => {
    expect(DEMO_ACCOUNTS.length).toBeGreaterThanOrEqual(5);
    expect(await db.user.count({ where: { signInCodeHash: null } })).toBe(0);
    const roles = await db.municipalityMembership.findMany({ include: { user: true } });
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(["STAFF", "MODERATOR"]));
    expect(await db.user.count({ where: { isPlatformAdmin: true } })).toBe(1);
    expect(await db.user.count({ where: { perspective: "LIVED_EXPERIENCE", email: null } })).toBeGreaterThan(5);
  });
});
