import { getTranslations } from "next-intl/server";
import { ActionForm, Folded, SelectField, SubmitButton, TextAreaField } from "@/components/form/deferred";
import type { Summary } from "@/components/form/folded";
import type { FormAction } from "@/lib/actions/form-state";
import { CATEGORIES, type ItemRef } from "./moderation-categories";

// The forms of moderation that need no state of their own: hide, dismiss, unhide, review, close a
// mediation. Server components around the one <ActionForm> (decision 042): plain posts that work
// without JavaScript, and no code of their own in the browser. Reporting (report-form.tsx) and
// opening a mediation (open-mediation-form.tsx) show the answer in place and are client forms.

const smallButton =
  "rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";
const dangerButton =
  "rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70";

function ItemFields({ item }: { item: ItemRef }) {
  return (
    <>
      <input type="hidden" name="itemType" value={item.itemType} />
      <input type="hidden" name="itemId" value={item.itemId} />
      {item.imageId && <input type="hidden" name="imageId" value={item.imageId} />}
    </>
  );
}

/** Hide with a category and a reason the author will read. */
export async function HideForm({
  action,
  item,
  defaultCategory,
  reasonLanguages,
  summary,
}: {
  action: FormAction;
  item: ItemRef;
  defaultCategory?: string;
  /** The dialogue's languages, named in the UI language; the reason is written in one of them. */
  reasonLanguages: { options: { value: string; label: string }[]; defaultValue?: string };
  summary?: Summary;
}) {
  const t = await getTranslations("moderation");
  return (
    <ActionForm action={action} noValidate>
      <Folded summary={summary}>
        <ItemFields item={item} />
        <SelectField
          name="category"
          label={t("queue.hideCategory")}
          defaultValue={defaultCategory}
          options={CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))}
        />
        <TextAreaField name="reason" label={t("queue.hideReason")} hint={t("queue.hideReasonHint")} rows={3} maxLength={2000} required />
        <SelectField name="reasonLanguage" label={t("queue.hideReasonLanguage")} defaultValue={reasonLanguages.defaultValue} options={reasonLanguages.options} />
        <SubmitButton className={dangerButton}>{t("queue.hide")}</SubmitButton>
      </Folded>
    </ActionForm>
  );
}

/** A reason and one button: dismiss the reports, or make hidden content visible again. */
export function ReasonForm({ action, item, label, submit, summary }: { action: FormAction; item: ItemRef; label: string; submit: string; summary?: Summary }) {
  return (
    <ActionForm action={action} noValidate>
      <Folded summary={summary}>
        <ItemFields item={item} />
        <TextAreaField name="reason" label={label} rows={2} maxLength={2000} required />
        <SubmitButton className={smallButton}>{submit}</SubmitButton>
      </Folded>
    </ActionForm>
  );
}

/** The author asks, once, that a hide be looked at again. */
export async function RequestReviewForm({ action, hideActionId, summary }: { action: FormAction; hideActionId: string; summary?: Summary }) {
  const t = await getTranslations("moderation");
  return (
    <ActionForm action={action} noValidate>
      <Folded summary={summary}>
        <input type="hidden" name="hideActionId" value={hideActionId} />
        <TextAreaField name="reason" label={t("notice.reviewReason")} hint={t("notice.reviewHint")} rows={3} maxLength={2000} required />
        <SubmitButton className={smallButton}>{t("notice.reviewSubmit")}</SubmitButton>
      </Folded>
    </ActionForm>
  );
}

export async function DecideReviewForm({ action, reviewRequestId }: { action: FormAction; reviewRequestId: string }) {
  const t = await getTranslations("moderation");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="reviewRequestId" value={reviewRequestId} />
      <SelectField
        name="decision"
        label={t("queue.decision")}
        options={[
          { value: "UPHELD", label: t("queue.decisionUpheld") },
          { value: "REVERSED", label: t("queue.decisionReversed") },
        ]}
      />
      <TextAreaField name="reason" label={t("queue.decisionReason")} rows={2} maxLength={2000} required />
      <SubmitButton className={smallButton}>{t("queue.decide")}</SubmitButton>
    </ActionForm>
  );
}

export async function CloseMediationForm({ action, caseId }: { action: FormAction; caseId: string }) {
  const t = await getTranslations("moderation");
  return (
    <ActionForm action={action} noValidate>
      <input type="hidden" name="caseId" value={caseId} />
      <TextAreaField name="outcome" label={t("mediation.outcome")} hint={t("mediation.outcomeHint")} rows={4} maxLength={4000} required />
      <SubmitButton className={smallButton}>{t("mediation.submitClose")}</SubmitButton>
    </ActionForm>
  );
}
