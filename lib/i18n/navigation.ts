import { localized, type Path } from "@/lib/routes/paths";

// Paths within a language. next-intl's createNavigation would do the same, but its module names
// a client Link that then ships next-intl's client runtime with every page that imports any of
// it (decision 040); with `localePrefix: "always"` and no localized pathnames, a path in a
// language is simply `/<locale><path>`.

type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

/** A path without the locale ("/musterstadt/…"), or one with a query (absent and null values are left out) and a fragment. */
export type Href = string | { pathname: string; query?: Record<string, QueryValue>; hash?: string };

/** `href` in `locale`: "/de/musterstadt/…?sort=newest". An absolute URL is left as it is. */
export function getPathname({ href, locale }: { href: Href; locale: string }): string {
  const pathname = typeof href === "string" ? href : href.pathname;
  const search = typeof href === "string" ? "" : serialize(href.query ?? {}) + (href.hash ? `#${encodeURIComponent(href.hash)}` : "");
  if (!pathname.startsWith("/")) return `${pathname}${search}`;
  return `${localized(locale, pathname as Path)}${search}`;
}

// No `redirect` here: one redirect API, Next.js's, with paths from lib/routes (decision 041).

function serialize(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value as readonly (string | number)[]) params.append(key, String(item));
    else params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
