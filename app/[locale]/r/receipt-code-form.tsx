import { ClientMessages } from "@/components/identity/client-messages";
import { ReceiptCodeFormFields } from "./receipt-code-form-fields";

/**
 * "I have a receipt": a POST form (origin-checked, decision 032), so a typed code lands in no
 * address bar, history or server log on the way; a code that exists goes on to its page, any
 * other comes back with a message beside the field. No JavaScript, no account.
 */
export function ReceiptCodeForm({ locale }: { locale: string }) {
  return (
    <ClientMessages namespaces={["receipt"]}>
      <ReceiptCodeFormFields locale={locale} />
    </ClientMessages>
  );
}
