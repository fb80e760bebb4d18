// Forged ids: a person with real rights in dialogue A (of municipality A) sends the ids of
// records of dialogue B (of municipality B) to every domain function a server action calls,
// and ids of B's records inside A's requests. Each is refused (FORBIDDEN, NOT_FOUND or
// INVALID_INPUT) and the database is exactly as before. New server action = one row. The route
// handlers that take ids (export download, open-data API) are rows too: refused = 404/403 or
// the export form's error redirect, and a refused export leaves no ExportLog entry.
import { beforeAll, describe, expect, it, vi } from "vitest";

// Route handlers are called directly with a `new Request(...)`: the viewer a session would
// give, and request headers (the open-data rate limit reads the client address) are stand-ins.
const session = vi.hoisted(() => ({ viewer: null as import("@/lib/policy/policy").Viewer | null }));
vi.mock("@/lib/auth/get-viewer", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/get-viewer")>()),
  getViewer: async () => session.viewer,
}));
// The export form's POST comes from the app's own pages (lib/actions/form-action.ts, sameOrigin).
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7", origin: "https://mitreden.example", host: "mitreden.example" }),
}));

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
import { requestReview } from "@/lib/moderation/request-review";
import { decideReview } from "@/lib/moderation/decide-review";
import { removeActorMember } from "@/lib/actors/remove-actor-member";
import { getOpenDialogue } from "@/lib/open-data/get-open-dialogue";
import { getOpenResults } from "@/lib/open-data/get-open-results";
import { listOpenContributions } from "@/lib/open-data/list-open-contributions";
import { listOpenDialogues } from "@/lib/open-data/list-open-dialogues";
import { listOpenResponses } from "@/lib/open-data/list-open-responses";
import { POST as downloadExport } from "@/app/[locale]/[municipality]/[dialogue]/export/download/route";
import { GET as openDialogueRoute } from "@/app/api/v1/dialogues/[id]/route";
import { GET as openContributionsRoute } from "@/app/api/v1/dialogues/[id]/contributions/route";
import { assignResponsibility } from "@/lib/responsibilities/assign-responsibility";
import { removeResponsibility } from "@/lib/responsibilities/remove-responsibility";
import { createActor as insertActor, createDialogue as insertDialogue, createMeeting as insertMeeting } from "@/tests/support/factories";
import type { SignedInUser } from "@/lib/auth/get-viewer";
import {
  addMember,
  createComment as insertComment,
  createContribution as insertContribution,
  createUser,
  firstThemeId,
  type DialogueWithThemes,
} from "@/tests/support/factories";
import { context, insertInvitation, viewerOf } from "@/tests/support/viewers";
import { dialogueIn, participant, postInput } from "@/tests/support/participation";
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
    municipalitySlug: string;
    hiddenContributionId: string;
    actorId: string;
    draftId: string;
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
    hideActionId: string;
    reviewRequestId: string;
    draftId: string;
    staff: SignedInUser;
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
  // Nobody supports their own contribution (decision 024): B's support comes from another member of B.
  await db.support.create({ data: { contributionId: contributionB.id, userId: (await participant(dialogueB.id)).id, perspective: "LIVED_EXPERIENCE" } });
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
  // A hide in B with its author's review request; B's actor has a member; a draft each.
  const hideB = await db.moderationAction.create({
    data: { dialogueId: dialogueB.id, actorId: dialogueB.createdById, type: "HIDE", contributionId: hiddenB.id, category: "SPAM", reason: "Werbung" },
  });
  const reviewB = await db.reviewRequest.create({ data: { hideActionId: hideB.id, requesterId: hiddenB.authorId!, reason: "Keine Werbung" } });
  await db.actorMember.create({ data: { actorId: actorB.id, userId: author.id } });
  const draftA = await insertDialogue({ municipalityId: dialogueA.municipalityId, createdById: dialogueA.createdById });
  const draftB = await insertDialogue({ municipalityId: dialogueB.municipalityId });
  const hiddenA = await insertContribution({ dialogueId: dialogueA.id, hiddenAt: new Date(), hiddenCategory: "SPAM" });
  const actorA = await insertActor({ municipalityId: dialogueA.municipalityId });
  const municipalityA = await db.municipality.findUniqueOrThrow({ where: { id: dialogueA.municipalityId } });
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
      municipalitySlug: municipalityA.slug,
      hiddenContributionId: hiddenA.id,
      actorId: actorA.id,
      draftId: draftA.id,
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
      hideActionId: hideB.id,
      reviewRequestId: reviewB.id,
      draftId: draftB.id,
      staff: await staffOf(dialogueB.municipalityId),
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

