// Security review of decision 031: a push device belongs to the sign-in session that switched it
// on. Signing out on that phone, "sign out everywhere" and a new sign-in code (one's own, or one
// staff issue for a lost paper) end the devices too — the next person on a shared phone, or whoever
// has the lost one, hears nothing of the person's news.
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import webpush from "web-push";

// lib/env.ts reads the environment once, on first use: set it before any lib module loads.
const vapid = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
process.env.VAPID_PRIVATE_KEY = vapid.privateKey;

const { db } = await import("@/lib/db/client");
const { createSession, deleteAllSessions, deleteSession } = await import("@/lib/auth/sessions");
const { issueSignInCode, newOwnSignInCode } = await import("@/lib/accounts/new-sign-in-code");
const { generateSignInCode, hashSignInCode } = await import("@/lib/auth/sign-in-code");
const { listPushDevices, MAX_PUSH_DEVICES, subscribePush } = await import("@/lib/push/push-devices");
const { deliverPush } = await import("@/lib/push/send-push");
const { LIMITS } = await import("@/lib/rate-limit");
const { addMember, createDialogue, createUser } = await import("@/tests/support/factories");
const { appErrorOf, viewerOf } = await import("@/tests/support/viewers");

type Person = Awaited<ReturnType<typeof viewerOf>>;

/** A member of the municipality's staff. */
async function staffOf(municipalityId: string) {
  const user = await createUser({ perspective: "MUNICIPAL_STAFF", email: `${randomUUID()}@stadt.example` });
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId, role: "STAFF" } });
  return user;
}

async function person(): Promise<Person & { code: string }> {
  const signIn = generateSignInCode();
  const user = await createUser({ signInHandle: signIn.handle, signInCodeHash: await hashSignInCode(signIn.code) });
  return { ...(await viewerOf(user.id)), code: signIn.code };
}

/** A phone: a new sign-in session of `who`, and push switched on in it. */
async function phoneOf(who: Person, endpoint = `https://fcm.googleapis.com/fcm/send/${randomUUID()}`) {
  const { sessionToken } = await createSession(who.id);
  const keys = { p256dh: randomBytes(65).toString("base64url"), auth: randomBytes(16).toString("base64url") };
  await subscribePush(who, { endpoint, ...keys, locale: "de" }, { sessionToken });
  return { sessionToken, endpoint };
}

const browserKeys = () => ({ p256dh: randomBytes(65).toString("base64url"), auth: randomBytes(16).toString("base64url") });

const endpointsOf = async (who: Person) =>
  (await db.pushSubscription.findMany({ where: { userId: who.id }, select: { endpoint: true }, orderBy: { endpoint: "asc" } })).map((row) => row.endpoint).sort();

describe("push devices end with the sign-in session", () => {
  it("signing out on a phone ends that phone's push only", async () => {
    const nour = await person();
    const shared = await phoneOf(nour);
    const own = await phoneOf(nour);
    await deleteSession(shared.sessionToken);
    expect(await endpointsOf(nour)).toEqual([own.endpoint]);
  });

  it("the next person on a shared phone gets their own push, and signing out ends it too", async () => {
    const nour = await person();
    const olena = await person();
    const phone = await phoneOf(nour);
    await deleteSession(phone.sessionToken);
    const again = await phoneOf(olena, phone.endpoint);
    expect(await endpointsOf(nour)).toEqual([]);
    expect(await endpointsOf(olena)).toEqual([phone.endpoint]);
    await deleteSession(again.sessionToken);
    expect(await endpointsOf(olena)).toEqual([]);
  });

  it("sign out everywhere ends every device, also one saved before devices had a session", async () => {
    const nour = await person();
    await phoneOf(nour);
    await phoneOf(nour);
    await db.pushSubscription.updateMany({ where: { userId: nour.id }, data: { sessionId: null } });
    await phoneOf(nour);
    await deleteAllSessions(nour.id);
    expect(await endpointsOf(nour)).toEqual([]);
  });

  it("a new sign-in code that ends the other sessions ends their push; this phone keeps its own", async () => {
    const nour = await person();
    const lost = await phoneOf(nour);
    const here = await phoneOf(nour);
    await db.pushSubscription.updateMany({ where: { endpoint: lost.endpoint }, data: { sessionId: null } });
    const other = await phoneOf(nour);
    await newOwnSignInCode(nour, { currentCode: nour.code, endOtherSessions: true }, { sessionToken: here.sessionToken });
    expect(await endpointsOf(nour)).toEqual([here.endpoint]);
    expect(other.endpoint).not.toBe(here.endpoint);
  });

  it("a new code staff issue for a lost paper ends every device of the person", async () => {
    const dialogue = await createDialogue();
    const staff = await viewerOf((await staffOf(dialogue.municipalityId)).id);
    const amina = await person();
    await addMember(dialogue.id, amina.id, "PARTICIPANT");
    await phoneOf(amina);
    await db.pushSubscription.updateMany({ where: { userId: amina.id }, data: { sessionId: null } });
    await phoneOf(amina);
    await issueSignInCode(staff, { municipalityId: dialogue.municipalityId, userId: amina.id, confirmedInPerson: true, endSessions: true });
    expect(await endpointsOf(amina)).toEqual([]);
  });

  it.each([
    ["no session", async () => undefined],
    ["a session that does not exist", async () => "no-such-session"],
    ["another person's session", async () => (await createSession((await person()).id)).sessionToken],
  ])("refuses switching on with %s instead of a live session of the person", async (_, sessionOf) => {
    const nour = await person();
    const keys = { p256dh: randomBytes(65).toString("base64url"), auth: randomBytes(16).toString("base64url") };
    const endpoint = `https://fcm.googleapis.com/fcm/send/${randomUUID()}`;
    const sessionToken = await sessionOf();
    expect((await appErrorOf(subscribePush(nour, { endpoint, ...keys, locale: "de" }, { sessionToken }))).code).toBe("UNAUTHENTICATED");
    expect(await listPushDevices(nour)).toEqual([]);
  });
});

