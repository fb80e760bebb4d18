"use client";

import { useTranslations } from "@/lib/i18n/client";
import { FormMessage, SubmitButton, TextAreaField } from "@/components/form/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { PageFields, type ContributionPageRef } from "@/components/contributions/page-fields";
import { Form, useFormAction } from "@/components/form/form";

type Action = (state: FormState<void>, formData: FormData) => Promise<FormState<void>>;
type Page = ContributionPageRef;

const smallButton =
  "rounded border-2 border-brand bg-white px-4 py-2 text-base font-semibold text-brand hover:bg-surface aria-disabled:opacity-70";

/**
 * A new comment, or a reply when `parentId` is given. Written in the reader's UI language; with
 * `voiceHref` a link to say it instead (decision 046).
 */
export function CommentForm({ action, page, parentId, label, voiceHref }: { action: Action; page: Page; parentId?: string; label: string; voiceHref?: string }) {
  const t = useTranslations("comments");
  const [state, formAction, form] = useFormAction(action);
  return (
    <Form form={form} action={formAction} noValidate>
      <FormMessage state={state} />
      <PageFields page={page} />
      <input type="hidden" name="language" value={page.locale} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <TextAreaField name="body" label={label} state={state} rows={parentId ? 3 : 4} maxLength={2000} required />
      <SubmitButton className={parentId ? smallButton : undefined}>{parentId ? t("replySubmit") : t("submit")}</SubmitButton>
      {voiceHref && (
        <p className="mt-3 text-sm">
          <a href={voiceHref} className="font-semibold">
            {t("sayInstead")}
          </a>
        </p>
      )}
    </Form>
  );
}

export function EditCommentForm({ action, page, commentId, body }: { action: Action; page: Page; commentId: string; body: string }) {
  const t = useTranslations("comments");
  const [state, formAction, form] = useFormAction(action);
  return (
    <Form form={form} action={formAction} noValidate>
      <FormMessage state={state} />
      <PageFields page={page} />
      <input type="hidden" name="commentId" value={commentId} />
      <TextAreaField name="body" label={t("editLabel")} state={state} rows={3} maxLength={2000} defaultValue={body} required />
      <SubmitButton className={smallButton}>{t("save")}</SubmitButton>
    </Form>
  );
}

export function DeleteCommentForm({ action, page, commentId }: { action: Action; page: Page; commentId: string }) {
  const t = useTranslations("comments");
  const [state, formAction, form] = useFormAction(action);
  return (
    <Form form={form} action={formAction}>
      <FormMessage state={state} />
      <PageFields page={page} />
      <input type="hidden" name="commentId" value={commentId} />
      <SubmitButton className="rounded border-2 border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-soft aria-disabled:opacity-70">
        {t("delete")}
      </SubmitButton>
    </Form>
  );
}
