import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { UserText } from "@/components/text/user-text";
import { contentLanguage, type HostTextFields, type PickedHostText } from "@/lib/host-texts/pick-host-text";
import { autonym, languageName } from "@/lib/i18n/language-names";
import { langOf } from "@/lib/i18n/lang-of";
import { direction } from "@/lib/i18n/routing";

type Field = keyof HostTextFields;

/**
 * Links to the same text in other languages, each named in itself (its own lang and dir),
 * comma-separated; the original's marked when `original` is given.
 */
export function LanguageLinks({ languages, hrefFor, original }: { languages: string[]; hrefFor: (language: string) => string; original?: { language: string; label: string } }) {
  return languages.map((language, index) => (
    <span key={language}>
      {index > 0 && ", "}
      <a href={hrefFor(language)} hrefLang={language} className="text-brand underline">
        <span lang={language} dir={direction(language)}>
          {autonym(language)}
        </span>
        {language === original?.language && ` (${original.label})`}
      </a>
    </span>
  ));
}

type Props = {
  picked: PickedHostText;
  field: Field;
  pageLocale: string;
  /** "inline": inside the element given by `as` (a heading, a link); "plain": a paragraph as typed; "paragraphs": blank lines make paragraphs. */
  format?: "inline" | "plain" | "paragraphs";
  as?: "h1" | "h2" | "h3" | "h4" | "p" | "span" | "div" | "dd";
  className?: string;
  /** Wraps the text, e.g. in a link (inline only). */
  wrap?: (text: ReactNode) => ReactNode;
  "data-testid"?: string;
};

/** One field of a host-written text in the version picked for the reader, marked with its language. */
export function HostText({ picked, field, pageLocale, format = "inline", as: Element = "span", className, wrap, ...rest }: Props) {
  const text = picked.fields[field];
  if (!text) return null;
  // Only the attributes given: an absent one would still be sent as `"$undefined"` in the RSC payload (decision 083).
  const attributes = { ...(className ? { className } : {}), ...langOf(picked.language, pageLocale), ...(rest["data-testid"] ? { "data-testid": rest["data-testid"] } : {}) };
  if (format === "plain") return <UserText text={text} {...attributes} />;
  if (format === "paragraphs") {
    return (
      <div className={className ?? "space-y-3"} {...attributes}>
        {text.split(/\n\s*\n/).map((paragraph, index) => (
          <p key={index} className="whitespace-pre-line break-words">
            {paragraph.trim()}
          </p>
        ))}
      </div>
    );
  }
  return (
    <Element {...attributes}>
      {wrap ? wrap(text) : text}
    </Element>
  );
}

/**
 * A small line about the shown version: the language it is in when that is not the page's, how
 * it was made when it is a translation (volunteer — and checked —, machine), that it is outdated, and plain links
 * to the other languages (`hrefFor`), no JavaScript needed. Nothing when there is nothing to say.
 */
export async function HostTextNote({
  picked,
  pageLocale,
  hrefFor,
  translateHref,
  checked = false,
  className,
}: {
  picked: PickedHostText;
  pageLocale: string;
  /** Where a link to the version in `language` goes; without it, no links (lists link to the page). */
  hrefFor?: (language: string) => string;
  /** The page where a volunteer translates the text, for viewers the policy lets translate it. */
  translateHref?: string;
  /** A volunteer's version the host team checked (a poll's: PollText.checked). */
  checked?: boolean;
  className?: string;
}) {
  const [t, tr] = await Promise.all([getTranslations("hostTexts"), getTranslations("translations")]);
  const labels = [
    ...(picked.language !== contentLanguage(pageLocale) ? [t("shownIn", { language: languageName(picked.language, pageLocale) })] : []),
    ...(picked.source === "volunteer" ? [t("byVolunteer"), ...(checked ? [tr("checkedByTeam")] : [])] : picked.source === "machine" ? [t("byMachine")] : []),
    ...(picked.outdated ? [t("outdated")] : []),
  ];
  const others = hrefFor ? picked.languages.filter((language) => language !== picked.language) : [];
  if (labels.length === 0 && others.length === 0 && !translateHref) return null;
  return (
    <p className={className ?? "mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted"} data-testid="host-text-note">
      {labels.length > 0 && <span>{labels.join(" · ")}</span>}
      {others.length > 0 && (
        <span>
          {t("alsoIn")}{" "}
          <LanguageLinks languages={others} hrefFor={hrefFor!} original={{ language: picked.originalLanguage, label: t("original") }} />
        </span>
      )}
      {translateHref && (
        <a href={translateHref} className="text-brand underline">
          {tr("translate")}
        </a>
      )}
    </p>
  );
}
