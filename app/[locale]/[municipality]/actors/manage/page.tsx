import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ActorForm } from "@/components/actors/actor-form";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { RowList, Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { ACTOR_KINDS } from "@/lib/actors/actor-fields";
import { loadActorManagementPage } from "@/lib/pages/staff-pages";
import { createActorAction } from "@/lib/actions/actors/actors";
import { MunicipalityPageHeader } from "@/components/municipalities/municipality-page-header";
import { staffPageMetadata } from "@/lib/municipalities/staff-page-metadata";
import { municipalityPaths } from "@/lib/routes/paths";

type Props = { params: Promise<{ locale: string; municipality: string }> };

/** Staff see every actor and add new ones; an actor's members see their own; others get a 404. */
const load = async (slug: string) => loadActorManagementPage(await getViewer(), slug);

export const generateMetadata = staffPageMetadata(load, async ({ municipality }) => ({ title: (await getTranslations("actors"))("manageTitle"), municipality: municipality.name }));

export default async function ManageActorsPage({ params }: Props) {
  const { locale, municipality: slug } = await params;
  const loaded = await load(slug);
  if (!loaded) notFound();
  const { municipality, mayManage, actors } = loaded;
  const t = await getTranslations("actors");
  const paths = municipalityPaths(municipality.slug);

  return (
    <ClientMessages namespaces={["actors"]} forms>
      <MunicipalityPageHeader
        back={<Link href={paths.actors}>{t("backToOrganigram")}</Link>}
        title={t("manageTitle")}
        municipality={municipality.name}
        intro={mayManage ? t("manageIntro") : t("manageOwnIntro")}
      />

      <Section id="actor-list" heading={t("listHeading")} className="mt-8">
        <RowList items={actors} none={t("none")}>
          {(actor) => (
            <li key={actor.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
              <span>
                <span className="font-semibold break-words"><bdi>{actor.name}</bdi></span>{" "}
                <span className="text-sm text-muted">
                  {t(`kinds.${actor.kind}`)}
                  {actor.refugeeLed && ` · ${t("refugeeLed")}`} · {t("memberCount", { count: actor.memberCount })}
                </span>
              </span>
              <Link href={paths.actorEdit(actor.id)} aria-label={t("editNamed", { name: actor.name })}>
                {t("edit")}
              </Link>
            </li>
          )}
        </RowList>
      </Section>

      {mayManage && (
        <Section id="new-actor" heading={t("createHeading")} headingClassName="mb-4 text-xl" className="mt-10 rounded border border-line bg-surface p-4">
          <ActorForm
            action={createActorAction.bind(null, { locale, municipality: municipality.slug, view: "actorsManage" })}
            target={{ municipalityId: municipality.id }}
            kinds={ACTOR_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            submit={t("create")}
          />
        </Section>
      )}
    </ClientMessages>
  );
}
