import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DialogueRole } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit";
import { generateSignInCode, hashSignInCode } from "@/lib/auth/sign-in-code";
import { createSession, type NewSession } from "@/lib/auth/sessions";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { normalizeInvitationCode } from "./invitation-code";
import { invitationRaisesRole, isTeamRole } from "./invitation-roles";
import { invitationStatus, lookUpInvitation, type InvitationStatus } from "./find-invitation";
import { parseInput } from "@/lib/validation";
import { displayNameField } from "@/lib/accounts/display-name";
import { assertNameIsNoImitation } from "@/lib/accounts/name-lookalikes";
import { selfDeclaredPerspective } from "@/lib/perspectives/self-declared-perspective";
import { acceptedRules, rulesSeenFields } from "@/lib/host-texts/code-of-conduct";
import { languageTagSchema } from "@/lib/i18n/language-tag";

const checkbox = z.literal(true, { error: "validation.required" });

export const signUpInput = z.object({
  code: z.string().trim().min(1).max(32),
  displayName: displayNameField,
  // As the database keeps it (user_locale_format): the language in lower case, e.g. "fa-AF".
  locale: languageTagSchema,
  perspective: selfDeclaredPerspective,
  showPerspective: z.boolean().default(false),
  acceptCodeOfConduct: checkbox,
  /** Ticked to take on a team role (recorder, co-host): the join page names it first. */
  confirmRole: z.boolean().default(false),
  ...rulesSeenFields,
});

type Claimed = { id: string; dialogueId: string; role: DialogueRole };

/** Takes one use of the invitation, or says why it cannot: atomic under concurrent joins. */
async function claimInvitation(tx: Prisma.TransactionClient, code: string): Promise<Claimed> {
  const rows = await tx.$queryRaw<Claimed[]>`
    UPDATE "Invitation" SET "uses" = "uses" + 1
     WHERE "code" = ${code} AND "revokedAt" IS NULL AND "expiresAt" > now() AND "uses" < "maxUses"
     RETURNING "id", "dialogueId", "role"`;
  if (rows[0]) return rows[0];
  // The reason, read on this transaction's own connection: asking the pool for a second one while
  // holding this one deadlocks as soon as every connection is held by a join waiting here.
  const invitation = await tx.invitation.findUnique({
    where: { code },
    select: { revokedAt: true, expiresAt: true, uses: true, maxUses: true },
  });
  throw invitationRefused(invitation ? invitationStatus(invitation) : null);
}

export function invitationRefused(status: InvitationStatus | null): AppError {
  const key = status === null || status === "valid" ? "errors.invitation_unknown" : `errors.invitation_${status}`;
  return new AppError("INVALID_INPUT", key, { fieldErrors: { code: [{ key }] } });
}

/**
 * Sign-up through an invitation: a display name and nothing else. Creates the account with a
 * sign-in code (returned once, never stored), joins the dialogue in the invitation's role with
 * the code of conduct accepted, and starts a session (the caller sets its cookie).
 */
export async function signUpWithInvitation(
  input: z.input<typeof signUpInput>,
  context: { address: string },
): Promise<{ signInCode: string; dialogueId: string; locale: string; session: NewSession }> {
  const data = parseInput(signUpInput, input);
  const code = normalizeInvitationCode(data.code);
  if (!code) throw invitationRefused(null);
  await consume("perAddress", context.address);
  const invitation = await lookUpInvitation(code, context);
  if (!invitation) throw invitationRefused(null);
  await consume("joinPerInvitation", code);
  // A code that leads nowhere says so before the name is looked at (claimInvitation decides races).
  if (invitation.status !== "valid") throw invitationRefused(invitation.status);
  assertRoleConfirmed(invitation.role, data.confirmRole);
  await assertNameIsNoImitation(db, data.displayName, { municipalityIds: [invitation.dialogue.municipality.id] });
  // Which rules, in which language, the person read and accepted (checked to be the current ones).
  const rules = await acceptedRules(invitation.dialogue.id, data);

  for (let attempt = 0; ; attempt++) {
    const signIn = generateSignInCode();
    const signInCodeHash = await hashSignInCode(signIn.code);
    try {
      const joined = await db.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: {
            displayName: data.displayName,
            locale: data.locale,
            perspective: data.perspective,
            showPerspective: data.showPerspective,
            signInHandle: signIn.handle,
            signInCodeHash,
          },
          select: { id: true },
        });
        // Claimed last but one: the invitation's row stays locked only until the commit.
        const invitation = await claimInvitation(tx, code);
        await tx.membership.create({
          data: {
            userId: user.id,
            dialogueId: invitation.dialogueId,
            role: invitation.role,
            invitationId: invitation.id,
            codeOfConductAcceptedAt: new Date(),
            ...(invitation.dialogueId === rules.dialogueId ? rules.columns : {}),
          },
        });
        return { userId: user.id, dialogueId: invitation.dialogueId };
      });
      const session = await createSession(joined.userId);
      return { signInCode: signIn.code, dialogueId: joined.dialogueId, locale: data.locale, session };
    } catch (error) {
      // Another account took the same handle (1 in 31^4 per try): draw a new code.
      const handleTaken = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!handleTaken || attempt >= 4) throw error;
    }
  }
}

