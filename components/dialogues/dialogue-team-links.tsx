import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import type { DialoguePermissions } from "@/lib/dialogues/load-dialogue";
import type { DialoguePaths, Path } from "@/lib/routes/paths";

/**
 * The ways from the dialogue page to the pages its team works on (manage, invitations, meetings,
 * offline entries, exports, moderation) and to the viewer's own mediation cases; each only for
 * those the policy lets through (the flags come decided from loadDialogue). Nothing otherwise.
 */
export function DialogueTeamLinks({
  may,
  paths,
  mediationCases,
}: {
  may: DialoguePermissions;
  paths: DialoguePaths;
  mediationCases: { id: string; subject: string }[];
}) {
  const admin = useTranslations("dialogueAdmin");
  const invitations = useTranslations("invitations");
  const meetings = useTranslations("meetings");
  const onBehalf = useTranslations("onBehalf");
  const exports = useTranslations("exports");
  const recorded = useTranslations("recorded");
  const moderation = useTranslations("moderation");
  const links = [
    may.manage && { href: paths.manage, label: admin("manageLink") },
    may.invite && { href: paths.invitations, label: invitations("inviteLink") },
    may.manageMeetings && { href: paths.meetingsManage, label: meetings("manageLink") },
    may.recordOffline && { href: paths.newOffline, label: onBehalf("link") },
    may.recorded && { href: paths.recorded, label: recorded("link") },
    may.export && { href: paths.export, label: exports("exportLink") },
    may.moderate
      ? { href: paths.moderation, label: moderation("queue.title") }
      : may.readModerationLog && { href: paths.moderationLog, label: moderation("log.title") },
    ...mediationCases.map((mediation) => ({ href: paths.mediation(mediation.id), label: moderation("mediation.yourCase", { subject: mediation.subject }) })),
  ].filter((link): link is { href: Path; label: string } => Boolean(link));
  if (links.length === 0) return null;
  return (
    <ul className="mt-4 flex flex-wrap gap-x-5 gap-y-1">
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className="font-semibold">
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
