// Web Push end to end against a push service in the test (tests/support/push-service.ts) that
// checks the VAPID JWT and decrypts the payload with the subscription's private key (RFC 8291):
// Nour's phone hears of a comment on her need in Arabic, with a link to the comment; the actor is
// never pushed; a device the push service calls gone (410) is forgotten; a failing push service is
// tried again with back-off and then given up, while the in-app notification stays; a burst is one
// push; two workers never send one push twice.
import { afterAll, describe, expect, it, vi } from "vitest";
import webpush from "web-push";
import { startPushService, type TestSubscription } from "../support/push-service";

// lib/env.ts reads the environment once, on first use: set it before any lib module loads.
const vapid = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
process.env.VAPID_SUBJECT = "mailto:betrieb@musterstadt.example";
process.env.PUSH_ALLOW_LOOPBACK = "on";
process.env.COMMENTS_PER_MINUTE = "1000";
const pushService = await startPushService({ vapidPublicKey: vapid.publicKey });

const { db } = await import("@/lib/db/client");
const { createComment } = await import("@/lib/comments/create-comment");
const { createContribution } = await import("@/lib/contributions/create-contribution");
const { deleteAccount } = await import("@/lib/accounts/delete-account");
const { jobQueue } = await import("@/lib/jobs/job-queue");
const { QUEUES } = await import("@/lib/jobs/queues");
const { startJobWorkers } = await import("@/lib/jobs/workers");
const { listNotifications } = await import("@/lib/notifications/list-notifications");
const { notificationSentence } = await import("@/lib/notifications/notification-sentence");
const { listPushDevices, removePushDevice, subscribePush } = await import("@/lib/push/push-devices");
const { claimPushes } = await import("@/lib/push/send-push");
const { createSession } = await import("@/lib/auth/sessions");
const { addMember, createUser } = await import("@/tests/support/factories");
const { appErrorOf, dialogueIn, postInput, viewerOf } = await import("@/tests/support/participation");
const { runDueJobs } = await import("../support/jobs");

afterAll(() => pushService.stop());

const PUSH_QUEUES = [QUEUES.pushSubject, QUEUES.pushDeliver];
type Person = Awaited<ReturnType<typeof viewerOf>>;

async function personIn(dialogueId: string, locale: string): Promise<Person> {
  const user = await createUser({ locale, perspective: "LOCAL_ACTOR" });
  await addMember(dialogueId, user.id, "PARTICIPANT");
  return viewerOf(user.id);
}

/** A phone of `person` on the test's push service, switched on from a page in `locale`. */
async function phoneOf(person: Person, locale: "ar" | "uk" | "de"): Promise<TestSubscription> {
  const subscription = pushService.subscribe();
  await subscribePush(person, { endpoint: subscription.endpoint, ...subscription.keys, locale }, await signedIn(person));
  return subscription;
}

/** A new sign-in session of `person` (a device belongs to the session it was switched on in). */
const signedIn = async (person: Person) => ({ sessionToken: (await createSession(person.id)).sessionToken });

const pushesTo = (subscription: TestSubscription) => pushService.received.filter((push) => push.endpoint === subscription.endpoint);
const payloadOf = (subscription: TestSubscription, index = 0) => JSON.parse(pushesTo(subscription)[index]!.payload!) as Record<string, string>;

/** Nour (Arabic) posts a need in a dialogue whose other members are Olena (Ukrainian) and Jonas (German). */
async function noursNeed() {
  const dialogue = await dialogueIn("COLLECTING");
  const nour = await personIn(dialogue.id, "ar");
  const olena = await personIn(dialogue.id, "uk");
  const jonas = await personIn(dialogue.id, "de");
  const need = await createContribution(nour, postInput(dialogue, { title: `Sprachkurs am Abend ${Date.now()}` }));
  const { slug, municipality } = await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id }, select: { slug: true, municipality: { select: { slug: true } } } });
  return { dialogue, nour, olena, jonas, need, needPath: `/${municipality.slug}/${slug}/c/${need.id}` };
}

