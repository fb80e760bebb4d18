// The dialogue page must cost the same number of SQL statements with 10 contributions as
// with 2,000, with or without filters, search and sort: no query per row (N+1). The shared client is swapped
// for one that reports every statement (tests/support/statement-log.ts). What is counted is the
// page's own loader (loadDialoguePage, the one data call of app/[locale]/[municipality]/[dialogue]
// /page.tsx), signed out and signed in; the last block walks the page's imports and fails when
// anything it renders could send a statement of its own (issue 16/17: load once, pass down).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { leaksPast, reach } from "@/tests/support/import-walk";

const statements = vi.hoisted(() => ({ log: [] as string[] }));

vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));

const { loadDialoguePage } = await import("@/lib/pages/dialogue-page");
const { filtersToQuery } = await import("@/lib/contributions/contribution-filters");
type Filters = import("@/lib/contributions/contribution-filters").ContributionFilters;
type Viewer = import("@/lib/policy/policy").Viewer;
const { createSession } = await import("@/lib/auth/sessions");
const { viewerForSessionToken } = await import("@/lib/auth/get-viewer");
const { loadSessionControls } = await import("@/lib/pages/session-controls");
const { listOpenDialogues } = await import("@/lib/dialogues/list-open-dialogues");
const { db } = await import("@/lib/db/client");
const { addMember, createDialogue, createMeeting, createUser, openDialogue } = await import("@/tests/support/factories");
const { createContributions, support } = await import("@/tests/support/bulk");
const { answerPoll } = await import("@/lib/polls/answer-poll");
const { closeNow, pollIn } = await import("@/tests/support/polls");
const { viewerOf } = await import("@/tests/support/viewers");
const { forgetAll } = await import("@/lib/cache/versioned-data");

async function dialogueWith(contributions: number) {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  const created = await createContributions(
    dialogue,
    Array.from({ length: contributions }, (_, i) => ({
      kind: i % 2 ? ("NEED" as const) : ("PROPOSAL" as const),
      perspective: (["LIVED_EXPERIENCE", "LOCAL_ACTOR", "MUNICIPAL_STAFF", "NOT_STATED"] as const)[i % 4] ?? "NOT_STATED",
      minute: i,
    })),
  );
  const ids = created.map((c) => c.id);
  await support(ids, "LIVED_EXPERIENCE", 3);
  await support(ids, "LOCAL_ACTOR", 2);
  const meeting = await createMeeting({ dialogueId: dialogue.id });
  const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.meetingSupport.createMany({
    data: ids.map((contributionId) => ({
      contributionId,
      meetingId: meeting.id,
      perspective: "LIVED_EXPERIENCE" as const,
      count: 4,
      recordedById: recorder.id,
    })),
  });
  const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
  return { dialogue, municipalitySlug: municipality.slug };
}

// Two tests read the same large dialogue; building it once keeps the file fast.
let large: ReturnType<typeof dialogueWith> | undefined;
const largeDialogue = () => (large ??= dialogueWith(2000));

/**
 * The statements one visit to a dialogue page sends: its loader, as the page calls it, and when
 * signed in the viewer's own statement before it (getViewer: the session with its roles) and the
 * header's (loadSessionControls: the unread notifications) — the whole request, as
 * bench/sql-recorder.mjs counts it in the server. `kept`: whether the instance keeps the shared
 * parts from the visits before (decision 091); by default every visit finds nothing kept. (Kept
 * under a version a write has since passed costs one statement more than nothing kept: the
 * version, then everything — the last test pins it within the budget.)
 */
async function statementsForDialoguePage(
  municipalitySlug: string,
  dialogueSlug: string,
  page: number,
  filters?: Filters,
  as?: { userId: string },
  kept = false,
) {
  let viewer: Viewer | null = null;
  let sessionToken: string | undefined;
  if (as) sessionToken = (await createSession(as.userId)).sessionToken;
  if (!kept) forgetAll();
  statements.log = [];
  if (sessionToken) viewer = await viewerForSessionToken(sessionToken);
  const query = { ...(filters ? filtersToQuery(filters) : {}), ...(page > 1 ? { page: String(page) } : {}) };
  const [data] = await Promise.all([
    loadDialoguePage(viewer, { locale: "de", municipality: municipalitySlug, dialogue: dialogueSlug }, query),
    viewer ? loadSessionControls(viewer) : null,
  ]);
  if (!data) throw new Error("dialogue not found");
  return { count: statements.log.length, contributions: data.contributions, data };
}

