import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/identity/client-messages";
import { ReceiptCodeForm } from "./receipt-code-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("receipt");
  return { title: t("haveReceipt"), robots: { index: false } };
}

/** "I have a receipt" on a page of its own. The form posts (decision 032): no code ever sits in this address. */
export default async function ReceiptFormPage({ params }: Props) {
  const [{ locale }, t] = await Promise.all([params, getTranslations("receipt")]);
  return (
    <ClientMessages namespaces={[]} forms>
      <h1 className="text-3xl">{t("haveReceipt")}</h1>
      <p className="mt-2 mb-6">{t("haveReceiptIntro")}</p>
      <ReceiptCodeForm page={{ locale, view: "receipts" }} />
    </ClientMessages>
  );
}
