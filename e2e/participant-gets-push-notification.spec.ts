// Web Push end to end (issue 14, decision 031): a person who just joined in Arabic on a phone posts
// a need and switches on notifications for this phone on her account page; Daniel comments on her
// need; the app's job workers send the push, and the push service in this test receives it, checks
// the VAPID signature and decrypts it with the subscription's private key: an Arabic sentence,
// right to left, whose link opens the comment.
//
// Chromium here cannot reach a real push service (FCM), so only the BROWSER's PushManager is
// replaced (subscribe and getSubscription, by an init script): it hands our page a subscription
// whose endpoint is this test's push service and whose keys this test generated. Everything of
// ours — the switch, the server action, the job, web-push's encryption — runs for real.
import { randomBytes, randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import en from "../messages/en.json" with { type: "json" };
import { INVITATIONS } from "../prisma/seed/dialogues";
import { startPushService, type PushService } from "../tests/support/push-service";
import { demoAccount } from "./support/sign-in";
import { chromium } from "./support/browsers";
import { expectNoSidewaysScrolling } from "./support/layout";

const phone = { viewport: { width: 360, height: 740 }, locale: "ar", hasTouch: true, isMobile: true } as const;
const invitation = INVITATIONS.find((seeded) => seeded.role === "PARTICIPANT" && seeded.dialogue === "collecting")!;

// The headless shell has no Push API: the switch would never be offered there.
test.use({ launchOptions: chromium("whole") });

let pushService: PushService;
test.beforeAll(async () => {
  pushService = await startPushService({ port: Number(process.env.E2E_PUSH_PORT ?? 0) });
});
test.afterAll(() => pushService.stop());

test("Nour switches on notifications on her phone and hears of Daniel's comment in Arabic", async ({ browser }) => {
  // Joining, posting, switching on, another person's comment and the push: a longer walk than most.
  test.setTimeout(90_000);
  const subscription = pushService.subscribe();
  const context = await browser.newContext(phone);
  await context.grantPermissions(["notifications"]);
  const page = await context.newPage();
  await page.addInitScript((fake) => {
    // The browser's own push subscription, as Chrome would make it — but on the test's push service.
    const stored = () => sessionStorage.getItem("test-push-subscription");
    const subscriptionObject = () => ({
      endpoint: fake.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true },
      toJSON: () => ({ endpoint: fake.endpoint, expirationTime: null, keys: fake.keys }),
      unsubscribe: async () => (sessionStorage.removeItem("test-push-subscription"), true),
    });
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
      sessionStorage.setItem("test-push-subscription", btoa(String.fromCharCode(...key)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
      return subscriptionObject() as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function () {
      return (stored() ? subscriptionObject() : null) as unknown as PushSubscription | null;
    };
  }, subscription);

  // A person who has just joined (no demo account, so no other spec touches her session).
  const name = `نور ${randomInt(100_000, 1_000_000)}`;
  await page.goto(`/ar/join/${invitation.code}`);
  await page.getByLabel(ar.join.displayName, { exact: true }).fill(name);
  await page.getByRole("radio", { name: ar.join.perspectives.LIVED_EXPERIENCE }).check();
  await page.getByLabel(ar.join.acceptCodeOfConduct).check();
  await page.getByRole("button", { name: ar.join.signUpSubmit }).click();
  await page.getByRole("link", { name: ar.join.toDialogue }).click();

  // She posts a need.
  await page.getByRole("link", { name: ar.post.postLink }).click();
  const title = `دورة لغة مسائية ${randomInt(100_000, 1_000_000)}`;
  await page.getByRole("radio", { name: ar.post.need }).check();
  await page.getByRole("radio", { name: ar.themes.digital }).check();
  await page.getByLabel(ar.post.title, { exact: true }).fill(title);
  await page.getByLabel(ar.post.body, { exact: true }).fill("أعمل في النهار، وأحتاج إلى دورة لغة عبر الإنترنت في المساء.");
  await page.getByRole("button", { name: ar.post.submit }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // After her first post the page offers the same switch; she says "not now" and it goes.
  const prompt = page.getByTestId("push-prompt");
  await expect(prompt).toContainText(ar.push.promptText);
  await expect(prompt.getByRole("button", { name: ar.push.switchOn })).toBeVisible();
  await prompt.getByRole("button", { name: ar.push.promptDismiss }).click();
  await expect(prompt).toHaveCount(0);
  const needPath = new URL(page.url()).pathname.replace(/^\/ar/, "");

  // Notifications on this phone: one button on her account page.
  await page.goto("/ar/account");
  const section = page.getByTestId("push");
  await expect(section.getByRole("heading", { level: 2 })).toHaveText(ar.push.heading);
  await section.getByRole("button", { name: ar.push.switchOn }).click();
  await expect(section.getByRole("status")).toHaveText(ar.push.isOn);
  await expect(section.getByRole("button", { name: ar.push.switchOff })).toBeVisible();
  await page.reload();
  await expect(section.getByTestId("push-devices").getByRole("listitem")).toHaveCount(1);
  await expectNoSidewaysScrolling(page);
  const applicationServerKey = await page.evaluate(() => sessionStorage.getItem("test-push-subscription"));

  // Daniel comments on her need (English, another phone, no JavaScript).
  const daniel = await (await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false })).newPage();
  await daniel.goto("/en/sign-in");
  await daniel.getByLabel(en.signIn.code, { exact: true }).fill(demoAccount("Daniel T.").signInCode);
  await daniel.getByRole("button", { name: en.signIn.submit, exact: true }).click();
  await expect(daniel).toHaveURL("/en");
  await daniel.goto(`/en${needPath}`);
  const comment = `The adult education centre has evening classes. ${randomBytes(3).toString("hex")}`;
  await daniel.getByLabel(en.contributionPage.commentLabel, { exact: true }).fill(comment);
  await daniel.getByRole("button", { name: en.comments.submit }).click();
  await expect(daniel.locator("article").filter({ hasText: comment })).toBeVisible();

  // The push service receives it from the app's workers: signed with the key her browser was
  // given, encrypted for her phone, in Arabic, linking to the comment.
  await expect.poll(() => pushService.received.filter((push) => push.endpoint === subscription.endpoint).length, { timeout: 30_000 }).toBe(1);
  const [push] = pushService.received.filter((received) => received.endpoint === subscription.endpoint);
  expect(push!.problems).toEqual([]);
  expect(push!.vapidKey).toBe(applicationServerKey);
  const payload = JSON.parse(push!.payload!) as { title: string; body: string; url: string; lang: string; dir: string; tag: string };
  expect(payload).toMatchObject({ title: ar.push.notificationTitle, lang: "ar", dir: "rtl" });
  expect(payload.body).toBe(`تعليق جديد على «\u2068${title}\u2069»`);
  expect(payload.url).toMatch(new RegExp(`^/ar${needPath}\\?comment=[0-9a-f-]{36}#comment-[0-9a-f-]{36}$`));

  // The link opens the comment on her phone.
  await page.goto(payload.url);
  await expect(page.locator(`#${payload.url.split("#")[1]}`)).toContainText(comment);

  // She switches it off again with one click, and on again (the same phone, the same subscription).
  await page.goto("/ar/account");
  await section.getByRole("button", { name: ar.push.switchOff }).click();
  await expect(section.getByRole("button", { name: ar.push.switchOn })).toBeVisible();
  await page.reload();
  await expect(section).toContainText(ar.push.noDevices);
  await section.getByRole("button", { name: ar.push.switchOn }).click();
  await expect(section.getByRole("status").filter({ hasText: ar.push.isOn })).toBeVisible();

  // Without JavaScript the switch says what it needs, and a device is removed with one plain form.
  const noScript = await (await browser.newContext({ ...phone, javaScriptEnabled: false, storageState: await context.storageState() })).newPage();
  await noScript.goto("/ar/account");
  const plain = noScript.getByTestId("push");
  await expect(plain.getByTestId("push-switch")).toContainText(ar.push.needsJavaScript);
  await plain.getByTestId("push-devices").getByRole("button", { name: new RegExp(`^${ar.push.remove}`) }).click();
  await expect(noScript.getByTestId("push").getByRole("status").filter({ hasText: ar.push.removed })).toBeVisible();
  await noScript.goto("/ar/account");
  await expect(noScript.getByTestId("push")).toContainText(ar.push.noDevices);

  // Signing out in the header (with JavaScript) also drops the browser's subscription: the next
  // person on this phone starts with notifications off (security review of decision 031).
  // The browser still holds the subscription the server no longer has for her: the switch says off.
  await page.goto("/ar/account");
  await expect(section.getByRole("button", { name: ar.push.switchOn })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem("test-push-subscription"))).not.toBeNull();
  await page.getByTestId("account-menu").locator("summary").click();
  await page.getByTestId("account-menu").getByRole("button", { name: ar.session.signOut, exact: true }).click();
  await expect(page).toHaveURL("/ar");
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem("test-push-subscription"))).toBeNull();
});
