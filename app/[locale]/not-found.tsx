import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { sitePaths } from "@/lib/routes/paths";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl">{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href={sitePaths.home()}>{t("home")}</Link>
      </p>
    </div>
  );
}
