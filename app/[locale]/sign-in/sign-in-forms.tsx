"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton, TextField } from "@/components/form/form-fields";
import { CodeField } from "@/components/form/code-field";
import { Notice } from "@/components/identity/notice";
import { requestEmailLinkAction } from "@/lib/actions/auth/sign-in";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

/** `action`: signInWithCodeAction bound to the sign-in page with its way back (decision 042). */
export function SignInWithCodeForm({ action }: { action: FormAction }) {
  const t = useTranslations("signIn");
  return (
    <ActionForm action={action} noValidate>
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

export function EmailLinkForm({ callbackPath }: { callbackPath?: string }) {
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
