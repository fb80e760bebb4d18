"use client";

import { useLocale, useTranslations } from "@/lib/i18n/client";
import { localized, sitePaths } from "@/lib/routes/paths";

// Shown when a page fails to render (say the database is briefly away). Plain links, so it
// works without JavaScript too.
export default function ErrorPage() {
  const t = useTranslations("error");
  const locale = useLocale();
  return (
    <div className="space-y-4">
      <h1 className="text-3xl">{t("title")}</h1>
      <p>{t("body")}</p>
      <ul className="space-y-2">
        <li>
          <a href="">{t("retry")}</a>
        </li>
        <li>
          <a href={localized(locale, sitePaths.home())}>{t("home")}</a>
        </li>
      </ul>
    </div>
  );
}
