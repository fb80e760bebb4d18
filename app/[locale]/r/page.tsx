import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { formatReceiptCode, normalizeReceiptCode } from "@/lib/receipts/receipt-code";
import { ReceiptCodeForm } from "./receipt-code-form";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("receipt");
  return { title: t("haveReceipt"), robots: { index: false } };
}

/** Where "I have a receipt" sends its code (GET): on to /r/<code>, or back with a message beside the field. */
export default async function ReceiptFormPage({ params, searchParams }: Props) {
  const [{ locale }, query, t] = await Promise.all([params, searchParams, getTranslations("receipt")]);
  const typed = typeof query.code === "string" ? query.code.slice(0, 64) : undefined;
  const code = typed ? normalizeReceiptCode(typed) : null;
  if (code) redirect(`/${locale}/r/${formatReceiptCode(code)}`);
  return (
    <>
      <h1 className="text-3xl">{t("haveReceipt")}</h1>
      {typed !== undefined && (
        <p role="alert" className="mt-4 rounded border-s-4 border-danger bg-danger-soft p-3 font-semibold text-danger">
          {t("codeInvalid")}
        </p>
      )}
      <div className="mt-6">
        <ReceiptCodeForm locale={locale} error={typed !== undefined} defaultValue={typed} />
      </div>
    </>
  );
}
