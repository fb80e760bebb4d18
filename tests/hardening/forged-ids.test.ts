// Forged ids: a person with real rights in dialogue A (of municipality A) sends the ids of
// records of dialogue B (of municipality B) to every domain function a server action calls,
// and ids of B's records inside A's requests. Each is refused (FORBIDDEN, NOT_FOUND or
// INVALID_INPUT) and the database is exactly as before. New server action = one row.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { updateComment } from "@/lib/comments/update-comment";
import { createContribution } from "@/lib/contributions/create-contribution";
import { updateContribution } from "@/lib/contributions/update-contribution";
import { withdrawContribution } from "@/lib/contributions/withdraw-contribution";
import { advancePhase } from "@/lib/dialogues/advance-phase";
import { createDialogue } from "@/lib/dialogues/create-dialogue";
import { updateDialogue } from "@/lib/dialogues/update-dialogue";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { inviteStaff } from "@/lib/municipalities/invite-staff";
import { giveSupport } from "@/lib/supports/give-support";
import { withdrawSupport } from "@/lib/supports/withdraw-support";
import { addTranslation } from "@/lib/translations/add-translation";
import { checkTranslation } from "@/lib/translations/check-translation";
import { machineTranslate } from "@/lib/translations/machine-translate";
import { AppError } from "@/lib/errors";
import { postResponse } from "@/lib/responses/post-response";
import { createReport } from "@/lib/moderation/create-report";
import { hideContent } from "@/lib/moderation/hide-content";
import { unhideContent } from "@/lib/moderation/unhide-content";
import { dismissReports } from "@/lib/moderation/dismiss-reports";
import { closeMediationCase, openMediationCase } from "@/lib/moderation/mediation";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { recordMeetingSupport } from "@/lib/meetings/record-meeting-support";
import { createActor } from "@/lib/actors/create-actor";
import { updateActor } from "@/lib/actors/update-actor";
import { addActorMember } from "@/lib/actors/add-actor-member";
import { recordOfflineContribution } from "@/lib/contributions/record-offline-contribution";
import { exportDialogue } from "@/lib/exports/export-dialogue";
import { openNotification } from "@/lib/notifications/mark-read";
import { assignResponsibility } from "@/lib/responsibilities/assign-responsibility";
import { removeResponsibility } from "@/lib/responsibilities/remove-responsibility";
import { createActor as insertActor, createMeeting as insertMeeting } from "@/tests/factories";
import type { SignedInUser } from "@/lib/auth/get-viewer";
import {
  addMember,
  createComment as insertComment,
  createContribution as insertContribution,
  createUser,
  firstThemeId,
  type DialogueWithThemes,
} from "@/tests/factories";
import { context, insertInvitation, viewerOf } from "@/tests/identity/support";
import { dialogueIn, participant, postInput } from "@/tests/participation/support";
import { dialogueInput } from "@/tests/dialogues/lifecycle/support";
import { databaseFingerprint } from "./fingerprint";

/** Dialogue A with its people, and the records of dialogue B (another municipality). */
type World = {
  a: {
    dialogue: DialogueWithThemes;
    staff: SignedInUser;
    host: SignedInUser;
    participant: SignedInUser;
    contributionId: string;
    commentId: string;
    moderator: SignedInUser;
    meetingId: string;
  };
  b: {
    dialogue: DialogueWithThemes;
    author: SignedInUser;
    contributionId: string;
    commentId: string;
    translationId: string;
    invitationId: string;
    themeId: string;
    hiddenContributionId: string;
    actorId: string;
    meetingId: string;
    mediationCaseId: string;
    notificationId: string;
    responsibilityId: string;
  };
};
let w: World;

async function staffOf(municipalityId: string) {
  const user = await createUser({ perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role: "STAFF" } });
  return viewerOf(user.id);
}

