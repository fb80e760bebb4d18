// Signing in with the code shown at sign-up: a new session each time, one answer for every kind
// of failure (nobody learns whether an account exists), and limits against guessing that a
// stranger cannot turn against the account's owner.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { generateSignInCode, hashSignInCode } from "@/lib/auth/sign-in-code";
import { CODE_ALPHABET } from "@/lib/text/typed-code";
import { signInWithCode } from "@/lib/auth/sign-in-with-code";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { LIMITS } from "@/lib/rate-limit";
import { createUser } from "@/tests/support/factories";
import { appErrorOf, context, fieldKeys, viewerOf } from "@/tests/support/viewers";

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

  it.each([
    ["an unknown handle", () => unknownCode()],
    ["a malformed code", async () => "not a code"],
  ])("gives the same answer for %s as for a known handle with a wrong secret", async (_, codeFor) => {
    const { code } = await userWithCode();
    const known = await appErrorOf(signInWithCode({ code: wrongSecret(code) }, context()));
    const error = await appErrorOf(signInWithCode({ code: await codeFor() }, context()));
    expect(error.code).toBe(known.code);
    expect(error.message).toBe(known.message);
    expect(error.details).toEqual(known.details);
  });

  it("refuses the code of a deleted account, like any unknown code", async () => {
    const { user, code } = await userWithCode();
    await deleteAccount(await viewerOf(user.id), { confirm: true });
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

  it("after 5 attempts at one handle from one address refuses the 6th from there, even with the right code, and says when to try again", async () => {
    const { user, code } = await userWithCode();
    const from = context();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await appErrorOf(signInWithCode({ code: wrongSecret(code) }, from))).code).toBe("INVALID_INPUT");
    }
    const limited = await appErrorOf(signInWithCode({ code }, from));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets the owner in from their own address while a guesser at their handle is stopped", async () => {
    const { user, code } = await userWithCode();
    const guesser = context();
    for (let attempt = 1; attempt <= 6; attempt++) await appErrorOf(signInWithCode({ code: wrongSecret(code) }, guesser));
    expect((await appErrorOf(signInWithCode({ code: wrongSecret(code) }, guesser))).code).toBe("RATE_LIMITED");
    await expect(signInWithCode({ code }, context())).resolves.toMatchObject({ userId: user.id });
  });

  it("limits guesses at a handle no account has in the same way", async () => {
    const code = await unknownCode();
    const from = context();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await appErrorOf(signInWithCode({ code }, from))).code).toBe("INVALID_INPUT");
    }
    expect((await appErrorOf(signInWithCode({ code }, from))).code).toBe("RATE_LIMITED");
  });

  it("counts per handle: another account's failures do not lock this one", async () => {
    const victim = await userWithCode();
    const other = await userWithCode();
    const from = context();
    for (let attempt = 1; attempt <= 6; attempt++) await appErrorOf(signInWithCode({ code: wrongSecret(other.code) }, from));
    await expect(signInWithCode({ code: victim.code }, from)).resolves.toMatchObject({ userId: victim.user.id });
  });

  it("forgets earlier failures from an address after a successful sign-in from there", async () => {
    const { user, code } = await userWithCode();
    const from = context();
    for (let attempt = 1; attempt <= 4; attempt++) await appErrorOf(signInWithCode({ code: wrongSecret(code) }, from));
    await signInWithCode({ code }, from);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await appErrorOf(signInWithCode({ code: wrongSecret(code) }, from))).code).toBe("INVALID_INPUT");
    }
    await expect(signInWithCode({ code }, from)).resolves.toMatchObject({ userId: user.id });
  });
});

/** `text` with its ASCII digits written in the script whose zero is `zero`. */
const inScript = (text: string, zero: string) => text.replace(/[0-9]/g, (digit) => String.fromCodePoint(zero.codePointAt(0)! + Number(digit)));

describe("codes typed on phones in other scripts", () => {
  it.each([
    ["Arabic-Indic", "٠"],
    ["Persian", "۰"],
    ["full-width", "０"],
    ["Devanagari", "०"],
  ])("accepts a code typed with %s digits", async (_script, zero) => {
    const { handle } = generateSignInCode();
    const code = `${handle}-2345-6789`;
    const user = await createUser({ signInHandle: handle, signInCodeHash: await hashSignInCode(code) });
    await expect(signInWithCode({ code: inScript(code, zero) }, context())).resolves.toMatchObject({ userId: user.id });
  });
});

describe("guessing from many addresses", () => {
  afterEach(() => vi.useRealTimers());
  const { points, duration } = LIMITS.signInFailuresPerHandle;

  it("lets at most 20 guesses per 10 minutes reach the code, and locks the owner out no longer than the rest of that window", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { user, code } = await userWithCode();
    const answers: string[] = [];
    // A botnet: every guess from an address of its own, so no per-address limit ever applies.
    for (let attempt = 1; attempt <= 40; attempt++) answers.push((await appErrorOf(signInWithCode({ code: wrongSecret(code) }, context()))).code);
    expect(answers.filter((answer) => answer === "INVALID_INPUT")).toHaveLength(points);
    expect(answers.slice(points).every((answer) => answer === "RATE_LIMITED")).toBe(true);

    const owner = context();
    const waiting = await appErrorOf(signInWithCode({ code }, owner));
    expect(waiting.code).toBe("RATE_LIMITED");
    expect(waiting.details.retryAfterSeconds).toBeLessThanOrEqual(duration);

    vi.setSystemTime(Date.now() + duration * 1000 + 1000);
    await expect(signInWithCode({ code }, owner)).resolves.toMatchObject({ userId: user.id });
  });

  it("keeps guessing a code hopeless: a year of the most the limit allows finds a given code with odds below 1 in 100,000", () => {
    const secretPart = CODE_ALPHABET.length ** 8;
    const guessesPerYear = points * ((365 * 24 * 60 * 60) / duration);
    expect(guessesPerYear / secretPart).toBeLessThan(1e-5);
  });
});
