import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/get-viewer";
import { moderationLink } from "@/lib/moderation/moderation-link";
import { Link } from "../link";

/**
 * "Moderation (n)" in the header, for moderators only: n open reports they can act on, leading to
 * the municipality-wide queue (municipal moderators) or their dialogue's (decision 030).
 */
export async function ModerationHeaderLink() {
  const viewer = await getViewer();
  const link = await moderationLink(viewer);
  if (!link) return null;
  const t = await getTranslations("moderation");
  return (
    <Link href={link.path} className="text-white">
      {t("queue.headerLink", { count: link.count })}
    </Link>
  );
}