beforeAll(async () => {
  const dialogueA = await dialogueIn("COLLECTING");
  const dialogueB = await dialogueIn("COLLECTING");
  const staff = await staffOf(dialogueA.municipalityId);
  const host = await viewerOf(dialogueA.createdById);
  const member = await participant(dialogueA.id);
  const ownA = await insertContribution({ dialogueId: dialogueA.id, authorId: member.id });
  const commentA = await insertComment({ contributionId: ownA.id, authorId: member.id });
  // Dialogue B's records; the participant of A is made a member of B too where a test needs
  // "a member, but not of the record's dialogue" — here they are not: B is foreign to everyone in A.
  const author = await participant(dialogueB.id);
  const contributionB = await insertContribution({ dialogueId: dialogueB.id, authorId: author.id });
  const commentB = await insertComment({ contributionId: contributionB.id, authorId: author.id });
  const translationB = await db.translation.create({
    data: { contributionId: contributionB.id, language: "ar", title: "عنوان", body: "نص", translatorId: author.id },
  });
  const invitationB = await insertInvitation(dialogueB);
  await db.support.create({ data: { contributionId: contributionB.id, userId: author.id, perspective: "LIVED_EXPERIENCE" } });
  const moderatorA = await createUser();
  await db.municipalityMembership.create({ data: { userId: moderatorA.id, municipalityId: dialogueA.municipalityId, role: "MODERATOR" } });
  const meetingA = await insertMeeting({ dialogueId: dialogueA.id, createdById: dialogueA.createdById });
  const hiddenB = await insertContribution({ dialogueId: dialogueB.id, hiddenAt: new Date(), hiddenCategory: "SPAM" });
  const actorB = await insertActor({ municipalityId: dialogueB.municipalityId });
  const meetingB = await insertMeeting({ dialogueId: dialogueB.id, createdById: dialogueB.createdById });
  const other = await participant(dialogueB.id);
  const caseB = await db.mediationCase.create({
    data: { dialogueId: dialogueB.id, openedById: dialogueB.createdById, subject: "Streit", participants: { create: [{ userId: author.id }, { userId: other.id }] } },
  });
  const notificationB = await db.notification.create({ data: { userId: author.id, type: "PHASE_CHANGED", dialogueId: dialogueB.id } });
  await db.report.create({ data: { reporterId: other.id, contributionId: contributionB.id, category: "SPAM", reason: "Werbung" } });
  const responsibilityB = await db.responsibility.create({ data: { dialogueId: dialogueB.id, themeId: firstThemeId(dialogueB), actorId: actorB.id } });
  w = {
    a: {
      dialogue: dialogueA,
      staff,
      host,
      participant: member,
      contributionId: ownA.id,
      commentId: commentA.id,
      moderator: await viewerOf(moderatorA.id),
      meetingId: meetingA.id,
    },
    b: {
      dialogue: dialogueB,
      author,
      contributionId: contributionB.id,
      commentId: commentB.id,
      translationId: translationB.id,
      invitationId: invitationB.id,
      themeId: firstThemeId(dialogueB),
      hiddenContributionId: hiddenB.id,
      actorId: actorB.id,
      meetingId: meetingB.id,
      mediationCaseId: caseB.id,
      notificationId: notificationB.id,
      responsibilityId: responsibilityB.id,
    },
  };
});

type Row = {
  name: string;
  /** The request, made by someone with real rights in dialogue A. */
  attempt: (world: World) => Promise<unknown>;
  /** The codes that count as a refusal for this row. */
  refusedWith: AppError["code"][];
  /** Idempotent by design: may answer success, as long as nothing changed. */
  noOp?: true;
};

const REFUSED = ["FORBIDDEN", "NOT_FOUND"] as AppError["code"][];
const REFUSED_OR_INVALID = ["FORBIDDEN", "NOT_FOUND", "INVALID_INPUT"] as AppError["code"][];

