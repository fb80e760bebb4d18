"use client";

import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form/form-fields";
import { Form, useFormAction } from "@/components/form/form";
import { Notice } from "@/components/identity/notice";
import type { FormState } from "@/lib/actions/form-state";

type Action = (state: FormState<{ removed: number }>, formData: FormData) => Promise<FormState<{ removed: number }>>;

/** "Remove" beside one device: a plain form, so it works without JavaScript (decision 031). */
export function RemoveDeviceForm({ action, id, label }: { action: Action; id: string; label: string }) {
  const t = useTranslations("push");
  const [state, formAction, form] = useFormAction(action);
  if (state.status === "success") return <Notice>{t("removed")}</Notice>;
  return (
    <Form form={form} action={formAction} className="mt-2">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
        <span aria-hidden="true">{t("remove")}</span>
        <span className="sr-only">
          {t("remove")}: {label}
        </span>
      </SubmitButton>
    </Form>
  );
}
