"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SubmitButton } from "@/components/form/form-fields";
import { Notice } from "@/components/identity/notice";
import { replaceReceiptAction } from "@/lib/actions/receipts/replace-receipt";
import { ActionForm } from "@/components/form/form";

export function ReplaceReceiptForm({ contributionId, dialogueId }: { contributionId: string; dialogueId: string }) {
  const t = useTranslations("receiptSlip");
  return (
    <ActionForm action={replaceReceiptAction} noValidate>
      {(state) =>
        state.status === "success" ? (
          <Notice>{t("replaced")}</Notice>
        ) : (
          <>
            <input type="hidden" name="contributionId" value={contributionId} />
            <input type="hidden" name="dialogueId" value={dialogueId} />
            <CheckboxField name="confirm" label={t("replaceConfirm")} />
            <SubmitButton className="rounded border-2 border-brand px-5 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
              {t("replaceSubmit")}
            </SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
