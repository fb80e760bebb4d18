// The results of a dialogue: every tally against a dialogue whose numbers are known, hidden and
// withdrawn contributions (and what hangs on them) left out, voices kept apart.
import { describe, expect, it } from "vitest";
import { getDialogueResults } from "@/lib/results/get-dialogue-results";
import { createDialogue, openDialogue } from "@/tests/support/factories";
import { appErrorOf } from "@/tests/support/viewers";
import { knownDialogue } from "./support";

describe("getDialogueResults", () => {
  it("counts needs and proposals by theme, perspective and source, without hidden or withdrawn ones", async () => {
    const { dialogue, theme1, theme2 } = await knownDialogue();
    const results = await getDialogueResults(null, { dialogueId: dialogue.id });

    expect(results.contributions).toMatchObject({ needs: 3, proposals: 1 });
    expect(results.contributions.byPerspective).toEqual([
      { perspective: "LIVED_EXPERIENCE", needs: 2, proposals: 0 },
      { perspective: "LOCAL_ACTOR", needs: 1, proposals: 0 },
      { perspective: "MUNICIPAL_STAFF", needs: 0, proposals: 0 },
      { perspective: "NOT_STATED", needs: 0, proposals: 1 },
    ]);
    expect(results.contributions.bySource).toEqual([
      { source: "ONLINE", needs: 2, proposals: 0 },
      { source: "MEETING", needs: 0, proposals: 1 },
      { source: "PAPER", needs: 1, proposals: 0 },
      { source: "INTERPRETED", needs: 0, proposals: 0 },
    ]);
    expect(results.themes.map((t) => [t.theme.id, t.needs, t.proposals, t.answeredNeeds])).toEqual([
      [theme1, 2, 0, 1],
      [theme2, 1, 1, 1],
    ]);
  });

  it("gives the share of needs answered and the count of each status", async () => {
    const { dialogue } = await knownDialogue();
    const { needs } = await getDialogueResults(null, { dialogueId: dialogue.id });
    expect(needs).toMatchObject({ total: 3, answered: 2 });
    expect(needs.answeredShare).toBeCloseTo(2 / 3);
    expect(needs.byStatus).toEqual([
      { status: "OPEN", count: 1 },
      { status: "UNDER_REVIEW", count: 0 },
      { status: "PLANNED", count: 1 },
      { status: "IN_PROGRESS", count: 0 },
      { status: "DONE", count: 1 },
      { status: "DECLINED", count: 0 },
    ]);
  });

  it("breaks support down by perspective, lived experience first, online and at meetings apart", async () => {
    const { dialogue, theme1, theme2 } = await knownDialogue();
    const { supports, themes } = await getDialogueResults(null, { dialogueId: dialogue.id });
    expect(supports).toEqual({
      online: 5,
      atMeetings: 7,
      byPerspective: [
        { perspective: "LIVED_EXPERIENCE", online: 3, atMeetings: 5 },
        { perspective: "LOCAL_ACTOR", online: 1, atMeetings: 2 },
        { perspective: "MUNICIPAL_STAFF", online: 1, atMeetings: 0 },
        { perspective: "NOT_STATED", online: 0, atMeetings: 0 },
      ],
    });
    const byTheme = new Map(themes.map((t) => [t.theme.id, t.supports]));
    expect(byTheme.get(theme1)?.map((p) => [p.perspective, p.online, p.atMeetings])).toEqual([
      ["LIVED_EXPERIENCE", 3, 5],
      ["LOCAL_ACTOR", 1, 2],
      ["MUNICIPAL_STAFF", 0, 0],
      ["NOT_STATED", 0, 0],
    ]);
    expect(byTheme.get(theme2)?.map((p) => [p.perspective, p.online, p.atMeetings])).toEqual([
      ["LIVED_EXPERIENCE", 0, 0],
      ["LOCAL_ACTOR", 0, 0],
      ["MUNICIPAL_STAFF", 1, 0],
      ["NOT_STATED", 0, 0],
    ]);
  });

  it("names the responsible actors of each theme, by name", async () => {
    const { dialogue, theme1, theme2, actorA, actorB } = await knownDialogue();
    const { themes } = await getDialogueResults(null, { dialogueId: dialogue.id });
    const actorsOf = (themeId: string) => themes.find((t) => t.theme.id === themeId)?.actors;
    expect(actorsOf(theme1)).toEqual([
      { id: actorA.id, name: actorA.name, kind: "MUNICIPAL_DEPARTMENT", refugeeLed: false, note: "Wohnungsvermittlung" },
      { id: actorB.id, name: actorB.name, kind: "WELFARE_ASSOCIATION", refugeeLed: false, note: null },
    ]);
    expect(actorsOf(theme2)?.map((a) => a.id)).toEqual([actorB.id]);
  });

  it("lists the meetings held with the contributions and supports recorded there", async () => {
    const { dialogue, pastMeeting, emptyMeeting } = await knownDialogue();
    const { meetings } = await getDialogueResults(null, { dialogueId: dialogue.id });
    // The future meeting is not listed; the hidden contribution and its supports do not count.
    expect(meetings.map((m) => [m.id, m.title, m.contributions, m.supports])).toEqual([
      [pastMeeting.id, "Sammelabend", 1, 7],
      [emptyMeeting.id, emptyMeeting.title, 0, 0],
    ]);
    expect(meetings[0]?.startsAt).toEqual(pastMeeting.startsAt);
  });

  it("gives zeros, not gaps, for a dialogue without contributions", async () => {
    const dialogue = await createDialogue();
    const results = await getDialogueResults(null, { dialogueId: dialogue.id }).catch((error: unknown) => error);
    // A draft is not public: signed out, nobody reads it.
    expect(results).toMatchObject({ code: "UNAUTHENTICATED" });

    await openDialogue(dialogue.id);
    const empty = await getDialogueResults(null, { dialogueId: dialogue.id });
    expect(empty.needs).toMatchObject({ total: 0, answered: 0, answeredShare: null });
    expect(empty.supports.byPerspective.map((p) => p.perspective)).toEqual(["LIVED_EXPERIENCE", "LOCAL_ACTOR", "MUNICIPAL_STAFF", "NOT_STATED"]);
    expect(empty.themes).toHaveLength(2);
    expect(empty.meetings).toEqual([]);
  });

  it("answers NOT_FOUND for an unknown dialogue and INVALID_INPUT for a malformed id", async () => {
    expect((await appErrorOf(getDialogueResults(null, { dialogueId: "0190a000-0000-7000-8000-000000000000" }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(getDialogueResults(null, { dialogueId: "nope" }))).code).toBe("INVALID_INPUT");
  });
});
