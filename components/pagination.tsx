import { getTranslations } from "next-intl/server";
import { Link } from "./link";

/**
 * "Page X of Y" with plain previous/next links; page 1 carries no `page` parameter. `query`
 * (filters, a search) goes along on every link. With `cursors` (a keyset list: the first and
 * last row shown), the next link carries `after=<last>` and the previous one `before=<first>`,
 * so the neighbouring page is read from the index however deep it is. `hash`: where the links
 * land on the page (the list's section, when the list is not the page's top).
 */
export async function Pagination({
  pathname,
  page,
  pageCount,
  query = {},
  cursors,
  hash,
}: {
  pathname: string;
  page: number;
  pageCount: number;
  query?: Record<string, string>;
  cursors?: { first: string | null; last: string | null };
  hash?: string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("pagination");
  const { page: _page, after: _after, before: _before, ...base } = query;
  const href = (target: number) => {
    if (target === 1) return { pathname, query: base, hash };
    const cursor = target > page ? (cursors?.last ? { after: cursors.last } : {}) : cursors?.first ? { before: cursors.first } : {};
    return { pathname, query: { ...base, page: String(target), ...cursor }, hash };
  };
  return (
    <nav aria-label={t("label")} className="mt-6 text-center">
      <p className="font-semibold">{t("pageOf", { page, pageCount })}</p>
      <ul className="mt-2 flex flex-wrap justify-between gap-x-4 gap-y-2">
        <li>
          {page > 1 && (
            <Link href={href(page - 1)} rel="prev" className="inline-block py-2">
              {t("previous")}
            </Link>
          )}
        </li>
        <li>
          {page < pageCount && (
            <Link href={href(page + 1)} rel="next" className="inline-block py-2">
              {t("next")}
            </Link>
          )}
        </li>
      </ul>
    </nav>
  );
}
