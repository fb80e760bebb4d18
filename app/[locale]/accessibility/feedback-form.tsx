"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import { FormMessage } from "@/components/form/form-message";
import { Notice } from "@/components/identity/notice";
import { sendAccessibilityFeedbackAction } from "@/lib/actions/accessibility/feedback";
import { Form, useFormAction } from "@/components/form/form";

export function FeedbackForm({ locale, limits }: { locale: string; limits: { page: number; description: number; contact: number } }) {
  const t = useTranslations("accessibility");
  const [state, action, form] = useFormAction(sendAccessibilityFeedbackAction);
  if (state.status === "success") return <Notice>{t("sent")}</Notice>;
  return (
    <Form form={form} action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="page" label={t("page")} hint={t("pageHint")} state={state} maxLength={limits.page} />
      <TextAreaField name="description" label={t("description")} state={state} rows={5} maxLength={limits.description} />
      <TextField name="contact" label={t("contact")} hint={t("contactHint")} state={state} maxLength={limits.contact} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </Form>
  );
}
