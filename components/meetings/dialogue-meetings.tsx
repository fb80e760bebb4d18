import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { getViewer } from "@/lib/auth/get-viewer";
import { listMeetings } from "@/lib/meetings/list-meetings";
import { machineTranslationEnabled } from "@/lib/translations/machine-translate";
import { can } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { MeetingSections } from "./meeting-list";

/** The dialogue page's meetings section: upcoming first, then past, the calendar file, and planning for the host team. */
export async function DialogueMeetings({ dialogueId, dialoguePath }: { dialogueId: string; dialoguePath: string }) {
  const viewer = await getViewer();
  const [meetings, t, resource] = await Promise.all([listMeetings(viewer, { dialogueId }), getTranslations("meetings"), dialogueResource(dialogueId)]);
  return (
    <section aria-labelledby="meetings" className="mt-8">
      <h2 id="meetings" className="text-xl">
        {t("heading")}
      </h2>
      <MeetingSections
        meetings={meetings}
        dialoguePath={dialoguePath}
        level={3}
        translateLinks={can(viewer, "translation:create", resource)}
        machineTranslation={
          viewer !== null && resource.phase !== "DRAFT" && machineTranslationEnabled() && can(viewer, "translation:request", resource) ? { back: dialoguePath } : undefined
        }
      />
      {can(viewer, "meeting:manage", resource) && (
        <p className="mt-3">
          <Link href={`${dialoguePath}/meetings/manage`} className="font-semibold">
            {t("manageLink")}
          </Link>
        </p>
      )}
    </section>
  );
}
