import { getTranslations } from "next-intl/server";
import { ActionForm, ChoiceField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/deferred";
import type { ContributionPageRef, FormAction } from "@/lib/actions/form-state";

/**
 * A public answer: the status, what was decided and why (required), who decided, the
 * responsible actor and a target date. A failed post keeps everything typed.
 */
export async function ResponseForm({
  action,
  page,
  statuses,
  actors,
  languages,
  defaultLanguage,
}: {
  action: FormAction;
  page: ContributionPageRef;
  statuses: { value: string; label: string }[];
  actors: { value: string; label: string }[];
  /** The dialogue's languages, each named in the staff member's UI language. */
  languages: { value: string; label: string }[];
  defaultLanguage: string;
}) {
  const t = await getTranslations("responses");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="contributionId" value={page.contributionId} />
      <ChoiceField name="status" legend={t("status")} options={statuses} defaultValue={statuses[0]?.value} />
      <TextAreaField name="body" label={t("body")} hint={t("bodyHint")} rows={6} maxLength={5000} dir="auto" required />
      {languages.length > 1 ? (
        <SelectField name="language" label={t("language")} options={languages} defaultValue={defaultLanguage} />
      ) : (
        <input type="hidden" name="language" value={defaultLanguage} />
      )}
      <TextField name="decidedBy" label={t("decidedBy")} hint={t("decidedByHint")} maxLength={200} />
      <SelectField name="actorId" label={t("actor")} options={[{ value: "", label: t("noActor") }, ...actors]} defaultValue="" />
      <TextField name="dueDate" type="date" label={t("dueDate")} hint={t("dueDateHint")} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
