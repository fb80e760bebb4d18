import { useLocale, useTranslations } from "next-intl";
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES } from "@/lib/contributions/contribution-filters";
import type { ContributionListItem } from "@/lib/contributions/list-contributions";
import type { ContributionKind, ContributionStatus } from "@/lib/generated/prisma/enums";
import { langOf } from "@/lib/i18n/lang-of";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { kindBadgeClass } from "./kind-badge";
import { isVoicePending } from "./voice/voice-pending";
import { localized, type DialoguePaths } from "@/lib/routes/paths";

/** The support button in place: a plain form post that comes back to the same list position. */
export type ListSupport = {
  /** Bound to the page and the list position, where the form comes back to (decision 042). */
  action: (formData: FormData) => Promise<void>;
  mayGive: boolean;
  mayWithdraw: boolean;
};

/** The anchor a list item carries, so a form can come back to it. */
export const contributionAnchor = (id: string) => `c-${id}`;

/**
 * The dialogue's list: 20 items a page, each rendered twice per request (RSC payload, then HTML
 * that inlines it), so what an item costs counts forty times (decision 079). The translators
 * are taken once here, not per item, and an item is plain elements: no subcomponents, its
 * layout in the stylesheet's `contribution-*` classes instead of a dozen utilities each.
 */
export function ContributionList({
  items,
  themeNames,
  paths,
  support,
}: {
  items: ContributionListItem[];
  /** Theme names by id, in the reader's language. */
  themeNames: ReadonlyMap<string, string>;
  /** `/<municipality>/<dialogue>`: each item links to the contribution's own page below it. */
  paths: DialoguePaths;
  support?: ListSupport;
}) {
  const contribution = useTranslations("contribution");
  const kinds = useTranslations("kinds");
  const statuses = useTranslations("statuses");
  const supports = useTranslations("supports");
  const voice = useTranslations("voice");
  // What is the same for every item is formatted once for the list.
  const text: ItemText = {
    locale: useLocale(),
    status: `${contribution("status")}:`,
    kinds: Object.fromEntries(CONTRIBUTION_KINDS.map((kind) => [kind, kinds(kind)])) as Record<ContributionKind, string>,
    statuses: Object.fromEntries(CONTRIBUTION_STATUSES.map((status) => [status, statuses(status)])) as Record<ContributionStatus, string>,
    give: supports("give"),
    withdraw: supports("withdraw"),
    youSupport: supports("youSupport"),
    untitled: voice("untitled"),
    pending: voice("pending"),
    contribution,
    card: useTranslations("dialogueCard"),
    onBehalf: useTranslations("onBehalf"),
  };
  const intents = new Set(items.filter((item) => mayAct(item, support)).map(intentOf));
  return (
    <>
      {/*
       * One form per intent for the whole list, empty: each item's button names it (`form`) and
       * carries the contribution as its own value, so an item holds no form and no hidden fields
       * of the bound action (decision 079). Without JavaScript the browser posts the button's
       * form with its name and value, as it would its own.
       */}
      {support
        ? [...intents].map((intent) => (
            <form key={intent} id={supportFormId(intent)} action={support.action}>
              <input type="hidden" name="intent" value={intent} />
            </form>
          ))
        : null}
      <ol className="mt-1">
        {items.map((contribution) => (
          <li key={contribution.id}>
            {contributionItem(contribution, themeNames.get(contribution.themeId) ?? "", paths, support, text)}
          </li>
        ))}
      </ol>
    </>
  );
}

const intentOf = (item: ContributionListItem) => (item.supported ? "withdraw" : "give");
const supportFormId = (intent: "give" | "withdraw") => `support-${intent}`;

/** Whether the viewer may give (or take back) their support here: never on their own contribution (decision 024). */
const mayAct = (item: ContributionListItem, support: ListSupport | undefined): support is ListSupport =>
  support !== undefined && !item.mine && (item.supported ? support.mayWithdraw : support.mayGive);

type ItemText = {
  locale: string;
  status: string;
  kinds: Record<ContributionKind, string>;
  statuses: Record<ContributionStatus, string>;
  give: string;
  withdraw: string;
  youSupport: string;
  untitled: string;
  pending: string;
  /** For the texts that differ per item. */
  contribution: ReturnType<typeof useTranslations<"contribution">>;
  card: ReturnType<typeof useTranslations<"dialogueCard">>;
  onBehalf: ReturnType<typeof useTranslations<"onBehalf">>;
};

/**
 * One contribution: kind, theme and answer status, the title (in the reader's language where
 * translated, the original beside it), two lines of the text, the support in one line (lived
 * experience named; the full breakdown is on its page and the results) and, for members, the
 * support button. A function called per item, not a component: it renders what the page loaded.
 */
function contributionItem(contribution: ContributionListItem, themeName: string, paths: DialoguePaths, support: ListSupport | undefined, text: ItemText) {
  const { locale } = text;
  const { translation, language, supports: tally } = contribution;
  const shown = translation
    ? { title: translation.title, excerpt: translation.excerpt, lang: locale }
    : { title: contribution.title, excerpt: contribution.excerpt, lang: language };
  const lived = tally.byPerspective.find((entry) => entry.perspective === "LIVED_EXPERIENCE");
  const intent = intentOf(contribution);
  return (
    <article id={contributionAnchor(contribution.id)} className="contribution">
      <p className="contribution-meta">
        <span className={kindBadgeClass(contribution.kind)}>{text.kinds[contribution.kind]}</span>
        <span>{themeName}</span>
        <span>
          <span className="text-muted">{text.status}</span> <span className="font-medium">{text.statuses[contribution.status]}</span>
        </span>
      </p>
      <h3 className="contribution-title" {...langOf(shown.lang, locale)}>
        <a href={localized(locale, paths.contribution(contribution.id))}>
          {/* An untitled voice message: "Voice message" in the page's language (the heading carries the spoken one). */}
          {shown.title || (
            <span lang={locale} dir={direction(locale)}>
              {text.untitled}
            </span>
          )}
        </a>
      </h3>
      {/* A translation never replaces the voice: the original stays next to it. */}
      {translation && (
        <p className="text-sm text-muted">
          {text.contribution("original", { method: translation.method, language: languageName(language, locale) })}{" "}
          <bdi lang={language} className="text-ink">
            {contribution.title}
          </bdi>
        </p>
      )}
      {shown.excerpt && (
        <p className="contribution-excerpt" {...langOf(shown.lang, locale)}>
          {shown.excerpt}
        </p>
      )}
      {contribution.source !== "ONLINE" && (
        <p className="mt-1 text-sm text-muted">
          {contribution.source === "MESSENGER" ? text.onBehalf("sources.MESSENGER") : text.onBehalf("listSource", { source: contribution.source })}
        </p>
      )}
      {isVoicePending(contribution) && (
        <p className="mt-1 text-sm font-semibold" data-testid="voice-pending">
          {text.pending}
        </p>
      )}
      <div className="contribution-foot">
        <p className="text-sm" data-testid="support-line">
          {text.card("supports", { count: tally.total, lived: (lived?.online ?? 0) + (lived?.atMeetings ?? 0) })}
          {contribution.supported && <span className="block font-semibold">{text.youSupport}</span>}
        </p>
        {mayAct(contribution, support) && (
          // Secondary to the page's one primary action (post, or join).
          <button type="submit" form={supportFormId(intent)} name="contributionId" value={contribution.id} className={`support-${intent}`}>
            {intent === "give" ? text.give : text.withdraw}
            <span className="sr-only">
              : <bdi lang={shown.lang}>{shown.title}</bdi>
            </span>
          </button>
        )}
      </div>
    </article>
  );
}
