// Supports counted at meetings: recorded per contribution × meeting × perspective by those who
// may enter offline voices, and always shown apart from online supports, never folded into them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listContributions } from "@/lib/contributions/list-contributions";
import { listMeetingSupports } from "@/lib/meetings/list-meeting-supports";
import { recordMeetingSupport } from "@/lib/meetings/record-meeting-support";
import { giveSupport } from "@/lib/supports/give-support";
import { supportCounts } from "@/lib/supports/support-counts";
import { createContribution, createMeeting } from "@/tests/support/factories";
import { appErrorOf, fieldKeys } from "@/tests/support/viewers";
import { dialogueIn, participant } from "@/tests/support/participation";
import { memberAs } from "@/tests/support/meetings";

const perspective = (breakdown: Awaited<ReturnType<typeof supportCounts>>, which: string) =>
  breakdown.byPerspective.find((row) => row.perspective === which);

describe("recordMeetingSupport", () => {
  it("counts supports from a meeting apart from online ones, per perspective", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const contribution = await createContribution({ dialogueId: dialogue.id });
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const recorder = await memberAs(dialogue.id, "RECORDER");
    await giveSupport(await participant(dialogue.id, "LIVED_EXPERIENCE"), { contributionId: contribution.id });
    await giveSupport(await participant(dialogue.id, "LIVED_EXPERIENCE"), { contributionId: contribution.id });

    await recordMeetingSupport(recorder, { contributionId: contribution.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: "7" });
    await recordMeetingSupport(recorder, { contributionId: contribution.id, meetingId: meeting.id, perspective: "LOCAL_ACTOR", count: 3 });

    const counts = await supportCounts(contribution.id);
    expect(perspective(counts, "LIVED_EXPERIENCE")).toEqual({ perspective: "LIVED_EXPERIENCE", online: 2, atMeetings: 7 });
    expect(perspective(counts, "LOCAL_ACTOR")).toEqual({ perspective: "LOCAL_ACTOR", online: 0, atMeetings: 3 });
    // Online is online only: the meeting's hands are never added to it.
    expect(counts.byPerspective.reduce((sum, row) => sum + row.online, 0)).toBe(2);

    const { items } = await listContributions({ dialogueId: dialogue.id, page: 1, locale: "de" });
    const listed = items.find((item) => item.id === contribution.id)!;
    expect(listed.supports.byPerspective.find((row) => row.perspective === "LIVED_EXPERIENCE")).toMatchObject({ online: 2, atMeetings: 7 });

    const tallies = await listMeetingSupports(contribution.id);
    expect(tallies).toEqual([
      {
        meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt },
        counts: [
          { perspective: "LIVED_EXPERIENCE", count: 7 },
          { perspective: "LOCAL_ACTOR", count: 3 },
        ],
      },
    ]);
  });

  it("corrects the count when the same meeting and perspective are recorded again, instead of adding", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const contribution = await createContribution({ dialogueId: dialogue.id });
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const coHost = await memberAs(dialogue.id, "CO_HOST", "LIVED_EXPERIENCE");
    const input = { contributionId: contribution.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE" as const };
    await recordMeetingSupport(coHost, { ...input, count: 5 });
    await recordMeetingSupport(coHost, { ...input, count: 4 });
    expect(perspective(await supportCounts(contribution.id), "LIVED_EXPERIENCE")).toMatchObject({ online: 0, atMeetings: 4 });
    expect(await db.meetingSupport.count({ where: { contributionId: contribution.id } })).toBe(1);
  });

  it("refuses participants, the signed-out, other dialogues' meetings and counts below one", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const contribution = await createContribution({ dialogueId: dialogue.id });
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const input = { contributionId: contribution.id, meetingId: meeting.id, perspective: "LOCAL_ACTOR" as const, count: 2 };
    expect((await appErrorOf(recordMeetingSupport(await participant(dialogue.id), input))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(recordMeetingSupport(null, input))).code).toBe("UNAUTHENTICATED");
    const recorder = await memberAs(dialogue.id, "RECORDER");
    const other = await dialogueIn("COLLECTING");
    const foreign = await createMeeting({ dialogueId: other.id });
    expect(fieldKeys(await appErrorOf(recordMeetingSupport(recorder, { ...input, meetingId: foreign.id })), "meetingId")).toEqual(["validation.invalid"]);
    expect(fieldKeys(await appErrorOf(recordMeetingSupport(recorder, { ...input, count: 0 })), "count")).toEqual(["validation.too_small_number"]);
    expect(await db.meetingSupport.count({ where: { contributionId: contribution.id } })).toBe(0);
  });
});