/**
 * Anonymous: the dialogue with everything dialogue-wide (one), the municipality's districts (one,
 * request-cached; decision 049), the list with its total (one), the polls open now with their
 * texts (one, however many). A municipality with districts adds their counts (one more,
 * tests/districts/district-threshold.test.ts).
 */
const ANONYMOUS = 4;
/**
 * Signed in: getViewer's one on top (the session with the person, their roles and the header's
 * count of unread notifications); the follow state, own mediation cases, own supports and own
 * poll answers ride along in the statements above. Issue 16's budget is 7.
 */
const SIGNED_IN = 5;
/**
 * With the shared parts kept for the dialogue's current version: the version (one); signed in,
 * getViewer's, the version with the viewer's follow and cases (one), and their own supports,
 * contributions and poll answers among those shown (one). A free-text search adds the list.
 */
const KEPT_ANONYMOUS = 1;
const KEPT_SIGNED_IN = 3;

describe("SQL statements per page", () => {
  beforeEach(() => {
    statements.log = [];
  });

  it("counts statements at all (the measuring works)", async () => {
    await db.$queryRaw`SELECT 1`;
    expect(statements.log).toHaveLength(1);
  });

  it("are the same for a dialogue with 10 and with 2,000 contributions", async () => {
    const small = await dialogueWith(10);
    const large = await largeDialogue();

    const forSmall = await statementsForDialoguePage(small.municipalitySlug, small.dialogue.slug, 1);
    const forLarge = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 1);
    const forLargeLastPage = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 100);

    // The pages really carried rows whose supports had to be looked up.
    expect(forSmall.contributions.items).toHaveLength(10);
    expect(forLarge.contributions.items).toHaveLength(20);
    expect(forLargeLastPage.contributions.items).toHaveLength(20);
    expect(forLarge.contributions.items.every((item) => item.supports.total === 3 + 2 + 4)).toBe(true);

    expect(forLarge.count).toBe(forSmall.count);
    expect(forLargeLastPage.count).toBe(forSmall.count);
    expect(forSmall.count).toBe(ANONYMOUS);

    // Visited again with nothing written: the version alone, and the same page.
    await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 100);
    const again = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 100, undefined, undefined, true);
    expect(again.count).toBe(KEPT_ANONYMOUS);
    expect(again.contributions).toEqual(forLargeLastPage.contributions);
  });

  it("stay within budget for a signed-in member who supports, follows and has a mediation case", async () => {
    const large = await dialogueWith(45);
    const member = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(large.dialogue.id, member.id, "PARTICIPANT");
    const first = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 1);
    const supported = first.contributions.items[0]!;
    await db.support.create({ data: { contributionId: supported.id, userId: member.id, perspective: "LIVED_EXPERIENCE" } });
    const opener = await createUser({ perspective: "LOCAL_ACTOR" });
    const mediation = await db.mediationCase.create({
      data: { dialogueId: large.dialogue.id, openedById: opener.id, subject: "Streit um Wohnung", participants: { create: [{ userId: member.id }] } },
    });

    // Two open polls, one in another language too, and one closed: still the same statements.
    const polls = [await pollIn(large.dialogue), await pollIn(large.dialogue, { choice: "MULTIPLE" })];
    await closeNow((await pollIn(large.dialogue)).id);
    await db.pollText.create({ data: { pollId: polls[0]!.id, dialogueId: large.dialogue.id, language: "en", question: "Does the shelter need a study room?", answers: ["Yes", "No", "Don't know"], writtenById: large.dialogue.createdById } });
    await answerPoll(await viewerOf(member.id), { pollId: polls[1]!.id, optionIds: [polls[1]!.options[0]!.id, polls[1]!.options[2]!.id] });

    const forMember = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 1, undefined, { userId: member.id });
    expect(forMember.count).toBe(SIGNED_IN);
    expect(forMember.count).toBeLessThanOrEqual(7);
    // What was loaded is the member's: their support, their follow (members follow), their case, their flags.
    expect(forMember.contributions.items.find((item) => item.id === supported.id)?.supported).toBe(true);
    expect(forMember.contributions.items.filter((item) => item.supported)).toHaveLength(1);
    expect(forMember.data.following).toBe(true);
    expect(forMember.data.mediationCases).toEqual([{ id: mediation.id, subject: "Streit um Wohnung" }]);
    expect(forMember.data.may).toMatchObject({ post: true, support: true, withdrawSupport: true, takePart: false, manage: false, export: false });
    expect(forMember.data.dialogue.meetings.upcoming.length + forMember.data.dialogue.meetings.past.length).toBe(1);
    expect(forMember.data.openPolls.map((poll) => [poll.id, poll.mine])).toEqual([
      [polls[1]!.id, [polls[1]!.options[0]!.id, polls[1]!.options[2]!.id]],
      [polls[0]!.id, null],
    ]);
    expect(forMember.data.openPolls[1]!.text).toMatchObject({ language: "de", question: polls[0]!.question });
    expect(forMember.data.may.answerPolls).toBe(true);

    // The same page for a signed-in person who has not joined, on the last page with filters.
    const outsider = await createUser({ perspective: "NOT_STATED" });
    const filters: Filters = { kind: "NEED", sort: "supported" };
    const forOutsider = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 2, filters, { userId: outsider.id });
    expect(forOutsider.contributions.items.length).toBeGreaterThan(0);
    expect(forOutsider.count).toBe(SIGNED_IN);
    expect(forOutsider.data.may).toMatchObject({ post: false, support: false, takePart: true, answerPolls: false });
    expect(forOutsider.data.mediationCases).toEqual([]);
    expect(forOutsider.data.following).toBe(false);
    expect(forOutsider.contributions.items.every((item) => !item.supported)).toBe(true);

    const anonymous = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 1);
    expect(anonymous.count).toBe(ANONYMOUS);
    expect(anonymous.count).toBeLessThanOrEqual(5);
    expect(anonymous.data.openPolls.map((poll) => poll.mine)).toEqual([null, null]);
    expect(anonymous.data.may.takePart).toBe(true);
    expect(anonymous.contributions.items.every((item) => !item.supported)).toBe(true);

    // The member again, now that the anonymous visit keeps the shared parts: fewer statements,
    // and still their own support, follow, case and answers.
    const keptForMember = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 1, undefined, { userId: member.id }, true);
    expect(keptForMember.count).toBe(KEPT_SIGNED_IN);
    expect(keptForMember.contributions.items.filter((item) => item.supported).map((item) => item.id)).toEqual([supported.id]);
    expect(keptForMember.data.following).toBe(true);
    expect(keptForMember.data.mediationCases).toEqual([{ id: mediation.id, subject: "Streit um Wohnung" }]);
    expect(keptForMember.data.openPolls.map((poll) => [poll.id, poll.mine])).toEqual(forMember.data.openPolls.map((poll) => [poll.id, poll.mine]));
    expect(keptForMember.contributions.items.map((item) => item.id)).toEqual(forMember.contributions.items.map((item) => item.id));
  });

  it.each([
    ["signed out", false],
    ["signed in", true],
  ] as const)("stay within budget %s when what is kept is older than a write", async (_label, signedIn) => {
    const { dialogue, municipalitySlug } = await dialogueWith(12);
    const member = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(dialogue.id, member.id, "PARTICIPANT");
    const as = signedIn ? { userId: member.id } : undefined;
    await statementsForDialoguePage(municipalitySlug, dialogue.slug, 1, undefined, as);
    const { contributions } = await statementsForDialoguePage(municipalitySlug, dialogue.slug, 1, undefined, undefined, true);
    // A support given since: the kept parts are of an older version.
    const supporter = await createUser({ perspective: "LOCAL_ACTOR" });
    await db.support.create({ data: { contributionId: contributions.items[0]!.id, userId: supporter.id, perspective: "LOCAL_ACTOR" } });
    const stale = await statementsForDialoguePage(municipalitySlug, dialogue.slug, 1, undefined, as, true);
    expect(stale.count).toBe((signedIn ? SIGNED_IN : ANONYMOUS) + 1);
    expect(stale.count).toBeLessThanOrEqual(signedIn ? 7 : 5);
    expect(stale.contributions.items[0]!.supports.total).toBe(contributions.items[0]!.supports.total + 1);
  });

  it.each(["needs", "newest", "supported"] as const)("are the same with filters, search and the sort %s, for 10 and 2,000 contributions", async (sort) => {
    const small = await dialogueWith(10);
    const large = await largeDialogue();
    // Every contribution's body starts with "Text zu" (tests/support/bulk.ts).
    const base = { kind: "NEED", language: "de", status: "OPEN", q: "text" } as const;
    const filters: Filters = { ...base, themeId: small.dialogue.themes[0]?.themeId, sort };
    const forSmall = await statementsForDialoguePage(small.municipalitySlug, small.dialogue.slug, 1, filters);
    const largeFilters: Filters = { ...filters, themeId: large.dialogue.themes[0]?.themeId };
    const forLarge = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 1, largeFilters);
    const forLargeLastPage = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 50, largeFilters);

    // Half are needs: 5 and 1,000 match, 50 pages of 20.
    expect(forSmall.contributions.total).toBe(5);
    expect(forLarge.contributions.total).toBe(1000);
    expect(forLargeLastPage.contributions.items).toHaveLength(20);
    expect(forLarge.contributions.items.every((item) => item.kind === "NEED" && item.supports.total === 9)).toBe(true);
    expect(forLarge.count, sort).toBe(forSmall.count);
    expect(forLargeLastPage.count, sort).toBe(forSmall.count);
    expect(forSmall.count).toBe(ANONYMOUS);

    // A search is never kept: the same words again send the list's statement again.
    await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 50, largeFilters);
    const searchedAgain = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 50, largeFilters, undefined, true);
    expect(searchedAgain.count).toBe(KEPT_ANONYMOUS + 1);
    const { q: _words, ...unsearched } = largeFilters;
    await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 50, unsearched);
    const unsearchedAgain = await statementsForDialoguePage(large.municipalitySlug, large.dialogue.slug, 50, unsearched, undefined, true);
    expect(unsearchedAgain.count).toBe(KEPT_ANONYMOUS);
  });

  it("are the same for the start page with 2 and with 30 dialogues", async () => {
    await dialogueWith(3);
    await dialogueWith(3);
    statements.log = [];
    await listOpenDialogues();
    const withFew = statements.log.length;

    for (let i = 0; i < 28; i += 1) {
      const dialogue = await createDialogue();
      await openDialogue(dialogue.id);
    }
    statements.log = [];
    await listOpenDialogues();
    expect(statements.log.length).toBe(withFew);
  });
});

// Nothing the dialogue page renders may reach the database or the policy on its own: the page
// calls its loaders (loadDialoguePage, loadDialogue, getViewer), and every component below it
// gets data and permission flags as props. Walks the page's value imports (type-only imports
// carry no code; server actions run on a POST, not in this render) and fails on a path to the
// database client or to the policy's can().
describe("the dialogue page's render path", () => {
  const PAGE = "app/[locale]/[municipality]/[dialogue]/page.tsx";
  const LOADERS = new Set(["lib/pages/dialogue-page.ts", "lib/dialogues/load-dialogue.ts", "lib/auth/get-viewer.ts"]);

  it("finds the database behind the loaders (the walk sees what it must)", () => {
    const fromLoader = reach("lib/pages/dialogue-page.ts", new Set());
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
