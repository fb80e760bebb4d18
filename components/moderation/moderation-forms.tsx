"use client";

import type { ReactNode } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { FormMessage, SubmitButton, TextAreaField, TextField, useMessage } from "@/components/form/form-fields";
import { SelectField } from "@/components/contributions/select-field";
import type { FormState, FormAction } from "@/lib/actions/form-state";
import { Form, useFormAction } from "@/components/form/form";

// The forms of moderation: report, hide, dismiss, unhide, review, mediation. Plain posts that
// work without JavaScript; the moderation namespace comes from ClientMessages.

type Action<T = void> = (state: FormState<T>, formData: FormData) => Promise<FormState<T>>;
/** `imageId`: one photo of the contribution, hidden or shown again on its own (decision 050). */
export type ItemRef = { itemType: "contribution" | "comment"; itemId: string; imageId?: string };

export const CATEGORIES = ["SPAM", "INSULT", "DISCRIMINATION", "PERSONAL_DATA", "OFF_TOPIC", "OTHER"] as const;

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

type Summary = { label: string; className?: string; detailsClassName?: string };

/**
 * A form folded into a <details>. It opens by itself when the form has something to say
 * (an error, a thank-you), so after a plain post without JavaScript the message is not hidden.
 */
function Folded({ summary, state, children }: { summary?: Summary; state: FormState<unknown>; children: ReactNode }) {
  if (!summary) return <>{children}</>;
  return (
    <details className={summary.detailsClassName} open={state.status !== "idle" || undefined}>
      <summary className={summary.className ?? "cursor-pointer font-semibold text-brand"}>{summary.label}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}

function CategoryField({ state, label }: { state: FormState; label: string }) {
  const t = useTranslations("moderation");
  return <SelectField name="category" label={label} state={state} options={CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))} />;
}

/** Anyone signed in reports a contribution or comment; the form thanks them in place. */
export function ReportForm({ action, dialogueId, item, summary }: { action: Action<{ duplicate: boolean }>; dialogueId: string; item: ItemRef; summary?: Summary }) {
  const t = useTranslations("moderation");
  const [state, formAction, form] = useFormAction(action);
  return (
    <Folded summary={summary} state={state}>
      {state.status === "success" ? (
        <p role="status" className="rounded border-s-4 border-brand bg-surface p-3">
          {state.data.duplicate ? t("report.already") : t("report.thanks")}
        </p>
      ) : (
        <Form form={form} action={formAction} noValidate>
          <FormMessage state={state} />
          <input type="hidden" name="dialogueId" value={dialogueId} />
          <ItemFields item={item} />
          <p className="mb-3 text-sm text-muted">{t("report.hint")}</p>
          <CategoryField state={state} label={t("report.category")} />
          <TextAreaField name="reason" label={t("report.reason")} state={state} rows={3} maxLength={2000} required />
          <SubmitButton className={smallButton}>{t("report.submit")}</SubmitButton>
        </Form>
      )}
    </Folded>
  );
}

/**
 * One moderation form: its message, the ids it acts on as hidden fields (in this order; an
 * undefined one is left out), its fields — given the form's state — and one button.
 */
function ModerationForm({
  action,
  hidden,
  submit,
  buttonClassName = smallButton,
  summary,
  children,
}: {
  action: Action;
  hidden: Record<string, string | undefined>;
  submit: string;
  buttonClassName?: string;
  summary?: Summary;
  children: (state: FormState) => ReactNode;
}) {
  const [state, formAction, form] = useFormAction(action);
  return (
    <Folded summary={summary} state={state}>
      <Form form={form} action={formAction} noValidate>
        <FormMessage state={state} />
        {Object.entries(hidden).map(([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />)}
        {children(state)}
        <SubmitButton className={buttonClassName}>{submit}</SubmitButton>
      </Form>
    </Folded>
  );
}

/** The hidden fields that name the item a form acts on. */
const itemFields = (item: ItemRef) => ({ itemType: item.itemType, itemId: item.itemId, imageId: item.imageId || undefined });

/** Hide with a category and a reason the author will read. */
export function HideForm({
  action,
  item,
  defaultCategory,
  reasonLanguages,
  summary,
}: {
  action: Action;
  item: ItemRef;
  defaultCategory?: string;
  /** The dialogue's languages, named in the UI language; the reason is written in one of them. */
  reasonLanguages: { options: { value: string; label: string }[]; defaultValue?: string };
  summary?: Summary;
}) {
  const t = useTranslations("moderation");
  return (
    <ModerationForm action={action} hidden={itemFields(item)} submit={t("queue.hide")} buttonClassName={dangerButton} summary={summary}>
      {(state) => (
        <>
          <SelectField
            name="category"
            label={t("queue.hideCategory")}
            state={state}
            defaultValue={defaultCategory}
            options={CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))}
          />
          <TextAreaField name="reason" label={t("queue.hideReason")} hint={t("queue.hideReasonHint")} state={state} rows={3} maxLength={2000} required />
          <SelectField
            name="reasonLanguage"
            label={t("queue.hideReasonLanguage")}
            state={state}
            defaultValue={reasonLanguages.defaultValue}
            options={reasonLanguages.options}
          />
        </>
      )}
    </ModerationForm>
  );
}

