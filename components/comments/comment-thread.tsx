import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PersonName } from "@/components/contributions/author-line";
import { HiddenComment, ReportDisclosure, ReportLink } from "@/components/moderation/comment-moderation";
import { UserText } from "@/components/text/user-text";
import type { FormAction } from "@/lib/actions/form-state";
import type { VerifiedRole } from "@/lib/accounts/verified-roles";
import { Link } from "@/components/link";
import type { CommentThreadView, CommentView } from "@/lib/comments/list-comments";
import { direction } from "@/lib/i18n/routing";
import type { HideNotice } from "@/lib/moderation/get-hide-notice";
import type { CommentVoice, CommentVoiceTrace } from "@/lib/voice/get-voice-note";
import type { CommentPermissions, OpenedCommentForm } from "@/lib/pages/contribution-page";
import { CommentForm, DeleteCommentForm, EditCommentForm } from "./comment-forms";
import { dialoguePaths, localized, withQuery } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Thread = CommentThreadView;
type Comment = CommentView;
type Page = { locale: string; municipality: string; dialogue: string; contributionId: string };
type Props = {
  /** The dialogue the comments stand in (for "Report"). */
  dialogueId: string;
  /** What the viewer may do, decided by the page's loader: reply in a thread, and per comment of the window. */
  may: { reply: boolean; comments: Readonly<Record<string, CommentPermissions>> };
  /** Why a hidden comment was hidden, for its author and the moderators (the page's loader reads them). */
  hideNotices: ReadonlyMap<string, HideNotice>;
  page: Page;
  actions: { create: FormAction; update: FormAction; delete: FormAction };
  /** Renders a comment's words in place of the plain original, e.g. with its translation. */
  body?: (comment: Comment) => ReactNode;
  /** Verified roles per user id, shown as badges beside the names. */
  verifiedRoles?: Readonly<Record<string, readonly VerifiedRole[]>>;
  /** The trace of each written-down voice comment (who wrote it down, read back), by comment id. */
  voices?: ReadonlyMap<string, CommentVoice>;
  /**
   * The one comment form a link asked for; every other action is a link to its form (decision
   * 089). Rendered only where the flags above show the link, so a crafted `act` renders nothing.
   */
  opened: OpenedCommentForm | null;
};

const NOTHING: CommentPermissions = { edit: false, delete: false, listen: false, transcribe: false, report: false };

async function CommentBody({ comment, dialogueId, may, hideNotices, page, actions, body, verifiedRoles, voices, opened }: Props & { comment: Comment }) {
  const [t, tv, format] = await Promise.all([getTranslations("comments"), getTranslations("voice"), getFormatter()]);
  const deleted = comment.deletedAt !== null;
  const hidden = !deleted && comment.hiddenCategory !== null;
  // Said as a voice message and pending its transcript (decision 046), the team and the speaker
  // may play it (the thread's queries stay the same few: no voice message row is read here).
  const { edit: mayEdit, delete: mayDelete, listen: mayListen, transcribe: mayTranscribe, report: mayReport } = may.comments[comment.id] ?? NOTHING;
  const voice = voices?.get(comment.id);
  const audioHref = localized(page.locale, withQuery(dialoguePaths(page.municipality, page.dialogue).voice(page.contributionId), { comment: comment.id }));
  return (
    <div id={`comment-${comment.id}`} className="rounded border border-line p-3">
      {deleted ? (
        <p className="text-muted italic">{t("deleted")}</p>
      ) : (
        <>
          <p className="text-sm">
            <PersonName person={comment.author} roles={verifiedRoles?.[comment.author.id]} /> ·{" "}
            <time dateTime={comment.createdAt.toISOString()} className="text-muted">
              {format.dateTime(comment.createdAt, "moment")}
            </time>
            {comment.editedAt && <span className="text-muted"> · {t("edited")}</span>}
          </p>
          {hidden && !comment.body ? null : body ? (
            body(comment)
          ) : (
            <UserText text={comment.body} className="mt-1" lang={comment.language} dir={direction(comment.language)} />
          )}
          {comment.awaitingTranscript && (
            <p className="mt-1 text-sm font-semibold" data-testid="voice-pending" lang={page.locale} dir={direction(page.locale)}>
              {tv("pending")}
            </p>
          )}
          {voice?.trace && <VoiceTraceLine trace={voice.trace} locale={page.locale} />}
          {mayListen && (
            <audio controls preload="none" src={audioHref} className="mt-2 w-full">
              <a href={audioHref}>{tv("listen")}</a>
            </audio>
          )}
          {mayTranscribe && (
            <p className="mt-1 text-sm">
              <Link href={dialoguePaths(page.municipality, page.dialogue).commentTranscript(page.contributionId, comment.id)} className="font-semibold">
                {voice?.transcribed ? tv("editTranscriptLink") : tv("transcribeLink")}
              </Link>
            </p>
          )}
          {hidden ? (
            <HiddenComment notice={hideNotices.get(comment.id)} category={comment.hiddenCategory!} withoutWords={!comment.body} page={page} />
          ) : (
            mayReport &&
            (opened?.act === "report" && opened.commentId === comment.id ? (
              <ReportDisclosure dialogueId={dialogueId} item={{ itemType: "comment", itemId: comment.id }} open />
            ) : (
              <ReportLink href={dialoguePaths(page.municipality, page.dialogue).comment(page.contributionId, comment.id, "report")} />
            ))
          )}
        </>
      )}
      {(mayEdit || mayDelete) && (
        <div className="mt-2 flex flex-wrap items-start gap-3">
          {mayEdit && (
            <details className="w-full">
              <summary className="cursor-pointer text-sm font-semibold text-brand">{t("edit")}</summary>
              <div className="mt-2">
                <EditCommentForm action={actions.update} commentId={comment.id} body={comment.body} />
              </div>
            </details>
          )}
          {mayDelete && <DeleteCommentForm action={actions.delete} commentId={comment.id} />}
        </div>
      )}
    </div>
  );
}

