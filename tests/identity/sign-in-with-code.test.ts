// Signing in with the code shown at sign-up: a new session each time, one answer for every kind
// of failure (nobody learns whether an account exists), and a per-account limit against guessing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { generateSignInCode, hashSignInCode } from "@/lib/auth/sign-in-code";
import { signInWithCode } from "@/lib/auth/sign-in-with-code";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { createUser } from "@/tests/factories";
import { appErrorOf, context, fieldKeys, viewerOf } from "./support";

async function userWithCode(overrides: Parameters<typeof createUser>[0] = {}) {
  const signIn = generateSignInCode();
  const user = await createUser({
    signInHandle: signIn.handle,
    signInCodeHash: await hashSignInCode(signIn.code),
    locale: "fa",
    ...overrides,
  });
  return { user, code: signIn.code, handle: signIn.handle };
}

/** The same code with its secret part changed: right handle, wrong code. */
function wrongSecret(code: string): string {
  return code.slice(0, -1) + (code.endsWith("2") ? "3" : "2");
}

/** A well-formed code whose handle no account has. */
async function unknownCode(): Promise<string> {
  for (;;) {
    const { code, handle } = generateSignInCode();
    if (!(await db.user.findUnique({ where: { signInHandle: handle } }))) return code;
  }
}

describe("signInWithCode", () => {
  it("starts a new session with a new token on every sign-in", async () => {
    const { user, code } = await userWithCode();
    const first = await signInWithCode({ code }, context());
    const second = await signInWithCode({ code: code.toLowerCase().replaceAll("-", " ") }, context());

    expect(first).toMatchObject({ userId: user.id, locale: "fa" });
    expect(second.userId).toBe(user.id);
    expect(second.session.sessionToken).not.toBe(first.session.sessionToken);
    expect(first.session.expires.getTime()).toBeGreaterThan(Date.now());

    const sessions = await db.session.findMany({ where: { userId: user.id }, orderBy: { expires: "asc" } });
    expect(sessions.map((s) => s.sessionToken)).toEqual([first.session.sessionToken, second.session.sessionToken]);
  });

  it("refuses a wrong code with errors.sign_in_failed on the code field, and starts no session", async () => {
    const { user, code } = await userWithCode();
    const error = await appErrorOf(signInWithCode({ code: wrongSecret(code) }, context()));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "code")).toEqual(["errors.sign_in_failed"]);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("gives the same answer for an unknown handle as for a known handle with a wrong secret", async () => {
    const { code } = await userWithCode();
    const known = await appErrorOf(signInWithCode({ code: wrongSecret(code) }, context()));
    const unknown = await appErrorOf(signInWithCode({ code: await unknownCode() }, context()));
    const malformed = await appErrorOf(signInWithCode({ code: "not a code" }, context()));
    for (const error of [unknown, malformed]) {
      expect(error.code).toBe(known.code);
      expect(error.message).toBe(known.message);
      expect(error.details).toEqual(known.details);
    }
  });

  it("refuses the code of a deleted account, like any unknown code", async () => {
    const { user, code } = await userWithCode();
    await deleteAccount(await viewerOf(user.id), { confirm: "on" });
    const error = await appErrorOf(signInWithCode({ code }, context()));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "code")).toEqual(["errors.sign_in_failed"]);
  });

  it("refuses the code of an account marked deleted even if its code were still stored", async () => {
    const { user, code } = await userWithCode({ deletedAt: new Date() });
    const error = await appErrorOf(signInWithCode({ code }, context()));
    expect(fieldKeys(error, "code")).toEqual(["errors.sign_in_failed"]);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("after 5 failed attempts for one handle refuses the 6th, even with the right code, and says when to try again", async () => {
    const { user, code } = await userWithCode();
    for (let attempt = 1; attempt <= 5; attempt++) {
      // A different address each time: the per-account limit does not depend on where guesses come from.
      const error = await appErrorOf(signInWithCode({ code: wrongSecret(code) }, context()));
      expect(error.code).toBe("INVALID_INPUT");
    }
    const limited = await appErrorOf(signInWithCode({ code }, context()));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("limits guesses at a handle no account has in the same way", async () => {
    const code = await unknownCode();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await appErrorOf(signInWithCode({ code }, context()))).code).toBe("INVALID_INPUT");
    }
    expect((await appErrorOf(signInWithCode({ code }, context()))).code).toBe("RATE_LIMITED");
  });

  it("counts per handle: another account's failures do not lock this one", async () => {
    const victim = await userWithCode();
    const other = await userWithCode();
    for (let attempt = 1; attempt <= 6; attempt++) await appErrorOf(signInWithCode({ code: wrongSecret(other.code) }, context()));
    await expect(signInWithCode({ code: victim.code }, context())).resolves.toMatchObject({ userId: victim.user.id });
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const { user, code } = await userWithCode();
    for (let attempt = 1; attempt <= 4; attempt++) await appErrorOf(signInWithCode({ code: wrongSecret(code) }, context()));
    await signInWithCode({ code }, context());
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await appErrorOf(signInWithCode({ code: wrongSecret(code) }, context()))).code).toBe("INVALID_INPUT");
    }
    expect((await appErrorOf(signInWithCode({ code }, context()))).code).toBe("RATE_LIMITED");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});