/**
 * A route handler's answer as a row's outcome: 404/403 (or the export form's `?error=CODE`
 * redirect) is that refusal; anything else is an acceptance.
 */
async function routeOutcome(response: Response) {
  const redirected = response.status === 303 ? new URL(response.headers.get("location")!).searchParams.get("error") : null;
  await response.body?.cancel();
  if (redirected) throw new AppError(redirected as AppError["code"]);
  if (response.status === 404) throw new AppError("NOT_FOUND");
  if (response.status === 403) throw new AppError("FORBIDDEN");
  return { status: response.status };
}

/** POST …/<municipality>/<dialogue>/export/download (the export form) as `viewer`. */
function downloadAs(viewer: SignedInUser, municipality: string, dialogue: string) {
  session.viewer = viewer;
  const url = `https://mitreden.example/de/${municipality}/${dialogue}/export/download`;
  const request = new Request(url, { method: "POST", body: new URLSearchParams({ format: "csv" }) });
  return downloadExport(request, { params: Promise.resolve({ locale: "de", municipality, dialogue }) }).then(routeOutcome);
}

async function slugOf(dialogueId: string) {
  return (await db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, select: { slug: true } })).slug;
}

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
  // Any signed-in reader may have a public text machine-translated (decision 026), B's visible
  // contribution included; a forged id reaches only what they could not read.
  {
    name: "machine-translate B's hidden contribution",
    attempt: ({ a, b }) =>
      machineTranslate(a.host, { contributionId: b.hiddenContributionId, language: "fa" }, { translate: async () => "x" }),
    refusedWith: REFUSED,
  },
  {
    name: "machine-translate dialogue B's draft",
    attempt: ({ a, b }) => machineTranslate(a.host, { dialogueId: b.draftId, language: "fa" }, { translate: async () => "x" }),
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
      recordOfflineContribution(a.host, { ...postInput(b.dialogue), source: "PAPER", perspective: "LIVED_EXPERIENCE", readBackConfirmed: true }),
    refusedWith: REFUSED,
  },
  {
    name: "enter an offline contribution into A from a meeting of B",
    attempt: ({ a, b }) =>
      recordOfflineContribution(a.host, { ...postInput(a.dialogue), source: "MEETING", meetingId: b.meetingId, perspective: "LIVED_EXPERIENCE", readBackConfirmed: true }),
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
    name: "remove a member from B's actor",
    attempt: ({ a, b }) => removeActorMember(a.staff, { actorId: b.actorId, userId: b.author.id }),
    refusedWith: REFUSED,
  },
  {
    // Removal is scoped to the actor named: B's member is not a member of A's actor, so
    // nothing is removed anywhere (and B's actor keeps its member).
    name: "remove B's actor member from A's actor",
    attempt: ({ a, b }) => removeActorMember(a.staff, { actorId: a.actorId, userId: b.author.id }),
    refusedWith: REFUSED,
    noOp: true,
  },
  {
    name: "record supports at A's meeting for B's hidden contribution",
    attempt: ({ a, b }) => recordMeetingSupport(a.host, { contributionId: b.hiddenContributionId, meetingId: a.meetingId, perspective: "LIVED_EXPERIENCE", count: 3 }),
    refusedWith: REFUSED_OR_INVALID,
  },
  {
    // Hidden content is out of the count: no supports are recorded for it, even in its own dialogue.
    name: "record supports at A's meeting for A's hidden contribution",
    attempt: ({ a }) => recordMeetingSupport(a.host, { contributionId: a.hiddenContributionId, meetingId: a.meetingId, perspective: "LIVED_EXPERIENCE", count: 3 }),
    refusedWith: REFUSED,
  },
  {
    name: "ask for a review of B's hide",
    attempt: ({ a, b }) => requestReview(a.participant, { hideActionId: b.hideActionId, reason: "Gefälscht" }),
    refusedWith: REFUSED,
  },
  {
    name: "decide B's review request",
    attempt: ({ a, b }) => decideReview(a.moderator, { reviewRequestId: b.reviewRequestId, decision: "REVERSED", reason: "Gefälscht" }),
    refusedWith: REFUSED,
  },
  {
    name: "export dialogue B",
    attempt: ({ a, b }) => exportDialogue(a.staff, { dialogueId: b.dialogue.id }),
    refusedWith: REFUSED,
  },
  {
    name: "export B's draft dialogue",
    attempt: ({ a, b }) => exportDialogue(a.staff, { dialogueId: b.draftId }),
    refusedWith: REFUSED,
  },
  {
    // Only published dialogues are exported, the municipality's own drafts included.
    name: "export A's draft dialogue",
    attempt: ({ a }) => exportDialogue(a.staff, { dialogueId: a.draftId }),
    refusedWith: REFUSED,
  },
  {
    name: "download route: B's dialogue under A's municipality slug",
    attempt: async ({ a, b }) => downloadAs(a.staff, a.municipalitySlug, await slugOf(b.dialogue.id)),
    refusedWith: REFUSED,
  },
  {
    name: "download route: B's dialogue under A's municipality slug, asked by B's own staff",
    attempt: async ({ a, b }) => downloadAs(b.staff, a.municipalitySlug, await slugOf(b.dialogue.id)),
    refusedWith: REFUSED,
  },
  {
    name: "download route: A's draft dialogue",
    attempt: async ({ a }) => downloadAs(a.staff, a.municipalitySlug, await slugOf(a.draftId)),
    refusedWith: REFUSED,
  },
  // Open data: public data of published dialogues only.
  {
    name: "open data: B's draft dialogue",
    attempt: ({ b }) => getOpenDialogue({ dialogueId: b.draftId }),
    refusedWith: REFUSED,
  },
  {
    name: "open data: contributions of B's draft dialogue",
    attempt: ({ b }) => listOpenContributions({ dialogueId: b.draftId }),
    refusedWith: REFUSED,
  },
  {
    name: "open data: responses of B's draft dialogue",
    attempt: ({ b }) => listOpenResponses({ dialogueId: b.draftId }),
    refusedWith: REFUSED,
  },
  {
    name: "open data: results of B's draft dialogue",
    attempt: ({ b }) => getOpenResults({ dialogueId: b.draftId }),
    refusedWith: REFUSED,
  },
  {
    name: "open data route: GET /api/v1/dialogues/<B's draft>",
    attempt: ({ b }) =>
      openDialogueRoute(new Request(`https://mitreden.example/api/v1/dialogues/${b.draftId}`), { params: Promise.resolve({ id: b.draftId }) }).then(routeOutcome),
    refusedWith: REFUSED,
  },
  {
    name: "open data route: GET /api/v1/dialogues/<B's draft>/contributions",
    attempt: ({ b }) =>
      openContributionsRoute(new Request(`https://mitreden.example/api/v1/dialogues/${b.draftId}/contributions`), {
        params: Promise.resolve({ id: b.draftId }),
      }).then(routeOutcome),
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
    // Another member of A supports A's contribution; its author may not (decision 024).
    await giveSupport(await participant(w.a.dialogue.id), { contributionId: w.a.contributionId });
    await createComment(w.a.participant, { contributionId: w.a.contributionId, parentId: w.a.commentId, body: "Echt", language: "de" });
    await createContribution(w.a.participant, postInput(w.a.dialogue));
    expect(await db.comment.count({ where: { contributionId: w.a.contributionId } })).toBe(2);
    // A member of both dialogues may act in B: refusals above are about the ids, not the person.
    await addMember(w.b.dialogue.id, w.a.participant.id, "PARTICIPANT");
    await giveSupport(await viewerOf(w.a.participant.id), { contributionId: w.b.contributionId });
    // The route handlers answer A's own requests: the download streams and is logged once,
    // the open-data API serves the published dialogue and lists it under its own municipality only.
    const logged = await db.exportLog.count();
    expect(await downloadAs(w.a.staff, w.a.municipalitySlug, await slugOf(w.a.dialogue.id))).toEqual({ status: 200 });
    expect(await db.exportLog.count()).toBe(logged + 1);
    const route = await openDialogueRoute(new Request(`https://mitreden.example/api/v1/dialogues/${w.b.dialogue.id}`), {
      params: Promise.resolve({ id: w.b.dialogue.id }),
    });
    expect(route.status).toBe(200);
    const listed = await listOpenDialogues({ municipalitySlug: w.a.municipalitySlug });
    const ids = listed.items.map((item) => item.id);
    expect(ids).toContain(w.a.dialogue.id);
    expect(ids).not.toContain(w.b.dialogue.id);
    expect(ids).not.toContain(w.a.draftId);
  });
});
