"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SubmitButton } from "@/components/form/form-fields";
import { ActionForm } from "@/components/form/form";
import type { FormAction } from "@/lib/actions/form-state";

/**
 * A moderator blocks the sender of a contribution that came by SMS / WhatsApp / Signal (decision
 * 045), never seeing the number: inside a disclosure, with a box to tick that they mean it.
 */
export function BlockSenderForm({ action, contributionId }: { action: FormAction; contributionId: string }) {
  const t = useTranslations("blockSender");
  // Open again after a refused post: without JavaScript the page comes back with the message
  // inside the disclosure, which would otherwise be closed.
  return (
    <ActionForm action={action} noValidate>
      {(state) => (
        <details className="mt-3 rounded border border-line p-3" id="block-sender" open={state.status === "error" || undefined}>
          <summary className="cursor-pointer font-semibold text-danger">{t("open")}</summary>
          <p className="my-2 text-sm text-muted">{t("hint")}</p>
          <input type="hidden" name="contributionId" value={contributionId} />
          <CheckboxField name="confirm" label={t("confirm")} />
          <SubmitButton className="rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
            {t("submit")}
          </SubmitButton>
        </details>
      )}
    </ActionForm>
  );
}
