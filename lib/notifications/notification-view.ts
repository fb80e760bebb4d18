import "server-only";
import { commentAnchor } from "@/lib/comments/comment-link";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pickHostText } from "@/lib/host-texts/pick-host-text";
import type { ContributionKind, DialoguePhase, ContributionStatus, ModerationCategory, NotificationType } from "@/lib/generated/prisma/enums";

// What a notification tells, as one sentence and one link, for the list page and the e-mail
// digest alike. The sentence's words come from the "notifications" catalogue namespace.

const place = {
  select: {
    slug: true,
    title: true,
    phase: true,
    languages: true,
    // The dialogue's title in other languages: the reader's is named (decision 025).
    translations: { select: { language: true, method: true, checkedAt: true, outdatedAt: true, title: true } },
    municipality: { select: { slug: true } },
  },
} as const;
const contributionView = { select: { id: true, title: true, kind: true, status: true, hiddenCategory: true, dialogue: place } } as const;

export const notificationSelect = {
  id: true,
  type: true,
  readAt: true,
  createdAt: true,
  dialogue: place,
  contribution: contributionView,
  comment: {
    select: {
      id: true,
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
  path: string;
  /** Key in the "notifications.sentences" namespace, and its ICU values (enum codes still untranslated). */
  sentence: string;
  values: { title: string; name: string; kind: ContributionKind | ""; status: ContributionStatus | ""; category: ModerationCategory | ""; what: "comment" | "contribution"; phase: DialoguePhase | "" };
};

const SENTENCES: Record<NotificationType, string> = {
  RESPONSE_POSTED: "responsePosted",
  COMMENT_REPLY: "commentReply",
  CONTENT_HIDDEN: "contentHidden",
  CONTENT_RESTORED: "contentRestored",
  REVIEW_DECIDED: "reviewDecided",
  PHASE_CHANGED: "phaseChanged",
};

/** `locale`: the reader's UI language, whose version of a dialogue's title is named (decision 025). */
export function viewOf(row: NotificationRow, locale?: string): NotificationView {
  const contribution = row.contribution ?? row.comment?.contribution ?? null;
  const dialogue = contribution?.dialogue ?? row.dialogue;
  let path = "/notifications";
  if (contribution && dialogue) {
    path = `/${dialogue.municipality.slug}/${dialogue.slug}/c/${contribution.id}${row.comment ? commentAnchor(row.comment.id) : ""}`;
  } else if (dialogue) {
    path = `/${dialogue.municipality.slug}/${dialogue.slug}`;
  }
  const author = row.comment?.author;
  return {
    id: row.id,
    type: row.type,
    unread: row.readAt === null,
    createdAt: row.createdAt,
    path,
    sentence: SENTENCES[row.type],
    values: {
      title: row.type === "PHASE_CHANGED" ? dialogueTitle(dialogue, locale) : (contribution?.title ?? dialogueTitle(dialogue, locale)),
      name: author && !author.deletedAt ? author.displayName : "",
      kind: contribution?.kind ?? "",
      status: row.response?.status ?? (row.type === "RESPONSE_POSTED" ? (contribution?.status ?? "") : ""),
      category: (row.comment ? row.comment.hiddenCategory : contribution?.hiddenCategory) ?? "",
      what: row.comment ? "comment" : "contribution",
      // The dialogue's phase now: after two quick changes both notifications name the latest.
      phase: dialogue?.phase ?? "",
    },
  };
}

function dialogueTitle(dialogue: NotificationRow["dialogue"], locale: string | undefined): string {
  if (!dialogue) return "";
  if (!locale) return dialogue.title;
  return pickHostText({ language: dialogue.languages[0] ?? "de", fields: { title: dialogue.title } }, dialogue.translations, locale).fields.title ?? dialogue.title;
}
