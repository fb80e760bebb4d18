import { getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import { reportAction } from "@/lib/actions/moderation/moderation";
import type { Path } from "@/lib/routes/paths";
import type { ModerationCategory } from "@/lib/generated/prisma/enums";
import type { HideNotice } from "@/lib/moderation/get-hide-notice";
import { HideNoticePanel, HiddenPlaceholder } from "./hidden-notice";
import type { ItemRef } from "./moderation-categories";
import { ReportForm } from "./report-form";

const REPORT_SUMMARY = { className: "cursor-pointer text-muted underline", detailsClassName: "mt-2 text-sm" };

/**
 * A small "Report" disclosure under a contribution or comment (works without JavaScript). The page
 * renders it where its loader's flag says the viewer may report (report:create, not their own);
 * `open` when a comment's "Report" link asked for it (decision 089).
 */
export async function ReportDisclosure({ dialogueId, item, open }: { dialogueId: string; item: ItemRef; open?: boolean }) {
  const t = await getTranslations("moderation");
  return <ReportForm action={reportAction} dialogueId={dialogueId} item={item} summary={{ label: t("report.open"), ...REPORT_SUMMARY, ...(open ? { open } : {}) }} />;
}

/**
 * A comment's "Report" as a link to its form, opened in place on the same page: a page of many
 * comments sends one form, not one per comment (decision 089). Looks like the disclosure's summary.
 */
export async function ReportLink({ href }: { href: Path }) {
  const t = await getTranslations("moderation");
  return (
    <p className={REPORT_SUMMARY.detailsClassName}>
      <Link href={href} className="text-muted underline">
        {t("report.open")}
      </Link>
    </p>
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
