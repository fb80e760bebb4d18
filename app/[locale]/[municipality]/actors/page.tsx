import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ActorEntry } from "@/components/actors/actor-entry";
import { DialogueTitle } from "@/components/host-texts/dialogue-title";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { RequestTextTranslation } from "@/components/translations/request-text-translation";
import { getViewer } from "@/lib/auth/get-viewer";
import { listActors } from "@/lib/actors/list-actors";
import { getThemeNamer } from "@/lib/i18n/theme-names";
import { municipalityPermissions, mayTranslateMunicipalityTexts } from "@/lib/pages/municipality-page";
import { loadActorManagementPage } from "@/lib/pages/staff-pages";
import { localized, municipalityPaths, sitePaths } from "@/lib/routes/paths";

type Props = { params: Promise<{ locale: string; municipality: string }> };

const load = cache((slug: string) => listActors(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).municipality);
  if (!loaded) return {};
  const t = await getTranslations("actors");
  return { title: `${t("title")}: ${loaded.municipality.name}` };
}

/**
 * The municipality's organigram (W2): who is there, grouped by kind, and what each actor is
 * responsible for. A nested list in the DOM, server-rendered, drawn as a tree with CSS.
 */
export default async function ActorsPage({ params }: Props) {
  const { locale, municipality: slug } = await params;
  const loaded = await load(slug);
  if (!loaded) notFound();
  const { municipality, groups } = loaded;
  const paths = municipalityPaths(municipality.slug);
  const [t, themeName, viewer] = await Promise.all([getTranslations("actors"), getThemeNamer(), getViewer()]);
  // Staff manage every actor, members edit their own: the link shows only to them.
  const management = await loadActorManagementPage(viewer, municipality.slug);
  // A signed-in reader has a description machine-translated into their language, once for all.
  const mayRequestTranslation = municipalityPermissions(viewer, municipality.id).requestTranslation;
  const page = { locale, municipality: municipality.slug, view: "actors" } as const;
  // Whoever joined one of the town's dialogues translates the descriptions as a volunteer (decision 026).
  const mayTranslate = await mayTranslateMunicipalityTexts(viewer, municipality.id);

  return (
    <ClientMessages namespaces={[]} forms={viewer !== null}>
      <p className="text-sm">
        <Link href={paths.home}><bdi>{municipality.name}</bdi></Link>
      </p>
      <h1 className="mt-4 text-3xl">{t("title")}</h1>
      <p className="mt-1 text-lg font-semibold"><bdi>{municipality.name}</bdi></p>
      <p className="mt-3 text-muted">{t("intro")}</p>
      {management && (
        <p className="mt-3">
          <Link href={paths.actorsManage}>{management.mayManage ? t("manageLink") : t("ownEntryLink")}</Link>
        </p>
      )}

      {groups.length === 0 ? (
        <p className="mt-6">{t("none")}</p>
      ) : (
        <ul className="mt-6 space-y-6" aria-label={t("title")} data-testid="organigram">
          {groups.map((group) => (
            <li key={group.kind}>
              <h2 className="text-2xl">{t(`kindsPlural.${group.kind}`)}</h2>
              <ul className="mt-3 space-y-4 border-s-2 border-line ps-4">
                {group.actors.map((actor) => (
                  <li key={actor.id} className="relative before:absolute before:-start-4 before:top-6 before:w-4 before:border-t-2 before:border-line">
                    <ActorEntry
                      actor={actor}
                      requestTranslation={mayRequestTranslation ? (description) => <RequestTextTranslation picked={description} subject={{ actorId: actor.id }} page={page} /> : undefined}
                      translateHref={mayTranslate ? localized(locale, sitePaths.hostTexts("actor", actor.id)) : undefined}
                    >
                      <h4 className="mt-3 text-sm font-semibold">{t("responsibleFor")}</h4>
                      {actor.responsibilities.length === 0 ? (
                        <p className="text-sm text-muted">{t("noResponsibilities")}</p>
                      ) : (
                        <ul className="mt-1 list-disc space-y-1 ps-6 text-sm">
                          {actor.responsibilities.map((responsibility) => {
                            return (
                              <li key={responsibility.id}>
                                {themeName(responsibility.theme)}{" "}
                                <DialogueTitle
                                  dialogue={responsibility.dialogue}
                                  wrap={(title) => <Link href={paths.dialogue(responsibility.dialogue.slug).responsibilities}>{title}</Link>}
                                />{" "}
                                <span className="text-muted">({responsibility.agreedAt ? t("agreed") : t("notAgreed")})</span>
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </ActorEntry>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </ClientMessages>
  );
}
