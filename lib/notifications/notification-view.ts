import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pickHostText } from "@/lib/host-texts/pick-host-text";
import { dialogueNamedSelect } from "@/lib/dialogues/dialogue-select";
import type { ContributionKind, DialoguePhase, ContributionStatus, ModerationCategory, NotificationType } from "@/lib/generated/prisma/enums";
import { dialoguePaths, sitePaths, type Path } from "@/lib/routes/paths";

// What a notification tells, as one sentence and one link, for the list page and the e-mail
// digest alike. The sentence's words come from the "notifications" catalogue namespace.

const place = { select: dialogueNamedSelect } as const;
const contributionView = { select: { id: true, title: true, language: true, kind: true, status: true, authorId: true, hiddenAt: true, hiddenCategory: true, withdrawnAt: true, dialogue: place } } as const;

export const notificationSelect = {
  id: true,
  userId: true,
  type: true,
  count: true,
  readAt: true,
  createdAt: true,
  dialogue: place,
  contribution: contributionView,
  comment: {
    select: {
      id: true,
      authorId: true,
      hiddenAt: true,
      hiddenCategory: true,
      author: { select: { displayName: true, deletedAt: true } },
      contribution: contributionView,
    },
  },
  response: { select: { status: true } },
} satisfies Prisma.NotificationSelect;

export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

export type NotificationView = {
  id: string;
  type: NotificationType;
  unread: boolean;
  createdAt: Date;
  /** Path within the locale, e.g. "/musterstadt/dialog/c/<id>?comment=<id>#comment-<id>". */
  path: Path;
  /** The language `values.title` is written in: pages put the title in an element with this `lang` (decision 028). */
  titleLanguage: string;
  /** Key in the "notifications.sentences" namespace, and its ICU values (enum codes still untranslated). */
  sentence: string;
  values: {
    title: string;
    name: string;
    kind: ContributionKind | "";
    status: ContributionStatus | "";
    category: ModerationCategory | "";
    what: "comment" | "contribution";
    phase: DialoguePhase | "";
    /** How many events this unread row stands for (a burst of comments is one row, decision 030). */
    count: number;
  };
};

const SENTENCES: Record<NotificationType, string> = {
  RESPONSE_POSTED: "responsePosted",
  COMMENT_REPLY: "commentReply",
  CONTENT_HIDDEN: "contentHidden",
  CONTENT_RESTORED: "contentRestored",
  REVIEW_DECIDED: "reviewDecided",
  PHASE_CHANGED: "phaseChanged",
  COMMENT_POSTED: "commentPosted",
  FOLLOWED_HIDDEN: "followedHidden",
  FOLLOWED_RESTORED: "followedRestored",
  MEETING_ADDED: "meetingAdded",
  REPORT_CREATED: "reportCreated",
  REPORT_UPHELD: "reportUpheld",
  REPORT_DISMISSED: "reportDismissed",
  CONTRIBUTION_MERGED: "contributionMerged",
  IMAGE_HIDDEN: "imageHidden",
};

/** Types whose receiver may see hidden content: its author, and moderators about a report. */
const SEES_HIDDEN: ReadonlySet<NotificationType> = new Set(["CONTENT_HIDDEN", "CONTENT_RESTORED", "REVIEW_DECIDED", "REPORT_CREATED", "IMAGE_HIDDEN"]);

/**
 * `locale`: the reader's UI language, whose version of a dialogue's title is named (decision 025);
 * `untitled`: "Voice message" in it, for a voice message with no title yet (decision 046).
 */
export function viewOf(row: NotificationRow, locale?: string, untitled?: string): NotificationView {
  const contribution = row.contribution ?? row.comment?.contribution ?? null;
  const dialogue = contribution?.dialogue ?? row.dialogue;
  // Rendered at read time, so it never tells what the receiver cannot see now: a contribution
  // hidden since is named by nothing but that fact, a hidden comment's author by nobody.
  const seesHidden = SEES_HIDDEN.has(row.type);
  // A withdrawn contribution is gone for everyone but its author, moderators too (decision 030).
  const contributionWithdrawn = contribution?.withdrawnAt != null && contribution.authorId !== row.userId;
  const contributionHidden = contributionWithdrawn || (contribution?.hiddenAt != null && contribution.authorId !== row.userId && !seesHidden);
  const commentHidden = row.comment?.hiddenAt != null && row.comment.authorId !== row.userId && !seesHidden;
  let sentence = SENTENCES[row.type];
  // (The reporter's "was hidden" names no title of a hidden contribution anyway.)
  if (contributionWithdrawn) sentence = "followedWithdrawn";
  else if (contributionHidden && row.type !== "REPORT_UPHELD") sentence = SENTENCES.FOLLOWED_HIDDEN;
  // The answer to one's own contribution is told as such; a follower's names it plainly.
  else if (row.type === "RESPONSE_POSTED" && contribution?.authorId !== row.userId) sentence = "responsePostedFollowed";
  const at = dialogue ? dialoguePaths(dialogue) : null;
  let path: Path = at?.home ?? sitePaths.notifications();
  if (row.type === "REPORT_CREATED" && at && !contributionWithdrawn) path = at.moderation;
  else if (row.type === "MEETING_ADDED" && at) path = at.meetings;
  else if (contribution && at && !contributionHidden) {
    path = row.comment && !commentHidden ? at.comment(contribution.id, row.comment.id) : at.contribution(contribution.id);
  }
  const author = row.comment?.author;
  const dialogueWide = row.type === "PHASE_CHANGED" || row.type === "MEETING_ADDED";
  const title =
    dialogueWide || !contribution ? dialogueTitle(dialogue, locale)
    : contributionHidden ? { text: "", language: contribution.language }
    : !contribution.title && untitled && locale ? { text: untitled, language: locale }
    : { text: contribution.title, language: contribution.language };
  return {
    id: row.id,
    type: row.type,
    unread: row.readAt === null,
    createdAt: row.createdAt,
    path,
    titleLanguage: title.language,
    sentence,
    values: {
      title: title.text,
      name: author && !author.deletedAt && !commentHidden && !contributionWithdrawn ? author.displayName : "",
      kind: contribution?.kind ?? "",
      status: row.response?.status ?? (row.type === "RESPONSE_POSTED" ? (contribution?.status ?? "") : ""),
      category: contributionWithdrawn ? "" : ((row.comment && !contributionHidden ? row.comment.hiddenCategory : contribution?.hiddenCategory) ?? ""),
      what: row.comment ? "comment" : "contribution",
      // The dialogue's phase now: after two quick changes both notifications name the latest.
      phase: dialogue?.phase ?? "",
      count: row.count,
    },
  };
}

function dialogueTitle(dialogue: NotificationRow["dialogue"], locale: string | undefined): { text: string; language: string } {
  if (!dialogue) return { text: "", language: "" };
  const original = { text: dialogue.title, language: dialogue.languages[0] ?? "de" };
  if (!locale) return original;
  const picked = pickHostText({ language: original.language, fields: { title: dialogue.title } }, dialogue.translations, locale);
  return picked.fields.title ? { text: picked.fields.title, language: picked.language } : original;
}
