import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { ClientMessages } from "@/components/identity/client-messages";
import { MessengerChannelForm } from "@/components/municipalities/messenger-channel-form";
import { SettingsPageHeader } from "@/components/municipalities/settings-page-header";
import { saveChannelAction } from "@/lib/actions/municipalities/messenger";
import { getViewer } from "@/lib/auth/get-viewer";
import { getChannelSettings } from "@/lib/channels/configure-channel";
import { loadMunicipalityFor } from "@/lib/pages/municipality-page";

type Props = {
  params: Promise<{ locale: string; municipality: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Staff only (channel:manage); everyone else gets a 404. */
const load = cache(async (slug: string) => {
  const loaded = await loadMunicipalityFor(await getViewer(), slug, "manageChannel");
  return loaded && { municipality: loaded.municipality, settings: await getChannelSettings(loaded.viewer, loaded.municipality.id) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).municipality);
  if (!loaded) return {};
  const t = await getTranslations("messengerSettings");
  return { title: `${t("title")}: ${loaded.municipality.name}`, robots: { index: false } };
}

/** Names of software in the page's texts, as the catalogues spell them in every language. */
const SOFTWARE = /\u2068?(signal-cli-rest-api)\u2069?/u;

/**
 * A sentence with each software name in it left to right, never translated, and never broken at
 * its hyphens: in a right-to-left heading at 360 px, "signal-cli-rest-api" broke into two lines
 * whose parts and brackets read scrambled.
 */
function withSoftwareNames(text: string): ReactNode {
  return text.split(SOFTWARE).map((part, index) =>
    index % 2 === 1 ? (
      <bdi key={index} dir="ltr" translate="no" className="whitespace-nowrap">
        {part}
      </bdi>
    ) : (
      part
    ),
  );
}

export default async function MessengerSettingsPage({ params, searchParams }: Props) {
  const [{ locale, municipality: slug }, query] = await Promise.all([params, searchParams]);
  const loaded = await load(slug);
  if (!loaded) notFound();
  const { municipality, settings } = loaded;
  const t = await getTranslations("messengerSettings");
  const save = saveChannelAction.bind(null, { locale, municipality: municipality.slug, view: "messenger" });
  const common = { number: t("number"), numberHint: t("numberHint"), secretHint: t("secretHint"), enabled: t("enabled"), submit: t("submit") };
  return (
    <>
      <SettingsPageHeader municipality={municipality} title={t("title")} intro={t("intro")} saved={query.done === "saved" ? t("saved") : null} />
      {!settings.keyConfigured && (
        <p role="alert" className="mt-4 rounded border-s-4 border-danger p-3 font-semibold">
          {t("noKey")}
        </p>
      )}
      {/* The forms' messages for a refused entry (an invalid number or SID) are this page's texts. */}
      <ClientMessages namespaces={["messengerSettings"]} forms>
        {(["twilio", "signal"] as const).map((provider) => {
          const channel = settings[provider];
          return (
            <section key={provider} aria-labelledby={`${provider}-heading`} className="mt-8 rounded border border-line p-4">
              <h2 id={`${provider}-heading`} className="text-xl">
                {withSoftwareNames(t(`${provider}Heading`))}
              </h2>
              <p className="mt-1 text-muted">{withSoftwareNames(t(`${provider}Intro`))}</p>
              <p className="mt-2 font-semibold">{channel?.enabled ? t("stateOn", { contacts: channel.contacts }) : t("stateOff")}</p>
              {channel?.webhookUrl && (
                <p className="mt-2">
                  {t("webhook")}
                  {/* On a line of its own, left to right also in Arabic: an address wrapped inside a right-to-left line reads scrambled. */}
                  <code dir="ltr" className="mt-1 block break-all text-start">
                    {channel.webhookUrl}
                  </code>
                </p>
              )}
              <div className="mt-4">
                <MessengerChannelForm
                  action={save}
                  ids={{ municipalityId: municipality.id, provider: provider.toUpperCase() }}
                  values={{ number: channel?.number ?? "", accountRef: channel?.accountRef ?? "", enabled: channel?.enabled ?? false }}
                  labels={{
                    ...common,
                    accountRef: t(`${provider}Account`),
                    accountRefHint: t(`${provider}AccountHint`),
                    secret: t(`${provider}Secret`),
                    secretHint: channel?.hasSecret ? t("secretKept") : t("secretHint"),
                  }}
                />
              </div>
            </section>
          );
        })}
      </ClientMessages>
    </>
  );
}
