// The contribution page must cost the same number of SQL statements with 3 comments as with 60
// (a window of them is shown, with replies and translations): no query per comment. What is
// counted is the page's own loader (loadContributionPage, the one data call of app/[locale]/
// [municipality]/[dialogue]/c/[contributionId]/page.tsx) as the page calls it, signed out and
// signed in; the last block walks the page's imports and fails when anything it renders could
// send a statement or decide a permission of its own (issue 17, step 2; decision 038).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { leaksPast, reach } from "@/tests/support/import-walk";

const statements = vi.hoisted(() => ({ log: [] as string[] }));

vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));

const { loadContributionPage } = await import("@/lib/pages/contribution-page");
const { forgetAll } = await import("@/lib/cache/versioned-data");
type Viewer = import("@/lib/policy/policy").Viewer;
const { createSession } = await import("@/lib/auth/sessions");
const { viewerForSessionToken } = await import("@/lib/auth/get-viewer");
const { loadSessionControls } = await import("@/lib/pages/session-controls");
const { db } = await import("@/lib/db/client");
const { addMember, createComment, createContribution, createDialogue, createMeeting, createUser, openDialogue } = await import("@/tests/support/factories");

/** A contribution with `threads` comments, each with two replies and a translation, answered once, supported at a meeting. */
async function contributionWith(threads: number) {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
  const contribution = await createContribution({ dialogueId: dialogue.id });
  const commenter = await createUser({ perspective: "LOCAL_ACTOR" });
  const comments = [];
  for (let i = 0; i < threads; i += 1) {
    const comment = await createComment({ contributionId: contribution.id, authorId: commenter.id });
    await createComment({ contributionId: contribution.id, authorId: commenter.id, parentId: comment.id });
    await createComment({ contributionId: contribution.id, parentId: comment.id });
    await db.translation.create({ data: { commentId: comment.id, language: "en", body: `Comment ${i}`, method: "VOLUNTEER", translatorId: commenter.id } });
    comments.push(comment);
  }
  const staff = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.response.create({ data: { contributionId: contribution.id, authorId: staff.id, status: "UNDER_REVIEW", body: "Wir prüfen das.", language: "de" } });
  const meeting = await createMeeting({ dialogueId: dialogue.id });
  await db.meetingSupport.create({ data: { contributionId: contribution.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 4, recordedById: staff.id } });
  const params = { locale: "en", municipality: municipality.slug, dialogue: dialogue.slug, contributionId: contribution.id };
  return { dialogue, contribution, comments, params };
}

/**
 * The statements one visit to the page sends: its loader, and when signed in the viewer's own
 * statement before it (getViewer) and the header's (loadSessionControls) — the whole request, as
 * bench/sql-recorder.mjs counts it in the server.
 */
async function statementsForContributionPage(params: Awaited<ReturnType<typeof contributionWith>>["params"], as?: { userId: string }) {
  const sessionToken = as ? (await createSession(as.userId)).sessionToken : undefined;
  // Nothing of the dialogue kept from an earlier visit (decision 091): each visit counts alike.
  forgetAll();
  statements.log = [];
  const viewer: Viewer | null = sessionToken ? await viewerForSessionToken(sessionToken) : null;
  const [data] = await Promise.all([loadContributionPage(viewer, params, {}), viewer ? loadSessionControls(viewer) : null]);
  if (!data?.shown) throw new Error("contribution not found");
  return { count: statements.log.length, data };
}

/**
 * Signed out: the dialogue with everything dialogue-wide (one, loadDialogue); the contribution with
 * its people, meeting, messenger channel, answers, support per perspective and per meeting, what
 * was merged into it and its voice message (one, getContribution); the comment window (four: the
 * threads and their people — Prisma's nested select, one statement per relation, not per row —,
 * the first replies of every thread with their people, the total); verified roles (one); the
 * translations of the contribution, its comments and answers (one); its photos (one); the traces
 * of the window's written-down voice comments (one). It was 34 before issue 16's pass (Prisma's
 * nested selects everywhere, and the meeting tallies, merged ones and voice message apart).
 * Measured, and pinned: a component or a per-row query that adds one fails here.
 */
const ANONYMOUS = 10;
/** Signed in: getViewer's one (with the header's unread notifications) and the follow state on top (the viewer's own support rides in getContribution's). */
const SIGNED_IN = 12;

