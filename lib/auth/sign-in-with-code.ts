import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { check, consume, reset } from "@/lib/rate-limit";
import { handleOf, hashSignInCode, normalizeSignInCode, verifySignInCode } from "./sign-in-code";
import { createSession, type NewSession } from "./sessions";
import { parseInput } from "@/lib/validation";

export const signInWithCodeInput = z.object({ code: z.string().trim().min(1).max(64) });

// Verifying against this when no account has the handle takes as long as a real check, so the
// answer's timing does not tell whether an account exists.
const decoyHash = hashSignInCode("2222-2222-2222");

const refused = () =>
  new AppError("INVALID_INPUT", "sign-in refused", { fieldErrors: { code: [{ key: "errors.sign_in_failed" }] } });

/**
 * Signs in with the code shown at sign-up: a new session (the caller sets its cookie).
 *
 * Guessing is limited twice: per handle and address (5 attempts, then 15 minutes), and per
 * handle from anywhere (20 failures per 10 minutes). Nobody can lock an account's owner out for
 * longer than the rest of such a window, while a code's secret part stays out of reach.
 */
export async function signInWithCode(
  input: z.input<typeof signInWithCodeInput>,
  context: { address: string },
): Promise<{ userId: string; locale: string; session: NewSession }> {
  const { code: typed } = parseInput(signInWithCodeInput, input);
  await consume("perAddress", context.address);
  const code = normalizeSignInCode(typed);
  if (!code) throw refused();
  const handle = handleOf(code);
  const localKey = `${handle}@${context.address}`;
  await consume("signInPerHandleAndAddress", localKey);
  await check("signInFailuresPerHandle", handle);

  const user = await db.user.findUnique({
    where: { signInHandle: handle },
    select: { id: true, locale: true, signInCodeHash: true, deletedAt: true },
  });
  const valid =
    user?.signInCodeHash && !user.deletedAt
      ? await verifySignInCode(user.signInCodeHash, code)
      : (await verifySignInCode(await decoyHash, code)) && false;
  if (!user || !valid) {
    // This attempt is answered as failed either way; the next one at this handle may be limited.
    await consume("signInFailuresPerHandle", handle).catch((error: unknown) => {
      if (!isAppError(error)) throw error;
    });
    throw refused();
  }

  await reset("signInPerHandleAndAddress", localKey);
  return { userId: user.id, locale: user.locale, session: await createSession(user.id) };
}
