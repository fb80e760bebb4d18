import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { generateSignInCode, hashSignInCode, normalizeSignInCode, verifySignInCode } from "@/lib/auth/sign-in-code";
import { authorize, canManageOwnAccount, type Viewer } from "@/lib/policy/policy";
import { consume } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";

// A new sign-in code (decision 032). The old one stops working at once: the account's handle
// and hash are replaced in one UPDATE, and sign-in looks both up afresh on every attempt
// (lib/auth/sign-in-with-code.ts). The code is returned once, to be shown once; only its hash
// is kept.

const checkbox = z.boolean().default(false);

/** Writes a new code for `userId` with `tx`; a handle another account holds (1 in 31^4) is drawn again. */
async function replaceCode(tx: Prisma.TransactionClient, userId: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const signIn = generateSignInCode();
    const signInCodeHash = await hashSignInCode(signIn.code);
    const taken = await tx.user.findFirst({ where: { signInHandle: signIn.handle, id: { not: userId } }, select: { id: true } });
    if (taken) {
      if (attempt >= 4) throw new Error("no free sign-in handle");
      continue;
    }
    await tx.user.update({ where: { id: userId }, data: { signInHandle: signIn.handle, signInCodeHash } });
    return signIn.code;
  }
}

export const newOwnSignInCodeInput = z.object({ currentCode: z.string().max(64).default(""), endOtherSessions: checkbox });

const wrongCode = () => new AppError("CONFLICT", "not the current sign-in code", { fieldErrors: { currentCode: [{ key: "account.newCodeCurrentWrong" }] } });

/**
 * A signed-in person replaces their own sign-in code; with `endOtherSessions` every other
 * device is signed out in the same step (this one stays signed in). A session alone is not
 * enough (security review of decision 032: a borrowed or stolen phone could lock the person out
 * for good): the current code must be typed. Whoever lost it gets a new one from staff in person.
 * Staff and platform admins sign in by e-mail and have no code to replace here. Guesses count
 * against the per-person limit.
 */
export async function newOwnSignInCode(
  viewer: Viewer | null,
  input: z.input<typeof newOwnSignInCodeInput>,
  context: { sessionToken: string | undefined },
): Promise<{ signInCode: string; endedSessions: number }> {
  const data = parseInput(newOwnSignInCodeInput, input);
  if (!canManageOwnAccount(viewer)) throw new AppError("UNAUTHENTICATED");
  if (viewer.isPlatformAdmin || Object.values(viewer.municipalityRoles).some((roles) => roles.length > 0)) throw new AppError("FORBIDDEN");
  await consume("newSignInCodePerPerson", viewer.id);
  const current = normalizeSignInCode(data.currentCode);
  const account = await db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { signInCodeHash: true } });
  if (!current || !account.signInCodeHash || !(await verifySignInCode(account.signInCodeHash, current))) throw wrongCode();
  return db.$transaction(async (tx) => {
    const signInCode = await replaceCode(tx, viewer.id);
    const otherSessions = { userId: viewer.id, ...(context.sessionToken ? { sessionToken: { not: context.sessionToken } } : {}) };
    if (data.endOtherSessions) {
      // The other devices' push goes with their sessions (cascade) — and so does any device that belongs to no session.
      await tx.pushSubscription.deleteMany({ where: { userId: viewer.id, OR: [{ sessionId: null }, { session: otherSessions }] } });
    }
    const ended = data.endOtherSessions ? await tx.session.deleteMany({ where: otherSessions }) : { count: 0 };
    return { signInCode, endedSessions: ended.count };
  });
}

export const issueSignInCodeInput = z.object({
  municipalityId: z.uuid(),
  userId: z.uuid(),
  confirmedInPerson: z.literal(true, { error: "signInCodes.confirmRequired" }),
  endSessions: checkbox,
});