export const joinInput = z.object({
  code: z.string().trim().min(1).max(32),
  acceptCodeOfConduct: checkbox,
  confirmRole: z.boolean().default(false),
  ...rulesSeenFields,
});

/**
 * A team role is taken on only by someone who confirmed it, after the join page named it and what
 * it allows (decision 035): the box is refused unticked like the rules' box.
 */
function assertRoleConfirmed(role: DialogueRole, confirmRole: boolean): void {
  if (isTeamRole(role) && !confirmRole) {
    throw new AppError("INVALID_INPUT", "the team role was not confirmed", { fieldErrors: { confirmRole: [{ key: "join.teamRole.confirmMissing" }] } });
  }
}

/**
 * A signed-in person follows an invitation: joins the dialogue, or moves up to the invitation's
 * role (a participant invited as co-host). Uses the invitation only when something changes.
 */
export async function joinDialogue(
  viewer: Viewer | null,
  input: z.input<typeof joinInput>,
  context: { address: string },
): Promise<{ dialogueId: string }> {
  const data = parseInput(joinInput, input);
  const code = normalizeInvitationCode(data.code);
  if (!code) throw invitationRefused(null);
  const invitation = await lookUpInvitation(code, context);
  if (!invitation) throw invitationRefused(null);
  // Signed in and not suspended, in any phase: the invitation is the gate (a co-host joins the DRAFT).
  authorize(viewer, "dialogue:join", { municipalityId: invitation.dialogue.municipality.id, dialogueId: invitation.dialogue.id, phase: invitation.dialogue.phase });
  const current = viewer.dialogueRoles[invitation.dialogue.id];
  // Already there (and not moving up to recorder or co-host): nothing changes and nothing is
  // counted, so repeating this cannot use up the invitation's limits for newcomers.
  if (current && !invitationRaisesRole(current, invitation.role)) {
    return { dialogueId: invitation.dialogue.id };
  }
  await consume("joinPerInvitation", code);
  assertRoleConfirmed(invitation.role, data.confirmRole);
  // A name chosen elsewhere may imitate someone with a badge here: asked to change it first.
  const { displayName } = await db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { displayName: true } });
  await assertNameIsNoImitation(db, displayName, {
    municipalityIds: [invitation.dialogue.municipality.id],
    userId: viewer.id,
    refusal: { field: "code", key: "validation.name_confusable_join" },
  });
  const rules = await acceptedRules(invitation.dialogue.id, data);
  return db.$transaction(async (tx) => {
    const claimed = await claimInvitation(tx, code);
    const seen = claimed.dialogueId === rules.dialogueId ? rules.columns : {};
    await tx.membership.upsert({
      where: { userId_dialogueId: { userId: viewer.id, dialogueId: claimed.dialogueId } },
      create: {
        userId: viewer.id,
        dialogueId: claimed.dialogueId,
        role: claimed.role,
        invitationId: claimed.id,
        codeOfConductAcceptedAt: new Date(),
        ...seen,
      },
      update: { role: claimed.role, invitationId: claimed.id, codeOfConductAcceptedAt: new Date(), ...seen },
    });
    return { dialogueId: claimed.dialogueId };
  });
}
