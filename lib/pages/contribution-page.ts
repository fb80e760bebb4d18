import "server-only";
import { cache } from "react";
import { z } from "zod";
import { listVerifiedRoles } from "@/lib/accounts/verified-roles";
import { listActorChoices } from "@/lib/actors/list-actor-choices";
import { commentWindowInput, listComments, type CommentView } from "@/lib/comments/list-comments";
import { senderBlockState } from "@/lib/channels/block-sender";
import { getContribution } from "@/lib/contributions/get-contribution";
import { keptContributionOf } from "@/lib/contributions/merged-contributions";
import { loadPublishedDialogue, type DialogueForViewer } from "@/lib/dialogues/load-dialogue";
import { meetingTitleIn } from "@/lib/host-texts/meeting-title";
import { listImages } from "@/lib/images/list-images";
import { listDistricts } from "@/lib/districts/list-districts";
import { getHiddenContribution } from "@/lib/moderation/get-hidden-contribution";
import { getHideNotice, type HideNotice } from "@/lib/moderation/get-hide-notice";
import { isFollowing } from "@/lib/notifications/follows";
import { can, type Resource, type Viewer } from "@/lib/policy/policy";
import { offersPushAfterPost } from "@/lib/push/first-post-prompt";
import { listTranslations } from "@/lib/translations/list-translations";
import { machineTranslationEnabled } from "@/lib/translations/machine-translate";
import { listCommentVoices, voiceNote, type CommentVoice } from "@/lib/voice/get-voice-note";
import { COMMENT_ACTS, type CommentAct } from "@/lib/routes/paths";

// The contribution page's data (issue 17, step 2; decision 038): the dialogue through the
// request-cached loadDialogue, the contribution, one window of its thread, and every permission
// the page and the components below it need, decided here once. Components under the page
// receive data and flags; they neither query nor call can() (tests/contributions/
// contribution-page-queries.test.ts fails when one does).

/** What the viewer may do on this contribution's page: the same answers its server actions get from the policy. */
export type ContributionPermissions = {
  edit: boolean;
  withdraw: boolean;
  comment: boolean;
  support: boolean;
  withdrawSupport: boolean;
  /** translation:create / translation:check: type in a version, check one. */
  translate: boolean;
  check: boolean;
  /** A checker with the machine translator configured. */
  machineTranslate: boolean;
  /** Any signed-in reader with the machine translator configured: into their own language, once for all. */
  requestTranslation: boolean;
  /** receipt:manage: the receipt slip of what its recorder entered on someone's behalf. */
  receipt: boolean;
  /** contribution:respond: the answer form. */
  respond: boolean;
  /** report:create: "Report" under the contribution (its author is not offered it). */
  report: boolean;
  /** contribution:create:on-behalf: record a count of supports at a meeting. */
  recordMeetingSupport: boolean;
  /** content:hide: a moderator hides a photo on its own. */
  hideImages: boolean;
  /** channel:kind:read: which messenger a contribution came by ("via WhatsApp"), never the number. */
  readChannelKind: boolean;
  /** contribution:merge: the host team's link to merge this one into another (decision 051). */
  merge: boolean;
};

/** Per comment of the window: edit and delete one's own, play a pending voice comment or write it down, report another's. */
export type CommentPermissions = { edit: boolean; delete: boolean; listen: boolean; transcribe: boolean; report: boolean };

type Params = { locale: string; municipality: string; dialogue: string; contributionId: string };

/**
 * The one comment form a link asked for (`?comment=…&act=…`, dialoguePaths().comment): the page
 * renders it open for that comment alone, and only where it shows that comment's link for it
 * (the same flags), so an `act` the viewer may not use renders nothing (decision 089).
 */
export type OpenedCommentForm = { commentId: string; act: CommentAct };
const openedInput = z.object({ comment: z.uuid().optional().catch(undefined), act: z.enum(COMMENT_ACTS).optional().catch(undefined) });

function openedForm(query: Record<string, string | string[] | undefined>): OpenedCommentForm | null {
  const { comment, act } = openedInput.parse(query);
  return comment && act ? { commentId: comment, act } : null;
}

/** The dialogue and the contribution as `viewer` may read them; request-cached (generateMetadata and the page share it). */
const loadContribution = cache(async (viewer: Viewer | null, municipalitySlug: string, dialogueSlug: string, contributionId: string) => {
  const loaded = await loadPublishedDialogue(viewer, { municipalitySlug, dialogueSlug });
  if (!loaded) return null;
  const contribution = await getContribution({ contributionId, dialogueId: loaded.dialogue.id }, viewer?.id ?? null);
  return { loaded, contribution };
});

