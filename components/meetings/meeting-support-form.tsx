import { getTranslations } from "next-intl/server";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form/deferred";
import type { ContributionPageRef, FormAction } from "@/lib/actions/form-state";

type Option = { value: string; label: string };

/** "At meeting X, N people of this group supported this": one count per meeting and group. */
export async function MeetingSupportForm({
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
  const t = await getTranslations("meetings");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="contributionId" value={page.contributionId} />
      <SelectField name="meetingId" label={t("supportMeeting")} options={meetings} />
      <SelectField name="perspective" label={t("supportPerspective")} options={perspectives} />
      <TextField
        name="count"
        label={t("supportCount")}
        hint={t("supportCountHint")}
        type="number"
        inputMode="numeric"
        min={1}
        max={10000}
        required
        className="mt-1 block w-32 rounded border border-muted bg-white px-3 py-2 text-base text-ink aria-invalid:border-2 aria-invalid:border-danger"
      />
      <SubmitButton>{t("supportSubmit")}</SubmitButton>
    </ActionForm>
  );
}
