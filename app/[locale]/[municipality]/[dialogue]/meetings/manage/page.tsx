import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/identity/client-messages";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { MeetingSections } from "@/components/meetings/meeting-list";
import { Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { autonym } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { listMeetings } from "@/lib/meetings/list-meetings";
import { createMeetingAction } from "@/lib/actions/meetings/create-meeting";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { dialoguePaths } from "@/lib/routes/paths";

type Props = {
  params: Promise<{ locale: string; municipality: string; dialogue: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetings");
  return { title: t("manageTitle"), robots: { index: false } };
}

/** The host team plans the dialogue's meetings; the same check as createMeeting. */
export default async function ManageMeetingsPage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug: municipality, dialogueSlug: slug });
  if (!dialogue?.may.manageMeetings) notFound();
  const [meetings, t] = await Promise.all([listMeetings(viewer, { dialogueId: dialogue.id }), getTranslations("meetings")]);
  const paths = dialoguePaths(dialogue);
  return (
    <>
      <DialogueSubpageHeader dialogue={dialogue} original back={{ href: paths.home, label: t("back") }} heading={t("manageTitle")} />
      {query.created === "1" && (
        <p role="status" className="mt-4 rounded border-s-4 border-brand bg-surface p-3">
          {t("created")}
        </p>
      )}
      <Section id="new-meeting" heading={t("createHeading")} headingClassName="mb-4 text-xl" className="mt-6 rounded border border-line bg-surface p-4">
        <ClientMessages namespaces={["meetings"]} forms>
          <MeetingForm
            action={createMeetingAction.bind(null, { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug })}
            dialogueId={dialogue.id}
            languages={dialogue.languages.map((code) => ({ value: code, label: autonym(code), lang: code, dir: direction(code) }))}
          />
        </ClientMessages>
      </Section>
      <Section id="planned-meetings" heading={t("heading")} className="mt-10">
        <MeetingSections meetings={meetings} paths={paths} level={3} textsLinks />
      </Section>
    </>
  );
}
