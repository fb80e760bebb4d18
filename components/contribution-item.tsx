import { useLocale, useTranslations } from "next-intl";
import { CONTRIBUTION_STATUSES } from "@/lib/contributions/contribution-filters";
import type { ContributionListItem } from "@/lib/contributions/list-contributions";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { langOf } from "@/lib/i18n/lang-of";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { kindBadgeClass } from "./kind-badge";
import { isVoicePending } from "./voice/voice-pending";
import { localized, type DialoguePaths } from "@/lib/routes/paths";
import { ContributionListView, type ItemView, type ListText } from "./contribution-list-view";

/** The support button in place: a plain form post that comes back to the same list position. */
export type ListSupport = {
  /** Bound to the page and the list position, where the form comes back to (decision 042). */
  action: (formData: FormData) => Promise<void>;
  mayGive: boolean;
  mayWithdraw: boolean;
};

/**
 * The dialogue's list: 20 items a page. Each item used to be a tree of a dozen elements that the
 * server serialized into the RSC payload and rendered again into HTML that inlines it, so what an
 * item cost counted forty times (decision 079). Now the texts of each item are made here, once,
 * in the reader's language, and a client component renders them (decision 092): the payload
 * carries the texts, not the tree. The translators are taken once here, not per item.
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
  const card = useTranslations("dialogueCard");
  const onBehalf = useTranslations("onBehalf");
  const locale = useLocale();
  // What is the same for every item goes once for the list.
  const text: ListText = {
    locale,
    dir: direction(locale),
    status: `${contribution("status")}:`,
    kinds: {
      NEED: { label: kinds("NEED"), className: kindBadgeClass("NEED") },
      PROPOSAL: { label: kinds("PROPOSAL"), className: kindBadgeClass("PROPOSAL") },
    },
    give: supports("give"),
    withdraw: supports("withdraw"),
    youSupport: supports("youSupport"),
    untitled: voice("untitled"),
    pending: voice("pending"),
  };
  const statusNames = Object.fromEntries(CONTRIBUTION_STATUSES.map((status) => [status, statuses(status)])) as Record<ContributionStatus, string>;
  const intents = new Set(items.filter((item) => mayAct(item, support)).map(intentOf));

  const views = items.map((item): ItemView => itemView(item, { locale, paths, themeNames, statusNames, support, contribution, card, onBehalf }));
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
      <ContributionListView items={views} text={text} />
    </>
  );
}

type ViewContext = {
  locale: string;
  paths: DialoguePaths;
  themeNames: ReadonlyMap<string, string>;
  statusNames: Record<ContributionStatus, string>;
  support: ListSupport | undefined;
  contribution: ReturnType<typeof useTranslations<"contribution">>;
  card: ReturnType<typeof useTranslations<"dialogueCard">>;
  onBehalf: ReturnType<typeof useTranslations<"onBehalf">>;
};

/** What one item shows, every text made: the kind, theme, status, title, original, excerpt, source, support line and button. */
function itemView(item: ContributionListItem, { locale, paths, themeNames, statusNames, support, contribution, card, onBehalf }: ViewContext): ItemView {
  const { translation, language, supports: tally } = item;
  const shown = translation ? { title: translation.title, excerpt: translation.excerpt, lang: locale } : { title: item.title, excerpt: item.excerpt, lang: language };
  const lived = tally.byPerspective.find((entry) => entry.perspective === "LIVED_EXPERIENCE");
  const lang = langOf(shown.lang, locale);
  return {
    id: item.id,
    href: localized(locale, paths.contribution(item.id)),
    kind: item.kind,
    theme: themeNames.get(item.themeId) ?? "",
    status: statusNames[item.status],
    title: shown.title,
    ...(lang.lang || lang.dir ? { lang } : {}),
    ...(translation
      ? { original: { note: contribution("original", { method: translation.method, language: languageName(language, locale) }), title: item.title, lang: language } }
      : {}),
    excerpt: shown.excerpt,
    ...(item.source !== "ONLINE"
      ? { source: item.source === "MESSENGER" ? onBehalf("sources.MESSENGER") : onBehalf("listSource", { source: item.source }) }
      : {}),
    ...(isVoicePending(item) ? { pending: true as const } : {}),
    supports: card("supports", { count: tally.total, lived: (lived?.online ?? 0) + (lived?.atMeetings ?? 0) }),
    ...(item.supported ? { supported: true as const } : {}),
    ...(mayAct(item, support) ? { button: { intent: intentOf(item), lang: shown.lang } } : {}),
  };
}

const intentOf = (item: ContributionListItem) => (item.supported ? "withdraw" : "give");
const supportFormId = (intent: "give" | "withdraw") => `support-${intent}`;

/** Whether the viewer may give (or take back) their support here: never on their own contribution (decision 024). */
const mayAct = (item: ContributionListItem, support: ListSupport | undefined): support is ListSupport =>
  support !== undefined && !item.mine && (item.supported ? support.mayWithdraw : support.mayGive);
