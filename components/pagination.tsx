import { getTranslations } from "next-intl/server";
import { Link } from "./link";

/**
 * "Page X of Y" with plain previous/next links; page 1 carries no `page` parameter. `query`
 * (filters, a search) goes along on every link.
 */
export async function Pagination({
  pathname,
  page,
  pageCount,
  query = {},
}: {
  pathname: string;
  page: number;
  pageCount: number;
  query?: Record<string, string>;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("pagination");
  const href = (target: number) => ({ pathname, query: target === 1 ? query : { ...query, page: String(target) } });
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
