// Data for the results tests: a small dialogue whose every tally is known, built from the shared
// factories plus the rows they do not make (supports, meeting supports, responsibilities).
import { db } from "@/lib/db/client";
import type { Perspective } from "@/lib/generated/prisma/enums";
import { createActor, createContribution, createDialogue, createMeeting, createUser, openDialogue, respond, unique } from "@/tests/support/factories";

const DAY = 24 * 60 * 60 * 1000;

/** `count` new people of `perspective` support the contribution online. */
export async function supportOnline(contributionId: string, perspective: Perspective, count: number) {
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: count }, () => ({ displayName: unique("Person"), perspective })),
    select: { id: true },
  });
  await db.support.createMany({ data: users.map((user) => ({ contributionId, userId: user.id, perspective })) });
}

export async function supportAtMeeting(contributionId: string, meetingId: string, perspective: Perspective, count: number) {
  const recorder = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.meetingSupport.create({ data: { contributionId, meetingId, perspective, count, recordedById: recorder.id } });
}

/**
 * Theme 1: an answered online need with lived experience (supported online and at a past
 * meeting), an open need by a local actor, and a hidden need with supports of its own.
 * Theme 2: a proposal recorded at the past meeting, an answered paper need, a withdrawn need.
 * A past meeting without visible contributions, and a future one.
 */
export async function knownDialogue() {
  const dialogue = await createDialogue();
  await openDialogue(dialogue.id);
  const [theme1, theme2] = dialogue.themes.map((t) => t.themeId) as [string, string];
  const staff = await createUser({ perspective: "MUNICIPAL_STAFF" });
  const pastMeeting = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date(Date.now() - 2 * DAY), title: "Sammelabend" });
  const emptyMeeting = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date(Date.now() - DAY) });
  const futureMeeting = await createMeeting({ dialogueId: dialogue.id, startsAt: new Date(Date.now() + 3 * DAY) });

  // Their authors show their perspective (the tally of who raised what counts only shown ones;
  // docs/decisions/024-private-perspective.md), as did the person behind the paper need.
  const answeredNeed = await createContribution({
    dialogueId: dialogue.id,
    themeId: theme1,
    authorId: (await createUser({ perspective: "LIVED_EXPERIENCE", showPerspective: true })).id,
  });
  const openNeed = await createContribution({
    dialogueId: dialogue.id,
    themeId: theme1,
    authorId: (await createUser({ perspective: "LOCAL_ACTOR", showPerspective: true })).id,
  });
  const hiddenNeed = await createContribution({ dialogueId: dialogue.id, themeId: theme1, hiddenAt: new Date(), hiddenCategory: "SPAM" });
  const meetingProposal = await createContribution({
    dialogueId: dialogue.id,
    themeId: theme2,
    kind: "PROPOSAL",
    authorId: null,
    source: "MEETING",
    meetingId: pastMeeting.id,
    recordedById: staff.id,
    readBackConfirmedAt: new Date(),
  });
  const paperNeed = await createContribution({
    dialogueId: dialogue.id,
    themeId: theme2,
    authorId: null,
    authorPerspective: "LIVED_EXPERIENCE",
    voiceShowsPerspective: true,
    source: "PAPER",
    recordedById: staff.id,
  });
  const withdrawnNeed = await createContribution({ dialogueId: dialogue.id, themeId: theme2, withdrawnAt: new Date() });
  // A hidden contribution recorded at the empty meeting: it must not count there either.
  await createContribution({
    dialogueId: dialogue.id,
    themeId: theme2,
    authorId: null,
    source: "MEETING",
    meetingId: emptyMeeting.id,
    recordedById: staff.id,
    readBackConfirmedAt: new Date(),
    hiddenAt: new Date(),
    hiddenCategory: "OFF_TOPIC",
  });

  await respond(answeredNeed.id, { status: "UNDER_REVIEW" });
  await respond(answeredNeed.id, { status: "PLANNED" });
  await respond(paperNeed.id, { status: "DONE" });
  await respond(hiddenNeed.id, { status: "DECLINED" });
  await respond(withdrawnNeed.id, { status: "DONE" });

  await supportOnline(answeredNeed.id, "LIVED_EXPERIENCE", 3);
  await supportOnline(answeredNeed.id, "LOCAL_ACTOR", 1);
  await supportOnline(meetingProposal.id, "MUNICIPAL_STAFF", 1);
  await supportOnline(hiddenNeed.id, "LIVED_EXPERIENCE", 2);
  await supportOnline(withdrawnNeed.id, "NOT_STATED", 4);
  await supportAtMeeting(answeredNeed.id, pastMeeting.id, "LIVED_EXPERIENCE", 5);
  await supportAtMeeting(answeredNeed.id, pastMeeting.id, "LOCAL_ACTOR", 2);
  await supportAtMeeting(hiddenNeed.id, pastMeeting.id, "LIVED_EXPERIENCE", 7);

  const actorB = await createActor({ municipalityId: dialogue.municipalityId, name: unique("B-Wohlfahrt"), kind: "WELFARE_ASSOCIATION" });
  const actorA = await createActor({ municipalityId: dialogue.municipalityId, name: unique("A-Amt"), kind: "MUNICIPAL_DEPARTMENT" });
  await db.responsibility.createMany({
    data: [
      { dialogueId: dialogue.id, themeId: theme1, actorId: actorB.id },
      { dialogueId: dialogue.id, themeId: theme1, actorId: actorA.id, note: "Wohnungsvermittlung" },
      { dialogueId: dialogue.id, themeId: theme2, actorId: actorB.id },
    ],
  });

  return { dialogue, theme1, theme2, pastMeeting, emptyMeeting, futureMeeting, actorA, actorB, openNeed };
}
