import { getLocale, getTranslations } from "next-intl/server";
import { RequestTranslationForm, TranslateForm } from "@/components/translations/translation-forms";
import { TranslatedText } from "@/components/translations/translated-text";
import { addTranslationAction, machineTranslateAction } from "@/lib/actions/translations/contribution-translation";
import { contentLanguage } from "@/lib/host-texts/pick-host-text";
import { autonym, languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { inReaderLanguage } from "@/lib/translations/reader-language";
import { requestReviewAction, unhideAction } from "@/lib/actions/moderation/moderation";
import type { ModerationCategory } from "@/lib/generated/prisma/enums";
import type { HideNotice } from "@/lib/moderation/get-hide-notice";
import { ReasonForm, RequestReviewForm } from "./moderation-forms";
import { getFormatter } from "@/lib/i18n/format";

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
 * (with the way back). The reason in the reader's language when it was translated; else, with
 * `page` (the contribution page it stands on), a button to have it machine-translated. Needs
 * the "moderation" and "translations" messages on the client (ClientMessages).
 */
export async function HideNoticePanel({
  notice,
  page,
}: {
  notice: HideNotice;
  page?: { municipality: string; dialogue: string; contributionId: string };
}) {
  const [t, tr, format, locale] = await Promise.all([getTranslations("moderation"), getTranslations("translations"), getFormatter(), getLocale()]);
  const reading = contentLanguage(locale);
  const translation = inReaderLanguage(notice.reasonTranslations, notice.reasonLanguage, reading);
  // Only the two who see this notice may ask (translation:request:private, enforced in the action).
  const request =
    page && !translation && notice.reasonLanguage !== reading && notice.machineTranslation ? (
      <RequestTranslationForm
        action={machineTranslateAction.bind(null, { locale, ...page })}
        page={{ locale, ...page }}
        target={{ moderationActionId: notice.hideActionId }}
        language={reading}
        languageLabel={languageName(reading, locale)}
      />
    ) : undefined;
  return (
    <div className="mt-2 rounded border-s-4 border-danger bg-danger-soft p-3" data-testid="hide-notice">
      <p className="font-semibold">{notice.isAuthor ? t("notice.ownHidden") : t("notice.hiddenForOthers")}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">{t("notice.category")}</dt>
        <dd>{t(`categories.${notice.category}`)}</dd>
        <dt className="text-muted">{t("notice.reason")}</dt>
        <dd data-testid="hide-reason">
          <TranslatedText original={{ body: notice.reason, language: notice.reasonLanguage }} translation={translation} locale={locale} request={request} />
        </dd>
        <dt className="text-muted">{t("notice.when")}</dt>
        <dd>
          <time dateTime={notice.hiddenAt.toISOString()}>{format.dateTime(notice.hiddenAt, "moment")}</time>
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
      {page && notice.translateInto.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-semibold text-brand">{tr("translate")}</summary>
          <div className="mt-2">
            <TranslateForm
              action={addTranslationAction.bind(null, { locale, ...page })}
              page={{ locale, ...page }}
              target={{ moderationActionId: notice.hideActionId }}
              languages={notice.translateInto.map((language) => ({ value: language, label: autonym(language), lang: language, dir: direction(language) }))}
            />
          </div>
        </details>
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
