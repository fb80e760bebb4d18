"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form/form-fields";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Action = (state: FormState<void>, formData: FormData) => Promise<FormState<void>>;

/**
 * A signed-in reader asks for a machine translation of a host's text (a dialogue's title,
 * summary, description and own rules) into their own language: one button, no JavaScript needed.
 */
export function RequestHostTextTranslationForm({
  action,
  page,
  subject,
  language,
  languageLabel,
}: {
  action: Action;
  page: { locale: string; municipality: string; dialogue: string };
  subject: { dialogueId: string };
  language: string;
  languageLabel: string;
}) {
  const t = useTranslations("translations");
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mt-2">
      <FormMessage state={state} />
      <input type="hidden" name="locale" value={page.locale} />
      <input type="hidden" name="municipality" value={page.municipality} />
      <input type="hidden" name="dialogue" value={page.dialogue} />
      <input type="hidden" name="dialogueId" value={subject.dialogueId} />
      <input type="hidden" name="language" value={language} />
      <SubmitButton className="rounded border border-brand bg-white px-2 py-1 text-sm font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
        {t("requestMachine", { language: languageLabel })}
      </SubmitButton>
    </form>
  );
}
