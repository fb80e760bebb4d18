import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BrandingForm } from "@/components/municipalities/branding-form";
import { SettingsPageHeader } from "@/components/municipalities/settings-page-header";
import { MunicipalityBanner } from "@/components/municipalities/municipality-banner";
import { ClientMessages } from "@/components/identity/client-messages";
import { getViewer } from "@/lib/auth/get-viewer";
import { getBranding } from "@/lib/municipalities/get-branding";
import { loadMunicipalityFor } from "@/lib/pages/municipality-page";
import { updateBrandingAction } from "@/lib/actions/municipalities/branding";

type Props = {
  params: Promise<{ locale: string; municipality: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Staff only; everyone else gets a 404. */
const load = cache(async (slug: string) => {
  const loaded = await loadMunicipalityFor(await getViewer(), slug, "brand");
  return loaded && getBranding(loaded.municipality.id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).municipality);
  if (!loaded) return {};
  const t = await getTranslations("branding");
  return { title: `${t("title")}: ${loaded.name}`, robots: { index: false } };
}

export default async function BrandingPage({ params, searchParams }: Props) {
  const [{ locale, municipality: slug }, query] = await Promise.all([params, searchParams]);
  const branding = await load(slug);
  if (!branding) notFound();
  const t = await getTranslations("branding");
  return (
    <ClientMessages namespaces={[]} forms>
      <SettingsPageHeader municipality={branding} title={t("title")} intro={t("intro")} saved={query.done === "saved" ? t("saved") : null} />
      <h2 className="mt-6 text-xl">{t("previewHeading")}</h2>
      <div className="mt-2">
        <MunicipalityBanner municipalityId={branding.id} />
      </div>
      <div className="mt-6">
        <BrandingForm
          action={updateBrandingAction.bind(null, { locale, municipality: branding.slug, view: "branding" })}
          ids={{ municipalityId: branding.id }}
          values={{ name: branding.name, accentColor: branding.accentColor ?? "#0b2f55" }}
          hasLogo={branding.logo !== null}
          labels={{
            name: t("name"),
            accent: t("accent"),
            accentHint: t("accentHint"),
            logo: t("logo"),
            logoHint: t("logoHint"),
            removeLogo: t("removeLogo"),
            submit: t("submit"),
          }}
        />
      </div>
    </ClientMessages>
  );
}
