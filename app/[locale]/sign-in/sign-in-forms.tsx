"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton, TextField } from "@/components/form/form-fields";
import { CodeField } from "@/components/form/code-field";
import { Notice } from "@/components/identity/notice";
import { requestEmailLinkAction, signInWithCodeAction } from "@/lib/actions/auth/sign-in";
import { ActionForm } from "@/components/form/form";

type Props = { locale: string; callbackPath?: string };

export function SignInWithCodeForm({ locale, callbackPath }: Props) {
  const t = useTranslations("signIn");
  return (
    <ActionForm action={signInWithCodeAction} noValidate>
      {/* eslint-disable-next-line no-restricted-syntax -- the account's and the redirect's language; identity forms are not bound yet (issue 17) */}
      <input type="hidden" name="locale" value={locale} />
      {callbackPath ? <input type="hidden" name="callbackPath" value={callbackPath} /> : null}
      <CodeField
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        required
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

export function EmailLinkForm({ callbackPath }: Pick<Props, "callbackPath">) {
  const t = useTranslations("signIn");
  return (
    <ActionForm action={requestEmailLinkAction} noValidate>
      {(state) =>
        state.status === "success" ? (
          <Notice>{t("emailSent")}</Notice>
        ) : (
          <>
            {callbackPath ? <input type="hidden" name="callbackPath" value={callbackPath} /> : null}
            <TextField name="email" type="email" label={t("email")} autoComplete="email" inputMode="email" required />
            <SubmitButton className="rounded border-2 border-brand px-5 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
              {t("emailSubmit")}
            </SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
