"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import type { FormAction } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/form/form";

export type ActorValues = {
  name: string;
  kind: string;
  refugeeLed: boolean;
  description: string;
  contactEmail: string;
  contactPhone: string;
  website: string;
  address: string;
};

/** An actor's entry; only the contact details the actor wants public are filled in. */
export function ActorForm({
  action,
  target,
  kinds,
  values,
  submit,
}: {
  /** Bound to the page the form stands on where the page renders it (decision 042). */
  action: FormAction;
  /** The municipality a new actor joins, or the actor to change. */
  target: { municipalityId: string } | { actorId: string };
  kinds: { value: string; label: string }[];
  values?: ActorValues;
  submit: string;
}) {
  const t = useTranslations("actors");
  return (
    <ActionForm action={action} noValidate>
      {"actorId" in target ? (
        <input type="hidden" name="actorId" value={target.actorId} />
      ) : (
        <input type="hidden" name="municipalityId" value={target.municipalityId} />
      )}
      <TextField name="name" label={t("name")} defaultValue={values?.name} maxLength={200} required />
      <SelectField name="kind" label={t("kind")} options={kinds} defaultValue={values?.kind ?? kinds[0]?.value} />
      <CheckboxField name="refugeeLed" label={t("refugeeLedLabel")} hint={t("refugeeLedHint")} defaultChecked={values?.refugeeLed} />
      <TextAreaField name="description" label={t("description")} defaultValue={values?.description} rows={4} maxLength={2000} />
      <fieldset className="mb-4 rounded border border-line p-3">
        <legend className="px-1 font-semibold">{t("contact")}</legend>
        <p className="mb-3 text-sm text-muted">{t("contactHint")}</p>
        <TextField name="contactEmail" type="email" dir="ltr" label={t("email")} defaultValue={values?.contactEmail} autoComplete="off" />
        <TextField name="contactPhone" type="tel" dir="ltr" label={t("phone")} defaultValue={values?.contactPhone} autoComplete="off" />
        <TextField name="website" type="url" dir="ltr" label={t("website")} hint={t("websiteHint")} defaultValue={values?.website} />
        <TextAreaField name="address" label={t("address")} defaultValue={values?.address} rows={2} maxLength={300} />
      </fieldset>
      <SubmitButton>{submit}</SubmitButton>
    </ActionForm>
  );
}

/** Staff add a person of the municipality to the actor, picked from a list. */
export function AddMemberForm({ action, actorId, people }: { action: FormAction; actorId: string; people: { value: string; label: string }[] }) {
  const t = useTranslations("actors");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="actorId" value={actorId} />
      <SelectField name="userId" label={t("person")} options={[{ value: "", label: t("choosePerson") }, ...people]} defaultValue="" />
      <SubmitButton>{t("addMember")}</SubmitButton>
    </ActionForm>
  );
}

export function RemoveMemberForm({ action, actorId, userId, label }: { action: FormAction; actorId: string; userId: string; label: string }) {
  return (
    <ActionForm action={action} className="inline">
      <input type="hidden" name="actorId" value={actorId} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className="rounded border-2 border-danger bg-white px-3 py-1 text-sm font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
        {label}
      </SubmitButton>
    </ActionForm>
  );
}
