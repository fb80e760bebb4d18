import { getTranslations } from "next-intl/server";
import { ActionForm, Folded, SelectField, SubmitButton, TextAreaField } from "@/components/form/deferred";
import type { Done, Summary } from "@/components/form/folded";
import type { FormAction } from "@/lib/actions/form-state";
import { CATEGORIES, type ItemRef } from "./moderation-categories";

const smallButton =
  "rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";

/** Anyone signed in reports a contribution or comment; the form thanks them in place (<Folded>). */
export async function ReportForm({ action, dialogueId, item, summary }: { action: FormAction<Done>; dialogueId: string; item: ItemRef; summary?: Summary }) {
  const t = await getTranslations("moderation");
  return (
    <ActionForm action={action} noValidate>
      <Folded summary={summary}>
        <input type="hidden" name="dialogueId" value={dialogueId} />
        <input type="hidden" name="itemType" value={item.itemType} />
        <input type="hidden" name="itemId" value={item.itemId} />
        {item.imageId && <input type="hidden" name="imageId" value={item.imageId} />}
        <p className="mb-3 text-sm text-muted">{t("report.hint")}</p>
        <SelectField name="category" label={t("report.category")} options={CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))} />
        <TextAreaField name="reason" label={t("report.reason")} rows={3} maxLength={2000} required />
        <SubmitButton className={smallButton}>{t("report.submit")}</SubmitButton>
      </Folded>
    </ActionForm>
  );
}
