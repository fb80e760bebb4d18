"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton } from "@/components/form/form-fields";
import { FormMessage } from "@/components/form/form-message";
import { Notice } from "@/components/identity/notice";
import type { FormState } from "@/lib/actions/form-state";
import { Form, useFormAction } from "@/components/form/form";

type Action = (state: FormState<{ done: boolean }>, formData: FormData) => Promise<FormState<{ done: boolean }>>;

const secondaryButton =
  "rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";

export function MarkAllReadForm({ action }: { action: Action }) {
  const t = useTranslations("notifications");
  const [state, formAction, form] = useFormAction(action);
  return (
    <Form form={form} action={formAction}>
      {state.status === "success" ? <Notice>{t("allRead")}</Notice> : <FormMessage state={state} />}
      <SubmitButton className={secondaryButton}>{t("markAllRead")}</SubmitButton>
    </Form>
  );
}

export function UnsubscribeForm({ action, user, token, email }: { action: Action; user: string; token: string; email: string }) {
  const t = useTranslations("digest");
  const [state, formAction, form] = useFormAction(action);
  if (state.status === "success") return <Notice>{t("done")}</Notice>;
  return (
    <Form form={form} action={formAction}>
      <FormMessage state={state} />
      <p className="mb-4">{t("confirm", { email })}</p>
      <input type="hidden" name="user" value={user} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{t("button")}</SubmitButton>
    </Form>
  );
}
