import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import {
  CONTRIBUTION_KINDS,
  CONTRIBUTION_SORTS,
  CONTRIBUTION_STATUSES,
  MAX_SEARCH_LENGTH,
  type ContributionFilters as Filters,
} from "@/lib/contributions/contribution-filters";
import { getPathname } from "@/lib/i18n/navigation";
import { languageName } from "@/lib/i18n/language-names";
import { Link } from "./link";

type Option = { value: string; label: string; lang?: string };

// The form's label and control layout are the stylesheet's `.filter-label` and `.filter-control`
// (app/globals.css): seven fields, each sent in the HTML and again in the RSC payload (decision 083).
function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      {children}
    </div>
  );
}

function Select({ id, name, label, options, value }: { id: string; name: string; label: string; options: Option[]; value?: string }) {
  return (
    <Field id={id} label={label}>
      <select id={id} name={name} defaultValue={value ?? ""} className="filter-control">
        {options.map((option, index) => (
          // lang only where the name is in another language: an absent one still costs `"lang":"$undefined"` in the RSC payload.
          // Keyed by position, not by value: a theme's or district's id would be sent once more as the key, and the
          // options of a server-rendered form never move.
          <option key={index} value={option.value} {...(option.lang ? { lang: option.lang } : {})}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * Search, filter and sort a dialogue's contributions with a plain GET form: no JavaScript,
 * and the URL carries the choice so it can be shared. Folded away at first so the list stays
 * near the top on small screens; the summary says what is active. Synchronous (next-intl's
 * hooks, as the list's): rendered in place, not as a row of its own in the RSC payload.
 */
export function ContributionFilters({
  pathname,
  filters,
  themes,
  languages,
  districts = [],
}: {
  /** The dialogue page without locale, e.g. `/musterstadt/wohnen`. */
  pathname: string;
  filters: Filters;
  themes: { id: string; name: string }[];
  /** Languages to offer (BCP 47). */
  languages: readonly string[];
  /** The municipality's districts, named for the reader (decision 049). */
  districts?: { id: string; name: string; lang?: string }[];
}) {
  const locale = useLocale();
  const t = useTranslations("filters");
  const kinds = useTranslations("kinds");
  const statuses = useTranslations("statuses");
  const any = { value: "", label: t("any") };
  const themeName = new Map(themes.map((theme) => [theme.id, theme.name]));
  const districtName = new Map(districts.map((district) => [district.id, district.name]));
  const active = [
    filters.q && t("searchActive", { q: filters.q }),
    filters.kind && kinds(filters.kind),
    filters.themeId && themeName.get(filters.themeId),
    filters.districtId && districtName.get(filters.districtId),
    filters.status && statuses(filters.status),
    filters.language && languageName(filters.language, locale),
    filters.sort !== "needs" && t(`sorts.${filters.sort}`),
  ].filter((label): label is string => Boolean(label));

  return (
    <details className="mt-4 rounded border border-line bg-surface">
      <summary className="cursor-pointer px-3 py-2">
        <span className="font-semibold">{t("summary")}</span>
        {active.length > 0 && (
          <>
            {": "}
            {/* User text (the search) stays in its own direction inside an rtl or ltr summary. */}
            <bdi>{active.join(" · ")}</bdi>
          </>
        )}
      </summary>
      <form method="get" action={getPathname({ href: pathname, locale })} role="search" className="space-y-3 px-3 pb-3">
        <Field id="filter-q" label={t("search")}>
          <input
            id="filter-q"
            type="search"
            name="q"
            defaultValue={filters.q ?? ""}
            maxLength={MAX_SEARCH_LENGTH}
            dir="auto"
            className="filter-control"
          />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Select
            id="filter-kind"
            name="kind"
            label={t("kind")}
            value={filters.kind}
            options={[any, ...CONTRIBUTION_KINDS.map((kind) => ({ value: kind, label: kinds(kind) }))]}
          />
          {themes.length > 0 && (
            <Select
              id="filter-theme"
              name="theme"
              label={t("theme")}
              value={filters.themeId}
              options={[any, ...themes.map((theme) => ({ value: theme.id, label: theme.name }))]}
            />
          )}
          {districts.length > 0 && (
            <Select
              id="filter-district"
              name="district"
              label={t("district")}
              value={filters.districtId}
              options={[any, ...districts.map((district) => ({ value: district.id, label: district.name, lang: district.lang }))]}
            />
          )}
          <Select
            id="filter-status"
            name="status"
            label={t("status")}
            value={filters.status}
            options={[any, ...CONTRIBUTION_STATUSES.map((status) => ({ value: status, label: statuses(status) }))]}
          />
          {languages.length > 1 && (
            <Select
              id="filter-language"
              name="language"
              label={t("language")}
              value={filters.language}
              options={[any, ...languages.map((language) => ({ value: language, label: languageName(language, locale) }))]}
            />
          )}
          <Select
            id="filter-sort"
            name="sort"
            label={t("sort")}
            value={filters.sort}
            options={CONTRIBUTION_SORTS.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))}
          />
        </div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <button type="submit" className="rounded bg-brand px-5 py-3 text-base font-semibold text-white hover:bg-brand-dark">
            {t("apply")}
          </button>
          <Link href={pathname} className="inline-block py-2">
            {t("reset")}
          </Link>
        </div>
      </form>
    </details>
  );
}
