import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { contributionChoices, NewContributionFrame, newContributionMetadata } from "@/components/contributions/new-contribution-page";
import { ClientMessages } from "@/components/identity/client-messages";
import { OfflineContributionForm } from "@/components/on-behalf/offline-contribution-form";
import { getViewer } from "@/lib/auth/get-viewer";
import { SELF_DECLARED_PERSPECTIVES } from "@/lib/perspectives/perspectives";
import { loadOfflineEntryPage } from "@/lib/pages/new-contribution-page";
import { recordOfflineContributionAction } from "@/lib/actions/contributions/record-offline-contribution";
import { listDistricts } from "@/lib/districts/list-districts";
import { dialoguePaths } from "@/lib/routes/paths";
import { redirectToSignIn } from "@/lib/routes/redirect";
import { getFormatter } from "@/lib/i18n/format";

type Props = { params: Promise<{ locale: string; municipality: string; dialogue: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return newContributionMetadata("onBehalf");
}

export default async function OfflineContributionPage({ params }: Props) {
  const { locale, municipality, dialogue: slug } = await params;
  const viewer = await getViewer();
  const loaded = await loadOfflineEntryPage(viewer, { municipalitySlug: municipality, dialogueSlug: slug });
  if (!loaded) notFound();
  const { dialogue, form } = loaded;
  const paths = dialoguePaths(dialogue);
  if (!viewer) redirectToSignIn(locale, paths.newOffline);

  const [perspectives, format, choices] = await Promise.all([
    getTranslations("perspectives"),
    getFormatter(),
    form && listDistricts(dialogue.municipality.id).then((districts) => contributionChoices({ dialogue, languages: form.languages, districts, locale })),
  ]);

  return (
    <NewContributionFrame namespace="onBehalf" dialogue={dialogue} back={paths.home} original possible={form !== null}>
      {form && choices && (
        <ClientMessages namespaces={["post", "onBehalf", "images"]} forms>
          <OfflineContributionForm
            action={recordOfflineContributionAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug })}
            choices={choices}
            meetings={form.meetings.map((meeting) => ({ value: meeting.id, label: `${meeting.title} (${format.dateTime(meeting.startsAt, "day")})` }))}
            perspectives={SELF_DECLARED_PERSPECTIVES.map((perspective) => ({ value: perspective, label: perspectives(perspective) }))}
          />
        </ClientMessages>
      )}
    </NewContributionFrame>
  );
}
