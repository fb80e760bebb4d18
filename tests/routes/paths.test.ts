// Every address of the site comes from lib/routes/paths.ts (decision 041): each builder names the
// route the app/ folder serves, encodes what it is given, and `localized` puts the language first.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGE_TAG, languageTagSchema } from "@/lib/i18n/language-tag";
import { isLocalPath, localPathField } from "@/lib/routes/local-path";
import { apiPaths, dialoguePaths, localized, municipalityPaths, sitePaths, withQuery, type Path } from "@/lib/routes/paths";
import { signInPath } from "@/lib/routes/redirect";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dialogue = { slug: "wohnen", municipality: { slug: "musterstadt" } };

/** The app/ folder that serves a path, with ids in place of the dynamic segments. */
function served(pathname: string, under: "app/[locale]" | "app", dynamic: readonly string[]): boolean {
  const folder = pathname.split(/[?#]/)[0]!.split("/").filter(Boolean);
  const names = folder.map((part, index) => dynamic[index] ?? part);
  const directory = path.join(ROOT, under, ...names);
  return ["page.tsx", "route.ts"].some((file) => existsSync(path.join(directory, file)));
}

describe("the site's own pages", () => {
  it.each<[string, Path, Path]>([
    ["home", sitePaths.home(), "/"],
    ["sign-in", sitePaths.signIn(), "/sign-in"],
    ["sign-in with its way back", sitePaths.signIn("/de/konto?x=1&y=2"), "/sign-in?callbackPath=%2Fde%2Fkonto%3Fx%3D1%26y%3D2"],
    ["join", sitePaths.join(), "/join"],
    ["an invitation", sitePaths.join("AB CD/E"), "/join/AB%20CD%2FE"],
    ["account", sitePaths.account(), "/account"],
    ["e-mail confirmation", sitePaths.confirmEmail("u-1", "t/+="), "/account/confirm-email?user=u-1&token=t%2F%2B%3D"],
    ["notifications", sitePaths.notifications(), "/notifications"],
    ["one notification", sitePaths.notification("n 1"), "/notifications/n%201"],
    ["accessibility", sitePaths.accessibility(), "/accessibility"],
    ["unsubscribe", sitePaths.unsubscribe("u-1", "a&b"), "/unsubscribe?user=u-1&token=a%26b"],
    ["receipt lookup", sitePaths.receipts(), "/r"],
    ["one receipt", sitePaths.receipt("K7MQ4-HTPWN"), "/r/K7MQ4-HTPWN"],
    ["a text's languages", sitePaths.hostTexts("dialogue", "d/1"), "/texts/dialogue/d%2F1"],
    ["a text in one language", sitePaths.hostTexts("meeting", "m1", "fa-AF"), "/texts/meeting/m1?language=fa-AF"],
    ["a poll's texts in one language", sitePaths.pollTexts("p/1", "ar"), "/texts/poll/p%2F1?language=ar"],
  ])("%s", (_, built, expected) => {
    expect(built).toBe(expected);
  });

  it.each([
    [sitePaths.home(), []],
    [sitePaths.signIn(), []],
    [sitePaths.join("X"), ["join", "[code]"]],
    [sitePaths.account(), []],
    [sitePaths.confirmEmail("u", "t"), []],
    [sitePaths.notifications(), []],
    [sitePaths.notification("n"), ["notifications", "[id]"]],
    [sitePaths.accessibility(), []],
    [sitePaths.unsubscribe("u", "t"), []],
    [sitePaths.receipts(), []],
    [sitePaths.receipt("K7MQ4-HTPWN"), ["r", "[code]"]],
    [sitePaths.hostTexts("actor", "a"), ["texts", "[subject]", "[id]"]],
    [sitePaths.pollTexts("p"), ["texts", "poll", "[id]"]],
  ] as const)("%s is a page the app serves", (built, dynamic) => {
    expect(served(built, "app/[locale]", dynamic)).toBe(true);
  });
});

describe("a municipality's pages", () => {
  const paths = municipalityPaths("muster stadt");

  it("encodes the slug once, in every page", () => {
    expect(paths.home).toBe("/muster%20stadt");
    expect(paths.dashboard).toBe("/muster%20stadt/dashboard");
    expect(paths.branding).toBe("/muster%20stadt/branding");
    expect(paths.messenger).toBe("/muster%20stadt/messenger");
    expect(paths.newDialogue).toBe("/muster%20stadt/dialogues/new");
    expect(paths.answerQueue).toBe("/muster%20stadt/staff/queue");
    expect(paths.moderation).toBe("/muster%20stadt/moderation");
    expect(paths.actors).toBe("/muster%20stadt/actors");
    expect(paths.actorsManage).toBe("/muster%20stadt/actors/manage");
    expect(paths.actor("a/1")).toBe("/muster%20stadt/actors#actor-a%2F1");
    expect(paths.actorEdit("a/1")).toBe("/muster%20stadt/actors/a%2F1/edit");
    expect(paths.staff).toBe("/muster%20stadt/staff");
    expect(paths.signInCodes).toBe("/muster%20stadt/staff/sign-in-codes");
    expect(paths.overview).toBe("/muster%20stadt/overview");
    expect(paths.dialogue("wohnen").home).toBe("/muster%20stadt/wohnen");
  });

  const m = municipalityPaths("m");
  it.each([m.home, m.dashboard, m.branding, m.messenger, m.newDialogue, m.answerQueue, m.moderation, m.actors, m.actorsManage, m.actor("a"), m.staff, m.signInCodes, m.overview])(
    "names %s, a page the app serves",
    (page) => {
      expect(served(page, "app/[locale]", ["[municipality]"])).toBe(true);
    },
  );

  it("names an actor's edit page, which the app serves", () => {
    expect(served(m.actorEdit("a"), "app/[locale]", ["[municipality]", "actors", "[actorId]"])).toBe(true);
  });
});

describe("a dialogue's pages", () => {
  it("is named by the dialogue or by its two slugs alike", () => {
    const [byDialogue, bySlugs] = [dialoguePaths(dialogue), dialoguePaths("musterstadt", "wohnen")];
    expect(JSON.stringify(byDialogue)).toBe(JSON.stringify(bySlugs));
    expect(byDialogue.contribution("c1")).toBe(bySlugs.contribution("c1"));
    expect(dialoguePaths(dialogue).home).toBe("/musterstadt/wohnen");
  });

  it.each<[string, (at: ReturnType<typeof dialoguePaths>) => Path, string]>([
    ["home", (at) => at.home, ""],
    ["manage", (at) => at.manage, "/manage"],
    ["manageQueue", (at) => at.manageQueue, "/manage/queue"],
    ["export", (at) => at.export, "/export"],
    ["exportDownload", (at) => at.exportDownload, "/export/download"],
    ["invitations", (at) => at.invitations, "/invitations"],
    ["invitationPoster", (at) => at.invitationPoster("i/1"), "/invitations/i%2F1/poster"],
    ["mediation", (at) => at.mediation("c 1"), "/mediation/c%201"],
    ["meetings", (at) => at.meetings, "/meetings"],
    ["meetingsManage", (at) => at.meetingsManage, "/meetings/manage"],
    ["meetingsCalendar", (at) => at.meetingsCalendar, "/meetings/calendar.ics"],
    ["moderation", (at) => at.moderation, "/moderation"],
    ["moderationLog", (at) => at.moderationLog, "/moderation/log"],
    ["newContribution", (at) => at.newContribution, "/new"],
    ["newOffline", (at) => at.newOffline, "/new/offline"],
    ["newVoice", (at) => at.newVoice, "/new/voice"],
    ["newVoiceSend", (at) => at.newVoiceSend, "/new/voice/send"],
    ["recorded", (at) => at.recorded, "/recorded"],
    ["responsibilities", (at) => at.responsibilities, "/responsibilities"],
    ["responsibilitiesManage", (at) => at.responsibilitiesManage, "/responsibilities/manage"],
    ["results", (at) => at.results, "/results"],
    ["contribution", (at) => at.contribution("c/1"), "/c/c%2F1"],
    ["comment", (at) => at.comment("c1", "k/1"), "/c/c1?comment=k%2F1#comment-k%2F1"],
    ["a comment's form opened by its link", (at) => at.comment("c1", "k/1", "report"), "/c/c1?comment=k%2F1&act=report#comment-k%2F1"],
    ["receipt", (at) => at.receipt("c1"), "/c/c1/receipt"],
    ["transcript", (at) => at.transcript("c1"), "/c/c1/transcript"],
    ["voice", (at) => at.voice("c1"), "/c/c1/voice"],
  ])("%s", (_, build, tail) => {
    expect(build(dialoguePaths("muster/stadt", "wohnen & arbeit"))).toBe(`/muster%2Fstadt/wohnen%20%26%20arbeit${tail}`);
    const built = build(dialoguePaths("m", "d"));
    const dynamic = ["[municipality]", "[dialogue]", ...built.split("/").slice(3).map((part, index, parts) =>
      parts[index - 1] === "c" ? "[contributionId]" : parts[index - 1] === "invitations" ? "[invitationId]" : parts[index - 1] === "mediation" ? "[caseId]" : part,
    )];
    expect(served(built, "app/[locale]", dynamic), built).toBe(true);
  });
});

describe("routes outside the locale", () => {
  it.each<[string, Path, string]>([
    ["accountData", apiPaths.accountData(), "/api/account/data"],
    ["flash", apiPaths.flash(), "/api/flash"],
    ["language", apiPaths.language(), "/api/language"],
    ["digestUnsubscribe", apiPaths.digestUnsubscribe(), "/api/digest/unsubscribe"],
    ["emailCallback", apiPaths.emailCallback({ token: "a b", email: "x@y.de" }), "/api/auth/callback/email?token=a+b&email=x%40y.de"],
    ["municipalityLogo", apiPaths.municipalityLogo("m/1", 42), "/api/municipalities/m%2F1/logo?v=42"],
    ["openApi", apiPaths.openApi(), "/api/v1/openapi.json"],
    ["exportSchema", apiPaths.exportSchema(), "/api/v1/schemas/export.json"],
    ["municipalities", apiPaths.municipalities(), "/api/v1/municipalities"],
    ["municipalityDialogues", apiPaths.municipalityDialogues("a b"), "/api/v1/municipalities/a%20b/dialogues"],
    ["dialogue", apiPaths.dialogue("d1"), "/api/v1/dialogues/d1"],
    ["dialogueContributions", apiPaths.dialogueContributions("d1"), "/api/v1/dialogues/d1/contributions"],
    ["dialogueResponses", apiPaths.dialogueResponses("d1"), "/api/v1/dialogues/d1/responses"],
    ["dialogueResults", apiPaths.dialogueResults("d1"), "/api/v1/dialogues/d1/results"],
    ["pushServiceWorker", apiPaths.pushServiceWorker(), "/push-sw.js"],
  ])("%s", (_, built, expected) => {
    expect(built).toBe(expected);
  });

  const dynamic: Record<string, string> = { "m%2F1": "[municipalityId]", "a%20b": "[slug]", d1: "[id]" };
  it.each([
    apiPaths.accountData(),
    apiPaths.flash(),
    apiPaths.language(),
    apiPaths.digestUnsubscribe(),
    apiPaths.municipalityLogo("m/1", 1),
    apiPaths.openApi(),
    apiPaths.exportSchema(),
    apiPaths.municipalities(),
    apiPaths.municipalityDialogues("a b"),
    apiPaths.dialogue("d1"),
    apiPaths.dialogueContributions("d1"),
    apiPaths.dialogueResponses("d1"),
    apiPaths.dialogueResults("d1"),
    apiPaths.pushServiceWorker(),
  ])("names %s, a route the app serves", (built) => {
    const parts = built.split("?")[0]!.split("/").filter(Boolean);
    expect(served(built, "app", parts.map((part) => dynamic[part] ?? part))).toBe(true);
  });
});

describe("query, fragment and language", () => {
  it("leaves out parameters without a value and keeps an existing query", () => {
    expect(withQuery("/x", { a: "1", b: undefined, c: null, d: false, e: true, f: 0 })).toBe("/x?a=1&e=true&f=0");
    expect(withQuery("/x", {})).toBe("/x");
    expect(withQuery("/x?a=1", { b: "2" })).toBe("/x?a=1&b=2");
    expect(withQuery("/x", { a: "1" }, "flash")).toBe("/x?a=1#flash");
    expect(withQuery("/x", {}, "#flash")).toBe("/x#flash");
  });

  it("puts the language first, the start page included", () => {
    expect(localized("de", sitePaths.home())).toBe("/de");
    expect(localized("de-simple", municipalityPaths("m").home)).toBe("/de-simple/m");
    expect(localized("ar", withQuery("/", { notice: "account-deleted" }))).toBe("/ar?notice=account-deleted");
    expect(localized("fa", dialoguePaths(dialogue).comment("c", "k"))).toBe("/fa/musterstadt/wohnen/c/c?comment=k#comment-k");
  });

  it("sends to sign-in with the way back in the same language", () => {
    expect(signInPath("uk", dialoguePaths(dialogue).newContribution)).toBe("/uk/sign-in?callbackPath=%2Fuk%2Fmusterstadt%2Fwohnen%2Fnew");
  });
});

describe("the rules spelled once", () => {
  it.each([
    "/",
    "/de",
    "/de/",
    "/de/musterstadt?x=1#a",
    "/de/%D8%B3",
    "/.well-known/x",
    "/push-sw.js",
    "/de/sign-in?callbackPath=%2Fuk%2Fmusterstadt%2Fwohnen%2Fnew",
    "/de/x?q=a/../b#c//d",
    `/de/${"a".repeat(2044)}`,
  ])("%s is a path on this site", (value) => {
    expect(isLocalPath(value)).toBe(true);
    expect(localPathField.parse(value)).toBe(value);
  });

  it.each([
    "",
    "de",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "/de/\u0633",
    "/de\n/x",
    "/de x",
    7,
    "/.//evil.example",
    "/de/../..//evil.example",
    "/de//x",
    "/de/./x",
    "/de/..",
    "/de/.",
    "/de/..?x=1",
    "/de/%2e%2E/x",
    "/%2F%2Fevil.example",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    `/de/${"a".repeat(2045)}`,
  ])("%s is not", (value) => {
    expect(isLocalPath(value)).toBe(false);
    expect(localPathField.parse(value)).toBeUndefined();
  });

  it.each(["de", "fa-AF", "de-simple", "kmr", "zh-Hant-TW"])("%s is a language tag", (tag) => {
    expect(LANGUAGE_TAG.test(tag)).toBe(true);
    expect(languageTagSchema.safeParse(tag).success).toBe(true);
  });

  it.each(["", "d", "deutsch", "DE", "de_DE", "de-x", "de-", "de-toolongsubtag"])("%s is not", (tag) => {
    expect(LANGUAGE_TAG.test(tag)).toBe(false);
    expect(languageTagSchema.safeParse(tag).success).toBe(false);
  });
});
