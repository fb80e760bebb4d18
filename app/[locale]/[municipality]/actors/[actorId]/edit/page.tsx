import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ActorForm, AddMemberForm, RemoveMemberForm } from "@/components/actors/actor-form";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { ACTOR_KINDS } from "@/lib/actors/actor-fields";
import { getActorForEdit } from "@/lib/actors/get-actor-management";
import { addActorMemberAction, removeActorMemberAction, updateActorAction } from "@/lib/actions/actors/actors";
import { municipalityPaths, sitePaths } from "@/lib/routes/paths";

type Props = {
  params: Promise<{ locale: string; municipality: string; actorId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** For staff and the actor's members; everyone else gets a 404. */
const load = cache(async (municipalitySlug: string, actorId: string) => getActorForEdit(await getViewer(), { municipalitySlug, actorId }));

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { municipality, actorId } = await params;
  const loaded = await load(municipality, actorId);
  if (!loaded) return {};
  const t = await getTranslations("actors");
  return { title: t("editTitle", { name: loaded.actor.name }), robots: { index: false } };
}

export default async function EditActorPage({ params, searchParams }: Props) {
  const [{ locale, municipality: slug, actorId }, query] = await Promise.all([params, searchParams]);
  const loaded = await load(slug, actorId);
  if (!loaded) notFound();
  const { municipality, actor, mayManage, candidates } = loaded;
  const t = await getTranslations("actors");
  const done = typeof query.done === "string" ? query.done : undefined;

  return (
    <ClientMessages namespaces={["actors"]} forms>
      <p className="flex flex-wrap gap-x-6 text-sm">
        <Link href={municipalityPaths(municipality.slug).actorsManage}>{t("backToList")}</Link>
        <Link href={municipalityPaths(municipality.slug).actor(actor.id)}>{t("showOnOrganigram")}</Link>
      </p>
      <h1 className="mt-4 text-3xl break-words">{t("editTitle", { name: actor.name })}</h1>
      {done && (
        <p role="status" className="mt-6 rounded border-s-4 border-brand bg-proposal-bg p-3">
          {done === "created" ? t("created") : t("saved")}
        </p>
      )}

      <Section id="entry" heading={t("entryHeading")} headingClassName="mb-4 text-2xl" className="mt-8">
        <p className="mb-4">
          <Link href={sitePaths.hostTexts("actor", actor.id)} className="font-semibold">
            {(await getTranslations("hostTexts"))("editLink")}
          </Link>
        </p>
        <ActorForm
          action={updateActorAction.bind(null, { locale, municipality: municipality.slug, view: "actorEdit", id: actor.id })}
          target={{ actorId: actor.id }}
          kinds={ACTOR_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          values={{
            name: actor.name,
            kind: actor.kind,
            refugeeLed: actor.refugeeLed,
            description: actor.description ?? "",
            contactEmail: actor.contactEmail ?? "",
            contactPhone: actor.contactPhone ?? "",
            website: actor.website ?? "",
            address: actor.address ?? "",
          }}
          submit={t("save")}
        />
      </Section>

      {mayManage && (
        <Section id="members" heading={t("members")} headingClassName="text-xl" className="mt-10 rounded border border-line bg-surface p-4">
          <p className="mt-1 text-muted">{t("membersHint")}</p>
          {actor.members.length === 0 ? (
            <p className="mt-3">{t("noMembers")}</p>
          ) : (
            <ul className="mt-3 space-y-2">
              {actor.members.map((member) => (
                <li key={member.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span className="break-words">{member.displayName}</span>
                  <RemoveMemberForm action={removeActorMemberAction} actorId={actor.id} userId={member.id} label={t("removeMember", { name: member.displayName })} />
                </li>
              ))}
            </ul>
          )}
          <div className="mt-4">
            <AddMemberForm action={addActorMemberAction} actorId={actor.id} people={candidates.map((person) => ({ value: person.id, label: person.displayName }))} />
          </div>
        </Section>
      )}
    </ClientMessages>
  );
}
