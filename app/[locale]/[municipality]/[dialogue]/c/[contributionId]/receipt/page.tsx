import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { QrImage } from "@/components/qr-image";
import { getViewer } from "@/lib/auth/get-viewer";
import { loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import { publicUrl } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { autonym } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translator";
import { getReceiptSlip } from "@/lib/receipts/get-receipt-slip";
import { receiptPath } from "@/lib/receipts/receipt-code";
import { ReplaceReceiptForm } from "./replace-form";
import "./receipt.css";
import { dialoguePaths } from "@/lib/routes/paths";

type Params = { locale: string; municipality: string; dialogue: string; contributionId: string };
type Props = { params: Promise<Params> };

/** The receipt of this dialogue's offline contribution, for the host team and its recorder; a 404 for everyone else. */
const loadSlip = cache(async (municipalitySlug: string, dialogueSlug: string, contributionId: string) => {
  const { dialogue: dialogue } = (await loadPublishedDialogue(await getViewer(), { municipalitySlug, dialogueSlug })) ?? {};
  if (!dialogue) return null;
  try {
    return await getReceiptSlip(await getViewer(), { contributionId, dialogueId: dialogue.id });
  } catch (error) {
    if (isAppError(error, "FORBIDDEN") || isAppError(error, "UNAUTHENTICATED")) return null;
    throw error;
  }
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("receiptSlip");
  return { title: t("title"), robots: { index: false } };
}

/**
 * The slip a recorder hands to the person whose voice they wrote down (decision 032): the code,
 * a QR code and the address of /<language>/r/<code> in the language the person spoke, one line
 * in that language saying what it is for (and in the recorder's, when it differs). The same code
 * every time it is printed; a lost slip is replaced below. Printed alone (receipt.css), 360 px wide.
 */
export default async function ReceiptSlipPage({ params }: Props) {
  const { locale, municipality, dialogue, contributionId } = await params;
  const slip = await loadSlip(municipality, dialogue, contributionId);
  if (!slip) notFound();

  const url = publicUrl(receiptPath(slip.locale, slip.rawCode));
  const typedAddress = url.replace(/^https?:\/\//, "");
  const [t, own, theirs] = await Promise.all([
    getTranslations("receiptSlip"),
    getTranslations("receipt"),
    translatorFor(slip.locale, "receipt"),
  ]);
  const paths = dialoguePaths(slip.dialogue);
  const personLanguage = { lang: slip.locale, dir: direction(slip.locale) } as const;
  const mainLanguage = slip.dialogue.languages[0] ?? "de";

  return (
    <>
      <div className="space-y-3 print:hidden">
        <p className="text-sm">
          <Link href={paths.contribution(slip.contribution.id)}>{t("toContribution")}</Link>
        </p>
        <h1 className="text-3xl">{t("title")}</h1>
        <p>{t("intro", { language: autonym(slip.locale) })}</p>
        {slip.attached && <p className="rounded border-s-4 border-brand bg-surface p-3">{t("attached")}</p>}
      </div>

      <article
        className="receipt-slip mt-6 flex flex-col items-center gap-3 rounded border-2 border-dashed border-ink p-4 text-center print:mt-0 print:border-solid"
        aria-labelledby="receipt-heading"
        data-testid="receipt-slip"
      >
        {/* One name per line: two names of another direction in one line read out of order. */}
        <p className="text-sm text-muted">
          <span className="block"><bdi>{slip.dialogue.municipality.name}</bdi></span>
          <span className="block" lang={mainLanguage} dir={direction(mainLanguage)}>{slip.dialogue.title}</span>
        </p>
        <h2 id="receipt-heading" className="text-2xl" {...personLanguage}>
          {theirs("slipHeading")}
        </h2>
        {/* Which of several slips this is: the contribution's title, in its own language. */}
        <p className="font-semibold break-words" lang={slip.contribution.language} dir={direction(slip.contribution.language)} data-testid="receipt-title">
          {slip.contribution.title}
        </p>
        <p className="text-lg" {...personLanguage} data-testid="receipt-explanation">
          {theirs("slipExplain")}
        </p>
        {locale !== slip.locale && (
          <p className="text-sm text-muted">{own("slipExplain")}</p>
        )}
        <QrImage url={url} label={t("qrCode")} className="receipt-qr max-w-48" />
        <p>
          <span className="block text-muted" {...personLanguage}>{theirs("code")}</span>
          {/* Codes read left to right in every language. */}
          <span className="block font-mono text-[clamp(1.75rem,9vw,2.5rem)] font-bold tracking-wider" dir="ltr" data-testid="receipt-code">
            {slip.code}
          </span>
        </p>
        <p className="max-w-full">
          <span className="block text-muted" {...personLanguage}>{theirs("address")}</span>
          <span className="block font-mono text-sm font-semibold break-all" dir="ltr" data-testid="receipt-address">
            {typedAddress}
          </span>
        </p>
      </article>

      <div className="mt-6 space-y-3 print:hidden">
        <p className="text-muted">{t("printHint")}</p>
        {!slip.attached && (
          <details className="rounded border border-line p-3">
            <summary className="cursor-pointer font-semibold text-brand">{t("replaceHeading")}</summary>
            <p className="my-2">{t("replaceIntro")}</p>
            <ClientMessages namespaces={["receiptSlip"]} forms>
              <ReplaceReceiptForm contributionId={slip.contribution.id} dialogueId={slip.dialogue.id} />
            </ClientMessages>
          </details>
        )}
      </div>
    </>
  );
}
