import type { DialogueRole } from "@/lib/generated/prisma/enums";

/** The roles an invitation can give: taking part, recording offline voices, the host team. */
export const INVITATION_ROLES = ["PARTICIPANT", "RECORDER", "CO_HOST"] as const satisfies readonly DialogueRole[];
export type InvitationRole = (typeof INVITATION_ROLES)[number];

/**
 * Roles in the dialogue's team: whoever holds one does more than take part (records voices,
 * edits the dialogue, moderates). An invitation to one is personal (decision 035): single-use
 * unless raised on purpose, never a poster, and the join page names the role before it is taken.
 */
export const TEAM_ROLES = ["HOST", "CO_HOST", "MODERATOR", "RECORDER"] as const satisfies readonly DialogueRole[];
export type TeamRole = (typeof TEAM_ROLES)[number];

export function isTeamRole(role: DialogueRole): role is TeamRole {
  return (TEAM_ROLES as readonly DialogueRole[]).includes(role);
}

/** At most this many uses for a team-role invitation; the database holds it too (invitation_team_role_few_uses). */
export const TEAM_INVITATION_MAX_USES = 5;

/** What the invitation form offers: participants a poster's worth, the team one person. */
export const INVITATION_DEFAULTS = {
  participant: { maxUses: 50, expiresInDays: 30 },
  team: { maxUses: 1, expiresInDays: 14 },
} as const;

/**
 * Whether following an invitation changes a member's role: a participant moves up to recorder
 * or co-host, a recorder to co-host. Nobody moves down by following an invitation.
 */
export function invitationRaisesRole(current: DialogueRole, invited: DialogueRole): boolean {
  return (current === "PARTICIPANT" && (invited === "RECORDER" || invited === "CO_HOST")) || (current === "RECORDER" && invited === "CO_HOST");
}
