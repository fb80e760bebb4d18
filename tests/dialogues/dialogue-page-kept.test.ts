// The dialogue page's shared parts kept per dialogue version (decision 091): what one reader's
// visit keeps never carries their own marks to another reader, and a write shows to the very
// next render, through the real loaders against the real database (only the statements are
// counted, by the reporting client of tests/support/statement-log.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as string[] }));
vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));

const { loadDialoguePage } = await import("@/lib/pages/dialogue-page");
const { loadDialogue } = await import("@/lib/dialogues/load-dialogue");
const { forgetAll, MAX_AGE_MS, sizeOf, storedKeys, storedValue } = await import("@/lib/cache/versioned-data");
const { db } = await import("@/lib/db/client");
const { addMember, createContribution, createDialogue, createUser, openDialogue } = await import("@/tests/support/factories");
const { pollIn } = await import("@/tests/support/polls");
const { viewerOf } = await import("@/tests/support/viewers");
const { answerPoll } = await import("@/lib/polls/answer-poll");
const { hideContent } = await import("@/lib/moderation/hide-content");
type Viewer = import("@/lib/policy/policy").Viewer;

async function openDialogueWith(contributions: number) {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  const created = [];
  for (let i = 0; i < contributions; i += 1) created.push(await createContribution({ dialogueId: dialogue.id }));
  const { slug: municipality } = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
  return { dialogue, municipality, contributions: created };
}

async function visit(viewer: Viewer | null, at: { municipality: string; dialogue: { slug: string } }, query: Record<string, string> = {}) {
  statements.log = [];
  const data = await loadDialoguePage(viewer, { locale: "de", municipality: at.municipality, dialogue: at.dialogue.slug }, query);
  if (!data) throw new Error("dialogue not found");
  return { data, statements: statements.log.length };
}

beforeEach(() => forgetAll());
afterEach(() => vi.useRealTimers());

