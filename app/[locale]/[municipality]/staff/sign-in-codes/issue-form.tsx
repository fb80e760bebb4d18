"use client";

import { useTranslations } from "@/lib/i18n/client";
import { CheckboxField, SubmitButton } from "@/components/form/form-fields";
import { SignInCodeCard } from "@/components/identity/sign-in-code";
import { issueSignInCodeAction } from "@/lib/actions/team/sign-in-codes";
import { ActionForm } from "@/components/form/form";

/** For one participant: the in-person confirmation, then the new code, shown once and printable. */
export function IssueSignInCodeForm({ municipalityId, userId }: { municipalityId: string; userId: string }) {
  const t = useTranslations("signInCodes");
  const join = useTranslations("join");
  return (
    <ActionForm action={issueSignInCodeAction} noValidate className="mt-2">
      {(state) =>
        state.status === "success" ? (
          <SignInCodeCard code={state.data.signInCode} heading={t("issued", { name: state.data.displayName })}>
            <p className="font-semibold">{join("codeOnce")}</p>
            <p>{join("codeKeep")}</p>
          </SignInCodeCard>
        ) : (
          <>
            <input type="hidden" name="municipalityId" value={municipalityId} />
            <input type="hidden" name="userId" value={userId} />
            <CheckboxField name="confirmedInPerson" label={t("confirm")} />
            <CheckboxField name="endSessions" label={t("endSessions")} defaultChecked />
            <SubmitButton>{t("submit")}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
