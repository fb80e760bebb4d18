import { getTranslations } from "next-intl/server";
import { reportAction } from "@/lib/actions/moderation/moderation";
import type { ModerationCategory } from "@/lib/generated/prisma/enums";
import { getHideNotice } from "@/lib/moderation/get-hide-notice";
import { can, type Resource, type Viewer } from "@/lib/policy/policy";
import { HideNoticePanel, HiddenPlaceholder } from "./hidden-notice";
import { ReportForm, type ItemRef } from "./moderation-forms";

/** A small "Report" disclosure under a contribution or comment (works without JavaScript). */
export async function ReportDisclosure({ viewer, resource, item, authorId }: { viewer: Viewer | null; resource: Resource; item: ItemRef; authorId: string | null }) {
  if (!viewer || viewer.id === authorId || !resource.dialogueId || !can(viewer, "report:create", { ...resource, ownerId: undefined })) return null;
  const t = await getTranslations("moderation");
  return (
    <ReportForm
      action={reportAction}
      dialogueId={resource.dialogueId}
      item={item}
      summary={{ label: t("report.open"), className: "cursor-pointer text-muted underline", detailsClassName: "mt-2 text-sm" }}
    />
  );
}

/**
 * A hidden comment: the placeholder with the category for everyone whose copy has no words,
 * and the notice with the reason for its author and the moderators.
 */
export async function HiddenComment({
  viewer,
  commentId,
  category,
  withoutWords,
  page,
}: {
  viewer: Viewer | null;
  commentId: string;
  category: ModerationCategory;
  withoutWords: boolean;
  /** The contribution page the comment stands on (for the reason's machine translation). */
  page?: { municipality: string; dialogue: string; contributionId: string };
}) {
  const notice = await getHideNotice(viewer, { itemType: "comment", itemId: commentId });
  return (
    <>
      {withoutWords && <HiddenPlaceholder category={category} />}
      {notice && <HideNoticePanel notice={notice} page={page} />}
    </>
  );
}
