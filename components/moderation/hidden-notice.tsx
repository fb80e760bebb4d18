import { getFormatter, getTranslations } from "next-intl/server";
import { UserText } from "@/components/text/user-text";
import { requestReviewAction, unhideAction } from "@/app/[locale]/[municipality]/[dialogue]/moderation/actions";
import type { ModerationCategory } from "@/lib/generated/prisma/enums";
import type { HideNotice } from "@/lib/moderation/get-hide-notice";
import { ReasonForm, RequestReviewForm } from "./moderation-forms";

/** What everyone but the author and the moderators sees in place of hidden words. */
export async function HiddenPlaceholder({ category }: { category: ModerationCategory }) {
  const t = await getTranslations("moderation");
  return (
    <p className="mt-1 text-muted italic" data-testid="hidden-placeholder">
      {t("hidden", { category: t(`categories.${category}`) })}
    </p>
  );
}

/**
 * Why it was hidden, for its author (with the one request for a review) and the moderators
 * (with the way back). Needs the "moderation" messages on the client (ClientMessages).
 */
export async function HideNoticePanel({ notice }: { notice: HideNotice }) {
  const [t, format] = await Promise.all([getTranslations("moderation"), getFormatter()]);
  return (
    <div className="mt-2 rounded border-s-4 border-danger bg-danger-soft p-3" data-testid="hide-notice">
      <p className="font-semibold">{notice.isAuthor ? t("notice.ownHidden") : t("notice.hiddenForOthers")}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">{t("notice.category")}</dt>
        <dd>{t(`categories.${notice.category}`)}</dd>
        <dt className="text-muted">{t("notice.reason")}</dt>
        <dd>
          <UserText text={notice.reason} dir="auto" />
        </dd>
        <dt className="text-muted">{t("notice.when")}</dt>
        <dd>
          <time dateTime={notice.hiddenAt.toISOString()}>{format.dateTime(notice.hiddenAt, { dateStyle: "medium", timeStyle: "short" })}</time>
        </dd>
      </dl>
      {notice.review && (
        <p className="mt-2 text-sm" role="status">
          {notice.review.decision ? t(`notice.review${notice.review.decision}`) : t("notice.reviewPending")}
        </p>
      )}
      {notice.mayRequestReview && (
        <RequestReviewForm action={requestReviewAction} hideActionId={notice.hideActionId} summary={{ label: t("notice.askReview"), detailsClassName: "mt-2" }} />
      )}
      {notice.mayUnhide && (
        <ReasonForm
          action={unhideAction}
          item={notice.ref}
          label={t("notice.unhideReason")}
          submit={t("notice.unhide")}
          summary={{ label: t("notice.unhide"), detailsClassName: "mt-2" }}
        />
      )}
    </div>
  );
}
