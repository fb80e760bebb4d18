import { getTranslations } from "next-intl/server";
import { reportAction } from "@/lib/actions/moderation/moderation";
import type { ModerationCategory } from "@/lib/generated/prisma/enums";
import type { HideNotice } from "@/lib/moderation/get-hide-notice";
import { HideNoticePanel, HiddenPlaceholder } from "./hidden-notice";
import type { ItemRef } from "./moderation-categories";
import { ReportForm } from "./report-form";

/**
 * A small "Report" disclosure under a contribution or comment (works without JavaScript). The page
 * renders it where its loader's flag says the viewer may report (report:create, not their own).
 */
export async function ReportDisclosure({ dialogueId, item }: { dialogueId: string; item: ItemRef }) {
  const t = await getTranslations("moderation");
  return (
    <ReportForm
      action={reportAction}
      dialogueId={dialogueId}
      item={item}
      summary={{ label: t("report.open"), className: "cursor-pointer text-muted underline", detailsClassName: "mt-2 text-sm" }}
    />
  );
}

/**
 * A hidden comment: the placeholder with the category for everyone whose copy has no words,
 * and the notice with the reason for its author and the moderators.
 */
export function HiddenComment({
  notice,
  category,
  withoutWords,
  page,
}: {
  /** Why it was hidden, when the viewer may know (lib/moderation/get-hide-notice.ts); the page's loader reads it. */
  notice: HideNotice | undefined;
  category: ModerationCategory;
  withoutWords: boolean;
  /** The contribution page the comment stands on (for the reason's machine translation). */
  page?: { municipality: string; dialogue: string; contributionId: string };
}) {
  return (
    <>
      {withoutWords && <HiddenPlaceholder category={category} />}
      {notice && <HideNoticePanel notice={notice} page={page} />}
    </>
  );
}
