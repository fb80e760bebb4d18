import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { Section } from "@/components/section";
import { UserText } from "@/components/text/user-text";
import { decideReviewAction, dismissAction, hideAction } from "@/lib/actions/moderation/moderation";
import { contentLanguage } from "@/lib/host-texts/pick-host-text";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import type { listModerationQueue, QueueItem } from "@/lib/moderation/list-moderation-queue";
import { DecideReviewForm, HideForm, ReasonForm } from "./moderation-forms";
import { type DialoguePaths } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Queue = Awaited<ReturnType<typeof listModerationQueue>>;

/** The reported or reviewed words, whose they are and where they stand. */
async function ItemText({ item, paths }: { item: QueueItem; paths: DialoguePaths }) {
  const t = await getTranslations("moderation");
  const href = item.ref.itemType === "comment" ? paths.comment(item.contributionId, item.ref.itemId) : paths.contribution(item.contributionId);
  return (
    <>
      <p className="text-sm text-muted">
        {item.ref.itemType === "comment" ? t("queue.commentOn") : t("queue.contribution")}{" "}
        <Link href={href} className="font-semibold">
          {item.contributionTitle}
        </Link>
        {" · "}
        {item.authorName ?? t("deletedPerson")}
      </p>
      <blockquote className="mt-2 border-s-4 border-line ps-3">
        <UserText text={item.body} format={item.ref.itemType === "comment" ? "plain" : "markdown"} lang={item.language} dir={direction(item.language)} />
      </blockquote>
      {item.hiddenCategory && <p className="mt-2 text-sm font-semibold">{t("hidden", { category: t(`categories.${item.hiddenCategory}`) })}</p>}
    </>
  );
}

/** `headingId`: unique per page when several queues are shown (the municipality-wide queue). */
export async function ReportQueue({
  groups,
  languages,
  paths,
  headingId = "reports-heading",
}: {
  groups: Queue["reportGroups"];
  /** The dialogue's languages: a hide's reason is written in one of them. */
  languages: Queue["languages"];
  paths: DialoguePaths;
  headingId?: string;
}) {
  const [t, format, locale] = await Promise.all([getTranslations("moderation"), getFormatter(), getLocale()]);
  // The moderator writes in their UI language when the dialogue runs in it, else in its first.
  const ownLanguage = contentLanguage(locale);
  const reasonLanguages = {
    options: languages.map((language) => ({ value: language, label: languageName(language, locale) })),
    defaultValue: languages.includes(ownLanguage) ? ownLanguage : languages[0],
  };
  return (
    <Section id={headingId} heading={t("queue.reportsHeading", { count: groups.length })} className="mt-8">
      {groups.length === 0 ? (
        <p className="mt-3">{t("queue.noReports")}</p>
      ) : (
        <ol className="mt-3 space-y-6">
          {groups.map(({ item, reports }) => (
            <li key={item.ref.itemId} className="rounded border border-line p-4" data-testid="report-group">
              <ItemText item={item} paths={paths} />
              <h3 className="mt-3 font-semibold">{t("queue.reports", { count: reports.length })}</h3>
              <ul className="mt-1 space-y-2">
                {reports.map((report) => (
                  <li key={report.id} className="text-sm">
                    <span className="font-semibold">{t(`categories.${report.category}`)}</span>
                    {" · "}
                    <time dateTime={report.createdAt.toISOString()}>{format.dateTime(report.createdAt, "moment")}</time>
                    <UserText text={report.reason} dir="auto" className="mt-1" />
                  </li>
                ))}
              </ul>
              <div className="mt-3 space-y-2">
                {!item.hiddenCategory && (
                  <HideForm
                    action={hideAction}
                    item={item.ref}
                    defaultCategory={reports[0]?.category}
                    reasonLanguages={reasonLanguages}
                    summary={{ label: t("queue.hide"), className: "cursor-pointer font-semibold text-danger", detailsClassName: "rounded border border-line p-3" }}
                  />
                )}
                <ReasonForm
                  action={dismissAction}
                  item={item.ref}
                  label={t("queue.dismissReason")}
                  submit={t("queue.dismiss")}
                  summary={{ label: t("queue.dismiss"), detailsClassName: "rounded border border-line p-3" }}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

export async function ReviewQueue({ reviews, paths }: { reviews: Queue["reviews"]; paths: DialoguePaths }) {
  const [t, format] = await Promise.all([getTranslations("moderation"), getFormatter()]);
  return (
    <Section id="reviews-heading" heading={t("queue.reviewsHeading", { count: reviews.length })} className="mt-10">
      {reviews.length === 0 ? (
        <p className="mt-3">{t("queue.noReviews")}</p>
      ) : (
        <ol className="mt-3 space-y-6">
          {reviews.map((review) => (
            <li key={review.id} className="rounded border border-line p-4">
              <ItemText item={review.item} paths={paths} />
              <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted">{t("queue.hiddenBy")}</dt>
                <dd>
                  {review.hide.actor.displayName} ·{" "}
                  <time dateTime={review.hide.createdAt.toISOString()}>{format.dateTime(review.hide.createdAt, "day")}</time>
                </dd>
                <dt className="text-muted">{t("notice.reason")}</dt>
                <dd>
                  <UserText text={review.hide.reason} dir="auto" />
                </dd>
                <dt className="text-muted">{t("queue.authorSays")}</dt>
                <dd>
                  <UserText text={review.reason} dir="auto" />
                </dd>
              </dl>
              <div className="mt-3">
                {review.mayDecide ? (
                  <DecideReviewForm action={decideReviewAction} reviewRequestId={review.id} />
                ) : (
                  <p className="text-sm font-semibold">{t("queue.ownHide")}</p>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
