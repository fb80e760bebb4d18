// Joining through an invitation: a display name and nothing else (no e-mail, no phone), the code
// of conduct accepted, a sign-in code shown once and stored only as a hash. An invitation is used
// no more often than it allows, also when many people join at the same moment.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { signUpWithInvitation } from "@/lib/invitations/join-dialogue";
import { signInWithCode } from "@/lib/auth/sign-in-with-code";
import { viewerForSessionToken } from "@/lib/auth/get-viewer";
import { formatInvitationCode } from "@/lib/invitations/invitation-code";
import { isAppError } from "@/lib/errors";
import { createDialogue } from "@/tests/support/factories";
import { appErrorOf, context, fieldKeys, insertInvitation, invalidInputOf } from "@/tests/support/viewers";

function form(code: string, overrides: Partial<Parameters<typeof signUpWithInvitation>[0]> = {}) {
  return { code, displayName: "Samira", locale: "ar", acceptCodeOfConduct: true as const, ...overrides };
}

describe("signUpWithInvitation", () => {
  it("creates an account without e-mail, joins in the invitation's role, and starts a session", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue, { role: "CO_HOST", maxUses: 3 });

    const before = new Date();
    const result = await signUpWithInvitation(
      form(formatInvitationCode(invitation.code).toLowerCase(), { perspective: "LIVED_EXPERIENCE", showPerspective: true, confirmRole: true }),
      context(),
    );
    expect(result).toMatchObject({ dialogueId: dialogue.id, locale: "ar" });
    expect(result.signInCode).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){2}$/);

    const viewer = await viewerForSessionToken(result.session.sessionToken);
    expect(viewer).toMatchObject({ displayName: "Samira", locale: "ar", dialogueRoles: { [dialogue.id]: "CO_HOST" } });
    const user = await db.user.findUniqueOrThrow({ where: { id: viewer!.id } });
    expect(user).toMatchObject({
      email: null,
      emailVerified: null,
      perspective: "LIVED_EXPERIENCE",
      showPerspective: true,
      signInHandle: result.signInCode.slice(0, 4),
    });
    const membership = await db.membership.findUniqueOrThrow({
      where: { userId_dialogueId: { userId: user.id, dialogueId: dialogue.id } },
    });
    expect(membership).toMatchObject({ role: "CO_HOST", invitationId: invitation.id });
    expect(membership.codeOfConductAcceptedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).uses).toBe(1);
  });

  it("keeps the perspective private and NOT_STATED unless the person says otherwise", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue);
    const result = await signUpWithInvitation(form(invitation.code), context());
    const viewer = await viewerForSessionToken(result.session.sessionToken);
    const user = await db.user.findUniqueOrThrow({ where: { id: viewer!.id } });
    expect(user).toMatchObject({ perspective: "NOT_STATED", showPerspective: false });
    expect(viewer?.dialogueRoles[dialogue.id]).toBe("PARTICIPANT");
  });

  it("returns a sign-in code that signs in, and stores it only as a hash", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue);
    const { signInCode, session } = await signUpWithInvitation(form(invitation.code), context());
    const userId = (await viewerForSessionToken(session.sessionToken))!.id;

    const signedIn = await signInWithCode({ code: signInCode }, context());
    expect(signedIn.userId).toBe(userId);

    const [row] = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(u)::text AS row FROM "User" u WHERE u."id" = ${userId}::uuid`;
    const stored = row!.row;
    const [, secret1, secret2] = signInCode.split("-");
    expect([signInCode, signInCode.replaceAll("-", ""), `${secret1}-${secret2}`, `${secret1}${secret2}`].filter((fragment) => stored.includes(fragment))).toEqual([]);
    expect(stored).toContain("$argon2id$");
  });

  it.each([
    ["expired", { expiresAt: new Date(Date.now() - 1000) }, "errors.invitation_expired"],
    ["revoked", { revokedAt: new Date() }, "errors.invitation_revoked"],
    ["used up", { maxUses: 1, uses: 1 }, "errors.invitation_used_up"],
  ] as const)("refuses an invitation that is %s with its own message, and creates nothing", async (_state, overrides, key) => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue, overrides);
    const users = await db.user.count();
    const error = await appErrorOf(signUpWithInvitation(form(invitation.code), context()));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "code")).toEqual([key]);
    expect(await db.user.count()).toBe(users);
    expect(await db.membership.count({ where: { dialogueId: dialogue.id } })).toBe(1); // the host
  });

  it.each([
    ["a code no invitation has", "2222-3333"],
    ["text that cannot be a code", "OOPS-1LL"],
  ])("refuses %s with errors.invitation_unknown", async (_what, code) => {
    const error = await appErrorOf(signUpWithInvitation(form(code), context()));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "code")).toEqual(["errors.invitation_unknown"]);
  });

  it("refuses a sign-up without accepting the code of conduct", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue);
    const { acceptCodeOfConduct: _omitted, ...withoutConsent } = form(invitation.code);
    const error = await invalidInputOf(signUpWithInvitation(withoutConsent as Parameters<typeof signUpWithInvitation>[0], context()));
    expect(error.issues).toEqual([expect.objectContaining({ path: ["acceptCodeOfConduct"], message: "validation.required" })]);
    const unchecked = form(invitation.code, { acceptCodeOfConduct: "off" as unknown as true });
    await invalidInputOf(signUpWithInvitation(unchecked, context()));
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).uses).toBe(0);
  });

  it.each([
    ["a right-to-left override", "Ali\u202Eevil"],
    ["a left-to-right override", "Ali\u202Devil"],
    ["a bidi isolate", "Ali\u2066x\u2069"],
    ["a NUL character", "Ali\u0000"],
    ["a bell", "Ali\u0007"],
    ["a line break", "Ali\nAdmin"],
    ["a C1 control (NEL)", "Ali\u0085Admin"],
    ["a line separator", "Ali\u2028Admin"],
    ["DEL", "Ali\u007F"],
  ])("refuses a display name containing %s", async (_what, displayName) => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue);
    const error = await invalidInputOf(signUpWithInvitation(form(invitation.code, { displayName }), context()));
    expect(error.issues).toEqual([expect.objectContaining({ path: ["displayName"], message: "validation.invalid_characters" })]);
  });

  it.each(["سميرة", "Ціна Олена", "محمد (Mohammad)", "Zeynep Yılmaz"])("accepts the name %s as it is typed: any script, right-to-left too", async (displayName) => {
    const invitation = await insertInvitation(await createDialogue());
    const { session } = await signUpWithInvitation(form(invitation.code, { displayName }), context());
    expect((await viewerForSessionToken(session.sessionToken))?.displayName).toBe(displayName);
  });

  it.each([
    ["a blank display name", "displayName", { displayName: "   " }],
    ["a display name over 60 characters", "displayName", { displayName: "x".repeat(61) }],
    ["a language that is no tag", "locale", { locale: "arabic" }],
    // The database keeps language tags with a lower-case language; a form must not reach it with "EN".
    ["an upper-case language", "locale", { locale: "EN" }],
  ] as const)("refuses %s at its field before anything is stored", async (_, field, overrides) => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue);
    const error = await invalidInputOf(signUpWithInvitation(form(invitation.code, overrides), context()));
    expect(error.issues.map((issue) => issue.path.join("."))).toEqual([field]);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).uses).toBe(0);
  });

  it("gives exactly maxUses accounts when many join at once: 20 people, 5 uses", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue, { maxUses: 5 });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => signUpWithInvitation(form(invitation.code, { displayName: `Person ${i}` }), context())),
    );

    const joined = results.filter((result) => result.status === "fulfilled");
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(joined).toHaveLength(5);
    expect(refused).toHaveLength(15);
    expect(refused.map((reason) => (isAppError(reason, "INVALID_INPUT") ? fieldKeys(reason, "code") : reason))).toEqual(refused.map(() => ["errors.invitation_used_up"]));
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).uses).toBe(5);
    expect(await db.membership.count({ where: { dialogueId: dialogue.id, invitationId: invitation.id } })).toBe(5);
    expect(await db.user.count({ where: { displayName: { startsWith: "Person " } } })).toBe(5);
  });

  it("limits attempts with one invitation code, and says when to try again", async () => {
    const dialogue = await createDialogue();
    const invitation = await insertInvitation(dialogue, { maxUses: 1, uses: 1 });
    let limited = null;
    for (let attempt = 1; attempt <= 210 && !limited; attempt++) {
      // From a new address each time: the limit is per invitation, not per address.
      const error = await appErrorOf(signUpWithInvitation(form(invitation.code), context()));
      if (error.code === "RATE_LIMITED") limited = { attempt, error };
      else expect(fieldKeys(error, "code")).toEqual(["errors.invitation_used_up"]);
    }
    expect(limited?.attempt).toBe(201);
    expect(limited?.error.details.retryAfterSeconds).toBeGreaterThan(0);
  });
});
