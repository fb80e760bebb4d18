import { getTranslations } from "next-intl/server";
import { Link } from "./link";
import { sitePaths } from "@/lib/routes/paths";

export async function SiteFooter() {
  const [t, accessibility] = await Promise.all([getTranslations("layout"), getTranslations("accessibility")]);
  return (
    <footer className="mt-12 border-t border-line bg-surface">
      <div className="mx-auto max-w-3xl space-y-1 px-4 py-6 text-sm text-muted">
        <p className="font-semibold text-ink">{t("footerPrinciple")}</p>
        <p>{t("footerAbout")}</p>
        <p>
          <Link href={sitePaths.accessibility()}>{accessibility("footerLink")}</Link>
        </p>
      </div>
    </footer>
  );
}
