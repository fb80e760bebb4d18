"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton, TextField } from "@/components/form/form-fields";
import { SelectField } from "@/components/contributions/select-field";
import type { ContributionPageRef, FormAction } from "@/lib/actions/form-state";
import { Form, useFormAction } from "@/components/form/form";

type Option = { value: string; label: string };

/** "At meeting X, N people of this group supported this": one count per meeting and group. */
export function MeetingSupportForm({
  action,
  page,
  meetings,
  perspectives,
}: {
  action: FormAction;
  page: ContributionPageRef;
  meetings: Option[];
  perspectives: Option[];
}) {
  const t = useTranslations("meetings");
  const [state, formAction, form] = useFormAction(action);
  return (
    <Form form={form} action={formAction} noValidate>
      <input type="hidden" name="contributionId" value={page.contributionId} />
      <SelectField name="meetingId" label={t("supportMeeting")} state={state} options={meetings} />
      <SelectField name="perspective" label={t("supportPerspective")} state={state} options={perspectives} />
      <TextField
        name="count"
        label={t("supportCount")}
        hint={t("supportCountHint")}
        state={state}
        type="number"
        inputMode="numeric"
        min={1}
        max={10000}
        required
        className="mt-1 block w-32 rounded border border-muted bg-white px-3 py-2 text-base text-ink aria-invalid:border-2 aria-invalid:border-danger"
      />
      <SubmitButton>{t("supportSubmit")}</SubmitButton>
    </Form>
  );
}
