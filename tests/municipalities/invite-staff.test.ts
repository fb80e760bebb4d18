// Staff invite staff: only staff of that municipality or a platform admin, by e-mail; the
// colleague's account gets the role and a sign-in link. A role never goes to an account that
// merely typed the colleague's address into its profile.
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpCatcher } from "@/tests/support/smtp-catcher";
import { runDueJobs } from "@/tests/support/jobs";

// lib/env.ts reads the environment once, on first use: set it before any lib module loads.
const smtp = await startSmtpCatcher();
process.env.SMTP_URL = smtp.url;
process.env.NEXTAUTH_SECRET = "test-secret-for-staff-invitations-0123456789";
process.env.NEXTAUTH_URL = "http://mitreden.test:3000";

const { db } = await import("@/lib/db/client");
const { inviteStaff } = await import("@/lib/municipalities/invite-staff");
const { generateSignInCode, hashSignInCode } = await import("@/lib/auth/sign-in-code");
const { addMember, createDialogue, createMunicipality, createUser, unique } = await import("@/tests/support/factories");
const { appErrorOf, context, fieldKeys, viewerOf, invalidInputOf } = await import("@/tests/support/viewers");

afterAll(() => smtp.stop());

const mailsTo = (address: string) => smtp.mails.filter((mail) => mail.to.includes(address.toLowerCase()));
const newAddress = () => `${unique("kollegin")}@stadt.example`;

async function staffOf(municipalityId: string, role: "STAFF" | "MODERATOR" = "STAFF") {
  const user = await createUser({ email: `${unique("staff")}@stadt.example`, perspective: "MUNICIPAL_STAFF" });
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role } });
  return viewerOf(user.id);
}

async function participantWithAddress(email: string, emailVerified: Date | null) {
  const signIn = generateSignInCode();
  return createUser({ email, emailVerified, signInHandle: signIn.handle, signInCodeHash: await hashSignInCode(signIn.code) });
}

