// The daily e-mail digest, through a real SMTP server: one mail per person, in their language,
// with all their pending notifications; nothing for addresses not confirmed or the digest
// switched off; never the same notification twice, also with two runs at once; an unsubscribe
// link that works for its own account only.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { startSmtpCatcher, type CaughtMail } from "../support/smtp-catcher";

// lib/env.ts reads the environment once, on first use: set it before any lib module loads.
const smtp = await startSmtpCatcher();
const BASE_URL = "http://mitreden.test:3000";
process.env.SMTP_URL = smtp.url;
process.env.NEXTAUTH_SECRET = "test-secret-for-the-digest-0123456789abcdef";
process.env.NEXTAUTH_URL = BASE_URL;

const { db } = await import("@/lib/db/client");
const { sendDigests } = await import("@/lib/notifications/send-digest");
const { describeUnsubscribe, unsubscribeFromDigest } = await import("@/lib/notifications/unsubscribe");
const { unsubscribeToken } = await import("@/lib/notifications/unsubscribe-token");
const { createContribution, createUser, unique } = await import("@/tests/support/factories");
const { appErrorOf, dialogueIn } = await import("@/tests/support/participation");

afterAll(() => smtp.stop());
// Each run mails everyone pending in this file's database: start every test from none pending.
beforeEach(async () => {
  await db.notification.updateMany({ where: { emailedAt: null }, data: { emailedAt: new Date() } });
});

const mailsTo = (address: string): CaughtMail[] => smtp.mails.filter((mail) => mail.to.includes(address.toLowerCase()));

async function person(locale: string, overrides: { emailVerified?: Date | null; emailDigest?: boolean; email?: string | null; deletedAt?: Date } = {}) {
  return createUser({ email: `${unique("p")}@mail.example`, emailVerified: new Date(), locale, ...overrides });
}

async function pending(userId: string, count: number) {
  const dialogue = await dialogueIn("COLLECTING");
  const contribution = await createContribution({ dialogueId: dialogue.id });
  await db.notification.createMany({
    data: Array.from({ length: count }, (_, i) =>
      i % 2 === 0
        ? { userId, type: "PHASE_CHANGED" as const, dialogueId: dialogue.id }
        : { userId, type: "RESPONSE_POSTED" as const, contributionId: contribution.id },
    ),
  });
  return { dialogue, contribution };
}

describe("sendDigests", () => {
  it("sends each person one mail in their language with all pending notifications and links, then marks them mailed", async () => {
    const anna = await person("de");
    const omar = await person("en");
    const { dialogue } = await pending(anna.id, 3);
    await pending(omar.id, 2);

    expect(await sendDigests()).toEqual({ mails: 2, notifications: 5 });

    const [annas] = mailsTo(anna.email!) as [CaughtMail];
    expect(mailsTo(anna.email!)).toHaveLength(1);
    expect(annas.subject).toBe("3 neue Benachrichtigungen bei mitreden");
    expect(annas.text).toContain(`Hallo ${anna.displayName},`);
    expect(annas.text).toContain(`Der Dialog „${dialogue.title}“ ist jetzt in der Phase ${de.phases.COLLECTING}`);
    expect(annas.text.match(/^- /gm)).toHaveLength(3);
    expect(annas.text).toContain(`${BASE_URL}/de/notifications`);

    const [omars] = mailsTo(omar.email!) as [CaughtMail];
    expect(omars.subject).toBe("2 new notifications on mitreden");
    expect(omars.text).toContain(en.digest.intro);
    expect(omars.headers["list-unsubscribe"]).toContain(`${BASE_URL}/api/digest/unsubscribe?`);
    expect(omars.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // Mail programs and screen readers read each mail in its person's language.
    expect(annas.headers["content-language"]).toBe("de");
    expect(omars.headers["content-language"]).toBe("en");

    expect(await db.notification.count({ where: { userId: { in: [anna.id, omar.id] }, emailedAt: null } })).toBe(0);
  });

  it("mails nobody without a confirmed address or with the digest off, and leaves their notifications", async () => {
    const unconfirmed = await person("de", { emailVerified: null });
    const off = await person("de", { emailDigest: false });
    const noAddress = await person("de", { email: null });
    const gone = await person("de", { deletedAt: new Date() });
    for (const user of [unconfirmed, off, noAddress, gone]) await pending(user.id, 1);

    expect(await sendDigests()).toEqual({ mails: 0, notifications: 0 });
    expect(mailsTo(unconfirmed.email!)).toHaveLength(0);
    expect(mailsTo(off.email!)).toHaveLength(0);
    const ids = [unconfirmed, off, noAddress, gone].map((user) => user.id);
    expect(await db.notification.count({ where: { userId: { in: ids }, emailedAt: null } })).toBe(4);
  });

  it("names no title of a contribution withdrawn since, to anyone but its author (decision 030)", async () => {
    const reader = await person("en");
    const { contribution } = await pending(reader.id, 2);
    await db.contribution.update({ where: { id: contribution.id }, data: { withdrawnAt: new Date() } });
    await sendDigests();
    const [mail] = mailsTo(reader.email!) as [CaughtMail];
    expect(mail.text).toContain(en.notifications.sentences.followedWithdrawn);
    expect(mail.text).not.toContain(contribution.title);
    expect(mail.text).not.toContain(`/c/${contribution.id}`);
  });

  it("leaves out what was read in the app already", async () => {
    const reader = await person("en");
    await pending(reader.id, 2);
    await db.notification.updateMany({ where: { userId: reader.id, type: "RESPONSE_POSTED" }, data: { readAt: new Date() } });
    await sendDigests();
    expect(mailsTo(reader.email!)[0]?.subject).toBe("1 new notification on mitreden");
  });

  it("sends nothing on a second run, and only the new ones later", async () => {
    const user = await person("en");
    await pending(user.id, 2);
    await sendDigests();
    expect(await sendDigests()).toEqual({ mails: 0, notifications: 0 });
    expect(mailsTo(user.email!)).toHaveLength(1);

    await pending(user.id, 1);
    expect(await sendDigests()).toEqual({ mails: 1, notifications: 1 });
    expect(mailsTo(user.email!).map((mail) => mail.subject)).toEqual(["2 new notifications on mitreden", "1 new notification on mitreden"]);
  });

  it("mails each notification once when two runs (two app instances) go at the same time", async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => person("en")));
    for (const user of users) await pending(user.id, 2);

    const runs = await Promise.all([sendDigests(), sendDigests(), sendDigests()]);
    expect(runs.reduce((sum, run) => sum + run.notifications, 0)).toBe(12);
    expect(runs.reduce((sum, run) => sum + run.mails, 0)).toBe(6);
    expect(users.map((user) => [user.email, mailsTo(user.email!).length])).toEqual(users.map((user) => [user.email, 1]));
  });
});

