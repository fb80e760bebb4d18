import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ResponseTimeline } from "@/components/contributions/response-timeline";
import { ClientMessages } from "@/components/identity/client-messages";
import { KindBadge } from "@/components/kind-badge";
import { Link } from "@/components/link";
import { Section } from "@/components/section";
import { TranslatedText } from "@/components/translations/translated-text";
import { clientAddress } from "@/lib/auth/client-address";
import { getViewer } from "@/lib/auth/get-viewer";
import { isAppError } from "@/lib/errors";
import { direction } from "@/lib/i18n/routing";
import { lookUpReceipt } from "@/lib/receipts/look-up-receipt";
import { formatReceiptCode, normalizeReceiptCode } from "@/lib/receipts/receipt-code";
import { dialoguePaths, localized, sitePaths } from "@/lib/routes/paths";
import { inReaderLanguage, listTranslations } from "@/lib/translations/list-translations";
import { ReceiptCodeForm } from "../receipt-code-form";
import { AttachReceiptForm } from "./attach-form";
import { getFormatter } from "@/lib/i18n/format";

type Props = { params: Promise<{ locale: string; code: string }> };

/** One lookup per request (metadata and page), counted against the address's limit once. */
const load = cache(async (code: string) => {
  const viewer = await getViewer();
  try {
    return { viewer, receipt: await lookUpReceipt(decodeURIComponent(code), { address: await clientAddress(), viewerId: viewer?.id ?? null }) };
  } catch (error) {
    if (isAppError(error, "RATE_LIMITED")) return { viewer, limited: Number(error.details.retryAfterMinutes) as number };
    throw error;
  }
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("receipt");
  // The code is a key: kept out of search engines and other sites' logs.
  return { title: t("pageTitle"), robots: { index: false }, referrer: "no-referrer" };
}

/**
 * What the holder of a receipt reads (decision 032), with or without an account, without
 * JavaScript: the contribution's own words, its status and the town's answers — each in the
 * page's language where a translation exists — and nothing about who wrote it down, where, or
 * with which perspective. A signed-in person attaches it to their account here, once.
 */
export default async function ReceiptPage({ params }: Props) {
  const { locale, code } = await params;
  const loaded = await load(code);
  const t = await getTranslations("receipt");
  if (loaded.limited !== undefined) {
    const errors = await getTranslations("errors");
    return (
      <>
        <h1 className="text-3xl">{t("pageTitle")}</h1>
        <p role="alert" className="mt-4 rounded border-s-4 border-danger bg-danger-soft p-3 font-semibold text-danger" data-testid="receipt-limited">
          {errors("RATE_LIMITED", { retryAfterMinutes: loaded.limited })}
        </p>
      </>
    );
  }
  const { viewer, receipt } = loaded;
  if (!receipt?.found) {
    // A code that names no receipt: said in the page's language, with the form to type it again.
    // Rendered here rather than by a not-found boundary, whose server rendering came out empty
    // without JavaScript (the message existed only in the RSC payload). A code that cannot be a
    // receipt's names no page a form may stand on: the form stands for the one it is typed into.
    const normalizedCode = normalizeReceiptCode(decodeURIComponent(code));
    return (
      <ClientMessages namespaces={[]} forms>
        <h1 className="text-3xl">{t("notFoundTitle")}</h1>
        <p className="mt-3 mb-6" data-testid="receipt-not-found">{t("notFound")}</p>
        <ReceiptCodeForm page={normalizedCode ? { locale, view: "receipt", code: formatReceiptCode(normalizedCode) } : { locale, view: "receipts" }} />
      </ClientMessages>
    );
  }
  const normalized = normalizeReceiptCode(decodeURIComponent(code))!;
  const [statuses, format, translations] = await Promise.all([
    getTranslations("statuses"),
    getFormatter(),
    receipt.shown
      ? listTranslations({ contributionId: receipt.contribution.id, commentIds: [], responseIds: receipt.contribution.responses.map((response) => response.id) })
      : null,
  ]);
  const { contribution, dialogue } = receipt;
  const mainLanguage = dialogue.languages[0] ?? "de";
  const contributionPath = dialoguePaths(dialogue).contribution(contribution.id);
  const own = { lang: contribution.language, dir: direction(contribution.language) } as const;
  const translation = translations ? inReaderLanguage(translations.contribution, contribution.language, locale) : undefined;

  return (
    // The form to attach the receipt is for a signed-in reader.
    <ClientMessages namespaces={["receipt"]} forms={viewer !== null}>
      {/* One name per line: two names of another direction in one line read out of order. */}
      <p className="text-sm text-muted">
        <span className="block"><bdi>{dialogue.municipality.name}</bdi></span>
        <span className="block" lang={mainLanguage} dir={direction(mainLanguage)}>{dialogue.title}</span>
      </p>
      <h1 className="mt-2 text-3xl">{t("pageTitle")}</h1>
      <p className="mt-1 font-mono text-lg" dir="ltr">{formatReceiptCode(normalized)}</p>

      {!receipt.shown ? (
        <p className="mt-6 rounded border-s-4 border-brand bg-surface p-3" data-testid="receipt-not-shown">{t("notShown")}</p>
      ) : (
        <>
          <article className="mt-6" aria-labelledby="receipt-contribution">
            <KindBadge kind={contribution.kind} />
            <h2 id="receipt-contribution" className="mt-2 text-2xl break-words" {...own}>
              {contribution.title}
            </h2>
            <p className="mt-1 text-sm text-muted">
              {t("since", { date: format.dateTime(contribution.createdAt, "day") })}
            </p>
            <p className="mt-3 text-lg" data-testid="receipt-status">
              {t("status")} <span className="badge bg-phase-bg text-phase-ink">{statuses(contribution.status)}</span>
            </p>
            <div className="mt-3">
              <TranslatedText original={contribution} translation={translation} locale={locale} format="markdown" testId="receipt-body" />
            </div>
          </article>

          <ResponseTimeline
            responses={contribution.responses}
            municipalitySlug={dialogue.municipality.slug}
            languageFallback={mainLanguage}
            body={(response) => (
              <div className="mt-2">
                <TranslatedText
                  original={response}
                  translation={inReaderLanguage(translations?.responses.get(response.id), response.language, locale)}
                  locale={locale}
                  format="markdown"
                  testId="receipt-response"
                />
              </div>
            )}
          />

          <p className="mt-8">
            <Link href={contributionPath} className="font-semibold">{t("toContribution")}</Link>
          </p>

          <Section id="attach-heading" heading={t("attachHeading")} className="mt-10 border-t border-line pt-6">
            {receipt.attachedToViewer ? (
              <p className="mt-3" data-testid="receipt-yours">{t("yours")}</p>
            ) : receipt.attached ? (
              <p className="mt-3">{t("attachedElsewhere")}</p>
            ) : viewer ? (
              <>
                <p className="mt-3 mb-4">{t("attachIntro")}</p>
                <AttachReceiptForm code={normalized} />
              </>
            ) : (
              <p className="mt-3">
                {t("attachSignIn")}{" "}
                <Link href={sitePaths.signIn(localized(locale, sitePaths.receipt(formatReceiptCode(normalized))))} className="font-semibold">
                  {t("signInLink")}
                </Link>
              </p>
            )}
          </Section>
        </>
      )}
    </ClientMessages>
  );
}