/**
 * Accounts staff may issue a code for: participants of the municipality's dialogues and nothing
 * more — not staff or admins anywhere, no role above PARTICIPANT in any dialogue, no member of a
 * local actor, and nobody who joined a dialogue of another municipality (security review of
 * decision 032: staff of one town could otherwise take over a host or moderator of another).
 */
function participantWhere(municipalityId: string, viewerId: string): Prisma.UserWhereInput {
  return {
    id: { not: viewerId },
    deletedAt: null,
    isPlatformAdmin: false,
    municipalityMemberships: { none: {} },
    actorMemberships: { none: {} },
    AND: [
      { memberships: { some: { dialogue: { municipalityId } } } },
      { memberships: { none: { role: { not: "PARTICIPANT" } } } },
      { memberships: { none: { dialogue: { municipalityId: { not: municipalityId } } } } },
    ],
  };
}

/**
 * Staff issue a new code for a participant who lost theirs, after confirming them in person
 * (the checkbox; the log records it, a CHECK keeps it true). Only for plain participants of
 * the municipality's dialogues (participantWhere), never for staff, platform admins, anyone with
 * a dialogue or actor role, or anyone also active in another town (they would otherwise be one
 * click away from being taken over). The person's sessions
 * end unless staff untick it: whoever found the lost paper is signed out too.
 */
export async function issueSignInCode(viewer: Viewer | null, input: z.input<typeof issueSignInCodeInput>): Promise<{ signInCode: string; displayName: string }> {
  const data = parseInput(issueSignInCodeInput, input);
  authorize(viewer, "sign-in-code:issue", { municipalityId: data.municipalityId });
  const person = await db.user.findFirst({ where: { AND: [{ id: data.userId }, participantWhere(data.municipalityId, viewer.id)] }, select: { id: true, displayName: true } });
  if (!person) throw new AppError("NOT_FOUND");
  const signInCode = await db.$transaction(async (tx) => {
    const code = await replaceCode(tx, person.id);
    const endSessions = data.endSessions;
    if (endSessions) {
      // Whoever holds the lost paper's phone hears nothing more either (decision 031).
      await tx.pushSubscription.deleteMany({ where: { userId: person.id } });
      await tx.session.deleteMany({ where: { userId: person.id } });
    }
    await tx.signInCodeIssue.create({
      data: { municipalityId: data.municipalityId, userId: person.id, issuedById: viewer.id, confirmedInPerson: true, endedSessions: endSessions },
    });
    return code;
  });
  return { signInCode, displayName: person.displayName };
}

const findInput = z.object({ municipalityId: z.uuid(), name: z.string().trim().min(2).max(100) });

/** Participants whose display name contains `name`, with the dialogues they joined: for staff to find the person in front of them. */
export async function findParticipantsForNewCode(viewer: Viewer | null, input: z.input<typeof findInput>) {
  const parsed = findInput.safeParse(input);
  if (!parsed.success) return [];
  authorize(viewer, "sign-in-code:issue", { municipalityId: parsed.data.municipalityId });
  return db.user.findMany({
    where: { ...participantWhere(parsed.data.municipalityId, viewer.id), displayName: { contains: parsed.data.name, mode: "insensitive" } },
    orderBy: { displayName: "asc" },
    take: 20,
    select: {
      id: true,
      displayName: true,
      createdAt: true,
      memberships: { where: { dialogue: { municipalityId: parsed.data.municipalityId } }, select: { dialogue: { select: { title: true, languages: true } } } },
    },
  });
}

/** The log of codes staff issued in the municipality, newest first. */
export async function listSignInCodeIssues(viewer: Viewer | null, input: { municipalityId: string }) {
  authorize(viewer, "sign-in-code-log:read", { municipalityId: input.municipalityId });
  return db.signInCodeIssue.findMany({
    where: { municipalityId: input.municipalityId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, createdAt: true, endedSessions: true, user: { select: { displayName: true } }, issuedBy: { select: { displayName: true } } },
  });
}
