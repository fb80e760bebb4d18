// The host team merges a duplicate into another contribution (decision 051): supports move
// exactly once (also while people click), meeting counts add up, followers and comments move,
// both voices stay on record, both authors hear of it, and the log keeps the step.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { mergeContributions } from "@/lib/contributions/merge-contributions";
import { giveSupport } from "@/lib/supports/give-support";
import { addMember, createComment, createContribution, createMeeting, createUser, respond } from "@/tests/support/factories";
import { waitUntilSomeoneWaitsForALock } from "@/tests/support/locks";
import { appErrorOf, dialogueIn, participant, viewerOf } from "@/tests/support/participation";

async function hostTeam(dialogueId: string) {
  const coHost = await createUser({ perspective: "LIVED_EXPERIENCE" });
  await addMember(dialogueId, coHost.id, "CO_HOST");
  return viewerOf(coHost.id);
}

const supporters = async (contributionId: string) =>
  (await db.support.findMany({ where: { contributionId }, select: { userId: true } })).map((s) => s.userId).sort();

const merge = (mergedId: string, keptId: string) => ({ mergedId, keptId, reason: "Beide wollen einen Deutschkurs am Abend.", reasonLanguage: "de" });

describe("mergeContributions", () => {
  it("moves supports once per person, adds meeting counts, moves followers and comments, logs and tells both authors", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const host = await hostTeam(dialogue.id);
    const kept = await createContribution({ dialogueId: dialogue.id, title: "Deutschkurs am Abend" });
    const duplicate = await createContribution({ dialogueId: dialogue.id, title: "Abends Deutsch lernen" });
    const [onlyDuplicate, both, onlyKept] = await Promise.all([participant(dialogue.id), participant(dialogue.id, "LOCAL_ACTOR"), participant(dialogue.id)]);
    for (const viewer of [onlyDuplicate, both]) await giveSupport(viewer, { contributionId: duplicate.id });
    for (const viewer of [both, onlyKept]) await giveSupport(viewer, { contributionId: kept.id });
    // The kept one's author had supported the duplicate: nobody supports their own (decision 024).
    await db.support.create({ data: { contributionId: duplicate.id, userId: kept.authorId!, perspective: "LIVED_EXPERIENCE" } });
    const meeting = await createMeeting({ dialogueId: dialogue.id });
    const recorder = await createUser();
    await db.meetingSupport.createMany({
      data: [
        { contributionId: duplicate.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 7, recordedById: recorder.id },
        { contributionId: duplicate.id, meetingId: meeting.id, perspective: "LOCAL_ACTOR", count: 2, recordedById: recorder.id },
        { contributionId: kept.id, meetingId: meeting.id, perspective: "LIVED_EXPERIENCE", count: 5, recordedById: recorder.id },
      ],
    });
    const thread = await createComment({ contributionId: duplicate.id });
    const reply = await createComment({ contributionId: duplicate.id, parentId: thread.id });
    await db.follow.create({ data: { userId: duplicate.authorId!, contributionId: duplicate.id } });

    await mergeContributions(host, merge(duplicate.id, kept.id));

    expect(await supporters(kept.id)).toEqual([onlyDuplicate.id, both.id, onlyKept.id].sort());
    expect(await supporters(duplicate.id)).toEqual([]);
    const counts = await db.meetingSupport.findMany({ where: { contributionId: { in: [kept.id, duplicate.id] } }, select: { contributionId: true, perspective: true, count: true }, orderBy: { perspective: "asc" } });
    expect(counts).toEqual([
      { contributionId: kept.id, perspective: "LIVED_EXPERIENCE", count: 12 },
      { contributionId: kept.id, perspective: "LOCAL_ACTOR", count: 2 },
    ]);
    expect(await db.comment.findMany({ where: { id: { in: [thread.id, reply.id] } }, select: { contributionId: true } })).toEqual([
      { contributionId: kept.id },
      { contributionId: kept.id },
    ]);
    expect(await db.follow.findFirst({ where: { userId: duplicate.authorId!, contributionId: kept.id, unfollowedAt: null } })).not.toBeNull();
    expect(await db.contribution.findUniqueOrThrow({ where: { id: duplicate.id }, select: { mergedIntoId: true, authorId: true } })).toEqual({
      mergedIntoId: kept.id,
      authorId: duplicate.authorId,
    });
    expect(await db.moderationAction.findMany({ where: { contributionId: duplicate.id }, select: { type: true, actorId: true, reason: true } })).toEqual([
      { type: "MERGE", actorId: host.id, reason: "Beide wollen einen Deutschkurs am Abend." },
    ]);
    const told = await db.notification.findMany({ where: { type: "CONTRIBUTION_MERGED", contributionId: kept.id }, select: { userId: true } });
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([duplicate.authorId, kept.authorId]));
    expect(told.map((n) => n.userId)).not.toContain(host.id);
  });

  it("counts every supporter exactly once while supports arrive during the merge, and merges once when asked twice", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const [host, otherHost] = await Promise.all([hostTeam(dialogue.id), hostTeam(dialogue.id)]);
    const kept = await createContribution({ dialogueId: dialogue.id });
    const duplicate = await createContribution({ dialogueId: dialogue.id });
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => participant(dialogue.id, i % 2 ? "LOCAL_ACTOR" : "LIVED_EXPERIENCE")));

    const results = await Promise.allSettled([
      ...people.map((viewer, i) => giveSupport(viewer, { contributionId: i % 3 === 0 ? kept.id : duplicate.id })),
      ...people.slice(0, 6).map((viewer) => giveSupport(viewer, { contributionId: duplicate.id })),
      mergeContributions(host, merge(duplicate.id, kept.id)),
      mergeContributions(otherHost, merge(duplicate.id, kept.id)),
    ]);
    const merges = results.slice(-2);
    expect(merges.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = merges.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "NOT_FOUND" });
    expect(results.slice(0, -2).every((r) => r.status === "fulfilled")).toBe(true);

    expect(await supporters(kept.id)).toEqual(people.map((p) => p.id).sort());
    expect(await supporters(duplicate.id)).toEqual([]);
    expect(await db.moderationAction.count({ where: { contributionId: duplicate.id, type: "MERGE" } })).toBe(1);
    // A support that comes later for the merged one counts for the kept one.
    const late = await participant(dialogue.id);
    await db.support.create({ data: { contributionId: duplicate.id, userId: late.id, perspective: "NOT_STATED" } });
    expect(await supporters(kept.id)).toContain(late.id);
    expect(await supporters(duplicate.id)).toEqual([]);
  });

  it("lets a support that waited for a merge walk on to the kept one while a second merge of the pair waits (no deadlock)", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const [host, otherHost] = await Promise.all([hostTeam(dialogue.id), hostTeam(dialogue.id)]);
    // The kept one has the smaller id: locking the pair in id order took it before the duplicate.
    const [kept, duplicate] = (await Promise.all([createContribution({ dialogueId: dialogue.id }), createContribution({ dialogueId: dialogue.id })])).sort((a, b) => a.id.localeCompare(b.id));
    const earlier = await createContribution({ dialogueId: dialogue.id });
    await mergeContributions(host, merge(earlier.id, duplicate!.id));
    const late = await participant(dialogue.id);

    // The first merge is held at its last step (what was merged into the duplicate moves on)...
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Contribution" WHERE "id" = ${earlier.id}::uuid FOR SHARE`;
      holding();
      await gate;
    });
    await held;
    const first = mergeContributions(host, merge(duplicate!.id, kept!.id));
    await waitUntilSomeoneWaitsForALock(1);
    // ...while a support for the duplicate and a second merge of the same pair queue behind it.
    const support = giveSupport(late, { contributionId: duplicate!.id });
    await waitUntilSomeoneWaitsForALock(2);
    const second = appErrorOf(mergeContributions(otherHost, merge(duplicate!.id, kept!.id)));
    await waitUntilSomeoneWaitsForALock(3);
    release();

    await Promise.all([holder, first, support]);
    expect((await second).code).toBe("NOT_FOUND");
    expect(await supporters(kept!.id)).toContain(late.id);
    expect(await db.moderationAction.count({ where: { contributionId: duplicate!.id, type: "MERGE" } })).toBe(1);
  });

  it("is the host team's, within one dialogue, never of an answered duplicate, and never undone", async () => {
    const dialogue = await dialogueIn("COLLECTING");
    const host = await hostTeam(dialogue.id);
    const kept = await createContribution({ dialogueId: dialogue.id });
    const duplicate = await createContribution({ dialogueId: dialogue.id });
    const member = await participant(dialogue.id);
    expect((await appErrorOf(mergeContributions(member, merge(duplicate.id, kept.id)))).code).toBe("FORBIDDEN");

    const elsewhere = await createContribution({ dialogueId: (await dialogueIn("COLLECTING")).id });
    expect((await appErrorOf(mergeContributions(host, merge(duplicate.id, elsewhere.id)))).code).toBe("INVALID_INPUT");
    expect((await appErrorOf(mergeContributions(host, merge(duplicate.id, duplicate.id)))).code).toBe("INVALID_INPUT");
    const answered = await createContribution({ dialogueId: dialogue.id });
    await respond(answered.id, { status: "UNDER_REVIEW" });
    expect((await appErrorOf(mergeContributions(host, merge(answered.id, kept.id)))).details).toMatchObject({ fieldErrors: { keptId: [{ key: "merge.answeredDuplicate" }] } });

    await mergeContributions(host, merge(duplicate.id, kept.id));
    await expect(db.contribution.update({ where: { id: duplicate.id }, data: { mergedAt: null, mergedIntoId: null } })).rejects.toThrow(/contribution_merge_rules/);
    // A merge into the merged one is refused; merging the kept one on carries the first along.
    expect((await appErrorOf(mergeContributions(host, merge(answered.id, duplicate.id)))).code).toBe("INVALID_INPUT");
    await mergeContributions(host, merge(kept.id, answered.id));
    expect((await db.contribution.findUniqueOrThrow({ where: { id: duplicate.id } })).mergedIntoId).toBe(answered.id);
  });
});
