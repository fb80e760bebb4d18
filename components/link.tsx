import { useLocale } from "next-intl";
import type { AnchorHTMLAttributes } from "react";
import { getPathname, type Href } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  /** A path within the language, without the locale ("/musterstadt/…"), or one with a query. */
  href: Href;
  /** Another language to open the page in. */
  locale?: AppLocale;
};

/**
 * A link within the current language, for server components (client components write the whole
 * path). A plain <a>, not next/link (decision 040): next/link's client navigation fetches an RSC
 * payload that the page cache never serves, so an anonymous reader's click would take the slow
 * render path instead of the cached page, and it costs ~2.5 KB of JavaScript on every page;
 * the browser keeps our scripts and styles cached between pages anyway.
 */
export function Link({ href, locale, ...props }: Props) {
  const current = useLocale();
  // hrefLang only for another language: an absent prop would still cost `"hrefLang":"$undefined"`
  // in the RSC payload of every link (decision 079).
  const path = getPathname({ href, locale: locale ?? current });
  return locale ? <a href={path} hrefLang={locale} {...props} /> : <a href={path} {...props} />;
}
