"use client";

// The line above a form whose post went unanswered because the session has ended (decision 093).
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { localized, sitePaths } from "@/lib/routes/paths";

export function SignedOutNotice() {
  const t = useTranslations("feedback");
  const locale = useLocale();
  return (
    <p role="alert" className="mb-4 rounded border-s-4 border-danger bg-white p-3 font-semibold">
      {t("signedOut")}{" "}
      {/* A new tab, so this one keeps the form and what was typed in it. */}
      <a href={localized(locale, sitePaths.signIn())} target="_blank" rel="noopener">
        {t("signInNewTab")}
      </a>
    </p>
  );
}
