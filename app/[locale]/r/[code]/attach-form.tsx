"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton } from "@/components/form/form-fields";
import { Notice } from "@/components/identity/notice";
import { attachReceiptAction } from "@/lib/actions/receipts/attach-receipt";
import { ActionForm, useFormFieldId } from "@/components/form/form";

/** A refused attach (unknown, attached already, …) is said at `code`: the error summary names it and links to the form's start. */
export function AttachReceiptForm({ code }: { code: string }) {
  const t = useTranslations("receipt");
  return (
    <ActionForm action={attachReceiptAction}>
      {(state) =>
        state.status === "success" ? (
          <Notice>{t("attachedNow")}</Notice>
        ) : (
          <>
            <CodeInput code={code} />
            <SubmitButton>{t("attachSubmit")}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}

function CodeInput({ code }: { code: string }) {
  return <input type="hidden" id={useFormFieldId("code") ?? undefined} name="code" value={code} />;
}
