// The staff's queue of needs nobody has answered yet: oldest first, with age and support per
// perspective; answered, withdrawn and hidden needs and proposals are not in it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listAnswerQueue } from "@/lib/responses/list-answer-queue";
import { addMember, createContribution, createDialogue, createMeeting, createUser, openDialogue, respond } from "@/tests/support/factories";
import { appErrorOf, publishedDialogue, viewerOf } from "@/tests/support/accountability";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-24T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

async function supportFrom(contributionId: string, perspective: "LIVED_EXPERIENCE" | "LOCAL_ACTOR" | "MUNICIPAL_STAFF") {
  const user = await createUser({ perspective });
  await db.support.create({ data: { contributionId, userId: user.id, perspective } });
}

describe("listAnswerQueue", () => {
  it("lists unanswered needs oldest first with their age and support per perspective, lived experience first", async () => {
    const { dialogue, staff } = await publishedDialogue("DELIBERATING");
    const recent = await createContribution({ dialogueId: dialogue.id, kind: "NEED", createdAt: daysAgo(2) });
    const oldest = await createContribution({ dialogueId: dialogue.id, kind: "NEED", createdAt: daysAgo(12) });
    const answered = await createContribution({ dialogueId: dialogue.id, kind: "NEED", createdAt: daysAgo(20) });
    await respond(answered.id, { status: "UNDER_REVIEW" });
    await createContribution({ dialogueId: dialogue.id, kind: "PROPOSAL", createdAt: daysAgo(30) });
    await createContribution({ dialogueId: dialogue.id, kind: "NEED", createdAt: daysAgo(25), withdrawnAt: daysAgo(1) });
    await supportFrom(oldest.id, "LOCAL_ACTOR");
    await supportFrom(oldest.id, "LIVED_EXPERIENCE");
    await supportFrom(oldest.id, "LIVED_EXPERIENCE");
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    await db.meetingSupport.create({ data: { contributionId: oldest.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 5, recordedById: staff.id } });

    const queue = await listAnswerQueue(staff, { dialogueId: dialogue.id }, now);
    expect(queue?.map((need) => [need.id, need.ageDays])).toEqual([
      [oldest.id, 12],
      [recent.id, 2],
    ]);
    expect(queue![0]!.supports).toEqual({
      total: 8,
      byPerspective: [
        { perspective: "LIVED_EXPERIENCE", online: 2, atMeetings: 5 },
        { perspective: "LOCAL_ACTOR", online: 1, atMeetings: 0 },
        { perspective: "MUNICIPAL_STAFF", online: 0, atMeetings: 0 },
        { perspective: "NOT_STATED", online: 0, atMeetings: 0 },
      ],
    });
    expect(queue![1]!.supports.total).toBe(0);
    expect(queue![0]!.dialogue).toEqual({ id: dialogue.id, slug: dialogue.slug, title: dialogue.title, language: dialogue.languages[0] });
  });

  it("spans the municipality's dialogues for staff, and only the hosted one for a host", async () => {
    const { dialogue, staff } = await publishedDialogue("COLLECTING");
    const other = await createDialogue({ municipalityId: dialogue.municipalityId });
    await openDialogue(other.id);
    const draft = await createDialogue({ municipalityId: dialogue.municipalityId });
    const here = await createContribution({ dialogueId: dialogue.id, kind: "NEED", createdAt: daysAgo(3) });
    const there = await createContribution({ dialogueId: other.id, kind: "NEED", createdAt: daysAgo(5) });

    expect((await listAnswerQueue(staff, { municipalityId: dialogue.municipalityId }, now))?.map((need) => need.id)).toEqual([there.id, here.id]);
    const host = await createUser();
    await addMember(dialogue.id, host.id, "HOST");
    expect((await listAnswerQueue(await viewerOf(host.id), { municipalityId: dialogue.municipalityId }, now))?.map((need) => need.id)).toEqual([here.id]);
    expect(draft.phase).toBe("DRAFT");
  });

  it.each([
    ["a participant", async (dialogueId: string) => {
      const participantUser = await createUser();
      await addMember(dialogueId, participantUser.id, "PARTICIPANT");
      return viewerOf(participantUser.id);
    }],
    ["staff of another municipality", async () => (await publishedDialogue()).staff],
    ["the signed-out", async () => null],
  ])("gives no queue to %s", async (_, who) => {
    const { dialogue } = await publishedDialogue("RESPONDING");
    await createContribution({ dialogueId: dialogue.id, kind: "NEED" });
    expect(await listAnswerQueue(await who(dialogue.id), { dialogueId: dialogue.id })).toBeNull();
  });

  it("refuses an id that is none", async () => {
    expect((await appErrorOf(listAnswerQueue(null, { dialogueId: "not-an-id" }))).code).toBe("INVALID_INPUT");
  });
});