describe("limits on push devices (security review of decision 031)", () => {
  it(`keeps at most ${MAX_PUSH_DEVICES} devices per person, forgetting the one switched on longest ago`, async () => {
    const nour = await person();
    const phones = [];
    for (let i = 0; i <= MAX_PUSH_DEVICES; i++) phones.push(await phoneOf(nour));
    const kept = await endpointsOf(nour);
    expect(kept).toHaveLength(MAX_PUSH_DEVICES);
    expect(kept).not.toContain(phones[0]!.endpoint);
    expect(kept).toContain(phones[MAX_PUSH_DEVICES]!.endpoint);
  });

  it("limits how often a person switches push on", async () => {
    const nour = await person();
    const { sessionToken } = await createSession(nour.id);
    for (let i = 0; i < LIMITS.pushSubscribePerPerson.points; i++) {
      await subscribePush(nour, { endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`, ...browserKeys(), locale: "de" }, { sessionToken });
    }
    const error = await appErrorOf(subscribePush(nour, { endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`, ...browserKeys(), locale: "de" }, { sessionToken }));
    expect(error.code).toBe("RATE_LIMITED");
  });

  it.each(["https://push.example.org/p/1", "https://[2a00:1450:4001:80b::200a]/p", "https://[::7f00:1]/p"])(
    "refuses switching on with %s: not a browser's push service (PUSH_ALLOWED_HOSTS unset)",
    async (endpoint) => {
      const nour = await person();
      const { sessionToken } = await createSession(nour.id);
      const error = await appErrorOf(subscribePush(nour, { endpoint, ...browserKeys(), locale: "de" }, { sessionToken }));
      expect(error.details.fieldErrors).toEqual({ endpoint: [{ key: "validation.invalid" }] });
      expect(await listPushDevices(nour)).toHaveLength(0);
    },
  );

  it("accepts the browsers' push services (PUSH_ALLOWED_HOSTS unset) when switching on, and sends to nothing else", async () => {
    const nour = await person();
    const { sessionToken } = await createSession(nour.id);
    for (const endpoint of ["https://updates.push.services.mozilla.com/wpush/v2/x", "https://web.push.apple.com/x", "https://wns2-par02p.notify.windows.com/w/?token=x"]) {
      await subscribePush(nour, { endpoint, ...browserKeys(), locale: "de" }, { sessionToken });
    }
    expect(await listPushDevices(nour)).toHaveLength(3);
    // A device saved before (or under a wider setting) is not called: nothing is sent and nothing retried.
    const dialogue = await createDialogue();
    const device = await db.pushSubscription.create({ data: { userId: nour.id, endpoint: "https://push.example.org/p/2", ...browserKeys(), locale: "de" }, select: { id: true } });
    const notification = await db.notification.create({ data: { userId: nour.id, type: "RESPONSE_POSTED", dialogueId: dialogue.id }, select: { id: true } });
    expect(await deliverPush({ notificationId: notification.id, subscriptionId: device.id })).toEqual({ sent: 0, gone: 0 });
  });
});
