import type { DialogueRole } from "@/lib/generated/prisma/enums";

/** The roles an invitation can give: taking part, recording offline voices, the host team. */
export const INVITATION_ROLES = ["PARTICIPANT", "RECORDER", "CO_HOST"] as const satisfies readonly DialogueRole[];

/**
 * Whether following an invitation changes a member's role: a participant moves up to recorder
 * or co-host, a recorder to co-host. Nobody moves down by following an invitation.
 */
export function invitationRaisesRole(current: DialogueRole, invited: DialogueRole): boolean {
  return (current === "PARTICIPANT" && (invited === "RECORDER" || invited === "CO_HOST")) || (current === "RECORDER" && invited === "CO_HOST");
}