/**
 * A comment with its replies: one level only, so only a top-level comment gets a reply form,
 * behind its "Reply" link (decision 089).
 * A long thread shows a window of its replies (lib/comments/list-comments.ts) with links to
 * the earlier and the next ones.
 */
export async function CommentThread({ comment, ...props }: Props & { comment: Thread }) {
  const t = await getTranslations("comments");
  const mayReply = props.may.reply;
  const at = dialoguePaths(props.page.municipality, props.page.dialogue);
  return (
    <article>
      <CommentBody comment={comment} {...props} />
      {(comment.replies.length > 0 || mayReply) && (
        <div className="ms-4 mt-2 space-y-2 border-s-2 border-line ps-3">
          {comment.earlierReplies && (
            <p className="text-sm">
              <Link href={at.comment(props.page.contributionId, comment.id)}>{t("earlierReplies")}</Link>
            </p>
          )}
          {comment.replies.length > 0 && (
            <ol className="space-y-2" aria-label={t("repliesLabel")}>
              {comment.replies.map((reply) => (
                <li key={reply.id}>
                  <CommentBody comment={reply} {...props} />
                </li>
              ))}
            </ol>
          )}
          {comment.moreReplies && (
            <p className="text-sm">
              <Link href={at.comment(props.page.contributionId, comment.moreReplies)}>{t("moreReplies")}</Link>
            </p>
          )}
          {mayReply &&
            (props.opened?.act === "reply" && props.opened.commentId === comment.id ? (
              <details open>
                <summary className="cursor-pointer text-sm font-semibold text-brand">{t("reply")}</summary>
                <div className="mt-2">
                  <CommentForm
                    action={props.actions.create}
                    page={props.page}
                    parentId={comment.id}
                    label={t("replyLabel")}
                    voiceHref={localized(props.page.locale, at.voiceComment(props.page.contributionId, comment.id))}
                  />
                </div>
              </details>
            ) : (
              <p className="text-sm">
                <Link href={at.comment(props.page.contributionId, comment.id, "reply")} className="font-semibold text-brand">
                  {t("reply")}
                </Link>
              </p>
            ))}
        </div>
      )}
    </article>
  );
}

/** Said as a voice message and written down: by whom (a person, or a machine until a person checked it), and whether it was read back (decision 008's trace). */
async function VoiceTraceLine({ trace, locale }: { trace: CommentVoiceTrace; locale: string }) {
  const t = await getTranslations("voice");
  const lines = [t("trace.said")];
  if (trace.machineTranscript) lines.push(trace.confirmedBy ? t("trace.machineChecked", { name: trace.confirmedBy }) : t("trace.machine"));
  else if (trace.transcribedBy) lines.push(t("trace.transcribedBy", { name: trace.transcribedBy }));
  if (trace.readBack) lines.push(t("trace.readBack"));
  return (
    <p className="mt-1 text-sm text-muted" data-testid="comment-voice-trace" lang={locale} dir={direction(locale)}>
      {lines.join(" ")}
    </p>
  );
}
