"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton } from "@/components/form/form-fields";
import { Notice } from "@/components/identity/notice";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

const secondaryButton =
  "rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";

export function MarkAllReadForm({ action }: { action: FormAction<{ done: boolean }> }) {
  const t = useTranslations("notifications");
  return (
    <ActionForm action={action}>
      {(state) => (
        <>
          {state.status === "success" && <Notice>{t("allRead")}</Notice>}
          <SubmitButton className={secondaryButton}>{t("markAllRead")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function UnsubscribeForm({ action, user, token, email }: { action: FormAction<{ done: boolean }>; user: string; token: string; email: string }) {
  const t = useTranslations("digest");
  return (
    <ActionForm action={action}>
      {(state) =>
        state.status === "success" ? (
          <Notice>{t("done")}</Notice>
        ) : (
          <>
            <p className="mb-4">{t("confirm", { email })}</p>
            <input type="hidden" name="user" value={user} />
            <input type="hidden" name="token" value={token} />
            <SubmitButton>{t("button")}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