/** A reason and one button: dismiss the reports, or make hidden content visible again. */
export function ReasonForm({ action, item, label, submit, summary }: { action: Action; item: ItemRef; label: string; submit: string; summary?: Summary }) {
  return (
    <ModerationForm action={action} hidden={itemFields(item)} submit={submit} summary={summary}>
      {(state) => <TextAreaField name="reason" label={label} state={state} rows={2} maxLength={2000} required />}
    </ModerationForm>
  );
}

/** The author asks, once, that a hide be looked at again. */
export function RequestReviewForm({ action, hideActionId, summary }: { action: Action; hideActionId: string; summary?: Summary }) {
  const t = useTranslations("moderation");
  return (
    <ModerationForm action={action} hidden={{ hideActionId }} submit={t("notice.reviewSubmit")} summary={summary}>
      {(state) => <TextAreaField name="reason" label={t("notice.reviewReason")} hint={t("notice.reviewHint")} state={state} rows={3} maxLength={2000} required />}
    </ModerationForm>
  );
}

export function DecideReviewForm({ action, reviewRequestId }: { action: Action; reviewRequestId: string }) {
  const t = useTranslations("moderation");
  return (
    <ModerationForm action={action} hidden={{ reviewRequestId }} submit={t("queue.decide")}>
      {(state) => (
        <>
          <SelectField
            name="decision"
            label={t("queue.decision")}
            state={state}
            options={[
              { value: "UPHELD", label: t("queue.decisionUpheld") },
              { value: "REVERSED", label: t("queue.decisionReversed") },
            ]}
          />
          <TextAreaField name="reason" label={t("queue.decisionReason")} state={state} rows={2} maxLength={2000} required />
        </>
      )}
    </ModerationForm>
  );
}

export function OpenMediationForm({ action, dialogueId, members }: { action: FormAction; dialogueId: string; members: { id: string; displayName: string }[] }) {
  const t = useTranslations("moderation");
  const message = useMessage();
  const [state, formAction, form] = useFormAction(action);
  const options = [{ value: "", label: t("mediation.choose") }, ...members.map((member) => ({ value: member.id, label: member.displayName }))];
  const participantErrors = state.status === "error" ? (state.fieldErrors.participantIds ?? []) : [];
  return (
    <Form form={form} action={formAction} noValidate>
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <TextField name="subject" label={t("mediation.subject")} hint={t("mediation.subjectHint")} state={state} maxLength={200} required />
      {participantErrors.length > 0 && <p className="mb-2 text-sm font-semibold text-danger">{participantErrors.map(message).join(" ")}</p>}
      <SelectField name="participant1" label={t("mediation.participant", { number: 1 })} state={state} options={options} />
      <SelectField name="participant2" label={t("mediation.participant", { number: 2 })} state={state} options={options} />
      <SelectField name="participant3" label={t("mediation.participantOptional", { number: 3 })} state={state} options={options} />
      <SubmitButton className={smallButton}>{t("mediation.submitOpen")}</SubmitButton>
    </Form>
  );
}

export function CloseMediationForm({ action, caseId }: { action: Action; caseId: string }) {
  const t = useTranslations("moderation");
  return (
    <ModerationForm action={action} hidden={{ caseId }} submit={t("mediation.submitClose")}>
      {(state) => <TextAreaField name="outcome" label={t("mediation.outcome")} hint={t("mediation.outcomeHint")} state={state} rows={4} maxLength={4000} required />}
    </ModerationForm>
  );
}