describe("unsubscribing", () => {
  const linkIn = (mail: CaughtMail) => new URL(mail.text.match(/https?:\/\/\S+\/unsubscribe\?\S+/)![0]);

  it("the link in the mail shows the address first, and the button switches the digest off", async () => {
    const user = await person("en");
    await pending(user.id, 1);
    await sendDigests();
    const link = linkIn(mailsTo(user.email!)[0]!);
    expect(link.pathname).toBe("/en/unsubscribe");
    const input = { user: link.searchParams.get("user")!, token: link.searchParams.get("token")! };

    expect(await describeUnsubscribe(input)).toEqual({ email: user.email, subscribed: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailDigest).toBe(true);
    await unsubscribeFromDigest(input);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailDigest).toBe(false);

    await pending(user.id, 1);
    await sendDigests();
    expect(mailsTo(user.email!)).toHaveLength(1);
  });

  it("the List-Unsubscribe header's address switches off with a POST (RFC 8058), and has no GET", async () => {
    const route = await import("@/app/api/digest/unsubscribe/route");
    const user = await person("en");
    await pending(user.id, 1);
    await sendDigests();
    const header = mailsTo(user.email!)[0]!.headers["list-unsubscribe"]!;
    const url = header.replace(/^<|>$/g, "");
    expect("GET" in route).toBe(false);

    const forged = new URL(url);
    forged.searchParams.set("token", unsubscribeToken((await person("en")).id));
    expect((await route.POST(new Request(forged, { method: "POST", body: "List-Unsubscribe=One-Click" }))).status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailDigest).toBe(true);

    expect((await route.POST(new Request(url, { method: "POST", body: "List-Unsubscribe=One-Click" }))).status).toBe(204);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailDigest).toBe(false);
  });

  it.each([
    ["a forged token", async () => "A".repeat(43)],
    ["a token made for another account", async () => unsubscribeToken((await person("en")).id)],
  ])("refuses %s", async (_, tokenFor) => {
    const victim = await person("en");
    const input = { user: victim.id, token: await tokenFor() };
    expect(await describeUnsubscribe(input)).toBeNull();
    expect((await appErrorOf(unsubscribeFromDigest(input))).code).toBe("INVALID_INPUT");
    expect((await db.user.findUniqueOrThrow({ where: { id: victim.id } })).emailDigest).toBe(true);
  });
});
