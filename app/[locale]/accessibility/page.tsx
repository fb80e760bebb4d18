import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/identity/client-messages";
import { Section } from "@/components/section";
import { FEEDBACK_LIMITS } from "@/lib/accessibility/feedback-limits";
import { autonym } from "@/lib/i18n/language-names";
import { direction, locales } from "@/lib/i18n/routing";
import catalogues from "@/messages/catalogues.json" with { type: "json" };
import { FeedbackForm } from "./feedback-form";
import { getFormatter } from "@/lib/i18n/format";

// The day this statement was last checked against the site (BITV 2.0 § 7 asks for it).
// Update it together with the "known" list below.
const STATEMENT_DATE = new Date("2026-11-24T12:00:00Z");

type Props = { params: Promise<{ locale: string }> };

// The UI languages whose catalogue no native speaker from the audience has read yet
// (messages/catalogues.json, messages/README.md): the statement names them and asks for help.
const awaitingReview = locales.filter((code) => !(catalogues as Record<string, { readByNativeSpeakers: boolean }>)[code]?.readByNativeSpeakers);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accessibility");
  return { title: t("title") };
}

export default async function AccessibilityPage({ params }: Props) {
  const { locale } = await params;
  const [t, format] = await Promise.all([getTranslations("accessibility"), getFormatter()]);
  return (
    <article className="space-y-4">
      <h1 className="text-3xl">{t("title")}</h1>
      <p>{t("intro")}</p>

      <Section id="status" heading={t("statusHeading")} className="space-y-2">
        <p>{t("status")}</p>
        <h3 className="text-xl">{t("knownHeading")}</h3>
        <ul className="list-disc space-y-1 ps-6">
          <li>{t("knownNotFound")}</li>
          <li>{t("knownTranslations")}</li>
          <li>{t("knownSignLanguage")}</li>
          <li>
            {t("knownLanguageReview")}{" "}
            {awaitingReview.map((code, index) => (
              <span key={code}>
                {index > 0 && ", "}
                <span lang={code === "de-simple" ? "de" : code} dir={direction(code)}>
                  {autonym(code)}
                </span>
              </span>
            ))}
          </li>
        </ul>
      </Section>

      <Section id="date" heading={t("dateHeading")} className="space-y-2">
        <p>{t("date", { date: format.dateTime(STATEMENT_DATE, "dayLong") })}</p>
      </Section>

      <Section id="feedback" heading={t("feedbackHeading")} className="space-y-2">
        <p>{t("feedbackIntro")}</p>
        <ClientMessages namespaces={["accessibility"]} forms>
          <FeedbackForm locale={locale} limits={FEEDBACK_LIMITS} />
        </ClientMessages>
      </Section>

      <Section id="enforcement" heading={t("enforcementHeading")} className="space-y-2">
        <p>{t("enforcement")}</p>
        {/* The address stays plain text: a person can copy it, and no link leaves the site
            unannounced. The office's German name comes first (it is how to find it), with a
            translation after it in the other languages. */}
        <p className="break-words">
          {t("enforcementName")}
          <br />
          {t("enforcementWeb")}
        </p>
        <p>{t("enforcementState")}</p>
      </Section>
    </article>
  );
}
