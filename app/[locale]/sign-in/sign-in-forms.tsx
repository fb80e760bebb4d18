"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton, TextField } from "@/components/form/form-fields";
import { FormMessage } from "@/components/form/form-message";
import { CodeField } from "@/components/form/code-field";
import { Notice } from "@/components/identity/notice";
import { requestEmailLinkAction, signInWithCodeAction } from "@/lib/actions/auth/sign-in";
import { Form, useFormAction } from "@/components/form/form";

type Props = { locale: string; callbackPath?: string };

export function SignInWithCodeForm({ locale, callbackPath }: Props) {
  const t = useTranslations("signIn");
  const [state, action, form] = useFormAction(signInWithCodeAction);
  return (
    <Form form={form} action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="locale" value={locale} />
      {callbackPath ? <input type="hidden" name="callbackPath" value={callbackPath} /> : null}
      <CodeField
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        state={state}
        required
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </Form>
  );
}

export function EmailLinkForm({ callbackPath }: Pick<Props, "callbackPath">) {
  const t = useTranslations("signIn");
  const [state, action, form] = useFormAction(requestEmailLinkAction);
  if (state.status === "success") return <Notice>{t("emailSent")}</Notice>;
  return (
    <Form form={form} action={action} noValidate>
      <FormMessage state={state} />
      {callbackPath ? <input type="hidden" name="callbackPath" value={callbackPath} /> : null}
      <TextField name="email" type="email" label={t("email")} state={state} autoComplete="email" inputMode="email" required />
      <SubmitButton className="rounded border-2 border-brand px-5 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
        {t("emailSubmit")}
      </SubmitButton>
    </Form>
  );
}
