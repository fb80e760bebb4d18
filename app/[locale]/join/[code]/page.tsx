import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ClientMessages } from "@/components/identity/client-messages";
import type { LanguageOption } from "@/components/identity/profile-fields";
import { Link } from "@/components/link";
import { Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { clientAddress } from "@/lib/auth/client-address";
import { countInvitationMiss, findInvitation } from "@/lib/invitations/find-invitation";
import { invitationRaisesRole } from "@/lib/invitations/invitation-roles";
import { autonym } from "@/lib/i18n/language-names";
import { direction, routing } from "@/lib/i18n/routing";
import { HostText, HostTextNote } from "@/components/host-texts/host-text";
import { RulesText } from "@/components/host-texts/rules-text";
import { RulesTranslationOffer } from "@/components/host-texts/rules-translation-offer";
import { loadHostTextVersions, versionsOf } from "@/lib/host-texts/load-versions";
import { pickHostText } from "@/lib/host-texts/pick-host-text";
import { loadRulesForReader } from "@/lib/host-texts/code-of-conduct";
import { JoinForms } from "./join-forms";
import { dialoguePaths, localized, sitePaths, withQuery } from "@/lib/routes/paths";

type Props = {
  params: Promise<{ locale: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// generateMetadata and the page need the same row: one query per request.
const loadInvitation = cache((code: string) => findInvitation(code));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const [invitation, t] = await Promise.all([loadInvitation(decoded(code)), getTranslations("join")]);
  return { title: invitation?.dialogue.title ?? t("invitation"), robots: { index: false } };
}

export default async function InvitationPage({ params, searchParams }: Props) {
  const [{ locale, code: rawCode }, query] = await Promise.all([params, searchParams]);
  const code = decoded(rawCode);
  const [invitation, viewer, t, errors] = await Promise.all([
    loadInvitation(code),
    getViewer(),
    getTranslations("join"),
    getTranslations("errors"),
  ]);

  // A code that leads nowhere counts against the visitor's address, so this page cannot be used
  // to try codes one by one; once too many did, it says so instead.
  const limited = invitation ? false : await countInvitationMiss(await clientAddress());
  // Someone who just joined with the invitation's last use must still see their sign-in code:
  // for a member, a used-up (or meanwhile expired) invitation is no problem.
  const joined = invitation !== null && viewer?.dialogueRoles[invitation.dialogue.id] !== undefined;
  const problem = !invitation
    ? limited
      ? "limited"
      : "unknown"
    : invitation.status === "valid" || joined
      ? null
      : invitation.status;
  if (!invitation || problem) {
    return (
      <>
        {invitation ? <DialogueIntro dialogue={invitation.dialogue} invitedTo={t("invitedTo")} locale={locale} /> : <h1 className="text-3xl">{t("invitation")}</h1>}
        <section role="alert" aria-labelledby="problem" className="mt-6 rounded border-s-4 border-danger bg-danger-soft p-4">
          <h2 id="problem" className="text-xl text-danger">
            {t("problemHeading")}
          </h2>
          <p className="mt-2 font-semibold">
            {problem === "limited" && limited ? errors("RATE_LIMITED", { retryAfterMinutes: limited.retryAfterMinutes }) : errors(`invitation_${problem === "limited" ? "unknown" : (problem ?? "unknown")}`)}
          </p>
          <p className="mt-2">{t("askInviter")}</p>
        </section>
        <p className="mt-6">
          <Link href={sitePaths.join()}>{t("otherCode")}</Link>
        </p>
      </>
    );
  }

  const { dialogue } = invitation;
  // The rules in the reader's language (the default rules from the catalogue, or a version of the host team's own).
  const rules = await loadRulesForReader(dialogue.id, locale, typeof query.rules === "string" ? query.rules : undefined);
  const current = viewer?.dialogueRoles[dialogue.id];
  const alreadyMember = current !== undefined && !invitationRaisesRole(current, invitation.role);
  // A team role is named (and confirmed) only when following the invitation would give it.
  const teamRole = !alreadyMember && (invitation.role === "CO_HOST" || invitation.role === "RECORDER") ? invitation.role : null;
  const languages: LanguageOption[] = routing.locales.map((l) => ({ locale: l, name: autonym(l), dir: direction(l) }));
  return (
    <ClientMessages namespaces={["join"]} forms>
      <DialogueIntro dialogue={dialogue} invitedTo={t("invitedTo")} locale={locale} />
      {teamRole && (
        // A team role is named, with what it allows, before anyone confirms it (decision 035).
        <Section id="team-role" heading={t(`teamRole.${teamRole}`)} headingClassName="text-xl" className="mt-6 rounded border-s-4 border-brand bg-proposal-bg p-4">
          <p className="mt-2">{t(`teamRole.${teamRole}_allows`)}</p>
          <p className="mt-2 font-semibold">{t("teamRole.personal")}</p>
        </Section>
      )}
      <RulesTranslationOffer rules={rules} dialogueId={dialogue.id} signedIn={viewer !== null} page={{ locale, view: "join", code: invitation.code }} />
      <div className="mt-8">
        <JoinForms
          code={invitation.code}
          locale={locale}
          dialoguePath={dialoguePaths(dialogue).home}
          languages={languages}
          confirmRole={teamRole ? t("teamRole.confirm") : null}
          viewer={
            viewer && {
              displayName: viewer.displayName,
              // A participant invited as recorder or co-host still has something to accept.
              alreadyMember,
            }
          }
          codeOfConduct={<RulesText rules={rules} pageLocale={locale} hrefFor={(language) => localized(locale, withQuery(sitePaths.join(invitation.code), { rules: language }))} />}
        />
      </div>
    </ClientMessages>
  );
}

/** The code as typed into the address bar; a stray "%" must not take the page down. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type IntroDialogue = { id: string; title: string; summary: string; languages: string[]; municipality: { name: string } };

async function DialogueIntro({ dialogue, invitedTo, locale }: { dialogue: IntroDialogue; invitedTo: string; locale: string }) {
  const versions = await loadHostTextVersions({ dialogueIds: [dialogue.id] });
  const text = pickHostText(
    { language: dialogue.languages[0] ?? "de", fields: { title: dialogue.title, summary: dialogue.summary } },
    versionsOf(versions.dialogues, dialogue.id),
    locale,
  );
  return (
    <header className="space-y-2">
      <p className="text-muted">{invitedTo}</p>
      <HostText picked={text} field="title" pageLocale={locale} as="h1" className="text-3xl break-words" />
      <p className="font-semibold"><bdi>{dialogue.municipality.name}</bdi></p>
      <HostText picked={text} field="summary" pageLocale={locale} as="p" className="break-words" />
      <HostTextNote picked={text} pageLocale={locale} />
    </header>
  );
}
