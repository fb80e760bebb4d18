import { getTranslations } from "next-intl/server";

/**
 * "I have a receipt": a plain GET form to /<locale>/r, which goes on to the receipt's page. No
 * JavaScript, no account. `error` is shown next to the field when the typed code cannot be one.
 */
export async function ReceiptCodeForm({ locale, error, defaultValue }: { locale: string; error?: boolean; defaultValue?: string }) {
  const t = await getTranslations("receipt");
  return (
    <form method="get" action={`/${locale}/r`} className="space-y-3" noValidate>
      <div>
        <label htmlFor="receipt-code" className="block font-semibold">
          {t("codeLabel")}
        </label>
        <p id="receipt-code-hint" className="text-sm text-muted">
          {t("codeHint")}
        </p>
        {error && (
          <p id="receipt-code-error" className="mt-1 font-semibold text-danger">
            {t("codeInvalid")}
          </p>
        )}
        <input
          id="receipt-code"
          name="code"
          defaultValue={defaultValue}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          aria-describedby={error ? "receipt-code-hint receipt-code-error" : "receipt-code-hint"}
          aria-invalid={error || undefined}
          className="mt-1 block w-full rounded border border-muted bg-white px-3 py-2 font-mono text-lg tracking-widest text-ink aria-invalid:border-2 aria-invalid:border-danger"
        />
      </div>
      <button type="submit" className="rounded border-2 border-brand px-5 py-2 text-base font-semibold text-brand hover:bg-surface">
        {t("open")}
      </button>
    </form>
  );
}
