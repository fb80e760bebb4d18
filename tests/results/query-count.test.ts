// The results page and the municipality overview cost the same number of SQL statements for a
// small dialogue as for a large one: every tally is a GROUP BY, never a query per row (N+1).
// As tests/dialogues/query-count.test.ts, this file swaps the shared client for one that reports
// every statement it sends.
import { beforeEach, describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as string[] }));

vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));

const { getDialogueResults } = await import("@/lib/results/get-dialogue-results");
const { getMunicipalityOverview } = await import("@/lib/results/get-municipality-overview");
const { db } = await import("@/lib/db/client");
const { createActor, createDialogue, createMeeting, createUser, openDialogue } = await import("@/tests/support/factories");
const { createContributions, support } = await import("@/tests/support/bulk");
const { viewerOf } = await import("@/tests/support/viewers");

const DAY = 24 * 60 * 60 * 1000;

/** A dialogue with `contributions` contributions, supports online and at `meetings` past meetings, responses and responsibilities. */
async function dialogueWith(contributions: number, meetings: number) {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  const created = await createContributions(
    dialogue,
    Array.from({ length: contributions }, (_, i) => ({
      kind: i % 2 ? ("NEED" as const) : ("PROPOSAL" as const),
      perspective: (["LIVED_EXPERIENCE", "LOCAL_ACTOR", "MUNICIPAL_STAFF", "NOT_STATED"] as const)[i % 4] ?? "NOT_STATED",
      minute: i,
      hidden: i % 7 === 0,
    })),
  );
  const ids = created.map((c) => c.id);
  await support(ids, "LIVED_EXPERIENCE", 2);
  const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
  for (let m = 0; m < meetings; m += 1) {
    const meeting = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date(Date.now() - (m + 1) * DAY) });
    await db.meetingSupport.createMany({
      data: ids.map((contributionId) => ({ contributionId, meetingId: meeting.id, perspective: "LOCAL_ACTOR" as const, count: 3, recordedById: recorder.id })),
    });
  }
  await db.response.createMany({
    data: created.filter((c) => c.kind === "NEED").map((c) => ({ contributionId: c.id, authorId: recorder.id, status: "PLANNED" as const, body: "Geplant." })),
  });
  for (const theme of dialogue.themes) {
    const actor = await createActor({ municipalityId: dialogue.municipalityId });
    await db.responsibility.create({ data: { dialogueId: dialogue.id, themeId: theme.themeId, actorId: actor.id } });
  }
  const staff = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: staff.id, municipalityId: dialogue.municipalityId, role: "STAFF" } });
  return { dialogue, staff: await viewerOf(staff.id) };
}

async function statementsFor(run: () => Promise<unknown>) {
  statements.log = [];
  const result = await run();
  return { count: statements.log.length, result };
}

describe("SQL statements for results", () => {
  beforeEach(() => {
    statements.log = [];
  });

  it("are the same for a dialogue with 10 and with 1,000 contributions", async () => {
    const small = await dialogueWith(10, 1);
    const large = await dialogueWith(1000, 4);

    const forSmall = await statementsFor(() => getDialogueResults(null, { dialogueId: small.dialogue.id }));
    const forLarge = await statementsFor(() => getDialogueResults(null, { dialogueId: large.dialogue.id }));

    // The large dialogue really has rows behind every tally.
    const results = forLarge.result as Awaited<ReturnType<typeof getDialogueResults>>;
    expect(results.contributions.needs + results.contributions.proposals).toBe(1000 - Math.ceil(1000 / 7));
    expect(results.meetings).toHaveLength(4);
    expect(results.needs.answered).toBe(results.needs.total);
    expect(results.themes.every((theme) => theme.actors.length === 1)).toBe(true);

    expect(forLarge.count).toBe(forSmall.count);
    // Today: the dialogue with its themes (three), three grouped tallies, the responsibilities with their actors (two).
    expect(forSmall.count).toBeLessThanOrEqual(8);
  });

  it("are the same for the overview of a small and a large municipality", async () => {
    const small = await dialogueWith(10, 1);
    const large = await dialogueWith(1000, 4);

    const forSmall = await statementsFor(() => getMunicipalityOverview(small.staff, { municipalityId: small.dialogue.municipalityId }));
    const forLarge = await statementsFor(() => getMunicipalityOverview(large.staff, { municipalityId: large.dialogue.municipalityId }));

    expect(forLarge.count).toBe(forSmall.count);
    expect(forSmall.count).toBeLessThanOrEqual(5);
  });
});
