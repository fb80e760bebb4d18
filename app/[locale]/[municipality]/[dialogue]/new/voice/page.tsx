import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { contributionChoices, NewContributionFrame, openPostPage } from "@/components/contributions/new-contribution-page";
import { ClientMessages } from "@/components/identity/client-messages";
import { RulesText } from "@/components/host-texts/rules-text";
import { VoiceForm } from "@/components/voice/voice-form";
import { env } from "@/lib/env";
import { IDLE } from "@/lib/actions/form-state";
import { PENDING_PHOTO_HOURS } from "@/lib/images/kept-photos";
import { failureCookieOf, readVoiceFailure } from "@/lib/voice/voice-upload";
import { localized, withQuery } from "@/lib/routes/paths";

type Props = {
  params: Promise<{ locale: string; municipality: string; dialogue: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ searchParams }: Pick<Props, "searchParams">): Promise<Metadata> {
  const [t, failure] = await Promise.all([getTranslations("voice"), failureOf(searchParams)]);
  if (!failure) return { title: t("pageTitle"), robots: { index: false } };
  // After a refused post, the title starts with "Error:" as after a failed server action's (the
  // layout's template cannot know: the route handler redirected here).
  const [meta, feedback] = await Promise.all([getTranslations("meta"), getTranslations("feedback")]);
  return { title: { absolute: feedback("errorTitle", { title: meta("titleTemplate").replace("%s", t("pageTitle")) }) }, robots: { index: false } };
}

/** The refused post this page shows again, if its `failed` id names the route's cookie. */
async function failureOf(searchParams: Props["searchParams"]) {
  const [query, jar] = await Promise.all([searchParams, cookies()]);
  return readVoiceFailure(failureCookieOf(jar), typeof query.failed === "string" ? query.failed : undefined);
}

export default async function NewVoiceContributionPage(props: Props) {
  const { locale, dialogue, form, paths, query } = await openPostPage(props, "newVoice");
  const [t, similar, failure, choices] = await Promise.all([
    getTranslations("voice"),
    getTranslations("similar"),
    failureOf(props.searchParams),
    form && contributionChoices({ dialogue, languages: form.languages, districts: [], locale }),
  ]);

  return (
    <NewContributionFrame
      namespace="voice"
      dialogue={dialogue}
      back={paths.newContribution}
      possible={form !== null}
      note={t("privacy", { days: env().VOICE_AUDIO_RETENTION_DAYS })}
    >
      {form && choices && (
        <ClientMessages namespaces={["post", "voice", "images"]} forms>
          <VoiceForm
            postTo={localized(locale, paths.newVoiceSend)}
            initial={failure ?? IDLE}
            choices={choices}
            kind={query.kind === "PROPOSAL" ? "PROPOSAL" : "NEED"}
            keptHeading={similar("photosKept", { hours: PENDING_PHOTO_HOURS })}
            codeOfConduct={
              form.codeOfConduct && (
                <RulesText rules={form.codeOfConduct} pageLocale={locale} hrefFor={(language) => localized(locale, withQuery(paths.newVoice, { rules: language }))} />
              )
            }
          />
        </ClientMessages>
      )}
    </NewContributionFrame>
  );
}
