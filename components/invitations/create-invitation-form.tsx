"use client";

import { useActionState } from "react";
import { ChoiceField, FormMessage, SubmitButton, TextField } from "@/components/form/form-fields";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Labels = {
  roleLegend: string;
  participant: string;
  participantHint: string;
  recorder: string;
  recorderHint: string;
  coHost: string;
  coHostHint: string;
  expiresInDays: string;
  expiresInDaysHint: string;
  maxUses: string;
  maxUsesHint: string;
  submit: string;
};

type Props = {
  action: (state: FormState<void>, formData: FormData) => Promise<FormState<void>>;
  page: { locale: string; municipality: string; dialogue: string };
  dialogueId: string;
  labels: Labels;
};

/** Labels come translated from the page: the client catalogue carries only form messages. */
export function CreateInvitationForm({ action, page, dialogueId, labels }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <input type="hidden" name="locale" value={page.locale} />
      <input type="hidden" name="municipality" value={page.municipality} />
      <input type="hidden" name="dialogue" value={page.dialogue} />
      <ChoiceField
        name="role"
        legend={labels.roleLegend}
        state={state}
        defaultValue="PARTICIPANT"
        options={[
          { value: "PARTICIPANT", label: labels.participant, hint: labels.participantHint },
          { value: "RECORDER", label: labels.recorder, hint: labels.recorderHint },
          { value: "CO_HOST", label: labels.coHost, hint: labels.coHostHint },
        ]}
      />
      <TextField
        name="expiresInDays"
        label={labels.expiresInDays}
        hint={labels.expiresInDaysHint}
        state={state}
        defaultValue="30"
        type="number"
        inputMode="numeric"
        min={1}
        max={180}
        required
        className="mt-1 block w-32 rounded border border-muted bg-white px-3 py-2 text-base text-ink aria-invalid:border-2 aria-invalid:border-danger"
      />
      <TextField
        name="maxUses"
        label={labels.maxUses}
        hint={labels.maxUsesHint}
        state={state}
        defaultValue="50"
        type="number"
        inputMode="numeric"
        min={1}
        max={5000}
        required
        className="mt-1 block w-32 rounded border border-muted bg-white px-3 py-2 text-base text-ink aria-invalid:border-2 aria-invalid:border-danger"
      />
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
