import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { getViewer } from "@/lib/auth/get-viewer";
import { can } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";

/** For the host team and recorders: the way to enter what was collected at meetings, on paper or through an interpreter. */
export async function OfflineEntryLink({ dialogueId, dialoguePath }: { dialogueId: string; dialoguePath: string }) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer, "contribution:create:on-behalf", await dialogueResource(dialogueId))) return null;
  const t = await getTranslations("onBehalf");
  return (
    <p>
      <Link href={`${dialoguePath}/new/offline`} className="font-semibold">
        {t("link")}
      </Link>
    </p>
  );
}
