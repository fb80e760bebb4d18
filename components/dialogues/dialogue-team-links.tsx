import { useTranslations } from "next-intl";
import { Link } from "@/components/link";
import type { DialoguePermissions } from "@/lib/dialogues/load-dialogue";

/**
 * The ways from the dialogue page to the pages its team works on (manage, invitations, meetings,
 * offline entries, exports, moderation) and to the viewer's own mediation cases; each only for
 * those the policy lets through (the flags come decided from loadDialogue). Nothing otherwise.
 */
export function DialogueTeamLinks({
  may,
  pathname,
  mediationCases,
}: {
  may: DialoguePermissions;
  pathname: string;
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
    may.manage && { href: `${pathname}/manage`, label: admin("manageLink") },
    may.invite && { href: `${pathname}/invitations`, label: invitations("inviteLink") },
    may.manageMeetings && { href: `${pathname}/meetings/manage`, label: meetings("manageLink") },
    may.recordOffline && { href: `${pathname}/new/offline`, label: onBehalf("link") },
    may.recorded && { href: `${pathname}/recorded`, label: recorded("link") },
    may.export && { href: `${pathname}/export`, label: exports("exportLink") },
    may.moderate
      ? { href: `${pathname}/moderation`, label: moderation("queue.title") }
      : may.readModerationLog && { href: `${pathname}/moderation/log`, label: moderation("log.title") },
    ...mediationCases.map((mediation) => ({ href: `${pathname}/mediation/${mediation.id}`, label: moderation("mediation.yourCase", { subject: mediation.subject }) })),
  ].filter((link): link is { href: string; label: string } => Boolean(link));
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
