// Signed-out people who open a team, staff or personal page go to sign-in with a way back
// (lib/auth/sign-in-redirect.ts); public pages, posts and signed-in requests go on.
import { describe, expect, it } from "vitest";
import { needsSignIn, signInRedirect } from "@/lib/auth/sign-in-redirect";

const LOCALES = new Set(["de", "ar", "de-simple"]);

function request(path: string, { method = "GET", cookies = [] as string[] } = {}) {
  const url = new URL(path, "http://mitreden.example");
  return { method, nextUrl: { pathname: url.pathname, search: url.search }, cookies: { has: (name: string) => cookies.includes(name) } };
}

describe("pages for signed-in people", () => {
  it.each([
    "account",
    "notifications",
    "musterstadt/staff",
    "musterstadt/staff/sign-in-codes",
    "musterstadt/dashboard",
    "musterstadt/branding",
    "musterstadt/overview",
    "musterstadt/moderation",
    "musterstadt/actors/manage",
    "musterstadt/actors/0193/edit",
    "musterstadt/dialogues/new",
    "musterstadt/wohnen/manage",
    "musterstadt/wohnen/manage/queue",
    "musterstadt/wohnen/invitations",
    "musterstadt/wohnen/export",
    "musterstadt/wohnen/moderation",
    "musterstadt/wohnen/responsibilities/manage",
    "musterstadt/wohnen/meetings/manage",
    "musterstadt/wohnen/new",
    "musterstadt/wohnen/new/offline",
    "musterstadt/wohnen/recorded",
    "musterstadt/wohnen/mediation/0193",
    "musterstadt/wohnen/c/0193/receipt",
  ])("%s needs a sign-in", (path) => {
    expect(needsSignIn(path.split("/"))).toBe(true);
  });

  it.each([
    "",
    "sign-in",
    "join",
    "accessibility",
    "musterstadt",
    "musterstadt/actors",
    "musterstadt/wohnen",
    "musterstadt/wohnen/results",
    "musterstadt/wohnen/meetings",
    "musterstadt/wohnen/responsibilities",
    "musterstadt/wohnen/moderation/log",
    "musterstadt/wohnen/c/0193",
  ])("%s is public", (path) => {
    expect(needsSignIn(path.split("/").filter(Boolean))).toBe(false);
  });
});

describe("the redirect", () => {
  it("sends a signed-out GET to sign-in with the way back, query included", () => {
    expect(signInRedirect(request("/ar/musterstadt/wohnen/manage?done=saved"), LOCALES)).toBe(
      `/ar/sign-in?callbackPath=${encodeURIComponent("/ar/musterstadt/wohnen/manage?done=saved")}`,
    );
  });

  it.each([
    ["a session cookie", request("/de/account", { cookies: ["next-auth.session-token"] })],
    ["a session cookie over https", request("/de/account", { cookies: ["__Host-next-auth.session-token"] })],
    ["a form post (the action answers for itself)", request("/de/account", { method: "POST" })],
    ["a public page", request("/de/musterstadt/wohnen")],
    ["an address without a locale", request("/account")],
  ])("lets %s go on", (_, given) => {
    expect(signInRedirect(given, LOCALES)).toBeNull();
  });
});
