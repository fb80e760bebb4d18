"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { IdFields } from "@/components/form/id-fields";

/** The text to translate: a dialogue's, or a meeting's, actor's or introduction's. */
type Subject = { dialogueId: string } | { meetingId: string } | { actorId: string } | { municipalityId: string };

/**
 * A signed-in reader asks for a machine translation of a host's text (a dialogue's title,
 * summary, description and own rules; a meeting's, an actor's, the municipality's introduction)
 * into their own language: one button, no JavaScript needed.
 */
export function RequestHostTextTranslationForm({
  action,
  subject,
  language,
  languageLabel,
}: {
  /** Bound to the page the button stands on, which it comes back to (decision 042). */
  action: FormAction;
  subject: Subject;
  language: string;
  languageLabel: string;
}) {
  const t = useTranslations("translations");
  return (
    <ActionForm action={action} className="mt-2">
      <IdFields ids={subject} />
      <input type="hidden" name="language" value={language} />
      <SubmitButton className="rounded border border-brand bg-white px-2 py-1 text-sm font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
        {t("requestMachine", { language: languageLabel })}
      </SubmitButton>
    </ActionForm>
  );
}
