import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { CONTRIBUTIONS_PER_PAGE, EXCERPT_LENGTH, listContributions, parsePageNumber } from "@/lib/contributions/list-contributions";
import { PERSPECTIVE_ORDER } from "@/lib/perspectives/perspectives";
import type { ContributionKind, Perspective } from "@/lib/generated/prisma/enums";
import { createContribution, createDialogue, createMeeting, createUser, openDialogue } from "@/tests/support/factories";
import { createContributions, support, type ContributionSpec } from "@/tests/support/bulk";

async function openedDialogue() {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  return dialogue;
}

async function allPages(dialogueId: string) {
  const first = await listContributions({ dialogueId, page: 1, locale: "de" });
  const rest = await Promise.all(
    Array.from({ length: first.pageCount - 1 }, (_, i) => listContributions({ dialogueId, page: i + 2, locale: "de" })),
  );
  return [first, ...rest];
}

describe("listContributions", () => {
  it("pages through every visible contribution exactly once, 20 at a time", async () => {
    const dialogue = await openedDialogue();
    const specs = Array.from({ length: 45 }, (_, i): ContributionSpec => ({
      kind: i % 3 === 0 ? "PROPOSAL" : "NEED",
      perspective: PERSPECTIVE_ORDER[i % 4] ?? "NOT_STATED",
      minute: i,
    }));
    const created = await createContributions(dialogue, specs);

    const pages = await allPages(dialogue.id);
    expect(pages.map((p) => [p.page, p.pageCount, p.total, p.items.length])).toEqual([
      [1, 3, 45, 20],
      [2, 3, 45, 20],
      [3, 3, 45, 5],
    ]);
    const seen = pages.flatMap((p) => p.items.map((item) => item.id));
    expect(new Set(seen).size).toBe(45);
    expect(new Set(seen)).toEqual(new Set(created.map((c) => c.id)));
    expect(CONTRIBUTIONS_PER_PAGE).toBe(20);
  });

  it("lists needs raised by people with lived experience first, across page boundaries", async () => {
    const dialogue = await openedDialogue();
    // Created in an order that puts them last by time: the sort must not be by date alone.
    const specs: ContributionSpec[] = [
      ...Array.from({ length: 10 }, (_, i): ContributionSpec => ({ kind: "PROPOSAL", perspective: "LIVED_EXPERIENCE", minute: 100 + i })),
      ...Array.from({ length: 10 }, (_, i): ContributionSpec => ({ kind: "NEED", perspective: "MUNICIPAL_STAFF", minute: 200 + i })),
      ...Array.from({ length: 10 }, (_, i): ContributionSpec => ({ kind: "NEED", perspective: "NOT_STATED", minute: 300 + i })),
      ...Array.from({ length: 10 }, (_, i): ContributionSpec => ({ kind: "NEED", perspective: "LOCAL_ACTOR", minute: 400 + i })),
      ...Array.from({ length: 25 }, (_, i): ContributionSpec => ({ kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: i })),
    ];
    const created = await createContributions(dialogue, specs);
    const byId = new Map(created.map((c) => [c.id, c]));

    const pages = await allPages(dialogue.id);
    const order = pages.flatMap((p) => p.items).map((item) => byId.get(item.id));
    const key = (c: { kind: ContributionKind; authorPerspective: Perspective } | undefined) => `${c?.kind}/${c?.authorPerspective}`;

    expect(order.slice(0, 25).every((c) => key(c) === "NEED/LIVED_EXPERIENCE")).toBe(true);
    // Page 2 starts with the last five of them.
    expect(pages[1]?.items.slice(0, 5).every((item) => key(byId.get(item.id)) === "NEED/LIVED_EXPERIENCE")).toBe(true);
    // Then the other needs, perspective by perspective, then proposals.
    expect([...new Set(order.map(key))]).toEqual([
      "NEED/LIVED_EXPERIENCE",
      "NEED/LOCAL_ACTOR",
      "NEED/MUNICIPAL_STAFF",
      "NEED/NOT_STATED",
      "PROPOSAL/LIVED_EXPERIENCE",
    ]);
  });

  it("orders within a group newest first", async () => {
    const dialogue = await openedDialogue();
    const created = await createContributions(dialogue, [
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 1 },
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 3 },
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 2 },
    ]);
    const { items } = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" });
    expect(items.map((item) => item.id)).toEqual([created[1]?.id, created[2]?.id, created[0]?.id]);
  });

  it("breaks support down by perspective, lived experience first, zeros included, meetings apart", async () => {
    const dialogue = await openedDialogue();
    const [supported, unsupported] = await createContributions(dialogue, [
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 2 },
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 1 },
    ]);
    if (!supported || !unsupported) throw new Error("contributions missing");
    await support([supported.id], "LIVED_EXPERIENCE", 5);
    await support([supported.id], "LOCAL_ACTOR", 3);
    await support([supported.id], "NOT_STATED", 1);
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
    await db.meetingSupport.createMany({
      data: [
        { contributionId: supported.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 7, recordedById: recorder.id },
        { contributionId: supported.id, meetingId: meeting.id, perspective: "MUNICIPAL_STAFF", count: 2, recordedById: recorder.id },
      ],
    });

    const { items } = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" });
    const first = items.find((item) => item.id === supported.id);
    expect(first?.supports).toEqual({
      total: 18,
      byPerspective: [
        { perspective: "LIVED_EXPERIENCE", online: 5, atMeetings: 7 },
        { perspective: "LOCAL_ACTOR", online: 3, atMeetings: 0 },
        { perspective: "MUNICIPAL_STAFF", online: 0, atMeetings: 2 },
        { perspective: "NOT_STATED", online: 1, atMeetings: 0 },
      ],
    });
    const second = items.find((item) => item.id === unsupported.id);
    expect(second?.supports.total).toBe(0);
    expect(second?.supports.byPerspective.map((p) => p.perspective)).toEqual([...PERSPECTIVE_ORDER]);
  });

  it("leaves out hidden and withdrawn contributions, also from the count", async () => {
    const dialogue = await openedDialogue();
    const created = await createContributions(dialogue, [
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 1 },
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 2, hidden: true },
      { kind: "PROPOSAL", perspective: "LOCAL_ACTOR", minute: 3, withdrawn: true },
      { kind: "PROPOSAL", perspective: "LOCAL_ACTOR", minute: 4 },
    ]);
    const result = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" });
    expect(result.total).toBe(2);
    expect(result.items.map((item) => item.id)).toEqual([created[0]?.id, created[3]?.id]);
  });

  it("shows nothing of a dialogue that is (back) in DRAFT", async () => {
    // Contributions are only posted to open dialogues, so a draft with contributions is one
    // its hosts took back to DRAFT.
    const dialogue = await openedDialogue();
    await createContribution({ dialogueId: dialogue.id });
    await db.dialogue.update({ where: { id: dialogue.id }, data: { phase: "DRAFT" } });
    const result = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" });
    expect(result).toEqual({ items: [], page: 1, pageCount: 1, total: 0, cursors: { first: null, last: null } });
  });

  it("returns the fields the list shows", async () => {
    const dialogue = await openedDialogue();
    await createContributions(dialogue, [{ kind: "PROPOSAL", perspective: "LOCAL_ACTOR", minute: 1, language: "ar" }]);
    const [item] = (await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" })).items;
    expect(item).toMatchObject({
      kind: "PROPOSAL",
      status: "OPEN",
      language: "ar",
      themeId: dialogue.themes[0]?.themeId,
    });
  });

  it("returns a translation into the reader's language next to the original title", async () => {
    const dialogue = await openedDialogue();
    const [arabic, german] = await createContributions(dialogue, [
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 2, language: "ar" },
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 1, language: "de" },
    ]);
    if (!arabic || !german) throw new Error("contributions missing");
    const translator = await createUser({ perspective: "LOCAL_ACTOR" });
    await db.translation.createMany({
      data: [
        { contributionId: arabic.id, language: "de", title: "Wohnung gesucht", body: "Wir suchen eine Wohnung", translatorId: translator.id },
        { contributionId: arabic.id, language: "en", title: "Looking for a flat", body: "We look for a flat", method: "MACHINE" },
      ],
    });

    const inGerman = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" });
    expect(inGerman.items.map((item) => [item.title, item.translation])).toEqual([
      [arabic.title, { title: "Wohnung gesucht", method: "VOLUNTEER", excerpt: "Wir suchen eine Wohnung" }],
      [german.title, null],
    ]);
    const inEnglish = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "en" });
    expect(inEnglish.items[0]?.translation).toEqual({ title: "Looking for a flat", method: "MACHINE", excerpt: "We look for a flat" });
    const inFarsi = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "fa" });
    expect(inFarsi.items.every((item) => item.translation === null)).toBe(true);
  });

  it("carries the start of each body and whether the viewer supports it, for that viewer only", async () => {
    const dialogue = await openedDialogue();
    const [first, second] = await createContributions(dialogue, [
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 2 },
      { kind: "NEED", perspective: "LOCAL_ACTOR", minute: 1 },
    ]);
    if (!first || !second) throw new Error("contributions missing");
    const long = "Ein langer Text. ".repeat(40);
    await db.contribution.update({ where: { id: first.id }, data: { body: long } });
    const [member, other] = [await createUser({ perspective: "LOCAL_ACTOR" }), await createUser({ perspective: "NOT_STATED" })];
    await db.support.create({ data: { contributionId: first.id, userId: member.id, perspective: "LOCAL_ACTOR" } });

    const forMember = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de", viewerId: member.id });
    expect(forMember.items.map((item) => [item.id, item.supported])).toEqual([[first.id, true], [second.id, false]]);
    expect(forMember.items[0]?.excerpt).toBe(long.slice(0, EXCERPT_LENGTH));
    const forOther = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de", viewerId: other.id });
    expect(forOther.items.map((item) => item.supported)).toEqual([false, false]);
    const anonymous = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" });
    expect(anonymous.items.map((item) => item.supported)).toEqual([false, false]);
    expect(anonymous.items[0]?.supports.total).toBe(1);
  });

  it("tells a viewer which contributions are their own, so the list offers no support button there (decision 024)", async () => {
    const dialogue = await openedDialogue();
    const author = await createUser({ perspective: "LIVED_EXPERIENCE", showPerspective: false });
    const own = await createContribution({ dialogueId: dialogue.id, authorId: author.id });
    const others = await createContribution({ dialogueId: dialogue.id });
    const byId = (page: Awaited<ReturnType<typeof listContributions>>) => Object.fromEntries(page.items.map((item) => [item.id, item.mine]));
    expect(byId(await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de", viewerId: author.id }))).toEqual({ [own.id]: true, [others.id]: false });
    expect(byId(await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" }))).toEqual({ [own.id]: false, [others.id]: false });
  });

  it("refuses input that is not a dialogue id or a page number", async () => {
    await expect(listContributions({ dialogueId: "'; DROP TABLE", page: 1, locale: "de" })).rejects.toThrow();
    await expect(listContributions({ dialogueId: crypto.randomUUID(), page: 0, locale: "de" })).rejects.toThrow();
    await expect(listContributions({ dialogueId: crypto.randomUUID(), page: 1, locale: "de'--" })).rejects.toThrow();
  });
});

describe("parsePageNumber", () => {
  it.each([
    [undefined, 1],
    ["", 1],
    ["1", 1],
    ["3", 3],
    ["0", 1],
    ["-2", 1],
    ["2.5", 1],
    ["abc", 1],
    ["1e3", 1],
    [" 2", 1],
    ["99999999999999999999", 1],
    [["2", "3"], 1],
  ])("%j → %i", (value, expected) => {
    expect(parsePageNumber(value)).toBe(expected);
  });
});
