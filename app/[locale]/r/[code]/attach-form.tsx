"use client";

import { useTranslations } from "@/lib/i18n/client";
import { SubmitButton } from "@/components/form/form-fields";
import { FormMessage } from "@/components/form/form-message";
import { Notice } from "@/components/identity/notice";
import { attachReceiptAction } from "@/lib/actions/receipts/attach-receipt";
import { Form, useFormAction } from "@/components/form/form";

export function AttachReceiptForm({ code }: { code: string }) {
  const t = useTranslations("receipt");
  const [state, action, form] = useFormAction(attachReceiptAction);
  if (state.status === "success") return <Notice>{t("attachedNow")}</Notice>;
  const codeErrors = state.status === "error" ? (state.fieldErrors.code ?? []) : [];
  return (
    <Form form={form} action={action}>
      {codeErrors.length > 0 ? (
        <p role="alert" className="mb-3 rounded border-s-4 border-danger bg-danger-soft p-3 font-semibold text-danger">
          {codeErrors.map((message) => t(message.key.replace(/^receipt\./, "") as never)).join(" ")}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
      <input type="hidden" name="code" value={code} />
      <SubmitButton>{t("attachSubmit")}</SubmitButton>
    </Form>
  );
}
