import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ClientMessages } from "@/components/identity/client-messages";
import type { LanguageOption } from "@/components/identity/profile-fields";
import { Link } from "@/components/link";
import { getViewer } from "@/lib/auth/get-viewer";
import { clientAddress } from "@/lib/auth/client-address";
import { countInvitationMiss, findInvitation } from "@/lib/invitations/find-invitation";
import { invitationRaisesRole } from "@/lib/invitations/invitation-roles";
import { autonym } from "@/lib/i18n/language-names";
import { direction, routing } from "@/lib/i18n/routing";
import { JoinForms } from "./join-forms";

type Props = { params: Promise<{ locale: string; code: string }> };

// generateMetadata and the page need the same row: one query per request.
const loadInvitation = cache((code: string) => findInvitation(code));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const [invitation, t] = await Promise.all([loadInvitation(decoded(code)), getTranslations("join")]);
  return { title: invitation?.dialogue.title ?? t("invitation"), robots: { index: false } };
}

export default async function InvitationPage({ params }: Props) {
  const { locale, code: rawCode } = await params;
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
        {invitation ? <DialogueIntro dialogue={invitation.dialogue} invitedTo={t("invitedTo")} /> : <h1 className="text-3xl">{t("invitation")}</h1>}
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
          <Link href="/join">{t("otherCode")}</Link>
        </p>
      </>
    );
  }

  const { dialogue } = invitation;
  const mainLanguage = dialogue.languages[0] ?? "de";
  const current = viewer?.dialogueRoles[dialogue.id];
  const languages: LanguageOption[] = routing.locales.map((l) => ({ locale: l, name: autonym(l), dir: direction(l) }));
  return (
    <>
      <DialogueIntro dialogue={dialogue} invitedTo={t("invitedTo")} />
      <div className="mt-8">
        <ClientMessages namespaces={["join"]}>
          <JoinForms
            code={invitation.code}
            locale={locale}
            dialoguePath={`/${dialogue.municipality.slug}/${dialogue.slug}`}
            languages={languages}
            viewer={
              viewer && {
                displayName: viewer.displayName,
                // A participant invited as recorder or co-host still has something to accept.
                alreadyMember: current !== undefined && !invitationRaisesRole(current, invitation.role),
              }
            }
            codeOfConduct={
              <div lang={mainLanguage} dir={direction(mainLanguage)} className="space-y-2">
                {dialogue.codeOfConduct.split(/\n\s*\n/).map((paragraph, index) => (
                  <p key={index} className="whitespace-pre-line">
                    {paragraph.trim()}
                  </p>
                ))}
              </div>
            }
          />
        </ClientMessages>
      </div>
    </>
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

type IntroDialogue = { title: string; summary: string; languages: string[]; municipality: { name: string } };

function DialogueIntro({ dialogue, invitedTo }: { dialogue: IntroDialogue; invitedTo: string }) {
  const mainLanguage = dialogue.languages[0] ?? "de";
  const lang = { lang: mainLanguage, dir: direction(mainLanguage) };
  return (
    <header className="space-y-2">
      <p className="text-muted">{invitedTo}</p>
      <h1 className="text-3xl" {...lang}>
        {dialogue.title}
      </h1>
      <p className="font-semibold">{dialogue.municipality.name}</p>
      <p {...lang}>{dialogue.summary}</p>
    </header>
  );
}
