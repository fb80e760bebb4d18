"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SelectField, SubmitButton, TextField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";
import { IdFields, type FormIds } from "@/components/form/id-fields";

type Option = { value: string; label: string };

/** The host names an actor as responsible for one of the dialogue's themes. */
export function AssignResponsibilityForm({ action, ids, themes, actors }: { action: FormAction; ids: FormIds; themes: Option[]; actors: Option[] }) {
  const t = useTranslations("responsibilities");
  return (
    <ActionForm action={action} noValidate>
      <IdFields ids={ids} />
      <SelectField name="themeId" label={t("theme")} options={[{ value: "", label: t("chooseTheme") }, ...themes]} defaultValue="" />
      <SelectField name="actorId" label={t("actor")} options={[{ value: "", label: t("chooseActor") }, ...actors]} defaultValue="" />
      <TextField name="note" label={t("note")} hint={t("noteHint")} maxLength={500} />
      <CheckboxField name="agreed" label={t("agreedLabel")} hint={t("agreedHint")} />
      <SubmitButton>{t("assign")}</SubmitButton>
    </ActionForm>
  );
}

export function RemoveResponsibilityForm({ action, responsibilityId, label }: { action: FormAction; responsibilityId: string; label: string }) {
  return (
    <ActionForm action={action} className="inline">
      <input type="hidden" name="responsibilityId" value={responsibilityId} />
      <SubmitButton className="rounded border-2 border-danger bg-white px-3 py-1 text-sm font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
        {label}
      </SubmitButton>
    </ActionForm>
  );
}
