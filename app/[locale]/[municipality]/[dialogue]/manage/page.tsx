import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AdvancePhaseForm } from "@/components/dialogues/advance-phase-form";
import { DialogueForm } from "@/components/dialogues/dialogue-form";
import { dateValue, dialogueFormProps } from "@/components/dialogues/dialogue-form-labels";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { PhaseBadge } from "@/components/phase-badge";
import { AccountabilityLinks } from "@/components/responses/accountability-links";
import { Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { defaultRules } from "@/lib/host-texts/default-rules";
import { COHOST_MISSING, NEEDS_UNANSWERED, NEXT_PHASE } from "@/lib/dialogues/advance-phase";
import { getManagedDialogue } from "@/lib/dialogues/get-managed-dialogue";
import { dialoguePaths, sitePaths, withQuery } from "@/lib/routes/paths";
import { listTeam, LAST_LIVED_EXPERIENCE_COHOST } from "@/lib/team/team";
import { RemoveFromTeamForm } from "@/components/team/remove-from-team-form";
import { advancePhaseAction, removeFromTeamAction, updateDialogueAction } from "@/lib/actions/dialogues/manage-dialogue";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { getFormatter } from "@/lib/i18n/format";

type Params = { locale: string; municipality: string; dialogue: string };
type Props = { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** For the host team only; everyone else gets the same 404 as for no dialogue. */
const loadManaged = cache(async (municipalitySlug: string, dialogueSlug: string) =>
  getManagedDialogue(await getViewer(), { municipalitySlug, dialogueSlug }),
);

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { municipality, dialogue } = await params;
  const managed = await loadManaged(municipality, dialogue);
  if (!managed) return {};
  const t = await getTranslations("dialogueAdmin");
  return { title: `${t("manageTitle")}: ${managed.title}`, robots: { index: false } };
}

export default async function ManageDialoguePage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const dialogue = await loadManaged(municipality, slug);
  if (!dialogue) notFound();
  const [t, phases, format, form, viewer] = await Promise.all([
    getTranslations("dialogueAdmin"),
    getTranslations("phases"),
    getFormatter(),
    dialogueFormProps(dialogue.municipalityThemes, "save"),
    getViewer(),
  ]);
  const at = dialoguePaths(dialogue);
  const page = { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug, view: "manage" } as const;
  const next = NEXT_PHASE[dialogue.phase];
  const refused = typeof query.refused === "string" ? query.refused : undefined;
  const done = typeof query.done === "string" ? query.done : undefined;
  const mainLanguage = dialogue.languages[0] ?? "de";
  const { invite: mayInvite, inviteTeam: mayInviteTeam } = dialogue.may;
  const team = dialogue.may.readTeam ? await listTeam(viewer, { dialogueId: dialogue.id }) : null;
  const teamRefused = typeof query.teamRefused === "string" ? query.teamRefused : undefined;

  return (
    <ClientMessages namespaces={["dialogueValidation"]} forms>
      <DialogueSubpageHeader dialogue={dialogue} original back={{ href: at.home, label: t("back") }} heading={t("manageTitle")} />
      <AccountabilityLinks may={dialogue.may} paths={at} />

      {done && done !== "removed" && (
        <p role="status" className="mt-6 rounded border-s-4 border-brand bg-proposal-bg p-3">
          {done === "created" ? t("created") : done === "advanced" ? t("advanced", { phase: phases(dialogue.phase) }) : t("saved")}
        </p>
      )}

      <Section id="phase" heading={t("phaseHeading")} headingClassName="text-xl" className="mt-8 rounded border border-line bg-surface p-4">
        <p className="mt-2">
          <PhaseBadge phase={dialogue.phase} />
        </p>
        <p className="mt-2">{t(`allows.${dialogue.phase}`)}</p>

        {refused === COHOST_MISSING && (
          <div role="alert" className="mt-4 rounded border-s-4 border-danger bg-danger-soft p-3">
            <p className="font-semibold text-danger">{t("refusedCoHost")}</p>
            {mayInvite && (
              <p className="mt-2">
                {/* Straight to the team invitation with the co-host role chosen (or, for a co-host, to the invitations). */}
                <Link href={mayInviteTeam ? withQuery(at.invitations, { role: "CO_HOST" }, "team") : at.invitations} className="font-semibold">
                  {t("refusedCoHostLink")}
                </Link>
              </p>
            )}
          </div>
        )}
        {refused === NEEDS_UNANSWERED && dialogue.unansweredNeeds.length > 0 && (
          <p role="alert" className="mt-4 rounded border-s-4 border-danger bg-danger-soft p-3 font-semibold text-danger">
            {t("refusedNeeds", { count: dialogue.unansweredNeeds.length })}
          </p>
        )}
        {refused !== undefined && refused !== COHOST_MISSING && refused !== NEEDS_UNANSWERED && (
          <p role="alert" className="mt-4 rounded border-s-4 border-danger bg-danger-soft p-3 font-semibold text-danger">
            {t("refusedChanged")}
          </p>
        )}

        {dialogue.unansweredNeeds.length > 0 && (
          <Section id="unanswered" heading={t("unansweredHeading")} level={3} headingClassName="font-semibold" className="mt-4">
            <ul className="mt-2 list-disc space-y-1 ps-6">
              {dialogue.unansweredNeeds.map((need) => (
                <li key={need.id}>
                  <Link href={at.contribution(need.id)}>{need.title}</Link>
                </li>
              ))}
            </ul>
          </Section>
        )}

        {next && dialogue.mayAdvance ? (
          <Section id="next-phase" heading={<>{t("nextHeading")}: {phases(next)}</>} level={3} headingClassName="font-semibold" className="mt-6">
            <p className="mt-1">{t(`next.${next}`)}</p>
            <AdvancePhaseForm
              action={advancePhaseAction.bind(null, page)}
              ids={{ dialogueId: dialogue.id, from: dialogue.phase }}
              label={t("advance", { phase: phases(next) })}
            />
          </Section>
        ) : (
          !next && <p className="mt-4 text-muted">{t("final")}</p>
        )}

        <Section id="history" heading={t("historyHeading")} level={3} headingClassName="font-semibold" className="mt-6">
          {dialogue.phaseChanges.length === 0 ? (
            <p className="mt-1 text-muted">{t("historyNone")}</p>
          ) : (
            <ol className="mt-2 space-y-1">
              {dialogue.phaseChanges.map((change) => (
                <li key={change.id}>
                  <time dateTime={change.createdAt.toISOString()} className="text-muted">
                    {format.dateTime(change.createdAt, "moment")}
                  </time>{" "}
                  {t("historyItem", { from: phases(change.fromPhase), to: phases(change.toPhase), name: change.changedBy.displayName })}
                </li>
              ))}
            </ol>
          )}
        </Section>
      </Section>

      {team && (
        <Section id="team-heading" anchor="team" heading={t("teamHeading")} className="mt-10">
          <p className="mt-2">{t("teamIntro")}</p>
          {done === "removed" && (
            <p role="status" className="mt-4 rounded border-s-4 border-brand bg-proposal-bg p-3">
              {t("teamRemoved")}
            </p>
          )}
          {teamRefused && (
            <div role="alert" className="mt-4 rounded border-s-4 border-danger bg-danger-soft p-3">
              <p className="font-semibold text-danger">{teamRefused === LAST_LIVED_EXPERIENCE_COHOST ? t("teamRefusedLastCoHost") : t("refusedChanged")}</p>
              {teamRefused === LAST_LIVED_EXPERIENCE_COHOST && mayInviteTeam && (
                <p className="mt-2">
                  <Link href={withQuery(at.invitations, { role: "CO_HOST" }, "team")} className="font-semibold">
                    {t("refusedCoHostLink")}
                  </Link>
                </p>
              )}
            </div>
          )}
          <ul className="mt-4 space-y-3">
            {team.members.map((member) => {
              const role = t(`teamRoles.${member.role}`);
              const mayRemove = member.userId !== viewer?.id && (member.role === "HOST" ? dialogue.may.removeHost : dialogue.may.removeTeamMember);
              return (
                <li key={member.membershipId} className="rounded border border-line p-3">
                  <p className="font-semibold">
                    <bdi>{member.displayName}</bdi>
                  </p>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                    <dt className="text-muted">{t("teamRole")}</dt>
                    <dd>{role}</dd>
                    <dt className="text-muted">{t("teamJoined")}</dt>
                    <dd>
                      {t(`teamJoinedVia.${member.joinedVia}`)},{" "}
                      <time dateTime={member.since.toISOString()}>{format.dateTime(member.since, "dayLong")}</time>
                    </dd>
                  </dl>
                  {mayRemove && (
                    <div className="mt-3">
                      <RemoveFromTeamForm
                        action={removeFromTeamAction.bind(null, page)}
                        ids={{ dialogueId: dialogue.id, membershipId: member.membershipId, role: member.role }}
                        label={t("teamRemove")}
                        accessibleLabel={t("teamRemoveFor", { name: member.displayName, role })}
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          {team.removals.length > 0 && (
            <Section id="team-removals" heading={t("teamRemovalsHeading")} level={3} headingClassName="font-semibold" className="mt-6">
              <ol className="mt-2 space-y-1">
                {team.removals.map((removal) => (
                  <li key={removal.id}>
                    <time dateTime={removal.at.toISOString()} className="text-muted">
                      {format.dateTime(removal.at, "moment")}
                    </time>{" "}
                    {/* Names in <bdi>: their language is unknown, and a right-to-left page keeps them whole. */}
                    {withNames(t("teamRemovalItem", { name: NAME_MARK[0], role: t(`teamRoles.${removal.role}`), by: NAME_MARK[1] }), [
                      removal.displayName,
                      removal.removedBy,
                    ])}
                  </li>
                ))}
              </ol>
            </Section>
          )}
        </Section>
      )}

      {dialogue.mayUpdate && (
        <Section id="details" heading={t("editHeading")} headingClassName="mb-4 text-2xl" className="mt-10">
          <p className="mb-4">
            <Link href={sitePaths.hostTexts("dialogue", dialogue.id)} className="font-semibold">
              {(await getTranslations("hostTexts"))("editLink")}
            </Link>
          </p>
          <DialogueForm
            action={updateDialogueAction.bind(null, page)}
            ids={{ dialogueId: dialogue.id }}
            {...form}
            textLanguage={mainLanguage}
            values={{
              title: dialogue.title,
              summary: dialogue.summary,
              description: dialogue.description,
              themeIds: dialogue.themeIds,
              languages: dialogue.languages,
              // The default rules are offered in the main language; kept unchanged they stay the default.
              codeOfConduct: dialogue.codeOfConduct ?? (await defaultRules(dialogue.languages[0] ?? "de")).text,
              teamContact: dialogue.teamContact ?? "",
              collectingFrom: dateValue(dialogue.collectingFrom),
              deliberatingFrom: dateValue(dialogue.deliberatingFrom),
              respondingFrom: dateValue(dialogue.respondingFrom),
              closesAt: dateValue(dialogue.closesAt),
            }}
          />
        </Section>
      )}
    </ClientMessages>
  );
}

/** Stand-ins for names in a translated sentence (private-use characters no catalogue contains). */
const NAME_MARK = ["\uE000", "\uE001"] as const;

/** The sentence with each stand-in replaced by its name in a <bdi>. */
function withNames(sentence: string, names: readonly [string, string]) {
  return sentence.split(/([\uE000\uE001])/).map((part, index) => {
    const at = NAME_MARK.indexOf(part as (typeof NAME_MARK)[number]);
    return at === -1 ? part : <bdi key={index}>{names[at]}</bdi>;
  });
}
