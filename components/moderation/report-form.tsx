"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton, TextAreaField } from "@/components/form/form-fields";
import { SelectField } from "@/components/contributions/select-field";
import { ActionForm } from "@/components/form/form";
import { Folded, type Summary } from "@/components/form/folded";
import type { FormAction } from "@/lib/actions/form-state";
import { CATEGORIES, type ItemRef } from "./moderation-categories";

const smallButton =
  "rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";

/** Anyone signed in reports a contribution or comment; the form thanks them in place. */
export function ReportForm({ action, dialogueId, item, summary }: { action: FormAction<{ duplicate: boolean }>; dialogueId: string; item: ItemRef; summary?: Summary }) {
  const t = useTranslations("moderation");
  return (
    <ActionForm action={action} noValidate>
      {(state) => (
        <Folded summary={summary}>
          {state.status === "success" ? (
            <p role="status" className="rounded border-s-4 border-brand bg-surface p-3">
              {state.data.duplicate ? t("report.already") : t("report.thanks")}
            </p>
          ) : (
            <>
              <input type="hidden" name="dialogueId" value={dialogueId} />
              <input type="hidden" name="itemType" value={item.itemType} />
              <input type="hidden" name="itemId" value={item.itemId} />
              {item.imageId && <input type="hidden" name="imageId" value={item.imageId} />}
              <p className="mb-3 text-sm text-muted">{t("report.hint")}</p>
              <SelectField name="category" label={t("report.category")} options={CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))} />
              <TextAreaField name="reason" label={t("report.reason")} rows={3} maxLength={2000} required />
              <SubmitButton className={smallButton}>{t("report.submit")}</SubmitButton>
            </>
          )}
        </Folded>
      )}
    </ActionForm>
  );
}
