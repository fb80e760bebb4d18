"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SubmitButton } from "@/components/form/form-fields";
import { FormMessage } from "@/components/form/form-message";
import { Notice } from "@/components/identity/notice";
import { replaceReceiptAction } from "@/lib/actions/receipts/replace-receipt";
import { Form, useFormAction } from "@/components/form/form";

export function ReplaceReceiptForm({ contributionId, dialogueId }: { contributionId: string; dialogueId: string }) {
  const t = useTranslations("receiptSlip");
  const [state, action, form] = useFormAction(replaceReceiptAction);
  if (state.status === "success") return <Notice>{t("replaced")}</Notice>;
  return (
    <Form form={form} action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="contributionId" value={contributionId} />
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <CheckboxField name="confirm" label={t("replaceConfirm")} state={state} />
      <SubmitButton className="rounded border-2 border-brand px-5 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
        {t("replaceSubmit")}
      </SubmitButton>
    </Form>
  );
}
