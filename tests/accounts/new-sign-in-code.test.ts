// A new sign-in code (decision 032): from the account page, the old code is refused at once and
// other sessions can end in the same step; staff issue one for a participant who lost theirs
// only after confirming them in person, and the log records it. The guessing limits stay.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { issueSignInCode, findParticipantsForNewCode, listSignInCodeIssues, newOwnSignInCode } from "@/lib/accounts/new-sign-in-code";
import { generateSignInCode, hashSignInCode } from "@/lib/auth/sign-in-code";
import { signInWithCode } from "@/lib/auth/sign-in-with-code";
import { LIMITS } from "@/lib/rate-limit";
import { addMember, createActor, createDialogue, createMunicipality, createUser } from "@/tests/support/factories";
import { appErrorOf, context, fieldKeys, invalidInputOf, viewerOf } from "@/tests/support/viewers";

async function personWithCode(overrides: Parameters<typeof createUser>[0] = {}) {
  const signIn = generateSignInCode();
  const user = await createUser({ signInHandle: signIn.handle, signInCodeHash: await hashSignInCode(signIn.code), ...overrides });
  return { user, code: signIn.code };
}

describe("a new sign-in code from the account page", () => {
  it("refuses the old code at once, lets the new one in, and ends the other sessions when asked (this one stays)", async () => {
    const { user, code: old } = await personWithCode();
    const here = await signInWithCode({ code: old }, context());
    const phone = await signInWithCode({ code: old }, context());
    const viewer = await viewerOf(user.id);

    const { signInCode, endedSessions } = await newOwnSignInCode(viewer, { currentCode: old.toLowerCase(), endOtherSessions: true }, { sessionToken: here.session.sessionToken });
    expect(signInCode).not.toBe(old);
    expect(endedSessions).toBe(2); // the phone's and viewerOf's
    const left = await db.session.findMany({ where: { userId: user.id }, select: { sessionToken: true } });
    expect(left.map((session) => session.sessionToken)).toEqual([here.session.sessionToken]);
    expect(left).not.toContainEqual({ sessionToken: phone.session.sessionToken });

    expect(fieldKeys(await appErrorOf(signInWithCode({ code: old }, context())), "code")).toEqual(["errors.sign_in_failed"]);
    expect((await signInWithCode({ code: signInCode }, context())).userId).toBe(user.id);
    // Only the hash is kept.
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(JSON.stringify(row)).not.toContain(signInCode);
  });

  it("keeps the other sessions unless asked, and is limited per person", async () => {
    const { user, code } = await personWithCode();
    const other = await signInWithCode({ code }, context());
    const viewer = await viewerOf(user.id);
    let current = code;
    const { endedSessions, signInCode } = await newOwnSignInCode(viewer, { currentCode: current }, { sessionToken: undefined });
    current = signInCode;
    expect(endedSessions).toBe(0);
    expect(await db.session.count({ where: { sessionToken: other.session.sessionToken } })).toBe(1);
    for (let i = 1; i < LIMITS.newSignInCodePerPerson.points; i++) current = (await newOwnSignInCode(viewer, { currentCode: current }, { sessionToken: undefined })).signInCode;
    expect((await appErrorOf(newOwnSignInCode(viewer, { currentCode: current }, { sessionToken: undefined }))).code).toBe("RATE_LIMITED");
  });

  // Security review of decision 032: a session alone (a borrowed phone) must not lock the person out.
  it.each([
    ["no code (a session alone)", undefined],
    ["a malformed code", "not a code"],
    ["a wrong code", generateSignInCode().code],
  ])("needs the current code: %s is refused at the field and changes nothing", async (_, currentCode) => {
    const { user, code } = await personWithCode();
    const viewer = await viewerOf(user.id);
    const error = await appErrorOf(newOwnSignInCode(viewer, currentCode === undefined ? {} : { currentCode }, { sessionToken: undefined }));
    expect(fieldKeys(error, "currentCode")).toEqual(["account.newCodeCurrentWrong"]);
    expect((await signInWithCode({ code }, context())).userId).toBe(user.id);
  });

  it("needs the current code: an old code is refused once a new one is made", async () => {
    const { user, code } = await personWithCode();
    const viewer = await viewerOf(user.id);
    const { signInCode } = await newOwnSignInCode(viewer, { currentCode: code }, { sessionToken: undefined });
    expect(fieldKeys(await appErrorOf(newOwnSignInCode(viewer, { currentCode: code }, { sessionToken: undefined })), "currentCode")).toEqual([
      "account.newCodeCurrentWrong",
    ]);
    expect((await signInWithCode({ code: signInCode }, context())).userId).toBe(user.id);
  });

  it("is refused for staff and platform admins (they sign in by e-mail), even with a code", async () => {
    const { user: staff, code: staffCode } = await personWithCode({ email: `${crypto.randomUUID()}@stadt.example` });
    await db.municipalityMembership.create({ data: { userId: staff.id, municipalityId: (await createMunicipality()).id, role: "STAFF" } });
    expect((await appErrorOf(newOwnSignInCode(await viewerOf(staff.id), { currentCode: staffCode }, { sessionToken: undefined }))).code).toBe("FORBIDDEN");
    const { user: admin, code: adminCode } = await personWithCode({ isPlatformAdmin: true, email: `${crypto.randomUUID()}@admin.example` });
    expect((await appErrorOf(newOwnSignInCode(await viewerOf(admin.id), { currentCode: adminCode }, { sessionToken: undefined }))).code).toBe("FORBIDDEN");
    expect((await signInWithCode({ code: staffCode }, context())).userId).toBe(staff.id);
  });

  it("needs a signed-in person", async () => {
    expect((await appErrorOf(newOwnSignInCode(null, {}, { sessionToken: undefined }))).code).toBe("UNAUTHENTICATED");
  });
});

