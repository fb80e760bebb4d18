"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SelectField, SubmitButton, TextField, useMessage } from "@/components/form/form-fields";
import { ActionForm } from "@/components/form/form";
import type { FormAction } from "@/lib/actions/form-state";

const smallButton =
  "rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";

/** Staff open a mediation between two or three members (decision 009); the choice of people is checked as one field. */
export function OpenMediationForm({ action, dialogueId, members }: { action: FormAction; dialogueId: string; members: { id: string; displayName: string }[] }) {
  const t = useTranslations("moderation");
  const message = useMessage();
  const options = [{ value: "", label: t("mediation.choose") }, ...members.map((member) => ({ value: member.id, label: member.displayName }))];
  return (
    <ActionForm action={action} noValidate>
      {(state) => {
        const participantErrors = state.status === "error" ? (state.fieldErrors.participantIds ?? []) : [];
        return (
          <>
            <input type="hidden" name="dialogueId" value={dialogueId} />
            <TextField name="subject" label={t("mediation.subject")} hint={t("mediation.subjectHint")} maxLength={200} required />
            {participantErrors.length > 0 && <p className="mb-2 text-sm font-semibold text-danger">{participantErrors.map(message).join(" ")}</p>}
            <SelectField name="participant1" label={t("mediation.participant", { number: 1 })} options={options} />
            <SelectField name="participant2" label={t("mediation.participant", { number: 2 })} options={options} />
            <SelectField name="participant3" label={t("mediation.participantOptional", { number: 3 })} options={options} />
            <SubmitButton className={smallButton}>{t("mediation.submitOpen")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