describe("inviteStaff", () => {
  it("lets staff add a colleague: a new account with the role, and a sign-in link by e-mail", async () => {
    const municipality = await createMunicipality();
    const staff = await staffOf(municipality.id);
    const email = newAddress();
    const { userId } = await inviteStaff(
      staff,
      { municipalityId: municipality.id, email: email.toUpperCase(), displayName: "Frau Berger", role: "STAFF" },
      context(),
    );

    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      email,
      displayName: "Frau Berger",
      // The staff column comes from the role, never from the profile.
      perspective: "NOT_STATED",
      signInHandle: null,
      isPlatformAdmin: false,
    });
    expect(await db.municipalityMembership.findMany({ where: { userId }, select: { municipalityId: true, role: true } })).toEqual([
      { municipalityId: municipality.id, role: "STAFF" },
    ]);
    await runDueJobs();
    const [mail] = mailsTo(email);
    expect(mailsTo(email)).toHaveLength(1);
    expect(mail?.text).toMatch(/\/api\/auth\/callback\/email\?\S*token=[0-9a-f]{64}/);
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(1);
  });

  it("adds a moderator without declaring a perspective for them", async () => {
    const municipality = await createMunicipality();
    const email = newAddress();
    const { userId } = await inviteStaff(
      await staffOf(municipality.id),
      { municipalityId: municipality.id, email, displayName: "Herr Okafor", role: "MODERATOR" },
      context(),
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).perspective).toBe("NOT_STATED");
    expect((await viewerOf(userId)).municipalityRoles).toEqual({ [municipality.id]: ["MODERATOR"] });
  });

  it("lets a platform admin add staff to any municipality", async () => {
    const municipality = await createMunicipality();
    const admin = await viewerOf((await createUser({ isPlatformAdmin: true })).id);
    const email = newAddress();
    const { userId } = await inviteStaff(admin, { municipalityId: municipality.id, email, displayName: "Erste Kollegin", role: "STAFF" }, context());
    expect((await viewerOf(userId)).municipalityRoles).toEqual({ [municipality.id]: ["STAFF"] });
    await runDueJobs();
    expect(mailsTo(email)).toHaveLength(1);
  });

  it("gives a colleague who already has an account (staff elsewhere) the role, keeping their name", async () => {
    const home = await createMunicipality();
    const neighbour = await createMunicipality();
    const colleague = await staffOf(home.id);
    const email = (await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).email!;
    const { userId } = await inviteStaff(await staffOf(neighbour.id), { municipalityId: neighbour.id, email, displayName: "Anders", role: "STAFF" }, context());

    expect(userId).toBe(colleague.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).displayName).toBe(colleague.displayName);
    expect((await viewerOf(userId)).municipalityRoles).toEqual({ [home.id]: ["STAFF"], [neighbour.id]: ["STAFF"] });
  });

  it("gives the role to a participant whose address is confirmed", async () => {
    const municipality = await createMunicipality();
    const email = newAddress();
    const participant = await participantWithAddress(email, new Date());
    const { userId } = await inviteStaff(await staffOf(municipality.id), { municipalityId: municipality.id, email, displayName: "X", role: "STAFF" }, context());
    expect(userId).toBe(participant.id);
  });

  it("does not give the role to an account that only typed the address into its profile", async () => {
    const municipality = await createMunicipality();
    const email = newAddress();
    const squatter = await participantWithAddress(email, null);
    const error = await appErrorOf(
      inviteStaff(await staffOf(municipality.id), { municipalityId: municipality.id, email, displayName: "Frau Berger", role: "STAFF" }, context()),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldKeys(error, "email")).toEqual(["errors.email_unconfirmed"]);
    expect(await db.municipalityMembership.count({ where: { userId: squatter.id } })).toBe(0);
    await runDueJobs();
    expect(mailsTo(email)).toHaveLength(0);
  });

  it.each([
    ["staff of another municipality", async () => staffOf((await createMunicipality()).id)],
    ["a municipal moderator", (municipalityId: string) => staffOf(municipalityId, "MODERATOR")],
    ["a co-host", async (municipalityId: string) => {
      const coHost = await createUser();
      await addMember((await createDialogue({ municipalityId })).id, coHost.id, "CO_HOST");
      return viewerOf(coHost.id);
    }],
    ["a signed-out visitor", async () => null],
  ])("refuses %s", async (who, viewerFor) => {
    const municipality = await createMunicipality();
    const email = newAddress();
    const input = { municipalityId: municipality.id, email, displayName: "Frau Berger", role: "STAFF" as const };
    const refused = await appErrorOf(inviteStaff(await viewerFor(municipality.id), input, context()));
    expect(refused.code).toBe(who === "a signed-out visitor" ? "UNAUTHENTICATED" : "FORBIDDEN");
    expect(await db.user.count({ where: { email } })).toBe(0);
    await runDueJobs();
    expect(mailsTo(email)).toHaveLength(0);
  });

  it("refuses a suspended staff member", async () => {
    const municipality = await createMunicipality();
    const user = await createUser({ suspendedAt: new Date() });
    await db.municipalityMembership.create({ data: { userId: user.id, municipalityId: municipality.id, role: "STAFF" } });
    const error = await appErrorOf(
      inviteStaff(await viewerOf(user.id), { municipalityId: municipality.id, email: newAddress(), displayName: "X", role: "STAFF" }, context()),
    );
    expect(error.code).toBe("FORBIDDEN");
  });

  it("refuses a name with bidi overrides and a role that is not a municipal role", async () => {
    const municipality = await createMunicipality();
    const staff = await staffOf(municipality.id);
    const base = { municipalityId: municipality.id, email: newAddress(), displayName: "Frau Berger", role: "STAFF" as const };
    const name = await invalidInputOf(inviteStaff(staff, { ...base, displayName: "Berger\u202E" }, context()));
    expect(name.issues).toEqual([expect.objectContaining({ path: ["displayName"], message: "validation.invalid_characters" })]);
    const role = await invalidInputOf(inviteStaff(staff, { ...base, role: "ADMIN" as "STAFF" }, context()));
    expect(role.issues.map((issue) => issue.path.join("."))).toEqual(["role"]);
  });
});