/** The contribution's title for the page's metadata (null when the page shows no contribution). */
export async function loadContributionTitle(viewer: Viewer | null, params: Omit<Params, "locale">): Promise<string | null> {
  const found = await loadContribution(viewer, params.municipality, params.dialogue, params.contributionId);
  return found?.contribution ? found.contribution.title : null;
}

function contributionPermissions(viewer: Viewer | null, resource: Resource, contribution: { authorId: string | null; recordedById: string | null; source: string }): ContributionPermissions {
  const anyone = { ...resource, ownerId: undefined };
  const machine = machineTranslationEnabled();
  const check = can(viewer, "translation:check", anyone);
  return {
    edit: can(viewer, "contribution:update:own", resource),
    withdraw: can(viewer, "contribution:withdraw:own", resource),
    comment: can(viewer, "comment:create", anyone),
    support: can(viewer, "support:give", resource),
    withdrawSupport: can(viewer, "support:withdraw:own", { ...resource, ownerId: viewer?.id ?? null }),
    translate: can(viewer, "translation:create", anyone),
    check,
    machineTranslate: check && machine,
    requestTranslation: machine && can(viewer, "translation:request", anyone),
    receipt: contribution.source !== "ONLINE" && can(viewer, "receipt:manage", { ...resource, ownerId: contribution.recordedById }),
    respond: can(viewer, "contribution:respond", anyone),
    report: viewer !== null && viewer.id !== contribution.authorId && can(viewer, "report:create", anyone),
    recordMeetingSupport: can(viewer, "contribution:create:on-behalf", anyone),
    readChannelKind: can(viewer, "channel:kind:read", resource),
    hideImages: can(viewer, "content:hide", resource),
    merge: can(viewer, "contribution:merge", anyone),
  };
}

function commentPermissions(viewer: Viewer | null, resource: Resource, comment: CommentView, voice: CommentVoice | undefined): CommentPermissions {
  const own = { ...resource, ownerId: comment.author.id };
  const deleted = comment.deletedAt !== null;
  const hidden = !deleted && comment.hiddenCategory !== null;
  return {
    edit: !deleted && !hidden && can(viewer, "comment:update:own", own),
    delete: !deleted && can(viewer, "comment:delete:own", own),
    // A voice comment pending its transcript (decision 046): the team and the speaker may play it.
    listen: !deleted && comment.awaitingTranscript && can(viewer, "voice:listen", own),
    // Recorders and the host team write it down, or correct what was written, on its own page while
    // its audio is kept (decision 046, as a voice contribution's transcript).
    transcribe: !deleted && voice !== undefined && voice.audioKept && can(viewer, "voice:transcribe", own),
    report: !deleted && !hidden && viewer !== null && viewer.id !== comment.author.id && can(viewer, "report:create", { ...resource, ownerId: undefined }),
  };
}

/** The title of the meeting it was said at, in the reader's language where a version exists (from loadDialogue's meetings: no statement). */
function meetingTitle(dialogue: DialogueForViewer["dialogue"], meeting: { id: string; title: string } | null, locale: string) {
  if (!meeting) return undefined;
  const loaded = [...dialogue.meetings.upcoming, ...dialogue.meetings.past].find((candidate) => candidate.id === meeting.id);
  return meetingTitleIn(meeting, loaded?.versions ?? [], dialogue.languages[0] ?? "de", locale);
}

/** A meeting to choose when recording supports counted there: latest first. */
function meetingChoices(dialogue: DialogueForViewer["dialogue"]) {
  return [...dialogue.meetings.upcoming, ...dialogue.meetings.past]
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || (a.id < b.id ? 1 : -1))
    .map(({ id, title, startsAt }) => ({ id, title, startsAt }));
}

/**
 * Everything app/[locale]/[municipality]/[dialogue]/c/[contributionId]/page.tsx shows, for
 * `viewer`: the contribution with its dialogue, one window of comments (?from, ?before, ?last,
 * ?comment), translations, verified roles, the voice message's trace, counts from meetings,
 * the follow state and the permission flags. A contribution a moderator hid comes back as
 * `hidden` (its author and the moderators read it with the reason); null when there is none.
 */
