"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

/** The text to translate: a dialogue's (back to the dialogue), or a meeting's, actor's or introduction's (back to `back`). */
type Subject = { dialogueId: string } | { meetingId: string } | { actorId: string } | { municipalityId: string };

/**
 * A signed-in reader asks for a machine translation of a host's text (a dialogue's title,
 * summary, description and own rules; a meeting's, an actor's, the municipality's introduction)
 * into their own language: one button, no JavaScript needed.
 */
export function RequestHostTextTranslationForm({
  action,
  page,
  subject,
  language,
  languageLabel,
}: {
  action: FormAction;
  page: { locale: string; municipality: string; dialogue: string } | { locale: string; back: string };
  subject: Subject;
  language: string;
  languageLabel: string;
}) {
  const t = useTranslations("translations");
  return (
    <ActionForm action={action} className="mt-2">
      <input type="hidden" name="locale" value={page.locale} />
      {"back" in page ? (
        <input type="hidden" name="back" value={page.back} />
      ) : (
        <>
          <input type="hidden" name="municipality" value={page.municipality} />
          <input type="hidden" name="dialogue" value={page.dialogue} />
        </>
      )}
      {Object.entries(subject).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="language" value={language} />
      <SubmitButton className="rounded border border-brand bg-white px-2 py-1 text-sm font-semibold text-brand hover:bg-surface aria-disabled:opacity-70">
        {t("requestMachine", { language: languageLabel })}
      </SubmitButton>
    </ActionForm>
  );
}
