import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/components/link";
import { MeetingSections } from "@/components/meetings/meeting-list";
import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { listMeetings } from "@/lib/meetings/list-meetings";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { dialoguePaths } from "@/lib/routes/paths";

type Props = { params: Promise<{ locale: string; municipality: string; dialogue: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetings");
  return { title: t("heading") };
}

export default async function MeetingsPage({ params }: Props) {
  const { municipality, dialogue: slug } = await params;
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug: municipality, dialogueSlug: slug });
  if (!dialogue) notFound();
  const [meetings, t] = await Promise.all([listMeetings(viewer, { dialogueId: dialogue.id }), getTranslations("meetings")]);
  const paths = dialoguePaths(dialogue);
  return (
    <>
      <DialogueSubpageHeader dialogue={dialogue} back={{ href: paths.home, label: t("back") }} heading={t("heading")} />
      <p className="mt-3 text-muted">{t("intro")}</p>
      {dialogue.may.manageMeetings && (
        <p className="mt-3">
          <Link href={paths.meetingsManage} className="font-semibold">
            {t("manageLink")}
          </Link>
        </p>
      )}
      {/* Members translate a meeting's texts (the check addTranslation makes: translation:create). */}
      <MeetingSections meetings={meetings} paths={paths} level={2} translateLinks={dialogue.may.translate} />
    </>
  );
}
