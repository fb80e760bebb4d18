// Helpers for the identity tests: viewers made the way a request makes them (a session row, then
// the viewer query), and small unwrappers for the errors domain functions throw.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { createSession } from "@/lib/auth/sessions";
import { viewerForSessionToken, type SignedInUser } from "@/lib/auth/get-viewer";
import { AppError } from "@/lib/errors";
import type { Invitation, Prisma } from "@/lib/generated/prisma/client";
import { uniqueInvitationCode } from "@/tests/support/factories";

/** A client address of its own, so that the loose per-address limit never couples two tests. */
export function uniqueAddress(): string {
  return `test-${randomBytes(6).toString("hex")}`;
}

export const context = () => ({ address: uniqueAddress() });

/** The viewer of a request by `userId`: a real session and the query getViewer runs. */
export async function viewerOf(userId: string): Promise<SignedInUser> {
  const { sessionToken } = await createSession(userId);
  const viewer = await viewerForSessionToken(sessionToken);
  if (!viewer) throw new Error(`no viewer for user ${userId}`);
  return viewer;
}

/** The AppError `promise` rejects with; fails when it resolves or throws something else. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, but the call succeeded");
}

/**
 * The INVALID_INPUT AppError `promise` rejects with, as one issue per field message (the path
 * and the catalogue key), the way domain functions report bad input.
 */
export async function invalidInputOf(promise: Promise<unknown>): Promise<{ issues: { path: string[]; message: string }[] }> {
  const error = await appErrorOf(promise);
  if (error.code !== "INVALID_INPUT") throw error;
  const fieldErrors = (error.details.fieldErrors ?? {}) as Record<string, { key: string }[]>;
  return {
    issues: Object.entries(fieldErrors).flatMap(([field, messages]) =>
      messages.map((message) => ({ path: field.split("."), message: message.key })),
    ),
  };
}

/** The message keys an AppError carries for one form field. */
export function fieldKeys(error: AppError, field: string): string[] {
  const fieldErrors = error.details.fieldErrors as Record<string, { key: string }[]> | undefined;
  return (fieldErrors?.[field] ?? []).map((message) => message.key);
}

/** An invitation row as the database holds it, for states the domain cannot create (expired). */
export async function insertInvitation(
  dialogue: { id: string; createdById: string },
  overrides: Partial<Prisma.InvitationUncheckedCreateInput> = {},
): Promise<Invitation> {
  return db.invitation.create({
    data: {
      dialogueId: dialogue.id,
      code: uniqueInvitationCode(),
      expiresAt: new Date(Date.now() + 14 * 24 * 60 * 60 * 1000),
      // A team-role invitation (recorder, co-host) allows at most 5 uses (invitation_team_role_few_uses).
      maxUses: overrides.role && overrides.role !== "PARTICIPANT" ? 5 : 100,
      createdById: dialogue.createdById,
      ...overrides,
    },
  });
}
