import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { municipalityPaths } from "@/lib/routes/paths";

/**
 * The top of a municipality's settings page (branding, messenger): the way back through the
 * municipality to the staff dashboard, the page's title (its h1), what the page is for and, after
 * a save, that it was saved.
 */
export async function SettingsPageHeader({
  municipality,
  title,
  intro,
  saved,
}: {
  municipality: { name: string; slug: string };
  title: string;
  intro: string;
  /** The confirmation shown after the page's form was saved, or null. */
  saved: string | null;
}) {
  const dashboard = await getTranslations("staffDashboard");
  const paths = municipalityPaths(municipality.slug);
  return (
    <>
      <nav aria-label={dashboard("breadcrumb")} className="flex flex-wrap gap-x-2 text-sm">
        <Link href={paths.home}>
          <bdi>{municipality.name}</bdi>
        </Link>
        <span aria-hidden="true">›</span>
        <Link href={paths.dashboard}>{dashboard("title")}</Link>
      </nav>
      <h1 className="mt-4 text-3xl">{title}</h1>
      <p className="mt-3 text-muted">{intro}</p>
      {saved && (
        <p role="status" className="mt-4 rounded border-s-4 border-phase-ink bg-phase-bg p-3 font-semibold text-phase-ink">
          {saved}
        </p>
      )}
    </>
  );
}
