import { ClientMessages } from "@/components/identity/client-messages";
import { openReceiptAction } from "@/lib/actions/receipts/open-receipt";
import type { SitePageRef } from "@/lib/routes/page-ref";
import { ReceiptCodeFormFields } from "./receipt-code-form-fields";

/**
 * "I have a receipt": a POST form (origin-checked, decision 032), so a typed code lands in no
 * address bar, history or server log on the way; a code that exists goes on to its page, any
 * other comes back with a message beside the field. No JavaScript, no account. `page`: the page
 * it stands on (the sign-in page, /r, a receipt's page), bound to the action here, on the server
 * (decision 042).
 */
export function ReceiptCodeForm({ page }: { page: SitePageRef }) {
  return (
    <ClientMessages namespaces={["receipt"]}>
      <ReceiptCodeFormFields action={openReceiptAction.bind(null, page)} />
    </ClientMessages>
  );
}