describe("kept parts of the dialogue page", () => {
  it("carry no reader's own supports, contributions, answers, follow or cases to another reader", async () => {
    const at = await openDialogueWith(3);
    const author = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(at.dialogue.id, author.id, "PARTICIPANT");
    const own = await createContribution({ dialogueId: at.dialogue.id, authorId: author.id });
    const supportedByAuthor = at.contributions[0]!;
    await db.support.create({ data: { contributionId: supportedByAuthor.id, userId: author.id, perspective: "LIVED_EXPERIENCE" } });
    const poll = await pollIn(at.dialogue);
    const asAuthor = await viewerOf(author.id);
    await answerPoll(asAuthor, { pollId: poll.id, optionIds: [poll.options[1]!.id] });
    const other = await createUser({ perspective: "LOCAL_ACTOR" });
    await addMember(at.dialogue.id, other.id, "PARTICIPANT");
    const opener = await createUser();
    await db.mediationCase.create({ data: { dialogueId: at.dialogue.id, openedById: opener.id, subject: "Streit", participants: { create: [{ userId: author.id }] } } });

    // The author's visit loads everything (their marks in the same statements) and keeps it.
    const first = await visit(asAuthor, at);
    expect(first.data.contributions.items.find((item) => item.id === supportedByAuthor.id)?.supported).toBe(true);
    expect(first.data.contributions.items.find((item) => item.id === own.id)?.mine).toBe(true);
    expect(first.data.openPolls[0]!.mine).toEqual([poll.options[1]!.id]);
    expect(first.data.mediationCases).toHaveLength(1);
    expect(first.data.following).toBe(true);

    // What was kept holds none of the author's marks.
    const kept = storedKeys().map((key) => [key, JSON.stringify(storedValue(key))] as const);
    expect(kept.map(([key]) => key.split(":")[0]).sort()).toEqual(["dialogue", "districts", "list", "polls"]);
    expect(kept.filter(([, value]) => /"supported":true|"mine":true|"mine":\[|"follows"|Streit/.test(value))).toEqual([]);
    expect(JSON.stringify(storedValue(kept.find(([key]) => key.startsWith("polls:"))![0]))).toContain(`"mine":null`);

    // Another member and a signed-out reader get the kept parts, none of the author's marks.
    const readers = [await viewerOf(other.id), null];
    const visits = [];
    for (const viewer of readers) visits.push(await visit(viewer, at));
    const firstIds = first.data.contributions.items.map((item) => item.id);
    expect(
      visits.map((next) => ({
        fewerStatements: next.statements < first.statements,
        ids: next.data.contributions.items.map((item) => item.id),
        marked: next.data.contributions.items.filter((item) => item.supported || item.mine),
        answers: next.data.openPolls.map((entry) => entry.mine),
        cases: next.data.mediationCases,
        following: next.data.following,
      })),
    ).toEqual([
      { fewerStatements: true, ids: firstIds, marked: [], answers: [null], cases: [], following: true },
      { fewerStatements: true, ids: firstIds, marked: [], answers: [null], cases: [], following: false },
    ]);

    // And the author, coming back to parts another reader's visit kept, gets their own marks:
    // the version with their follow and case, then their marks on what is shown.
    forgetAll();
    await visit(null, at);
    const back = await visit(asAuthor, at);
    expect(back.statements).toBe(2);
    expect(back.data.contributions.items.filter((item) => item.supported).map((item) => item.id)).toEqual([supportedByAuthor.id]);
    expect(back.data.contributions.items.filter((item) => item.mine).map((item) => item.id)).toEqual([own.id]);
    expect(back.data.openPolls[0]!.mine).toEqual([poll.options[1]!.id]);
    expect(back.data.mediationCases).toHaveLength(1);
  });

  it("give a signed-out reader no marks of a member whose load runs at the same time", async () => {
    const at = await openDialogueWith(2);
    const member = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await addMember(at.dialogue.id, member.id, "PARTICIPANT");
    await db.support.create({ data: { contributionId: at.contributions[0]!.id, userId: member.id, perspective: "LIVED_EXPERIENCE" } });
    const asMember = await viewerOf(member.id);
    await visit(null, at);
    forgetAll();
    const load = (viewer: Viewer | null) => loadDialoguePage(viewer, { locale: "de", municipality: at.municipality, dialogue: at.dialogue.slug }, {});
    const [forMember, forNobody, forNobodyToo] = await Promise.all([load(asMember), load(null), load(null)]);
    expect(forMember!.contributions.items.filter((item) => item.supported)).toHaveLength(1);
    expect(forNobody!.contributions.items.filter((item) => item.supported)).toHaveLength(0);
    expect(forNobodyToo!.contributions.items.filter((item) => item.supported)).toHaveLength(0);
    const afterwards = await visit(null, at);
    expect(afterwards.statements).toBe(1);
    expect(afterwards.data.contributions.items.filter((item) => item.supported)).toHaveLength(0);
  });

  it("keep no text a visitor typed into the address, however long", async () => {
    const at = await openDialogueWith(1);
    await pollIn(at.dialogue);
    await visit(null, at, { text: "x".repeat(5_000) });
    await visit(null, at, { text: "en" });
    expect(storedKeys().every((key) => key.length < 400)).toBe(true);
    expect(storedKeys().filter((key) => key.startsWith("polls:")).sort()).toEqual([
      `polls:${JSON.stringify([at.dialogue.id, "de", null])}`,
      `polls:${JSON.stringify([at.dialogue.id, "de", "en"])}`,
    ].sort());
  });

  it("are frozen outside production: a page that changed one would change it for everyone", async () => {
    const at = await openDialogueWith(1);
    await visit(null, at);
    const kept = await visit(null, at);
    expect(kept.statements).toBe(1);
    expect(() => {
      (kept.data.contributions.items as { title: string }[])[0]!.title = "verändert";
    }).toThrow(TypeError);
  });

  it("show a write to the next render: a support, a new contribution, a hidden one, a text changed", async () => {
    const at = await openDialogueWith(2);
    const before = await visit(null, at);
    expect(before.data.contributions.total).toBe(2);
    const target = before.data.contributions.items[0]!;

    const supporter = await createUser({ perspective: "LIVED_EXPERIENCE" });
    await db.support.create({ data: { contributionId: target.id, userId: supporter.id, perspective: "LIVED_EXPERIENCE" } });
    const supported = await visit(null, at);
    expect(supported.data.contributions.items.find((item) => item.id === target.id)?.supports.total).toBe(target.supports.total + 1);

    const added = await createContribution({ dialogueId: at.dialogue.id });
    const withAdded = await visit(null, at);
    expect(withAdded.data.contributions.total).toBe(3);
    expect(withAdded.data.contributions.items.map((item) => item.id)).toContain(added.id);

    const moderator = await createUser({ perspective: "MUNICIPAL_STAFF" });
    await addMember(at.dialogue.id, moderator.id, "MODERATOR");
    await hideContent(await viewerOf(moderator.id), { itemType: "contribution", itemId: added.id, category: "SPAM", reason: "Werbung." });
    const hidden = await visit(null, at);
    expect(hidden.data.contributions.items.map((item) => item.id)).not.toContain(added.id);
    expect(hidden.data.contributions.total).toBe(2);

    await db.dialogue.update({ where: { id: at.dialogue.id }, data: { summary: "Neu zusammengefasst." } });
    const retold = await visit(null, at);
    expect(retold.data.dialogue.summary).toBe("Neu zusammengefasst.");

    // Nothing written since: the same parts, from the version's one statement.
    const unchanged = await visit(null, at);
    expect(unchanged.statements).toBe(1);
    expect(unchanged.data.contributions).toEqual(hidden.data.contributions);
  });

  it("load the open polls again once the first of them has closed, and everything after MAX_AGE_MS", async () => {
    const at = await openDialogueWith(1);
    const poll = await pollIn(at.dialogue);
    const closesAt = poll.closesAt!.getTime();
    // This process's clock half a MAX_AGE_MS before the poll closes (the database keeps its own:
    // there the poll is open all along).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(closesAt - MAX_AGE_MS / 2));
    await visit(null, at);
    expect((await visit(null, at)).statements).toBe(1);

    // Past its closing time the kept polls are no longer trusted: loaded again, the rest still kept.
    vi.setSystemTime(new Date(closesAt + 1_000));
    const afterClosing = await visit(null, at);
    expect(afterClosing.statements).toBe(2);
    expect(statements.log[1]).toContain(`"Poll"`);

    vi.setSystemTime(new Date(closesAt + MAX_AGE_MS));
    const later = await visit(null, at);
    // The version, then the dialogue, the districts, the list and the polls again.
    expect(later.statements).toBe(5);
  });

  it("keep a draft's row, but show it only to its host team", async () => {
    const dialogue = await createDialogue();
    const { slug: municipality } = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    const host = await viewerOf(dialogue.createdById);
    expect(await loadDialogue(host, { municipalitySlug: municipality, dialogueSlug: dialogue.slug })).not.toBeNull();
    expect(await loadDialogue(null, { municipalitySlug: municipality, dialogueSlug: dialogue.slug })).toBeNull();
    const stranger = await viewerOf((await createUser()).id);
    statements.log = [];
    expect(await loadDialogue(stranger, { municipalitySlug: municipality, dialogueSlug: dialogue.slug })).toBeNull();
    // The kept row was found (the version's statement alone), and the policy still said no.
    expect(statements.log).toHaveLength(1);
    statements.log = [];
    expect(await loadDialogue(null, { municipalitySlug: municipality, dialogueSlug: dialogue.slug })).toBeNull();
    expect(statements.log).toHaveLength(1);
  });

  it("are not found once the dialogue is gone", async () => {
    const at = await openDialogueWith(1);
    await visit(null, at);
    await db.$executeRaw`DELETE FROM "Contribution" WHERE "dialogueId" = ${at.dialogue.id}::uuid`;
    await db.$executeRaw`UPDATE "Dialogue" SET "slug" = ${`${at.dialogue.slug}-moved`} WHERE "id" = ${at.dialogue.id}::uuid`;
    expect(await loadDialoguePage(null, { locale: "de", municipality: at.municipality, dialogue: at.dialogue.slug }, {})).toBeNull();
  });

  it("estimate what a value keeps alive from its text", () => {
    expect(sizeOf("abc")).toBeLessThan(sizeOf("abcdefghij"));
    expect(sizeOf({ items: [{ title: "x".repeat(1000) }] })).toBeGreaterThan(2000);
    expect(sizeOf(new Date())).toBeGreaterThan(0);
  });
});
