"use client";

import { type ReactNode } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { ActionForm, Form, useFormAction, useFormFieldId } from "@/components/form/form";
import { CheckboxField, SubmitButton } from "@/components/form/form-fields";
import { Notice } from "@/components/identity/notice";
import { PERSPECTIVES, ProfileFields, type LanguageOption } from "@/components/identity/profile-fields";
import { SignInCodeCard } from "@/components/identity/sign-in-code";
import { Section } from "@/components/section";
import { joinDialogueAction, signUpAction, type SignedUp } from "@/lib/actions/invitations/join";
import { localized, type Path } from "@/lib/routes/paths";

type Props = {
  code: string;
  locale: string;
  dialoguePath: Path;
  languages: LanguageOption[];
  /** The dialogue's code of conduct, rendered on the server. */
  codeOfConduct: ReactNode;
  viewer: { displayName: string; alreadyMember: boolean } | null;
  /** For a team-role invitation: the label of the box that confirms taking the role on. */
  confirmRole: string | null;
};

/**
 * Sign-up for someone signed out, "take part" for someone signed in. The sign-up's state is held
 * here, above both forms, not in an <ActionForm>: the sign-up signs the person in, and the page
 * that renders next (after a plain POST, or the refresh a new cookie causes) shows the signed-in
 * branch, yet must still show the sign-in code, just once. The one form whose state outlives it.
 */
export function JoinForms({ code, locale, dialoguePath, languages, codeOfConduct, viewer, confirmRole }: Props) {
  const t = useTranslations("join");
  const [signUp, signUpFormAction, signUpForm] = useFormAction(signUpAction);
  // Fields inside ProfileFields and CodeOfConduct, named in the error summary.
  const rules = { acceptCodeOfConduct: { label: t("acceptCodeOfConduct") } };
  const profile = {
    displayName: { label: t("displayName") },
    locale: { label: t("language"), firstOption: languages[0]?.locale },
    perspective: { label: t("perspective"), firstOption: PERSPECTIVES[0] },
    showPerspective: { label: t("showPerspective") },
  };

  if (signUp.status === "success") return <SignedUpScreen signedUp={signUp.data} locale={locale} dialoguePath={dialoguePath} />;

  if (viewer?.alreadyMember) {
    return (
      <>
        <Notice>{t("alreadyMember")}</Notice>
        <a href={localized(locale, dialoguePath)}>{t("toDialogue")}</a>
        {/* The rules they agreed to, to read again (in their language through the offer above): nothing to accept. */}
        <CodeOfConduct level={2} accept={false}>
          {codeOfConduct}
        </CodeOfConduct>
      </>
    );
  }

  if (viewer) {
    return (
      <Section id="join-heading" heading={t("joinHeading")}>
        <p className="mt-2 mb-4">{t("joinIntro", { name: viewer.displayName })}</p>
        <ActionForm action={joinDialogueAction} fields={rules} noValidate>
          <CodeField code={code} />
          {/* eslint-disable-next-line no-restricted-syntax -- the new account's language is data the domain stores */}
          <input type="hidden" name="locale" value={locale} />
          <CodeOfConduct>{codeOfConduct}</CodeOfConduct>
          {confirmRole && <CheckboxField name="confirmRole" label={confirmRole} />}
          <SubmitButton>{t("joinSubmit")}</SubmitButton>
        </ActionForm>
      </Section>
    );
  }

  return (
    <Section id="sign-up-heading" heading={t("signUpHeading")}>
      <p className="mt-2">{t("signUpIntro")}</p>
      <p className="mt-1 mb-4 text-muted">{t("notAsked")}</p>
      <Form form={signUpForm} action={signUpFormAction} fields={{ ...profile, ...rules }} noValidate>
        <CodeField code={code} />
        <ProfileFields languages={languages} values={{ locale }} />
        <CodeOfConduct>{codeOfConduct}</CodeOfConduct>
        {confirmRole && <CheckboxField name="confirmRole" label={confirmRole} />}
        <SubmitButton>{t("signUpSubmit")}</SubmitButton>
      </Form>
    </Section>
  );
}

function SignedUpScreen({ signedUp, locale, dialoguePath }: { signedUp: SignedUp; locale: string; dialoguePath: Path }) {
  const t = useTranslations("join");
  return (
    <>
      <div className="print:hidden">
        <Notice>{t("signedIn")}</Notice>
      </div>
      <SignInCodeCard code={signedUp.signInCode} heading={t("codeHeading")}>
        <p className="font-semibold">{t("codeOnce")}</p>
        <p>{t("codeKeep")}</p>
        <p className="print:hidden">{t("codePrint")}</p>
      </SignInCodeCard>
      <p className="mt-6 print:hidden">
        {/* In the language the person chose, which may not be this page's (this page's if they chose none we have). */}
        <a href={localized(signedUp.locale ?? locale, dialoguePath)} hrefLang={signedUp.locale ?? locale} className="font-semibold">
          {t("toDialogue")}
        </a>
      </p>
    </>
  );
}

/**
 * The invitation code, sent along hidden. When the invitation stopped working between opening
 * the page and sending the form, its message belongs to `code`: the error summary at the top
 * shows it (with any message for the whole form), and its link lands here, at the form's start.
 */
function CodeField({ code }: { code: string }) {
  return <input type="hidden" id={useFormFieldId("code") ?? undefined} name="code" value={code} />;
}

function CodeOfConduct({ children, level = 3, accept = true }: { children: ReactNode; level?: 2 | 3; accept?: boolean }) {
  const t = useTranslations("join");
  return (
    <Section id="code-of-conduct" heading={t("codeOfConductHeading")} level={level} headingClassName="text-lg" className={accept ? "mb-4" : "mt-6"}>
      <div className="mt-2 mb-3 rounded border border-line bg-surface p-3 text-sm">{children}</div>
      {accept && <CheckboxField name="acceptCodeOfConduct" label={t("acceptCodeOfConduct")} />}
    </Section>
  );
}
