// The forms on the site's own pages are bound to the page they stand on like every other form
// (decision 042): signing in with a code (the sign-in page with its way back), opening a receipt
// (sign-in, /r, a receipt's page by its code), signing out everywhere and deleting the account
// (the account page), having the rules translated (an invitation's page by its code, the post
// form's page) and "support this instead" (the post form's page). Each forged reference — another
// site, a scheme, a climbing path, a language we do not have, a page that does not exist, a page
// of another kind, a code that cannot be one — is refused before anything is written; the real
// reference leads to the right page in its language. The real actions, against the real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const PUBLIC_URL = "https://mitreden.example";
process.env.PUBLIC_URL = PUBLIC_URL;
// A stand-in for the operator's translation service, set up before the environment is read.
const translator = await vi.hoisted(async () => {
  const { createServer } = await import("node:http");
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { q: string; target: string };
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ translatedText: `[${body.target}] ${body.q}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.LIBRETRANSLATE_URL = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return server;
});
vi.mock("next/headers", () => import("@/tests/support/next-request"));
vi.mock("next/cache", (original) => import("@/tests/support/next-request").then((stub) => stub.withoutRefresh(original)));

import { deleteAccountAction, signOutEverywhereAction } from "@/lib/actions/accounts/account";
import { signInWithCodeAction } from "@/lib/actions/auth/sign-in";
import { IDLE, type DialoguePageRef, type SitePageRef } from "@/lib/actions/form-action";
import { requestRulesTranslationAction } from "@/lib/actions/host-texts/rules-translation";
import { openReceiptAction } from "@/lib/actions/receipts/open-receipt";
import { supportInsteadAction } from "@/lib/actions/supports/support-instead";
import { PEER_HEADER } from "@/lib/auth/client-address";
import { generateSignInCode, hashSignInCode } from "@/lib/auth/sign-in-code";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import { recordOfflineContribution } from "@/lib/contributions/record-offline-contribution";
import { db } from "@/lib/db/client";
import { formatReceiptCode, generateReceiptCode } from "@/lib/receipts/receipt-code";
import { createContribution, createDialogue, createUser, openDialogue } from "@/tests/support/factories";
import { memberAs } from "@/tests/support/meetings";
import { offlineInput } from "@/tests/support/offline";
import { dialogueIn, participant } from "@/tests/support/participation";
import { redirectOf, request } from "@/tests/support/next-request";
import { insertInvitation, uniqueAddress } from "@/tests/support/viewers";

/** A post from its own address, signed in as `userId` (or not at all). */
async function as(userId: string | null): Promise<string> {
  const address = uniqueAddress();
  request.headers = new Headers({ host: "mitreden.example", origin: PUBLIC_URL, [PEER_HEADER]: address });
  request.cookies.clear();
  if (userId) request.cookies.set(sessionCookieName(), (await createSession(userId)).sessionToken);
  return address;
}

function form(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const REFUSED = { status: "error", formError: { key: "errors.INVALID_INPUT" } };
const contribution = "0b7e2a52-8f8e-4c55-9d0e-6d3f0c1a2b3c";

/** References that name no page of this site. */
const forgedPages: [string, unknown][] = [
  ["another site as the way back", { locale: "de", view: "signIn", callbackPath: "//evil.example/de" }],
  ["a scheme as the way back", { locale: "de", view: "signIn", callbackPath: "https://evil.example/de" }],
  ["a way back that a dot segment turns into another site", { locale: "de", view: "signIn", callbackPath: "/.//evil.example" }],
  ["a way back that climbs into another site", { locale: "de", view: "signIn", callbackPath: "/de/../..//evil.example" }],
  ["a way back with encoded slashes", { locale: "de", view: "signIn", callbackPath: "/%2F%2Fevil.example" }],
  ["a way back with an encoded backslash", { locale: "de", view: "signIn", callbackPath: "/%5Cevil.example" }],
  ["an over-long way back", { locale: "de", view: "signIn", callbackPath: `/de/${"a".repeat(2045)}` }],
  ["a path that climbs as the page", { locale: "de", view: "../../evil" }],
  ["a language we do not have", { locale: "../evil", view: "account" }],
  ["a page that does not exist", { locale: "de", view: "constructor" }],
  ["a receipt by a code that cannot be one", { locale: "de", view: "receipt", code: "//evil.example" }],
  ["an invitation by a code that cannot be one", { locale: "de", view: "join", code: "../evil" }],
  ["no reference at all", undefined],
];
/** …and, for a form of the site's own pages, pages of another kind. */
const forgedSitePages: [string, unknown][] = [
  ...forgedPages,
  ["a dialogue's page", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz" }],
  ["a contribution's receipt", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", contributionId: contribution, view: "receipt" }],
];

async function userWithCode() {
  const signIn = generateSignInCode();
  const user = await createUser({ signInHandle: signIn.handle, signInCodeHash: await hashSignInCode(signIn.code), locale: "fa" });
  return { user, code: signIn.code };
}

describe("signing in with a code, bound to the sign-in page", () => {
  it("signs in and goes on to the page's way back, in the way back's own language", async () => {
    const { user, code } = await userWithCode();
    await as(null);
    const to = await redirectOf(() => signInWithCodeAction({ locale: "de", view: "signIn", callbackPath: "/ar/account" }, IDLE, form({ code })));
    expect(to).toBe("/ar/account");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("without a way back, goes to the start page in the sign-in page's language", async () => {
    const { user, code } = await userWithCode();
    await as(null);
    expect(await redirectOf(() => signInWithCodeAction({ locale: "ar", view: "signIn" }, IDLE, form({ code })))).toBe("/ar");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it.each(forgedSitePages)("refuses %s before signing in", async (_what, ref) => {
    const { user, code } = await userWithCode();
    await as(null);
    expect(await signInWithCodeAction(ref as SitePageRef, IDLE, form({ code }))).toMatchObject(REFUSED);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("opening a receipt, bound to the page the form stands on", () => {
  async function realCode() {
    const dialogue = await dialogueIn("COLLECTING");
    const recorder = await memberAs(dialogue.id, "RECORDER", "LOCAL_ACTOR");
    const { id } = await recordOfflineContribution(recorder, offlineInput(dialogue));
    return (await db.receipt.findUniqueOrThrow({ where: { contributionId: id } })).code;
  }

  it.each([
    ["the sign-in page", { locale: "ar", view: "signIn", callbackPath: "/ar/account" }, "ar"],
    ["the receipt form's own page", { locale: "uk", view: "receipts" }, "uk"],
    ["another receipt's page", { locale: "fa", view: "receipt", code: "K7MQ4-HTPWN" }, "fa"],
  ] as const)("from %s, goes on to the receipt's page in that page's language", async (_what, ref, locale) => {
    const code = await realCode();
    await as(null);
    const to = await redirectOf(() => openReceiptAction(ref, IDLE, form({ code: code.toLowerCase() })));
    expect(to).toBe(`/${locale}/r/${formatReceiptCode(code)}`);
  });

  // A miss counts against the address (lib/receipts/open-receipt.ts): a refused reference must not.
  it.each(forgedSitePages)("refuses %s before looking the code up", async (_what, ref) => {
    const address = await as(null);
    expect(await openReceiptAction(ref as SitePageRef, IDLE, form({ code: generateReceiptCode() }))).toMatchObject(REFUSED);
    expect(await db.rateLimit.count({ where: { key: { contains: address } } })).toBe(0);
  });
});

describe("signing out everywhere, bound to the account page", () => {
  it("ends every session and goes to the start page in the page's language", async () => {
    const user = await createUser();
    await createSession(user.id);
    await as(user.id);
    expect(await redirectOf(() => signOutEverywhereAction({ locale: "ar", view: "account" }, IDLE, form()))).toBe("/ar");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it.each(forgedSitePages)("refuses %s before signing anyone out", async (_what, ref) => {
    const user = await createUser();
    await as(user.id);
    expect(await signOutEverywhereAction(ref as SitePageRef, IDLE, form())).toMatchObject(REFUSED);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("deleting the account, bound to the account page", () => {
  it("deletes it and goes to the start page in the page's language, which says so", async () => {
    const user = await createUser();
    await as(user.id);
    expect(await redirectOf(() => deleteAccountAction({ locale: "fa", view: "account" }, IDLE, form({ confirm: "on" })))).toBe("/fa?notice=account-deleted");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).not.toBeNull();
  });

  it.each(forgedSitePages)("refuses %s before deleting anything", async (_what, ref) => {
    const user = await createUser();
    await as(user.id);
    expect(await deleteAccountAction(ref as SitePageRef, IDLE, form({ confirm: "on" }))).toMatchObject(REFUSED);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ deletedAt: null });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("having the rules translated, bound to an invitation's page or the post form's", () => {
  afterAll(() => {
    delete process.env.LIBRETRANSLATE_URL;
    return new Promise<void>((resolve) => translator.close(() => resolve()));
  });

  async function ownRules() {
    const dialogue = await createDialogue({ codeOfConduct: "Eigene Regeln.", languages: ["de", "uk"] });
    await openDialogue(dialogue.id);
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } });
    return { dialogue, municipality: municipality.slug, invitation: await insertInvitation(dialogue) };
  }
  const machineMade = (dialogueId: string) => db.translation.count({ where: { dialogueId, language: "uk" } });

  it("translates them and comes back to the invitation's page, named by its code, in its language", async () => {
    const { dialogue, invitation } = await ownRules();
    await as((await createUser({ locale: "uk" })).id);
    const to = await redirectOf(() => requestRulesTranslationAction({ locale: "uk", view: "join", code: invitation.code }, IDLE, form({ dialogueId: dialogue.id, language: "uk" })));
    expect(to).toBe(`/uk/join/${invitation.code}`);
    expect(await machineMade(dialogue.id)).toBe(1);
  });

  it("comes back to the post form's page", async () => {
    const { dialogue, municipality } = await ownRules();
    await as((await createUser({ locale: "uk" })).id);
    const to = await redirectOf(() =>
      requestRulesTranslationAction({ locale: "uk", municipality, dialogue: dialogue.slug, view: "newContribution" }, IDLE, form({ dialogueId: dialogue.id, language: "uk" })),
    );
    expect(to).toBe(`/uk/${municipality}/${dialogue.slug}/new`);
  });

  it.each([
    ...forgedPages,
    ["an invitation by a code as typed, not stored", { locale: "de", view: "join", code: "k7mq-4htp" }],
    ["an invitation with a way back of its own", { locale: "de", view: "join", code: "K7MQ4HTP", returnPath: "//evil.example" }],
    ["a dialogue's page that does not exist", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", view: "https://evil.example" }],
  ])("refuses %s before translating anything", async (_what, ref) => {
    const { dialogue } = await ownRules();
    await as((await createUser({ locale: "uk" })).id);
    expect(await requestRulesTranslationAction(ref as SitePageRef, IDLE, form({ dialogueId: dialogue.id, language: "uk" }))).toMatchObject(REFUSED);
    expect(await machineMade(dialogue.id)).toBe(0);
  });
});

describe("support this instead, bound to the post form's page", () => {
  async function offer() {
    const dialogue = await dialogueIn("COLLECTING");
    const municipality = (await db.municipality.findUniqueOrThrow({ where: { id: dialogue.municipalityId } })).slug;
    const similar = await createContribution({ dialogueId: dialogue.id, authorId: (await participant(dialogue.id)).id });
    const writer = await participant(dialogue.id);
    await as(writer.id);
    return { dialogue, municipality, similar, writer };
  }
  const supports = (contributionId: string) => db.support.count({ where: { contributionId } });

  it("supports the chosen one and goes to it in the page's language", async () => {
    const { dialogue, municipality, similar, writer } = await offer();
    const to = await redirectOf(() => supportInsteadAction({ locale: "ar", municipality, dialogue: dialogue.slug, view: "newContribution" }, form({ supportInstead: similar.id })));
    expect(to).toBe(`/ar/${municipality}/${dialogue.slug}/c/${similar.id}#supports`);
    expect(await db.support.count({ where: { contributionId: similar.id, userId: writer.id } })).toBe(1);
  });

  it.each([
    ["another site as the municipality", { locale: "de", municipality: "//evil.example", dialogue: "x", view: "newContribution" }],
    ["a scheme", { locale: "de", municipality: "https:", dialogue: "evil.example" }],
    ["a path that climbs", { locale: "de", municipality: "..", dialogue: "..", view: "newContribution" }],
    ["a language we do not have", { locale: "xx", municipality: "musterstadt", dialogue: "spielplatz", view: "newContribution" }],
    ["a page that does not exist", { locale: "de", municipality: "musterstadt", dialogue: "spielplatz", view: "constructor" }],
    ["a site's page", { locale: "de", view: "account" }],
    ["an invitation's page", { locale: "de", view: "join", code: "K7MQ4HTP" }],
    ["no reference at all", undefined],
  ])("refuses %s before supporting", async (_what, ref) => {
    const { similar } = await offer();
    await expect(supportInsteadAction(ref as DialoguePageRef, form({ supportInstead: similar.id }))).resolves.toBeUndefined();
    expect(await supports(similar.id)).toBe(0);
  });
});

beforeAll(() => {
  request.headers = new Headers({ host: "mitreden.example", origin: PUBLIC_URL });
});
