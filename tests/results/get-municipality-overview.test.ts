// The municipality overview: for the municipality's staff only, and its numbers across all the
// municipality's dialogues, hidden and withdrawn contributions and hidden or deleted comments aside.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getMunicipalityOverview } from "@/lib/results/get-municipality-overview";
import {
  addMember,
  createComment,
  createContribution,
  createDialogue,
  createMeeting,
  createMunicipality,
  createUser,
  openDialogue,
  respond,
} from "@/tests/support/factories";
import { appErrorOf, viewerOf } from "@/tests/support/viewers";
import { supportAtMeeting, supportOnline } from "./support";

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

async function staffOf(municipalityId: string, role: "STAFF" | "MODERATOR" = "STAFF") {
  const user = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role } });
  return viewerOf(user.id);
}

function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

describe("getMunicipalityOverview", () => {
  it("is for the municipality's staff only", async () => {
    const municipality = await createMunicipality();
    const dialogue = await createDialogue({ municipalityId: municipality.id });
    await openDialogue(dialogue.id);
    const participant = await createUser();
    await addMember(dialogue.id, participant.id, "PARTICIPANT");
    const other = await createMunicipality();

    await expect(getMunicipalityOverview(await staffOf(municipality.id), { municipalityId: municipality.id })).resolves.toBeDefined();
    expect((await appErrorOf(getMunicipalityOverview(await viewerOf(participant.id), { municipalityId: municipality.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(getMunicipalityOverview(await staffOf(other.id), { municipalityId: municipality.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(getMunicipalityOverview(await staffOf(municipality.id, "MODERATOR"), { municipalityId: municipality.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(getMunicipalityOverview(null, { municipalityId: municipality.id }))).code).toBe("UNAUTHENTICATED");
  });

  it("counts participation by month, language, perspective and source, and open needs by age", async () => {
    const municipality = await createMunicipality();
    const housing = await createDialogue({ municipalityId: municipality.id });
    const work = await createDialogue({ municipalityId: municipality.id });
    await openDialogue(housing.id);
    await openDialogue(work.id);
    // Another municipality's activity stays out.
    await createContribution({ dialogueId: (await createDialogue()).id });

    const recent = await createContribution({ dialogueId: housing.id, createdAt: daysAgo(3), language: "ar" });
    await createContribution({ dialogueId: housing.id, createdAt: daysAgo(20), authorId: (await createUser({ perspective: "LOCAL_ACTOR" })).id });
    await createContribution({ dialogueId: work.id, createdAt: daysAgo(40), kind: "NEED" });
    const old = await createContribution({ dialogueId: work.id, createdAt: daysAgo(200), language: "fa" });
    const answered = await createContribution({ dialogueId: work.id, createdAt: daysAgo(100) });
    await respond(answered.id, { status: "PLANNED" });
    const staffMember = await createUser({ perspective: "MUNICIPAL_STAFF" });
    await createContribution({
      dialogueId: work.id,
      kind: "PROPOSAL",
      createdAt: daysAgo(3),
      authorId: null,
      source: "PAPER",
      recordedById: staffMember.id,
    });
    const hidden = await createContribution({ dialogueId: housing.id, createdAt: daysAgo(3), hiddenAt: new Date(), hiddenCategory: "SPAM" });
    await createContribution({ dialogueId: housing.id, createdAt: daysAgo(3), withdrawnAt: new Date() });

    await createComment({ contributionId: recent.id, language: "ar", createdAt: daysAgo(2) });
    await createComment({ contributionId: old.id, language: "de", createdAt: daysAgo(199) });
    await createComment({ contributionId: recent.id, createdAt: daysAgo(2), hiddenAt: new Date(), hiddenCategory: "INSULT" });
    await createComment({ contributionId: recent.id, createdAt: daysAgo(2), deletedAt: new Date() });
    await createComment({ contributionId: hidden.id, createdAt: daysAgo(2) });
    await supportOnline(recent.id, "LIVED_EXPERIENCE", 2);
    await supportOnline(hidden.id, "LIVED_EXPERIENCE", 9);
    const meeting = await createMeeting({ dialogueId: housing.id, startsAt: daysAgo(1) });
    await supportAtMeeting(recent.id, meeting.id, "LOCAL_ACTOR", 6);

    const overview = await getMunicipalityOverview(await staffOf(municipality.id), { municipalityId: municipality.id });

    expect(overview.openNeedsByAge).toEqual([
      { bucket: "UNDER_2_WEEKS", count: 1 },
      { bucket: "WEEKS_2_TO_4", count: 1 },
      { bucket: "MONTHS_1_TO_3", count: 1 },
      { bucket: "OLDER", count: 1 },
    ]);
    expect(overview.bySource).toEqual([
      { source: "ONLINE", needs: 5, proposals: 0 },
      { source: "MEETING", needs: 0, proposals: 0 },
      { source: "PAPER", needs: 0, proposals: 1 },
      { source: "INTERPRETED", needs: 0, proposals: 0 },
    ]);
    expect(overview.byPerspective).toEqual([
      { perspective: "LIVED_EXPERIENCE", contributions: 4, comments: 0, supportsOnline: 2, supportsAtMeetings: 0 },
      { perspective: "LOCAL_ACTOR", contributions: 1, comments: 2, supportsOnline: 0, supportsAtMeetings: 6 },
      { perspective: "MUNICIPAL_STAFF", contributions: 0, comments: 0, supportsOnline: 0, supportsAtMeetings: 0 },
      { perspective: "NOT_STATED", contributions: 1, comments: 0, supportsOnline: 0, supportsAtMeetings: 0 },
    ]);
    expect(overview.byLanguage).toEqual([
      { language: "de", contributions: 4, comments: 1 },
      { language: "ar", contributions: 1, comments: 1 },
      { language: "fa", contributions: 1, comments: 0 },
    ]);

    // Months from the oldest activity to now, each once, the empty ones included.
    const months = overview.months.map((m) => monthOf(m.month));
    expect(months[0]).toBe(monthOf(daysAgo(200)));
    expect(months.at(-1)).toBe(monthOf(new Date()));
    expect(new Set(months).size).toBe(months.length);
    expect(months.length).toBeGreaterThanOrEqual(7);
    const total = (key: "contributions" | "comments" | "supportsOnline" | "supportsAtMeetings") =>
      overview.months.reduce((sum, m) => sum + m[key], 0);
    expect([total("contributions"), total("comments"), total("supportsOnline"), total("supportsAtMeetings")]).toEqual([6, 2, 2, 6]);
    const oldMonth = overview.months.find((m) => monthOf(m.month) === monthOf(daysAgo(200)));
    expect(oldMonth).toMatchObject({ contributions: 1, comments: monthOf(daysAgo(199)) === monthOf(daysAgo(200)) ? 1 : 0 });
  });

  it("gives the current month and zeros for a municipality without activity", async () => {
    const municipality = await createMunicipality();
    const overview = await getMunicipalityOverview(await staffOf(municipality.id), { municipalityId: municipality.id });
    expect(overview.months.map((m) => monthOf(m.month))).toEqual([monthOf(new Date())]);
    expect(overview.byLanguage).toEqual([]);
    expect(overview.openNeedsByAge.every((b) => b.count === 0)).toBe(true);
  });
});
