import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { DialogueOrganigram } from "@/components/responsibilities/dialogue-organigram";
import { AssignResponsibilityForm, RemoveResponsibilityForm } from "@/components/responsibilities/responsibility-forms";
import { Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import { getResponsibilityManagement } from "@/lib/responsibilities/get-responsibility-management";
import { assignResponsibilityAction, removeResponsibilityAction } from "@/lib/actions/responsibilities/responsibilities";
import { dialoguePaths, municipalityPaths } from "@/lib/routes/paths";

type Props = {
  params: Promise<{ locale: string; municipality: string; dialogue: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** For the hosts (staff and the dialogue's hosts); everyone else gets a 404. */
const load = cache(async (municipalitySlug: string, dialogueSlug: string) => getResponsibilityManagement(await getViewer(), { municipalitySlug, dialogueSlug }));

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { municipality, dialogue } = await params;
  const loaded = await load(municipality, dialogue);
  if (!loaded) return {};
  const t = await getTranslations("responsibilities");
  return { title: `${t("manageTitle")}: ${loaded.dialogue.title}`, robots: { index: false } };
}

export default async function ManageResponsibilitiesPage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const loaded = await load(municipality, slug);
  if (!loaded) notFound();
  const { dialogue, map, actors } = loaded;
  const [t, themeName] = await Promise.all([getTranslations("responsibilities"), getThemeNamer()]);
  const paths = dialoguePaths(dialogue);
  const mainLanguage = dialogue.languages[0] ?? "de";

  return (
    <ClientMessages namespaces={["responsibilities"]} forms>
      <DialogueSubpageHeader
        dialogue={dialogue}
        original
        back={[
          { href: paths.manage, label: t("backToManage") },
          { href: paths.responsibilities, label: t("showPublic") },
        ]}
        heading={t("manageTitle")}
      />
      <p className="mt-3 text-muted">{t("manageIntro")}</p>
      {query.done === "saved" && (
        <p role="status" className="mt-6 rounded border-s-4 border-brand bg-proposal-bg p-3">
          {t("saved")}
        </p>
      )}

      <Section id="assign" heading={t("assignHeading")} headingClassName="mb-4 text-xl" className="mt-8 rounded border border-line bg-surface p-4">
        {actors.length === 0 ? (
          <p>
            {t("noActors")} <Link href={municipalityPaths(dialogue.municipality.slug).actorsManage}>{t("actorsLink")}</Link>
          </p>
        ) : (
          <AssignResponsibilityForm
            action={assignResponsibilityAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug, view: "responsibilitiesManage" })}
            ids={{ dialogueId: dialogue.id }}
            themes={map.map(({ theme }) => ({ value: theme.id, label: themeName(theme) }))}
            actors={actors.map((actor) => ({ value: actor.id, label: actor.name }))}
          />
        )}
      </Section>

      <Section id="current" heading={t("currentHeading")} className="mt-10">
        <DialogueOrganigram
          language={mainLanguage}
          map={map}
          control={(responsibility) => (
            // A <div>: a form may not sit inside a <p> (the browser would close the <p> first).
            <div className="mt-2">
              <RemoveResponsibilityForm action={removeResponsibilityAction} responsibilityId={responsibility.id} label={t("remove", { name: responsibility.actor.name })} />
            </div>
          )}
        />
      </Section>
    </ClientMessages>
  );
}