describe("staff issue a new sign-in code for a participant who lost theirs", () => {
  /** A member of the municipality's staff, as a request's viewer. */
  async function staffOf(municipalityId: string) {
    const user = await createUser({ perspective: "MUNICIPAL_STAFF", email: `${crypto.randomUUID()}@stadt.example` });
    await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role: "STAFF" } });
    return user;
  }

  async function setting() {
    const dialogue = await createDialogue();
    const staff = await viewerOf((await staffOf(dialogue.municipalityId)).id);
    const { user: amina, code: lost } = await personWithCode({ displayName: `Amina ${crypto.randomUUID().slice(0, 6)}` });
    await addMember(dialogue.id, amina.id, "PARTICIPANT");
    return { dialogue, staff, amina, lost };
  }

  it("after confirming her in person: her lost code is refused, her sessions end, the log says who and when", async () => {
    const { dialogue, staff, amina, lost } = await setting();
    const finder = await signInWithCode({ code: lost }, context());
    const found = await findParticipantsForNewCode(staff, { municipalityId: dialogue.municipalityId, name: amina.displayName.slice(0, 9).toLowerCase() });
    expect(found.map((person) => person.id)).toContain(amina.id);

    const { signInCode } = await issueSignInCode(staff, { municipalityId: dialogue.municipalityId, userId: amina.id, confirmedInPerson: true, endSessions: true });
    expect(fieldKeys(await appErrorOf(signInWithCode({ code: lost }, context())), "code")).toEqual(["errors.sign_in_failed"]);
    expect(await db.session.count({ where: { sessionToken: finder.session.sessionToken } })).toBe(0);
    expect((await signInWithCode({ code: signInCode }, context())).userId).toBe(amina.id);

    const log = await listSignInCodeIssues(staff, { municipalityId: dialogue.municipalityId });
    expect(log[0]).toMatchObject({ endedSessions: true, user: { displayName: amina.displayName } });
    expect(await db.signInCodeIssue.count({ where: { userId: amina.id, issuedById: staff.id, confirmedInPerson: true } })).toBe(1);
  });

  it("refuses without the in-person confirmation, and the database refuses an unconfirmed log entry", async () => {
    const { dialogue, staff, amina, lost } = await setting();
    const invalid = await invalidInputOf(issueSignInCode(staff, { municipalityId: dialogue.municipalityId, userId: amina.id } as never));
    expect(invalid.issues).toContainEqual({ path: ["confirmedInPerson"], message: "signInCodes.confirmRequired" });
    expect((await signInWithCode({ code: lost }, context())).userId).toBe(amina.id);
    await expect(
      db.signInCodeIssue.create({ data: { municipalityId: dialogue.municipalityId, userId: amina.id, issuedById: staff.id, confirmedInPerson: false, endedSessions: false } }),
    ).rejects.toThrow(/SignInCodeIssue_confirmed/);
  });

  it("is for the municipality's staff only, and never for staff, admins or people of other towns", async () => {
    const { dialogue, staff, amina } = await setting();
    const issue = (viewer: Awaited<ReturnType<typeof viewerOf>> | null, userId: string, municipalityId = dialogue.municipalityId) =>
      issueSignInCode(viewer, { municipalityId, userId, confirmedInPerson: true });
    // A participant, a co-host, staff of another town: refused.
    const participant = await createUser();
    await addMember(dialogue.id, participant.id, "CO_HOST");
    expect((await appErrorOf(issue(await viewerOf(participant.id), amina.id))).code).toBe("FORBIDDEN");
    const otherTown = await staffOf((await createMunicipality()).id);
    expect((await appErrorOf(issue(await viewerOf(otherTown.id), amina.id))).code).toBe("FORBIDDEN");
    // A colleague who also joined a dialogue (staff sign in by e-mail), someone who never joined
    // a dialogue here, the staff member themselves: not found.
    const colleague = await staffOf(dialogue.municipalityId);
    await addMember(dialogue.id, colleague.id, "MODERATOR");
    expect((await appErrorOf(issue(staff, colleague.id))).code).toBe("NOT_FOUND");
    const stranger = await createUser();
    expect((await appErrorOf(issue(staff, stranger.id))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(issue(staff, staff.id))).code).toBe("NOT_FOUND");
    expect(await db.signInCodeIssue.count({ where: { userId: amina.id } })).toBe(0);
  });

  // Security review of decision 032: staff of one town must not take over anyone with a role.
  type Here = { municipalityId: string; elsewhere: { id: string; municipalityId: string } };
  const roleHere = (role: "CO_HOST" | "MODERATOR" | "RECORDER") => async (userId: string, here: Here) =>
    addMember((await createDialogue({ municipalityId: here.municipalityId })).id, userId, role);
  it.each([
    // The reviewer's case: a moderator of another town's dialogue who once joined one here.
    ["a moderator of another town's dialogue", (userId: string, here: Here) => addMember(here.elsewhere.id, userId, "MODERATOR")],
    // That town's staff answer for them as well.
    ["a participant of another town's dialogue", (userId: string, here: Here) => addMember(here.elsewhere.id, userId, "PARTICIPANT")],
    ["a co-host here", roleHere("CO_HOST")],
    ["a moderator here", roleHere("MODERATOR")],
    ["a recorder here", roleHere("RECORDER")],
    ["staff of another town", (userId: string, here: Here) => db.municipalityMembership.create({ data: { userId, municipalityId: here.elsewhere.municipalityId, role: "STAFF" } })],
    ["a member of a local actor", async (userId: string, here: Here) => {
      const actor = await createActor({ municipalityId: here.municipalityId });
      await db.actorMember.create({ data: { actorId: actor.id, userId } });
    }],
  ])("never for %s who joined a dialogue here", async (_, prepare) => {
    const { dialogue, staff } = await setting();
    const elsewhere = await createDialogue();
    const { user } = await personWithCode();
    await addMember(dialogue.id, user.id, "PARTICIPANT");
    await prepare(user.id, { municipalityId: dialogue.municipalityId, elsewhere });
    const refused = await appErrorOf(issueSignInCode(staff, { municipalityId: dialogue.municipalityId, userId: user.id, confirmedInPerson: true }));
    expect(refused.code).toBe("NOT_FOUND");
    const found = await findParticipantsForNewCode(staff, { municipalityId: dialogue.municipalityId, name: user.displayName.slice(0, 20) });
    expect(found.map((person) => person.id)).not.toContain(user.id);
    expect(await db.signInCodeIssue.count({ where: { issuedById: staff.id } })).toBe(0);
  });
});
