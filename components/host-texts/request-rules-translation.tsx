"use client";

import { SubmitButton } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

/** One button: have the rules machine-translated into the reader's language (outside the join or post form); `action` is bound to its page. */
export function RequestRulesTranslation({ action, dialogueId, language, label }: { action: FormAction; dialogueId: string; language: string; label: string }) {
  return (
    <ActionForm action={action} className="mt-3">
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <input type="hidden" name="language" value={language} />
      <SubmitButton className="rounded border border-brand px-4 py-2 font-semibold text-brand">{label}</SubmitButton>
    </ActionForm>
  );
}
