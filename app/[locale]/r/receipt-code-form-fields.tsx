"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton, TextField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

/** `action`: openReceiptAction bound to the page the form stands on (ReceiptCodeForm). */
export function ReceiptCodeFormFields({ action }: { action: FormAction }) {
  const t = useTranslations("receipt");
  return (
    <ActionForm action={action} noValidate>
      <TextField
        name="code"
        label={t("codeLabel")}
        hint={t("codeHint")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        dir="ltr"
        className="mt-1 block w-full rounded border border-muted bg-white px-3 py-2 font-mono text-lg tracking-widest text-ink aria-invalid:border-2 aria-invalid:border-danger"
      />
      {/* Second to signing in on the sign-in page: the outlined button, as before. */}
      <SubmitButton className="rounded border-2 border-brand px-5 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">{t("open")}</SubmitButton>
    </ActionForm>
  );
}