export async function loadContributionPage(viewer: Viewer | null, params: Params, query: Record<string, string | string[] | undefined>) {
  const found = await loadContribution(viewer, params.municipality, params.dialogue, params.contributionId);
  if (!found) return null;
  const { loaded, contribution } = found;
  const { dialogue } = loaded;
  if (!contribution) {
    const hidden = await getHiddenContribution(viewer, { contributionId: params.contributionId, dialogueId: dialogue.id });
    return hidden ? ({ shown: false, dialogue, hidden } as const) : null;
  }
  const { resource } = contribution;
  const may = contributionPermissions(viewer, resource, { authorId: contribution.author?.id ?? null, recordedById: contribution.recordedById, source: contribution.source });

  const comments = await listComments(contribution.id, commentWindowInput.parse(query), viewer?.id ?? null);
  const inWindow = comments.threads.flatMap((comment) => [comment, ...comment.replies]);
  const hiddenComments = viewer ? inWindow.filter((comment) => comment.deletedAt === null && comment.hiddenCategory !== null) : [];
  const [verifiedRoles, translations, following, actors, pushOffer, hideNotices, senderBlock, images, districts, commentVoices] = await Promise.all([
    // Badges of verified roles beside the names (staff, host team, moderators, actors' members).
    listVerifiedRoles({ id: dialogue.id, municipalityId: resource.municipalityId }, [
      ...(contribution.author ? [contribution.author.id] : []),
      ...inWindow.map((comment) => comment.author.id),
    ]),
    listTranslations({ contributionId: contribution.id, commentIds: inWindow.map((comment) => comment.id), responseIds: contribution.responses.map((response) => response.id) }),
    viewer ? isFollowing(viewer.id, { contributionId: contribution.id }) : false,
    may.respond ? listActorChoices(resource.municipalityId) : [],
    // Right after a first post: switch on notifications for this phone? (decision 031)
    offersPushAfterPost(viewer, contribution.author?.id ?? null),
    // Why a comment is hidden, for its author and the moderators (one per hidden comment in the window).
    Promise.all(hiddenComments.map(async (comment) => [comment.id, await getHideNotice(viewer, { itemType: "comment", itemId: comment.id })] as const)),
    // Came by messenger, and the viewer may block its sender (moderators, staff; decision 045).
    contribution.source === "MESSENGER" ? senderBlockState(viewer, contribution.id) : null,
    // Its photos as this viewer may see them (decision 050).
    listImages(viewer, contribution.id, resource),
    // The author's edit form chooses among the municipality's districts (decision 049).
    may.edit ? listDistricts(resource.municipalityId) : [],
    // The window's voice comments: who wrote them down and whether it was read back (decision 046).
    listCommentVoices(inWindow.filter((comment) => comment.deletedAt === null).map((comment) => comment.id)),
  ]);
  return {
    shown: true,
    ...loaded,
    contribution,
    resource,
    may,
    comments,
    commentMay: Object.fromEntries(inWindow.map((comment) => [comment.id, commentPermissions(viewer, resource, comment, commentVoices.get(comment.id))])) as Record<string, CommentPermissions>,
    commentVoices,
    openedForm: openedForm(query),
    // What the host team merged into it: both voices stay on record (decision 051).
    mergedInto: contribution.mergedInto,
    hideNotices: new Map(hideNotices.filter((entry): entry is readonly [string, HideNotice] => entry[1] !== null)),
    verifiedRoles,
    translations,
    districts,
    meetingTitle: meetingTitle(dialogue, contribution.meeting, params.locale),
    // Said as a voice message (decision 033): its transcript's state and trace, or null.
    voiceNote: contribution.voiceMessage
      ? voiceNote(contribution.voiceMessage, { mayListen: can(viewer, "voice:listen", resource), mayTranscribe: can(viewer, "voice:transcribe", resource) })
      : null,
    following,
    meetingSupports: { tallies: contribution.meetingSupports, meetings: may.recordMeetingSupport ? meetingChoices(dialogue) : null },
    actors,
    pushOffer,
    senderBlock,
    images,
  } as const;
}

export type ContributionPageData = Extract<NonNullable<Awaited<ReturnType<typeof loadContributionPage>>>, { shown: true }>;
export type HiddenContributionPageData = Extract<NonNullable<Awaited<ReturnType<typeof loadContributionPage>>>, { shown: false }>;

/** A merged contribution's address leads to the one it was merged into (decision 051): its id, or null. */
export async function keptContributionFor(viewer: Viewer | null, params: Pick<Params, "municipality" | "dialogue" | "contributionId">): Promise<{ id: string; dialogue: { slug: string; municipality: { slug: string } } } | null> {
  const loaded = await loadPublishedDialogue(viewer, { municipalitySlug: params.municipality, dialogueSlug: params.dialogue });
  if (!loaded) return null;
  const kept = await keptContributionOf(params.contributionId, loaded.dialogue.id);
  return kept ? { id: kept, dialogue: loaded.dialogue } : null;
}