describe("SQL statements of the contribution page", () => {
  beforeEach(() => {
    statements.log = [];
  });

  it("are the same with 3 and with 60 comments (each with replies and a translation)", async () => {
    const few = await contributionWith(3);
    const many = await contributionWith(60);
    const forFew = await statementsForContributionPage(few.params);
    const forMany = await statementsForContributionPage(many.params);

    // The window really carried comments, replies and translations that had to be looked up.
    expect(forFew.data.comments.threads).toHaveLength(3);
    expect(forMany.data.comments.threads).toHaveLength(20);
    expect(forMany.data.comments.threads.every((thread) => thread.replies.length === 2)).toBe(true);
    expect(forMany.data.translations.comments.size).toBe(20);
    expect(forMany.data.meetingSupports.tallies).toHaveLength(1);
    expect(forMany.data.contribution.responses).toHaveLength(1);

    expect(forMany.count).toBe(forFew.count);
    expect(forFew.count).toBe(ANONYMOUS);
    // Signed out, nothing is offered that needs an account.
    expect(Object.values(forFew.data.may).some(Boolean)).toBe(false);
    expect(Object.values(forFew.data.commentMay).every((may) => Object.values(may).every((flag) => !flag))).toBe(true);
  });

  it("stay within budget signed in, for a member and for the host team (who answer and record)", async () => {
    const { dialogue, contribution, comments, params } = await contributionWith(25);
    const member = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(dialogue.id, member.id, "PARTICIPANT");
    await db.support.create({ data: { contributionId: contribution.id, userId: member.id, perspective: "LIVED_EXPERIENCE" } });
    const forMember = await statementsForContributionPage(params, { userId: member.id });
    expect(forMember.count).toBe(SIGNED_IN);
    // The viewer's own support and the tallies (online and at meetings) ride in the contribution's statement.
    expect(forMember.data.contribution.supportedByViewer).toBe(true);
    expect(forMember.data.contribution.supports.byPerspective.find((row) => row.perspective === "LIVED_EXPERIENCE")).toEqual({ perspective: "LIVED_EXPERIENCE", online: 1, atMeetings: 4 });
    expect(forMember.data.may).toMatchObject({ comment: true, support: true, report: true, edit: false, respond: false, recordMeetingSupport: false });
    expect(forMember.data.meetingSupports.meetings).toBeNull();
    expect(forMember.data.commentMay[comments[0]!.id]).toEqual({ edit: false, delete: false, listen: false, transcribe: false, report: true });

    const host = await createUser({ perspective: "MUNICIPAL_STAFF" });
    await addMember(dialogue.id, host.id, "HOST");
    const forHost = await statementsForContributionPage(params, { userId: host.id });
    // The actors an answer can name: one statement more, only for those who answer.
    expect(forHost.count).toBe(SIGNED_IN + 1);
    expect(forHost.data.may).toMatchObject({ respond: true, recordMeetingSupport: true });
    expect(forHost.data.meetingSupports.meetings).toHaveLength(1);
    expect(forHost.data.contribution.supportedByViewer).toBe(false);

    // Its author may edit it (within the window) and is not offered to report it; the edit form's
    // choice of the municipality's districts is one statement more (decision 049).
    const forAuthor = await statementsForContributionPage(params, { userId: contribution.authorId! });
    expect(forAuthor.count).toBe(SIGNED_IN + 1);
    expect(forAuthor.data.may).toMatchObject({ edit: true, withdraw: true, report: false });
  });

  it("read why a comment was hidden for its author: one lookup per hidden comment shown to them", async () => {
    const { dialogue, comments, params } = await contributionWith(4);
    const hiddenComment = comments[1]!;
    const moderator = await createUser();
    await addMember(dialogue.id, moderator.id, "MODERATOR");
    await db.comment.update({ where: { id: hiddenComment.id }, data: { hiddenAt: new Date(), hiddenCategory: "SPAM" } });
    await db.moderationAction.create({ data: { dialogueId: dialogue.id, actorId: moderator.id, type: "HIDE", category: "SPAM", commentId: hiddenComment.id, reason: "Werbung." } });

    const forAuthor = await statementsForContributionPage(params, { userId: hiddenComment.authorId });
    expect(forAuthor.data.hideNotices.get(hiddenComment.id)).toMatchObject({ isAuthor: true, reason: "Werbung.", category: "SPAM" });
    expect(forAuthor.data.commentMay[hiddenComment.id]).toMatchObject({ edit: false, report: false });
    const forStranger = await statementsForContributionPage(params, { userId: (await createUser()).id });
    expect(forStranger.data.hideNotices.size).toBe(0);
    expect(forStranger.count).toBeGreaterThan(SIGNED_IN);
    expect(forAuthor.count).toBeGreaterThan(forStranger.count);
  });
});

// Nothing the contribution page renders may reach the database or the policy on its own: the
// page calls its loaders (loadContributionPage, loadContributionTitle, getViewer) and every
// component below it gets data and permission flags as props.
describe("the contribution page's render path", () => {
  const PAGE = "app/[locale]/[municipality]/[dialogue]/c/[contributionId]/page.tsx";
  const LOADERS = new Set(["lib/pages/contribution-page.ts", "lib/auth/get-viewer.ts"]);

  it("finds the database and the policy behind the loader (the walk sees what it must)", () => {
    const fromLoader = reach("lib/pages/contribution-page.ts", new Set());
    expect(fromLoader.has("lib/db/client.ts")).toBe(true);
    expect(fromLoader.has("lib/policy/policy.ts")).toBe(true);
  });

  it("reaches no query and no policy check except through the page's loaders", () => {
    const { reached, leaks } = leaksPast(PAGE, LOADERS);
    expect(reached.size).toBeGreaterThan(10);
    expect([...LOADERS].filter((loader) => reached.has(loader))).toEqual([...LOADERS]);
    expect(leaks).toEqual([]);
  });
});