/** The jobs of one kind about one subject (push.subject) or one device (push.deliver). */
async function jobStates(name: string, about: { subjectId: string } | { subscriptionId: string }) {
  const [field, value] = Object.entries(about)[0]!;
  const { rows } = await (await jobQueue()).getDb().executeSql(
    `SELECT state::text AS state, retry_count AS "retryCount" FROM pgboss.job WHERE name = $1 AND data->>$2 = $3 ORDER BY created_on`,
    [name, field, value],
  );
  return rows as { state: string; retryCount: number }[];
}

/** Makes every job waiting for its back-off (or its debounce slot) due now, instead of waiting for the clock. */
async function allDue() {
  await (await jobQueue()).getDb().executeSql(`UPDATE pgboss.job SET start_after = now() WHERE name = ANY($1) AND state IN ('created', 'retry')`, [PUSH_QUEUES]);
}

describe("Web Push", () => {
  it("tells Nour's phone of a comment on her need in Arabic, encrypted for it, with a link to the comment — and not the commenter's", async () => {
    const { nour, olena, jonas, need, needPath } = await noursNeed();
    const nourPhone = await phoneOf(nour, "ar");
    const olenaPhone = await phoneOf(olena, "uk");
    // Olena supports it, so she follows it; Jonas comments, and has a phone too.
    await db.follow.create({ data: { userId: olena.id, contributionId: need.id } });
    const jonasPhone = await phoneOf(jonas, "de");

    const comment = await createComment(jonas, { contributionId: need.id, body: "Ich kenne einen Kurs in der VHS.", language: "de" });
    expect(await runDueJobs(PUSH_QUEUES)).toEqual({ done: 3, failed: 0 });

    expect(pushesTo(nourPhone)).toHaveLength(1);
    const [push] = pushesTo(nourPhone);
    expect(push!.problems).toEqual([]);
    expect(push!.claims.sub).toBe("mailto:betrieb@musterstadt.example");
    expect(push!.vapidKey).toBe(vapid.publicKey);
    const payload = payloadOf(nourPhone);
    const { items } = await listNotifications(nour, {}, "ar");
    const sentence = (await notificationSentence("ar"))(items[0]!);
    const { title } = await db.contribution.findUniqueOrThrow({ where: { id: need.id } });
    expect(sentence).toBe(`تعليق جديد على «${title}»`);
    expect(payload).toEqual({
      title: "mitreden",
      // The sentence of her list, the title isolated so that a Latin title keeps its own direction.
      body: `تعليق جديد على «\u2068${title}\u2069»`,
      url: `/ar${needPath}?comment=${comment.id}#comment-${comment.id}`,
      lang: "ar",
      dir: "rtl",
      tag: `notification-${items[0]!.id}`,
    });
    expect(payloadOf(olenaPhone)).toMatchObject({ lang: "uk", dir: "ltr", body: expect.stringContaining("новий коментар") });
    // Nobody is told of their own doing, on any channel.
    expect(pushesTo(jonasPhone)).toEqual([]);
    const devices = await listPushDevices(nour);
    expect(devices).toEqual([expect.objectContaining({ service: "127.0.0.1", lastSuccessAt: expect.any(Date) })]);
  });

  it("forgets a device the push service calls gone (410) and keeps the notification in the app", async () => {
    const { nour, jonas, need } = await noursNeed();
    const gonePhone = await phoneOf(nour, "ar");
    const otherPhone = await phoneOf(nour, "ar");
    pushService.answer(gonePhone.endpoint, 410);

    await createComment(jonas, { contributionId: need.id, body: "Frag im Bürgerhaus.", language: "de" });
    expect(await runDueJobs(PUSH_QUEUES)).toEqual({ done: 3, failed: 0 });

    expect(pushesTo(gonePhone)).toHaveLength(1);
    expect(pushesTo(otherPhone)).toHaveLength(1);
    expect(await db.pushSubscription.count({ where: { endpoint: gonePhone.endpoint } })).toBe(0);
    expect(await db.pushSubscription.count({ where: { endpoint: otherPhone.endpoint } })).toBe(1);
    expect((await listNotifications(nour, {}, "ar")).items).toHaveLength(1);
  });

  it("tries a failing push service again with back-off, then gives up — the in-app notification stays", async () => {
    const { nour, jonas, need } = await noursNeed();
    const phone = await phoneOf(nour, "ar");
    // Four retries after the first attempt: five answers of 500.
    pushService.answer(phone.endpoint, 500, 500, 500, 500, 500);
    await createComment(jonas, { contributionId: need.id, body: "Ich frage nach.", language: "de" });

    expect(await runDueJobs(PUSH_QUEUES)).toEqual({ done: 1, failed: 1 });
    const { id: subscriptionId } = await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: phone.endpoint } });
    expect(await jobStates(QUEUES.pushDeliver, { subscriptionId })).toEqual([expect.objectContaining({ state: "retry" })]);
    // Not due yet: the back-off holds it.
    expect(await runDueJobs(PUSH_QUEUES)).toEqual({ done: 0, failed: 0 });
    const retries: Record<number, unknown> = {};
    for (let attempt = 2; attempt <= 5; attempt++) {
      await allDue();
      retries[attempt] = await runDueJobs(PUSH_QUEUES);
    }
    const failedOnce = { done: 0, failed: 1 };
    expect(retries).toEqual({ 2: failedOnce, 3: failedOnce, 4: failedOnce, 5: failedOnce });
    expect(await jobStates(QUEUES.pushDeliver, { subscriptionId })).toEqual([expect.objectContaining({ state: "failed" })]);
    expect(pushesTo(phone)).toHaveLength(5);
    await allDue();
    expect(await runDueJobs(PUSH_QUEUES)).toEqual({ done: 0, failed: 0 });
    // The device stays (a server error is not "gone"), and the notification is there to read.
    expect(await db.pushSubscription.count({ where: { endpoint: phone.endpoint } })).toBe(1);
    expect((await listNotifications(nour, {}, "ar")).items).toEqual([expect.objectContaining({ unread: true, type: "COMMENT_POSTED" })]);
  });

  it("sends a burst of comments as one push that counts them", async () => {
    const { nour, jonas, olena, need } = await noursNeed();
    const phone = await phoneOf(nour, "ar");
    for (let i = 0; i < 12; i++) {
      await createComment(i % 2 ? jonas : olena, { contributionId: need.id, body: `Kommentar ${i}`, language: "de" });
    }
    // One job for the first comment; the others share one in the next throttle slot.
    expect((await jobStates(QUEUES.pushSubject, { subjectId: need.id })).length).toBeLessThanOrEqual(2);
    await runDueJobs(PUSH_QUEUES);
    await allDue();
    await runDueJobs(PUSH_QUEUES);
    expect(pushesTo(phone)).toHaveLength(1);
    expect(payloadOf(phone).body).toContain("12");
    // The next comment is news again. Its job waits for the next throttle slot (a minute at most;
    // the slots of this test's minute are taken), which runs what claimPushes does: one more push,
    // same tag, so it replaces the first on the phone.
    await createComment(jonas, { contributionId: need.id, body: "Noch einer", language: "de" });
    expect(await db.notification.findFirstOrThrow({ where: { userId: nour.id, subjectId: need.id }, select: { count: true, pushedCount: true } })).toEqual({ count: 13, pushedCount: 12 });
    expect(await claimPushes({ subjectId: need.id })).toEqual({ deliveries: 1 });
    await runDueJobs(PUSH_QUEUES);
    expect(pushesTo(phone)).toHaveLength(2);
    expect(payloadOf(phone, 1).tag).toBe(payloadOf(phone, 0).tag);
    expect(payloadOf(phone, 1).body).toContain("13");
  });

  it("claims a subject's news once, however many workers try at the same moment", async () => {
    const { nour, jonas, need } = await noursNeed();
    await phoneOf(nour, "ar");
    await phoneOf(nour, "ar");
    await createComment(jonas, { contributionId: need.id, body: "Gleichzeitig", language: "de" });
    const results = await Promise.all(Array.from({ length: 6 }, () => claimPushes({ subjectId: need.id })));
    expect(results.map((result) => result.deliveries).sort()).toEqual([0, 0, 0, 0, 0, 2]);
  });

  it("two running workers deliver every push exactly once", async () => {
    const first = await startJobWorkers({ concurrency: 3 });
    const second = await startJobWorkers({ concurrency: 3 });
    try {
      const needs = await Promise.all(Array.from({ length: 4 }, noursNeed));
      const phones = await Promise.all(needs.map(({ nour }) => phoneOf(nour, "ar")));
      await Promise.all(needs.map(({ jonas, need }) => createComment(jonas, { contributionId: need.id, body: "Zwei Worker", language: "de" })));
      await vi.waitFor(async () => expect(phones.map((phone) => pushesTo(phone).length)).toEqual([1, 1, 1, 1]), { timeout: 20_000, interval: 100 });
      await vi.waitFor(async () => {
        const { rows } = await (await jobQueue()).getDb().executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'active', 'retry') AND start_after <= now()`, [PUSH_QUEUES]);
        expect((rows[0] as { n: number }).n).toBe(0);
      }, { timeout: 20_000, interval: 100 });
      expect(phones.map((phone) => pushesTo(phone).length)).toEqual([1, 1, 1, 1]);
    } finally {
      await Promise.all([first.stop({ graceful: true, timeout: 5_000 }), second.stop({ graceful: true, timeout: 5_000 })]);
    }
  });
});

describe("devices", () => {
  it.each(["https://10.0.0.5/push/x", "https://localhost/push", "https://[::1]/push", "http://fcm.googleapis.com/fcm/send/x", "https://fcm.googleapis.com:8443/x", "https://user:pw@fcm.googleapis.com/x", "http://127.0.0.2:3912/push/x"])(
    "refuses the endpoint %s, which the server must not call (SSRF)",
    async (endpoint) => {
      const { nour } = await noursNeed();
      const keys = pushService.subscribe().keys;
      const error = await appErrorOf(subscribePush(nour, { endpoint, ...keys, locale: "ar" }, await signedIn(nour)));
      expect(error?.details.fieldErrors).toEqual({ endpoint: [{ key: "validation.invalid" }] });
      expect(await db.pushSubscription.count({ where: { userId: nour.id } })).toBe(0);
    },
  );

  it("refuses keys that are not a browser's", async () => {
    const { nour } = await noursNeed();
    const keys = pushService.subscribe().keys;
    const here = await signedIn(nour);
    const badKeys = await appErrorOf(subscribePush(nour, { endpoint: "https://fcm.googleapis.com/fcm/send/abc", p256dh: "x", auth: keys.auth, locale: "ar" }, here));
    expect(Object.keys(badKeys?.details.fieldErrors as object)).toEqual(["p256dh"]);
    expect(await db.pushSubscription.count({ where: { userId: nour.id } })).toBe(0);
  });

  it("lets a person remove only their own devices, and deleting the account removes them all", async () => {
    const { nour, olena } = await noursNeed();
    const phone = await phoneOf(nour, "ar");
    await phoneOf(nour, "de");
    const [mine] = await listPushDevices(nour);
    expect(await removePushDevice(olena, { id: mine!.id })).toEqual({ removed: 0 });
    expect(await removePushDevice(nour, { endpoint: phone.endpoint })).toEqual({ removed: 1 });
    expect(await listPushDevices(nour)).toHaveLength(1);
    await deleteAccount(nour, { confirm: true });
    expect(await db.pushSubscription.count({ where: { userId: nour.id } })).toBe(0);
  });

  it("moves a shared browser's subscription to whoever switched push on last", async () => {
    const { nour, olena } = await noursNeed();
    const phone = await phoneOf(nour, "ar");
    await subscribePush(olena, { endpoint: phone.endpoint, ...phone.keys, locale: "uk" }, await signedIn(olena));
    expect(await listPushDevices(nour)).toEqual([]);
    expect(await listPushDevices(olena)).toHaveLength(1);
  });

  it("refuses switching on when signed out", async () => {
    const phone = pushService.subscribe();
    expect((await appErrorOf(subscribePush(null, { endpoint: phone.endpoint, ...phone.keys, locale: "ar" }, { sessionToken: undefined })))?.code).toBe("UNAUTHENTICATED");
  });
});
