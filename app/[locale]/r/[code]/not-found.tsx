import { getLocale, getTranslations } from "next-intl/server";
import { ReceiptCodeForm } from "../receipt-code-form";

/** A code that names no receipt: a 404, said in the page's language, with the form to type it again. */
export default async function ReceiptNotFound() {
  const [t, locale] = await Promise.all([getTranslations("receipt"), getLocale()]);
  return (
    <>
      <h1 className="text-3xl">{t("notFoundTitle")}</h1>
      <p className="mt-3 mb-6" data-testid="receipt-not-found">{t("notFound")}</p>
      <ReceiptCodeForm locale={locale} />
    </>
  );
}
