import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CreateInvitationForm } from "@/components/invitations/create-invitation-form";
import { RevokeInvitationForm } from "@/components/invitations/revoke-invitation-form";
import { Link } from "@/components/link";
import { Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { formatInvitationCode } from "@/lib/invitations/invitation-code";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { INVITATION_DEFAULTS, isTeamRole, TEAM_INVITATION_MAX_USES } from "@/lib/invitations/invitation-roles";
import { createInvitationAction, revokeInvitationAction } from "@/lib/actions/invitations/invitations";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { ClientMessages } from "@/components/identity/client-messages";
import { dialoguePaths } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

type Params = { locale: string; municipality: string; dialogue: string };
type Props = { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The dialogue, for a viewer of its host team only; everyone else gets the same 404 as for none. */
const loadManagedDialogue = cache(async (municipalitySlug: string, dialogueSlug: string) => {
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug, dialogueSlug });
  if (!dialogue?.may.invite) return null;
  return { viewer, dialogue };
});

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { municipality, dialogue: slug } = await params;
  const managed = await loadManagedDialogue(municipality, slug);
  if (!managed) return {};
  const t = await getTranslations("invitations");
  return { title: `${t("title")}: ${managed.dialogue.title}`, robots: { index: false } };
}

const STATUS_STYLE = {
  valid: "bg-phase-bg text-phase-ink",
  expired: "bg-surface text-muted ring-1 ring-line",
  revoked: "bg-danger-soft text-danger",
  used_up: "bg-surface text-muted ring-1 ring-line",
} as const;

export default async function InvitationsPage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const managed = await loadManagedDialogue(municipality, slug);
  if (!managed) notFound();
  const { viewer, dialogue } = managed;

  const [invitations, t, format, onBehalf] = await Promise.all([
    listInvitations(viewer, { dialogueId: dialogue.id }),
    getTranslations("invitations"),
    getFormatter(),
    getTranslations("onBehalf"),
  ]);
  const paths = dialoguePaths(dialogue);
  const created = typeof query.created === "string" ? invitations.find((invitation) => invitation.id === query.created) : undefined;
  const page = { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug, view: "invitations" } as const;
  // Team roles (co-host, recorder) are given by staff and the host only (decision 035).
  const mayInviteTeam = dialogue.may.inviteTeam;
  const labels = {
    roleLegend: t("roleLegend"),
    expiresInDays: t("expiresInDays"),
    expiresInDaysHint: t("expiresInDaysHint"),
    maxUses: t("maxUses"),
    submit: t("create"),
  };

  return (
    <ClientMessages namespaces={[]} forms>
      <DialogueSubpageHeader dialogue={dialogue} original back={{ href: paths.home, label: t("back") }} heading={t("title")} />
      <p className="mt-3 text-muted">{t("intro")}</p>

      {created && (
        <p role="status" className="mt-6 rounded border-s-4 border-brand bg-proposal-bg p-3">
          {isTeamRole(created.role) ? (
            t("createdTeam", { code: formatInvitationCode(created.code) })
          ) : (
            <>
              {t("created", { code: formatInvitationCode(created.code) })}{" "}
              <Link href={paths.invitationPoster(created.id)} className="font-semibold">
                {t("poster")}
              </Link>
            </>
          )}
        </p>
      )}

      <Section id="new-invitation" heading={t("participantHeading")} headingClassName="mb-2 text-xl" className="mt-8 rounded border border-line bg-surface p-4">
        <p className="mb-4">{t("roleParticipantHint")}</p>
        <CreateInvitationForm
          action={createInvitationAction.bind(null, page)}
          dialogueId={dialogue.id}
          roles={[{ value: "PARTICIPANT", label: t("roles.PARTICIPANT"), hint: t("roleParticipantHint") }]}
          role="PARTICIPANT"
          defaults={INVITATION_DEFAULTS.participant}
          maxUsesLimit={5000}
          labels={{ ...labels, maxUsesHint: t("maxUsesHint") }}
        />
      </Section>

      <Section id="team-invitation" anchor="team" heading={t("teamHeading")} headingClassName="mb-2 text-xl" className="mt-8 rounded border border-line bg-surface p-4">
        <p className="mb-4">{t("teamIntro")}</p>
        {mayInviteTeam ? (
          <CreateInvitationForm
            action={createInvitationAction.bind(null, page)}
            dialogueId={dialogue.id}
            roles={[
              { value: "CO_HOST", label: t("roles.CO_HOST"), hint: t("roleCoHostHint") },
              { value: "RECORDER", label: onBehalf("recorderRole"), hint: onBehalf("recorderRoleHint") },
            ]}
            role={query.role === "RECORDER" ? "RECORDER" : "CO_HOST"}
            defaults={INVITATION_DEFAULTS.team}
            maxUsesLimit={TEAM_INVITATION_MAX_USES}
            labels={{ ...labels, maxUsesHint: t("teamMaxUsesHint", { max: TEAM_INVITATION_MAX_USES }) }}
          />
        ) : (
          <p className="text-muted">{t("teamByHost")}</p>
        )}
      </Section>

      <Section id="invitation-list" heading={t("listHeading")} className="mt-10">
        {invitations.length === 0 ? (
          <p className="mt-3">{t("none")}</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {invitations.map((invitation) => {
              const code = formatInvitationCode(invitation.code);
              return (
                <li key={invitation.id} className="rounded border border-line p-4" aria-labelledby={`code-${invitation.id}`}>
                  <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                    <p id={`code-${invitation.id}`} className="font-mono text-2xl font-bold tracking-wider" dir="ltr">
                      {code}
                    </p>
                    <span className={`badge ${STATUS_STYLE[invitation.status]}`}>{t(`statuses.${invitation.status}`)}</span>
                  </div>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                    <dt className="text-muted">{t("role")}</dt>
                    <dd>{invitation.role === "RECORDER" ? onBehalf("recorderRole") : t(`roles.${invitation.role === "CO_HOST" ? "CO_HOST" : "PARTICIPANT"}`)}</dd>
                    <dt className="text-muted">{t("usage")}</dt>
                    <dd>{t("uses", { uses: invitation.uses, maxUses: invitation.maxUses })}</dd>
                    <dt className="text-muted">{t("expires")}</dt>
                    <dd>
                      <time dateTime={invitation.expiresAt.toISOString()}>
                        {format.dateTime(invitation.expiresAt, "dayLong")}
                      </time>
                    </dd>
                  </dl>
                  <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-3">
                    {isTeamRole(invitation.role) ? (
                      <p className="py-2 text-muted">{t("personal")}</p>
                    ) : (
                      <Link href={paths.invitationPoster(invitation.id)} className="inline-block py-2 font-semibold">
                        <span aria-hidden="true">{t("poster")}</span>
                        <span className="sr-only">{t("posterFor", { code })}</span>
                      </Link>
                    )}
                    {invitation.status !== "revoked" && (
                      <RevokeInvitationForm
                        action={revokeInvitationAction}
                        invitationId={invitation.id}
                        label={t("revoke")}
                        accessibleLabel={t("revokeFor", { code })}
                      />
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </ClientMessages>
  );
}
