import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { CONTRIBUTIONS_PER_PAGE } from "@/lib/contributions/list-contributions";
import { createMeeting, createUser } from "@/tests/support/factories";
import { support } from "@/tests/support/bulk";
import { allIds, openedDialogue, seed } from "./seed";

describe("listContributions sorts", () => {
  it("by default: needs from lived experience, then other needs, then proposals", async () => {
    const dialogue = await openedDialogue();
    // Created so that time alone would give the opposite order.
    const [proposal, otherNeed, livedNeed] = await seed(dialogue, [
      { kind: "PROPOSAL", perspective: "LIVED_EXPERIENCE", minute: 30 },
      { kind: "NEED", perspective: "MUNICIPAL_STAFF", minute: 20 },
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 10 },
    ]);
    expect((await allIds(dialogue.id)).ids).toEqual([livedNeed?.id, otherNeed?.id, proposal?.id]);
  });

  it("newest first", async () => {
    const dialogue = await openedDialogue();
    const [old, recent, middle] = await seed(dialogue, [
      { kind: "NEED", perspective: "LIVED_EXPERIENCE", minute: 1 },
      { kind: "PROPOSAL", minute: 3 },
      { kind: "NEED", minute: 2 },
    ]);
    expect((await allIds(dialogue.id, { sort: "newest" })).ids).toEqual([recent?.id, middle?.id, old?.id]);
  });

  it("most supported, counting supports given at meetings", async () => {
    const dialogue = await openedDialogue();
    const [online3, meeting5, mixed4, none] = await seed(dialogue, [{ minute: 1 }, { minute: 2 }, { minute: 3 }, { minute: 4 }]);
    if (!online3 || !meeting5 || !mixed4 || !none) throw new Error("not seeded");
    await support([online3.id], "LOCAL_ACTOR", 3);
    await support([mixed4.id], "LIVED_EXPERIENCE", 1);
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
    await db.meetingSupport.createMany({
      data: [
        { contributionId: meeting5.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 2, recordedById: recorder.id },
        { contributionId: meeting5.id, meetingId: meeting.id, perspective: "LOCAL_ACTOR", count: 3, recordedById: recorder.id },
        { contributionId: mixed4.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 3, recordedById: recorder.id },
      ],
    });
    const { ids } = await allIds(dialogue.id, { sort: "supported" });
    expect(ids).toEqual([meeting5.id, mixed4.id, online3.id, none.id]);
  });

  it("most supported: ties keep one stable order, so pages neither overlap nor skip", async () => {
    const dialogue = await openedDialogue();
    // 50 with the same support and the same creation minute: only the tie-break orders them.
    const tied = await seed(dialogue, Array.from({ length: 50 }, () => ({ minute: 5 })));
    const [top] = await seed(dialogue, [{ minute: 0 }]);
    if (!top) throw new Error("not seeded");
    await support(tied.map((c) => c.id), "LOCAL_ACTOR", 1);
    await support([top.id], "LOCAL_ACTOR", 2);

    const first = await allIds(dialogue.id, { sort: "supported" });
    const again = await allIds(dialogue.id, { sort: "supported" });
    expect(first.pageCount).toBe(Math.ceil(51 / CONTRIBUTIONS_PER_PAGE));
    expect(first.ids).toHaveLength(51);
    expect(new Set(first.ids).size).toBe(51);
    expect(first.ids[0]).toBe(top.id);
    // The tie-break is the id, newest uuid first: written down, not left to the query plan.
    expect(first.ids.slice(1)).toEqual(tied.map((c) => c.id).sort().reverse());
    expect(again.ids).toEqual(first.ids);
  });

  it("an unknown sort is refused by the domain function (the URL parser drops it first)", async () => {
    const dialogue = await openedDialogue();
    // @ts-expect-error a forged call
    await expect(allIds(dialogue.id, { sort: "loudest" })).rejects.toThrow();
  });
});
