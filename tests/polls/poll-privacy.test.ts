// The small-number rule of poll results (decision 048), played as the attacker: a signed-out
// reader must not learn what one person answered, nor that someone of a small group answered.
import { describe, expect, it, vi } from "vitest";
import { answerPoll } from "@/lib/polls/answer-poll";
import { listPolls } from "@/lib/polls/list-polls";
import { recordPollMeetingCount } from "@/lib/polls/record-poll-meeting-count";
import { POLL_MIN_GROUP } from "@/lib/polls/poll-tally";
import { db } from "@/lib/db/client";
import { isNewer, PublicVersions } from "@/lib/cache/public-version";
import { createMeeting } from "@/tests/support/factories";
import { hostOf } from "@/tests/support/meetings";
import { dialogueIn, participant } from "@/tests/support/participation";
import { closeNow, pollIn } from "@/tests/support/polls";

// The route handler reads the client address for its rate limit: a fresh one per run.
const address = vi.hoisted(() => `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": address }) }));

/** A dialogue with one poll: five local actors answer "Ja", and one person with lived experience answers `theirs` (or no one does). */
async function scenario(theirs: 0 | 1 | null, close = true) {
  const dialogue = await dialogueIn("COLLECTING");
  const poll = await pollIn(dialogue);
  for (let i = 0; i < POLL_MIN_GROUP; i++) await answerPoll(await participant(dialogue.id, "LOCAL_ACTOR"), { pollId: poll.id, optionIds: [poll.options[0]!.id] });
  if (theirs !== null) await answerPoll(await participant(dialogue.id, "LIVED_EXPERIENCE"), { pollId: poll.id, optionIds: [poll.options[theirs]!.id] });
  if (close) await closeNow(poll.id);
  const [view] = await listPolls(null, { dialogueId: dialogue.id, locale: "de" });
  return { dialogue, poll, view: view! };
}

describe("poll results and small numbers", () => {
  it("publishes a group of at least the threshold, hides a smaller one entirely, and publishes no total", async () => {
    const { view } = await scenario(1);
    expect(view.tallies!.online).toEqual([
      { perspective: "LIVED_EXPERIENCE", shown: false },
      { perspective: "LOCAL_ACTOR", shown: true, people: POLL_MIN_GROUP, counts: [POLL_MIN_GROUP, 0, 0] },
      { perspective: "MUNICIPAL_STAFF", shown: false },
      { perspective: "NOT_STATED", shown: false },
    ]);
    expect(Object.keys(view.tallies!)).toEqual(["online", "atMeetings", "meetings"]);
  });

  it("gives a signed-out reader the same published data whatever the one person answered (non-interference)", async () => {
    const strip = (view: Awaited<ReturnType<typeof scenario>>["view"]) => ({
      state: view.state,
      tallies: view.tallies,
      text: view.text,
      mine: view.mine,
    });
    const [yes, no] = await Promise.all([scenario(0), scenario(1)]);
    expect(strip(yes.view)).toEqual(strip(no.view));
  });

  it("gives a signed-out reader the same published data whether one person of a small group answered or no one did", async () => {
    // Were an empty group shown as "nobody" and a small one as "fewer than 5", a reader who knows
    // that a person answered would read off the results which perspective that person has.
    const strip = (view: Awaited<ReturnType<typeof scenario>>["view"]) => ({ state: view.state, tallies: view.tallies });
    const [one, none] = await Promise.all([scenario(1), scenario(null)]);
    expect(strip(one.view)).toEqual(strip(none.view));
  });

  it("publishes nothing of the answers while the poll is open, so no one reads an answer off a difference", async () => {
    const { view } = await scenario(0, false);
    expect(view.state).toBe("open");
    expect(view.tallies).toBeNull();
  });

  it("applies the same rule to hands counted at meetings: a lower bound of people below the threshold hides the group", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const single = await pollIn(dialogue);
    const multiple = await pollIn(dialogue, { choice: "MULTIPLE" });
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const host = await hostOf(dialogue);
    const ids = (poll: typeof single, counts: number[]) => Object.fromEntries(poll.options.map((option, index) => [option.id, counts[index] ?? 0]));
    await recordPollMeetingCount(host, { pollId: single.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", counts: ids(single, [3, 2]) });
    await recordPollMeetingCount(host, { pollId: single.id, meetingId: meeting.id, perspective: "LOCAL_ACTOR", counts: ids(single, [1, 2]) });
    // Two people raising their hands for all three answers would be six hands: not six people.
    await recordPollMeetingCount(host, { pollId: multiple.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", counts: ids(multiple, [2, 2, 2]) });
    await closeNow(single.id);
    await closeNow(multiple.id);
    const views = await listPolls(null, { dialogueId: dialogue.id, locale: "de" });
    const of = (id: string) => views.find((view) => view.id === id)!.tallies!.atMeetings;
    expect(of(single.id)).toEqual([
      { perspective: "LIVED_EXPERIENCE", shown: true, people: 5, counts: [3, 2, 0] },
      { perspective: "LOCAL_ACTOR", shown: false },
      // No hand counted is hidden alike: "fewer than 5" next to "none" would say someone raised one.
      { perspective: "MUNICIPAL_STAFF", shown: false },
      { perspective: "NOT_STATED", shown: false },
    ]);
    expect(of(multiple.id)[0]).toEqual({ perspective: "LIVED_EXPERIENCE", shown: false });
  });
});

describe("poll answers and the page cache", () => {
  it("an answer leaves the dialogue's public version alone, so no one counts or times answers off the cache; closing the poll moves it", async () => {
    const versions = new PublicVersions((sql, params) => db.$queryRawUnsafe(sql, ...params));
    const { dialogue, poll } = await scenario(0, false);
    const scope = { kind: "dialogueId", dialogueId: dialogue.id } as const;
    const answerer = await participant(dialogue.id, "LIVED_EXPERIENCE"); // joining is public (a member more)
    const before = (await versions.read(scope))!;
    await answerPoll(answerer, { pollId: poll.id, optionIds: [poll.options[1]!.id] });
    expect(await versions.read(scope)).toEqual(before);
    await closeNow(poll.id);
    expect(isNewer((await versions.read(scope))!, before)).toBe(true);
  });
});

describe("polls in the open-data API", () => {
  it("answers a signed-out client the same whatever the one person of a small group answered, and never with anyone's own answer", async () => {
    const { GET } = await import("@/app/api/v1/dialogues/[id]/polls/route");
    const fetchPolls = async (dialogueId: string) => {
      const response = await GET(new Request(`http://internal:3000/api/v1/dialogues/${dialogueId}/polls`), { params: Promise.resolve({ id: dialogueId }) });
      expect(response.status).toBe(200);
      return (await response.json()) as { data: { id: string; results: unknown; texts: unknown }[] };
    };
    const [yes, no] = await Promise.all([scenario(0), scenario(1)]);
    const [a, b] = await Promise.all([fetchPolls(yes.dialogue.id), fetchPolls(no.dialogue.id)]);
    const strip = (answer: typeof a) => answer.data.map((poll) => ({ results: poll.results, texts: poll.texts }));
    expect(strip(a)).toEqual(strip(b));
    expect(JSON.stringify(a)).not.toContain("mine");
    expect(a.data[0]!.results).toMatchObject({ online: expect.arrayContaining([{ perspective: "LIVED_EXPERIENCE", shown: false }]) });
  });
});
