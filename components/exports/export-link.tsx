import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { can, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";

/** "Export results" on the dialogue page, for those the export route lets through. */
export async function ExportLink({ viewer, dialogueId, pathname }: { viewer: Viewer | null; dialogueId: string; pathname: string }) {
  if (!viewer || !can(viewer, "export:download", await dialogueResource(dialogueId))) return null;
  const t = await getTranslations("exports");
  return (
    <p>
      <Link href={`${pathname}/export`} className="font-semibold">
        {t("exportLink")}
      </Link>
    </p>
  );
}
