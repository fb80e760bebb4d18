import { useLocale, useTranslations } from "next-intl";
import type { ContributionListItem } from "@/lib/contributions/list-contributions";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { KindBadge } from "./kind-badge";
import { Link } from "./link";
import { VoicePendingLabel, VoiceUntitled } from "./voice/voice-pending";
import { type DialoguePaths } from "@/lib/routes/paths";

/** The support button in place: a plain form that comes back to the same list position. */
export type ListSupport = {
  /** Bound to the page and the list position, where the form comes back to (decision 042). */
  action: (formData: FormData) => Promise<void>;
  mayGive: boolean;
  mayWithdraw: boolean;
};

/** The anchor a list item carries, so a form can come back to it. */
export const contributionAnchor = (id: string) => `c-${id}`;

/**
 * One contribution in the dialogue's list: kind, theme and answer status, the title (in the
 * reader's language where translated, the original beside it), two lines of the text, the
 * support in one line (lived experience named; the full breakdown is on its page and the
 * results) and, for members, the support button. Not async: it renders what the page loaded.
 */
export function ContributionItem({
  contribution,
  themeName,
  paths,
  support,
}: {
  contribution: ContributionListItem;
  themeName: string;
  /** `/<municipality>/<dialogue>`: the item links to the contribution's own page below it. */
  paths: DialoguePaths;
  support?: ListSupport;
}) {
  const locale = useLocale();
  const t = useTranslations("contribution");
  const card = useTranslations("dialogueCard");
  const statuses = useTranslations("statuses");
  const onBehalf = useTranslations("onBehalf");
  const supports = useTranslations("supports");
  const { translation, language, supports: tally } = contribution;
  const original = languageName(language, locale);
  const shown = translation
    ? { title: translation.title, excerpt: translation.excerpt, lang: locale }
    : { title: contribution.title, excerpt: contribution.excerpt, lang: language };
  const lived = tally.byPerspective.find((entry) => entry.perspective === "LIVED_EXPERIENCE");
  const intent = contribution.supported ? "withdraw" : "give";
  // Never on one's own contribution (decision 024).
  const mayAct = support && !contribution.mine && (contribution.supported ? support.mayWithdraw : support.mayGive);
  return (
    <article id={contributionAnchor(contribution.id)} className="scroll-mt-4 border-b border-line py-3">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <KindBadge kind={contribution.kind} />
        <span>{themeName}</span>
        <span>
          <span className="text-muted">{t("status")}:</span> <span className="font-medium">{statuses(contribution.status)}</span>
        </span>
      </p>
      <h3 className="mt-1 text-lg break-words" lang={shown.lang} dir={direction(shown.lang)}>
        <Link href={paths.contribution(contribution.id)}>{shown.title || <VoiceUntitled />}</Link>
      </h3>
      {/* A translation never replaces the voice: the original stays next to it. */}
      {translation && (
        <p className="text-sm text-muted">
          {t("original", { method: translation.method, language: original })}{" "}
          <bdi lang={language} className="text-ink">
            {contribution.title}
          </bdi>
        </p>
      )}
      {shown.excerpt && (
        <p className="mt-1 line-clamp-2 break-words text-muted" lang={shown.lang} dir={direction(shown.lang)}>
          {shown.excerpt}
        </p>
      )}
      {contribution.source !== "ONLINE" && (
        <p className="mt-1 text-sm text-muted">{contribution.source === "MESSENGER" ? onBehalf("sources.MESSENGER") : onBehalf("listSource", { source: contribution.source })}</p>
      )}
      <VoicePendingLabel item={contribution} />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p className="text-sm" data-testid="support-line">
          {card("supports", { count: tally.total, lived: (lived?.online ?? 0) + (lived?.atMeetings ?? 0) })}
          {contribution.supported && <span className="block font-semibold">{supports("youSupport")}</span>}
        </p>
        {support && mayAct && (
          <form action={support.action}>
            <input type="hidden" name="contributionId" value={contribution.id} />
            <input type="hidden" name="intent" value={intent} />
            <button
              type="submit"
              className={
                // Secondary to the page's one primary action (post, or join).
                intent === "give"
                  ? "rounded border-2 border-brand bg-white px-4 py-1.5 text-base font-semibold text-brand hover:bg-surface"
                  : "rounded border border-muted bg-white px-4 py-1.5 text-base text-ink hover:bg-surface"
              }
            >
              {intent === "give" ? supports("give") : supports("withdraw")}
              <span className="sr-only">
                : <bdi lang={shown.lang}>{shown.title}</bdi>
              </span>
            </button>
          </form>
        )}
      </div>
    </article>
  );
}
