"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton, TextAreaField, TextField } from "@/components/form/form-fields";
import { Notice } from "@/components/identity/notice";
import { sendAccessibilityFeedbackAction } from "@/lib/actions/accessibility/feedback";
import { ActionForm } from "@/components/form/form";

export function FeedbackForm({ locale, limits }: { locale: string; limits: { page: number; description: number; contact: number } }) {
  const t = useTranslations("accessibility");
  return (
    <ActionForm action={sendAccessibilityFeedbackAction} noValidate>
      {(state) =>
        state.status === "success" ? (
          <Notice>{t("sent")}</Notice>
        ) : (
          <>
            {/* eslint-disable-next-line no-restricted-syntax -- the feedback's language is data the domain stores, not a way back */}
            <input type="hidden" name="locale" value={locale} />
            <TextField name="page" label={t("page")} hint={t("pageHint")} maxLength={limits.page} />
            <TextAreaField name="description" label={t("description")} maxLength={limits.description} rows={5} />
            <TextField name="contact" label={t("contact")} hint={t("contactHint")} maxLength={limits.contact} />
            <SubmitButton>{t("submit")}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
