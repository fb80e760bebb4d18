import { describe, expect, it } from "vitest";
import { parseContributionFilters } from "@/lib/contributions/contribution-filters";
import { createMeeting, createUser, respond, unique } from "@/tests/support/factories";
import { allIds, list, openedDialogue, seed } from "./seed";

describe("listContributions filters", () => {
  it("by kind", async () => {
    const dialogue = await openedDialogue();
    const [need, proposal] = await seed(dialogue, [{ kind: "NEED" }, { kind: "PROPOSAL" }]);
    expect((await list(dialogue.id, { kind: "NEED" })).items.map((i) => i.id)).toEqual([need?.id]);
    expect((await list(dialogue.id, { kind: "PROPOSAL" })).items.map((i) => i.id)).toEqual([proposal?.id]);
    expect((await list(dialogue.id)).total).toBe(2);
  });

  it("by theme", async () => {
    const dialogue = await openedDialogue();
    const [first, second] = dialogue.themes.map((theme) => theme.themeId);
    const [inFirst, inSecond] = await seed(dialogue, [{ themeId: first }, { themeId: second }]);
    expect((await list(dialogue.id, { themeId: first })).items.map((i) => i.id)).toEqual([inFirst?.id]);
    expect((await list(dialogue.id, { themeId: second })).items.map((i) => i.id)).toEqual([inSecond?.id]);
  });

  it("by status, which only a response changes", async () => {
    const dialogue = await openedDialogue();
    const [planned, open] = await seed(dialogue, [{}, {}]);
    if (!planned || !open) throw new Error("not seeded");
    await respond(planned.id, { status: "PLANNED" });
    expect((await list(dialogue.id, { status: "PLANNED" })).items.map((i) => i.id)).toEqual([planned.id]);
    expect((await list(dialogue.id, { status: "OPEN" })).items.map((i) => i.id)).toEqual([open.id]);
    expect((await list(dialogue.id, { status: "DONE" })).total).toBe(0);
  });

  it("by language", async () => {
    const dialogue = await openedDialogue();
    const [german, arabic, ukrainian] = await seed(dialogue, [{ language: "de" }, { language: "ar" }, { language: "uk" }]);
    expect((await list(dialogue.id, { language: "de" })).items.map((i) => i.id)).toEqual([german?.id]);
    expect((await list(dialogue.id, { language: "ar" })).items.map((i) => i.id)).toEqual([arabic?.id]);
    expect((await list(dialogue.id, { language: "uk" })).items.map((i) => i.id)).toEqual([ukrainian?.id]);
  });

  it("never shows hidden contributions or another dialogue's, whatever the filters", async () => {
    const dialogue = await openedDialogue();
    const other = await openedDialogue();
    const word = unique("Wohnung").replaceAll("-", "");
    const [visible] = await seed(dialogue, [{ body: word }, { body: word, hidden: true }]);
    await seed(other, [{ body: word }]);
    const found = await list(dialogue.id, { q: word, kind: "NEED", language: "de" });
    expect(found.items.map((i) => i.id)).toEqual([visible?.id]);
    expect(found.total).toBe(1);
  });

  it("combine, and page through the combination exactly once", async () => {
    const dialogue = await openedDialogue();
    const [first, second] = dialogue.themes.map((theme) => theme.themeId);
    // 45 match (NEED, first theme, Arabic); the others each miss one filter.
    const matching = Array.from({ length: 45 }, (_, i) => ({ kind: "NEED" as const, themeId: first, language: "ar", minute: i }));
    const created = await seed(dialogue, [
      ...matching,
      ...Array.from({ length: 10 }, (_, i) => ({ kind: "PROPOSAL" as const, themeId: first, language: "ar", minute: 100 + i })),
      ...Array.from({ length: 10 }, (_, i) => ({ kind: "NEED" as const, themeId: second, language: "ar", minute: 200 + i })),
      ...Array.from({ length: 10 }, (_, i) => ({ kind: "NEED" as const, themeId: first, language: "de", minute: 300 + i })),
    ]);
    const expected = created.slice(0, 45).map((c) => c.id);

    const filters = { kind: "NEED" as const, themeId: first, language: "ar", sort: "newest" as const };
    const result = await allIds(dialogue.id, filters);
    expect(result.total).toBe(45);
    expect(result.pageCount).toBe(3);
    // Newest first: the reverse of creation order, no row twice, none left out.
    expect(result.ids).toEqual([...expected].reverse());
    expect((await list(dialogue.id, filters, 3)).items).toHaveLength(5);
  });

  it("count meeting-only supports in the breakdown of a filtered page", async () => {
    const dialogue = await openedDialogue();
    const [item] = await seed(dialogue, [{ kind: "PROPOSAL" }]);
    if (!item) throw new Error("not seeded");
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
    const { db } = await import("@/lib/db/client");
    await db.meetingSupport.create({
      data: { contributionId: item.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 7, recordedById: recorder.id },
    });
    const [listed] = (await list(dialogue.id, { kind: "PROPOSAL" })).items;
    expect(listed?.supports.total).toBe(7);
  });

  it("reject malformed input in the domain function", async () => {
    const dialogue = await openedDialogue();
    // @ts-expect-error an unknown kind is what a forged call would send
    await expect(list(dialogue.id, { kind: "RANT" })).rejects.toThrow();
    await expect(list(dialogue.id, { themeId: "'; DROP TABLE" })).rejects.toThrow();
    await expect(list(dialogue.id, { q: "x".repeat(201) })).rejects.toThrow();
  });
});

describe("parseContributionFilters", () => {
  const themeId = "0190f0c4-0000-7000-8000-000000000001";
  const offered = { themeIds: [themeId], languages: ["de", "ar"] };

  it("reads every filter from the URL", () => {
    expect(
      parseContributionFilters(
        { kind: "NEED", theme: themeId, status: "PLANNED", language: "ar", q: "  Deutschkurs  ", sort: "supported" },
        offered,
      ),
    ).toEqual({ kind: "NEED", themeId, status: "PLANNED", language: "ar", q: "Deutschkurs", sort: "supported" });
  });

  it("drops unknown, old or repeated values and keeps the rest (a shared link never breaks)", () => {
    expect(
      parseContributionFilters(
        {
          kind: "RANT",
          theme: "0190f0c4-0000-7000-8000-000000000999",
          status: ["OPEN", "DONE"],
          language: "xx",
          q: "!!!",
          sort: "loudest",
          page: "2",
        },
        offered,
      ),
    ).toEqual({ kind: undefined, themeId: undefined, status: undefined, language: undefined, q: undefined, sort: "needs" });
    expect(parseContributionFilters({ kind: "PROPOSAL", theme: "not-a-uuid" }, offered)).toMatchObject({
      kind: "PROPOSAL",
      themeId: undefined,
      sort: "needs",
    });
  });

  it("cuts an overlong search instead of ignoring it", () => {
    expect(parseContributionFilters({ q: "a".repeat(500) }, offered).q).toHaveLength(200);
  });
});