const ROWS: Row[] = [
  // Contributions
  {
    name: "post a contribution into dialogue B",
    attempt: ({ a, b }) => createContribution(a.staff, postInput(b.dialogue)),
    refusedWith: REFUSED,
  },
  {
    name: "post a contribution into dialogue A with a theme of municipality B",
    attempt: ({ a, b }) => createContribution(a.participant, postInput(a.dialogue, { themeId: b.themeId })),
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    name: "correct B's contribution",
    attempt: ({ a, b }) => updateContribution(a.staff, { contributionId: b.contributionId, title: "Gefälscht", body: "Gefälscht" }),
    refusedWith: REFUSED,
  },
  {
    name: "withdraw B's contribution",
    attempt: ({ a, b }) => withdrawContribution(a.host, { contributionId: b.contributionId }),
    refusedWith: REFUSED,
  },
  // Comments
  {
    name: "comment on B's contribution",
    attempt: ({ a, b }) => createComment(a.participant, { contributionId: b.contributionId, body: "Gefälscht", language: "de" }),
    refusedWith: REFUSED,
  },
  {
    name: "reply in A to a comment of B (parentId forged)",
    attempt: ({ a, b }) => createComment(a.participant, { contributionId: a.contributionId, parentId: b.commentId, body: "Gefälscht", language: "de" }),
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    name: "change B's comment",
    attempt: ({ a, b }) => updateComment(a.staff, { commentId: b.commentId, body: "Gefälscht" }),
    refusedWith: REFUSED,
  },
  {
    name: "delete B's comment",
    attempt: ({ a, b }) => deleteComment(a.host, { commentId: b.commentId }),
    refusedWith: REFUSED,
  },
  // Supports
  {
    name: "support B's contribution",
    attempt: ({ a, b }) => giveSupport(a.participant, { contributionId: b.contributionId }),
    refusedWith: REFUSED,
  },
  {
    // Withdrawing touches only the viewer's own support; one that is not there is success
    // (a double click), and B's public counts are no secret. B's supports stay.
    name: "withdraw a support from B's contribution",
    attempt: ({ a, b }) => withdrawSupport(a.staff, { contributionId: b.contributionId }),
    refusedWith: REFUSED,
    noOp: true,
  },
  // Translations
  {
    name: "translate B's contribution",
    attempt: ({ a, b }) => addTranslation(a.participant, { contributionId: b.contributionId, language: "fa", title: "x", body: "x" }),
    refusedWith: REFUSED,
  },
  {
    name: "translate B's comment from A's page (commentId forged)",
    attempt: ({ a, b }) => addTranslation(a.participant, { commentId: b.commentId, language: "fa", body: "x" }),
    refusedWith: REFUSED,
  },
  {
    name: "check B's translation",
    attempt: ({ a, b }) => checkTranslation(a.staff, { translationId: b.translationId }),
    refusedWith: REFUSED,
  },
  {
    name: "machine-translate B's contribution",
    attempt: ({ a, b }) =>
      machineTranslate(a.host, { contributionId: b.contributionId, language: "fa" }, { translate: async () => "x" }),
    refusedWith: REFUSED,
  },
  // Dialogues
  {
    name: "edit dialogue B",
    attempt: ({ a, b }) => {
      const { municipalityId: _, ...fields } = dialogueInput(b.dialogue.municipalityId, b.themeId);
      return updateDialogue(a.staff, { dialogueId: b.dialogue.id, ...fields });
    },
    refusedWith: REFUSED,
  },
  {
    name: "edit dialogue A to use a theme of municipality B",
    attempt: ({ a, b }) => {
      const { municipalityId: _, ...fields } = dialogueInput(a.dialogue.municipalityId, b.themeId);
      return updateDialogue(a.staff, { dialogueId: a.dialogue.id, ...fields });
    },
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    name: "create a dialogue in municipality B",
    attempt: ({ a, b }) => createDialogue(a.staff, dialogueInput(b.dialogue.municipalityId, b.themeId)),
    refusedWith: REFUSED,
  },
  {
    name: "create a dialogue in municipality A with a theme of municipality B",
    attempt: ({ a, b }) => createDialogue(a.staff, dialogueInput(a.dialogue.municipalityId, b.themeId)),
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    name: "move dialogue B to its next phase",
    attempt: ({ a, b }) => advancePhase(a.staff, { dialogueId: b.dialogue.id, from: "COLLECTING" }),
    refusedWith: REFUSED,
  },
  // Invitations and staff
  {
    name: "create an invitation to dialogue B",
    attempt: ({ a, b }) => createInvitation(a.host, { dialogueId: b.dialogue.id, role: "CO_HOST", expiresInDays: 7, maxUses: 5 }),
    refusedWith: REFUSED,
  },
  {
    name: "revoke B's invitation",
    attempt: ({ a, b }) => revokeInvitation(a.staff, { invitationId: b.invitationId }),
    refusedWith: REFUSED,
  },
  {
    name: "invite staff to municipality B",
    attempt: ({ a, b }) =>
      inviteStaff(a.staff, { municipalityId: b.dialogue.municipalityId, email: "forged@example.org", displayName: "Forged", role: "STAFF" }, context()),
    refusedWith: REFUSED,
  },
  // Responses, moderation, meetings, actors, offline entries, exports, notifications
  {
    name: "answer B's contribution",
    attempt: ({ a, b }) => postResponse(a.host, { contributionId: b.contributionId, status: "PLANNED", body: "Gefälscht" }),
    refusedWith: REFUSED,
  },
  {
    name: "answer A's contribution naming an actor of municipality B",
    attempt: ({ a, b }) => postResponse(a.host, { contributionId: a.contributionId, status: "PLANNED", body: "Gefälscht", actorId: b.actorId }),
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    name: "report B's contribution from A's page (dialogueId of A)",
    attempt: ({ a, b }) =>
      createReport(a.participant, { dialogueId: a.dialogue.id, itemType: "contribution", itemId: b.contributionId, category: "SPAM", reason: "x" }),
    refusedWith: REFUSED,
  },
  {
    name: "hide B's contribution",
    attempt: ({ a, b }) => hideContent(a.moderator, { itemType: "contribution", itemId: b.contributionId, category: "SPAM", reason: "x" }),
    refusedWith: REFUSED,
  },
  {
    name: "hide B's comment",
    attempt: ({ a, b }) => hideContent(a.moderator, { itemType: "comment", itemId: b.commentId, category: "SPAM", reason: "x" }),
    refusedWith: REFUSED,
  },
  {
    name: "restore B's hidden contribution",
    attempt: ({ a, b }) => unhideContent(a.moderator, { itemType: "contribution", itemId: b.hiddenContributionId, reason: "x" }),
    refusedWith: REFUSED,
  },
  {
    name: "dismiss the reports on B's contribution",
    attempt: ({ a, b }) => dismissReports(a.moderator, { itemType: "contribution", itemId: b.contributionId, reason: "x" }),
    refusedWith: REFUSED,
  },
  {
    name: "open a mediation case in dialogue B",
    attempt: ({ a, b }) =>
      openMediationCase(a.moderator, { dialogueId: b.dialogue.id, subject: "x", participantIds: [b.author.id, a.participant.id] }),
    refusedWith: REFUSED,
  },
  {
    name: "open a mediation case in dialogue A with people of dialogue B",
    attempt: ({ a, b }) => openMediationCase(a.moderator, { dialogueId: a.dialogue.id, subject: "x", participantIds: [b.author.id, a.participant.id] }),
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    name: "close B's mediation case",
    attempt: ({ a, b }) => closeMediationCase(a.moderator, { caseId: b.mediationCaseId, outcome: "Gefälscht" }),
    refusedWith: REFUSED,
  },
  {
    name: "announce a meeting of dialogue B",
    attempt: ({ a, b }) => createMeeting(a.host, { dialogueId: b.dialogue.id, title: "x", place: "x", startsAt: "2030-05-04T18:00" }),
    refusedWith: REFUSED,
  },
  {
    name: "record supports at a meeting of B for A's contribution",
    attempt: ({ a, b }) => recordMeetingSupport(a.host, { contributionId: a.contributionId, meetingId: b.meetingId, perspective: "LIVED_EXPERIENCE", count: 3 }),
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    name: "record supports at A's meeting for B's contribution",
    attempt: ({ a, b }) => recordMeetingSupport(a.host, { contributionId: b.contributionId, meetingId: a.meetingId, perspective: "LIVED_EXPERIENCE", count: 3 }),
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    name: "enter an offline contribution into dialogue B",
    attempt: ({ a, b }) =>
      recordOfflineContribution(a.host, { ...postInput(b.dialogue), source: "PAPER", perspective: "LIVED_EXPERIENCE", readBackConfirmed: "on" }),
    refusedWith: REFUSED,
  },
  {
    name: "enter an offline contribution into A from a meeting of B",
    attempt: ({ a, b }) =>
      recordOfflineContribution(a.host, { ...postInput(a.dialogue), source: "MEETING", meetingId: b.meetingId, perspective: "LIVED_EXPERIENCE", readBackConfirmed: "on" }),
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    name: "add an actor to municipality B",
    attempt: ({ a, b }) => createActor(a.staff, { municipalityId: b.dialogue.municipalityId, name: "Gefälscht", kind: "INITIATIVE" }),
    refusedWith: REFUSED,
  },
  {
    name: "edit B's actor",
    attempt: ({ a, b }) => updateActor(a.staff, { actorId: b.actorId, name: "Gefälscht", kind: "INITIATIVE" }),
    refusedWith: REFUSED,
  },
  {
    name: "add oneself to B's actor",
    attempt: ({ a, b }) => addActorMember(a.staff, { actorId: b.actorId, userId: a.staff.id }),
    refusedWith: REFUSED,
  },
  {
    name: "export dialogue B",
    attempt: ({ a, b }) => exportDialogue(a.staff, { dialogueId: b.dialogue.id }),
    refusedWith: REFUSED,
  },
  {
    name: "name B's actor responsible for a theme of dialogue A",
    attempt: ({ a, b }) => assignResponsibility(a.host, { dialogueId: a.dialogue.id, themeId: firstThemeId(a.dialogue), actorId: b.actorId }),
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    name: "name an actor for a theme of B in dialogue A",
    attempt: ({ a, b }) => assignResponsibility(a.host, { dialogueId: a.dialogue.id, themeId: b.themeId, actorId: b.actorId }),
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    name: "remove B's responsibility",
    attempt: ({ a, b }) => removeResponsibility(a.host, { responsibilityId: b.responsibilityId }),
    refusedWith: REFUSED,
  },
  {
    name: "open someone else's notification",
    attempt: ({ a, b }) => openNotification(a.participant, { id: b.notificationId }),
    refusedWith: REFUSED,
  },
];

