import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import type { CommentPage } from "@/lib/comments/list-comments";

/**
 * Links through a long thread, plain links that work without JavaScript: the first and the
 * earlier comments, the later and the newest ones. Nothing when the thread fits on one page.
 */
export async function CommentPageLinks({ path, page }: { path: string; page: Pick<CommentPage, "earlier" | "later"> }) {
  if (!page.earlier && !page.later) return null;
  const t = await getTranslations("comments");
  const link = "inline-block py-2";
  return (
    <nav aria-label={t("pagesLabel")} className="my-3">
      <ul className="flex flex-wrap justify-between gap-x-4 gap-y-1">
        {page.earlier && (
          <li className="flex flex-wrap gap-x-4">
            <Link href={`${path}#comments`} className={link}>
              {t("first")}
            </Link>
            <Link href={`${path}?before=${page.earlier}#comments`} rel="prev" className={link}>
              {t("earlier")}
            </Link>
          </li>
        )}
        {page.later && (
          <li className="ms-auto flex flex-wrap gap-x-4">
            <Link href={`${path}?from=${page.later}#comments`} rel="next" className={link}>
              {t("later")}
            </Link>
            <Link href={`${path}?last=1#comments`} className={link}>
              {t("latest")}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
