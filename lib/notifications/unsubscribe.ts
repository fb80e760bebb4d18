import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { isValidUnsubscribeToken } from "./unsubscribe-token";

export const unsubscribeInput = z.object({ user: z.uuid(), token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** What the unsubscribe page shows before the button is pressed; null for a link that does not work. */
export async function describeUnsubscribe(input: z.input<typeof unsubscribeInput>) {
  const parsed = unsubscribeInput.safeParse(input);
  if (!parsed.success || !isValidUnsubscribeToken(parsed.data.user, parsed.data.token)) return null;
  const user = await db.user.findUnique({ where: { id: parsed.data.user }, select: { email: true, emailDigest: true, deletedAt: true } });
  if (!user?.email || user.deletedAt) return null;
  return { email: user.email, subscribed: user.emailDigest };
}

/**
 * Switches the daily digest off for the account the link was made for. The link is the proof,
 * so no session is needed; a forged token, or one made for another account, changes nothing.
 */
export async function unsubscribeFromDigest(input: z.input<typeof unsubscribeInput>): Promise<void> {
  const { user, token } = parseInput(unsubscribeInput, input);
  if (!isValidUnsubscribeToken(user, token)) {
    throw new AppError("INVALID_INPUT", "unsubscribe link invalid", { fieldErrors: { token: [{ key: "digest.linkInvalid" }] } });
  }
  await db.user.updateMany({ where: { id: user, deletedAt: null }, data: { emailDigest: false } });
}