describe("forged ids of another dialogue or municipality", () => {
  it.each(ROWS)("$name: refused, nothing changed", async ({ attempt, refusedWith, noOp }) => {
    const before = await databaseFingerprint();
    let outcome: unknown;
    try {
      outcome = await attempt(w);
    } catch (error) {
      outcome = error;
    }
    if (outcome instanceof AppError) expect(refusedWith).toContain(outcome.code);
    else if (outcome instanceof Error) throw outcome;
    else if (!noOp) throw new Error(`accepted: ${JSON.stringify(outcome)}`);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("the same requests for dialogue A's own records are accepted (the world is not broken)", async () => {
    await giveSupport(w.a.participant, { contributionId: w.a.contributionId });
    await createComment(w.a.participant, { contributionId: w.a.contributionId, parentId: w.a.commentId, body: "Echt", language: "de" });
    await createContribution(w.a.participant, postInput(w.a.dialogue));
    expect(await db.comment.count({ where: { contributionId: w.a.contributionId } })).toBe(2);
    // A member of both dialogues may act in B: refusals above are about the ids, not the person.
    await addMember(w.b.dialogue.id, w.a.participant.id, "PARTICIPANT");
    await giveSupport(await viewerOf(w.a.participant.id), { contributionId: w.b.contributionId });
  });
});
