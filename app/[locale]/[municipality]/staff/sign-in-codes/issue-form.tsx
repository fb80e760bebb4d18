"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SubmitButton } from "@/components/form/form-fields";
import { FormMessage } from "@/components/form/form-message";
import { SignInCodeCard } from "@/components/identity/sign-in-code";
import { issueSignInCodeAction } from "@/lib/actions/team/sign-in-codes";
import { Form, useFormAction } from "@/components/form/form";

/** For one participant: the in-person confirmation, then the new code, shown once and printable. */
export function IssueSignInCodeForm({ municipalityId, userId }: { municipalityId: string; userId: string }) {
  const t = useTranslations("signInCodes");
  const join = useTranslations("join");
  const [state, action, form] = useFormAction(issueSignInCodeAction);
  if (state.status === "success") {
    return (
      <SignInCodeCard code={state.data.signInCode} heading={t("issued", { name: state.data.displayName })}>
        <p className="font-semibold">{join("codeOnce")}</p>
        <p>{join("codeKeep")}</p>
      </SignInCodeCard>
    );
  }
  return (
    <Form form={form} action={action} noValidate className="mt-2">
      <FormMessage state={state} />
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <input type="hidden" name="userId" value={userId} />
      <CheckboxField name="confirmedInPerson" label={t("confirm")} state={state} />
      <CheckboxField name="endSessions" label={t("endSessions")} state={state} defaultChecked />
      <SubmitButton>{t("submit")}</SubmitButton>
    </Form>
  );
}
