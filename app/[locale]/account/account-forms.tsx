"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SubmitButton, TextField } from "@/components/form/form-fields";
import { CodeField } from "@/components/form/code-field";
import { Notice } from "@/components/identity/notice";
import { SignInCodeCard } from "@/components/identity/sign-in-code";
import { ProfileFields, type LanguageOption, type ProfileValues } from "@/components/identity/profile-fields";
import { ShowNameInExportsField } from "@/components/exports/show-name-field";
import {
  confirmEmailAction,
  newSignInCodeAction,
  requestEmailConfirmationAction,
  updateProfileAction,
} from "@/lib/actions/accounts/account";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

const secondaryButton =
  "rounded border-2 border-brand px-5 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";

export function ProfileForm({
  languages,
  values,
  showNameLabels,
}: {
  languages: LanguageOption[];
  values: ProfileValues & { email: string; emailDigest: boolean; showNameInExports: boolean };
  showNameLabels: { label: string; hint: string };
}) {
  const t = useTranslations("account");
  return (
    <ActionForm action={updateProfileAction} noValidate>
      {(state) => (
        <>
          {state.status === "success" && <Notice>{t("saved")}</Notice>}
          <ProfileFields languages={languages} values={values} />
          <TextField name="email" type="email" label={t("email")} hint={t("emailHint")} defaultValue={values.email} autoComplete="email" inputMode="email" />
          <CheckboxField name="emailDigest" label={t("emailDigest")} defaultChecked={values.emailDigest} />
          <ShowNameInExportsField defaultChecked={values.showNameInExports} labels={showNameLabels} />
          <SubmitButton>{t("save")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** `action`: signOutEverywhereAction bound to the account page (decision 042). */
export function SignOutEverywhereForm({ action }: { action: FormAction }) {
  const t = useTranslations("account");
  return (
    <ActionForm action={action}>
      <SubmitButton className={secondaryButton}>{t("signOutEverywhere")}</SubmitButton>
    </ActionForm>
  );
}

/**
 * A new sign-in code (decision 032): the old one stops working at once. The new code is shown
 * once, from the action's answer (without JavaScript too: the POST renders the page again with
 * it), printable like the one shown at sign-up.
 */
export function NewSignInCodeForm() {
  const t = useTranslations("account");
  const join = useTranslations("join");
  return (
    <ActionForm action={newSignInCodeAction} noValidate>
      {(state) =>
        state.status === "success" ? (
          <>
            <div className="print:hidden">
              <Notice>
                {t("newCodeDone")}
                {state.data.endedSessions > 0 && <> {t("newCodeSignedOut")}</>}
              </Notice>
            </div>
            <SignInCodeCard code={state.data.signInCode} heading={join("codeHeading")}>
              <p className="font-semibold">{join("codeOnce")}</p>
              <p>{join("codeKeep")}</p>
              <p className="print:hidden">{join("codePrint")}</p>
            </SignInCodeCard>
          </>
        ) : (
          <>
            <CodeField name="currentCode" label={t("newCodeCurrent")} hint={t("newCodeCurrentHint")} required />
            <CheckboxField name="endOtherSessions" label={t("newCodeEndSessions")} defaultChecked />
            <SubmitButton className={secondaryButton}>{t("newCodeSubmit")}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}

/** `action`: deleteAccountAction bound to the account page (decision 042). */
export function DeleteAccountForm({ action }: { action: FormAction }) {
  const t = useTranslations("account");
  return (
    <ActionForm action={action} noValidate>
      <CheckboxField name="confirm" label={t("deleteConfirm")} />
      <CheckboxField name="removeContributions" label={t("removeContributions")} />
      <SubmitButton className="rounded bg-danger px-5 py-3 text-base font-semibold text-white hover:bg-ink aria-disabled:opacity-70">
        {t("deleteSubmit")}
      </SubmitButton>
    </ActionForm>
  );
}

/** For an address the account has not confirmed yet: until then it is used for nothing. */
export function EmailConfirmationRequestForm({ email }: { email: string }) {
  const t = useTranslations("account");
  return (
    <ActionForm action={requestEmailConfirmationAction} className="mt-4 rounded border border-line bg-surface p-4">
      {(state) =>
        state.status === "success" ? (
          <Notice>{t("confirmationSent", { email })}</Notice>
        ) : (
          <>
            <p className="mb-3">{t("emailUnconfirmed", { email })}</p>
            <SubmitButton className={secondaryButton}>{t("sendConfirmation")}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}

/**
 * Renders from the action's state first: after the button press (without JavaScript, a full
 * POST) the page renders again and the link is used up by then, but the person must see that
 * it worked.
 */
export function ConfirmEmailForm({
  user,
  token,
  pending,
}: {
  user: string;
  token: string;
  pending: { email: string; name: string } | null;
}) {
  const t = useTranslations("account");
  return (
    <ActionForm action={confirmEmailAction}>
      {(state) =>
        state.status === "success" ? (
          <Notice>{t("emailConfirmed", { email: state.data.email })}</Notice>
        ) : !pending ? (
          <p role="alert" className="font-semibold text-danger">
            {t("confirmationInvalid")}
          </p>
        ) : (
          <>
            <p className="mb-4">{t("confirmQuestion", { email: pending.email, name: pending.name })}</p>
            <input type="hidden" name="user" value={user} />
            <input type="hidden" name="token" value={token} />
            <SubmitButton>{t("confirmSubmit")}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
