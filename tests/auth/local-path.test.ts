// Where a person goes after signing in comes from the request: only a path on this site that a
// Location header can carry is kept, anything else falls back to the default place (the
// language's start page) instead of a 500 or a trip to another host.
import { describe, expect, it } from "vitest";
import { callbackPathField } from "@/lib/actions/form-schemas";
import { requestEmailLinkInput } from "@/lib/auth/email-link";
import { signInWithCodeInput } from "@/lib/auth/sign-in-with-code";

const signInForm = signInWithCodeInput.extend({ callbackPath: callbackPathField });

describe("callbackPath", () => {
  it.each([
    "/de/account",
    "/en/musterstadt/dialog?filter=NEED&page=2#comment-1",
    "/fa/%D8%B3%D9%84%D8%A7%D9%85",
  ])("keeps the path %s", (path) => {
    expect(signInForm.parse({ code: "K7MQ-4HTP-WN3A", callbackPath: path }).callbackPath).toBe(path);
    expect(requestEmailLinkInput.parse({ email: "a@example.org", callbackPath: path }).callbackPath).toBe(path);
  });

  it.each([
    ["a control character", "/en/\u0001account"],
    ["a line break (header splitting)", "/en\r\nSet-Cookie: x=1"],
    ["DEL", "/en/\u007f"],
    ["a NUL", "/en\u0000"],
    ["a raw non-ASCII letter", "/fa/سلام"],
    ["a space", "/en/a b"],
    ["another host", "//evil.example/x"],
    ["a backslash host", "/\\evil.example"],
    ["a backslash later", "/en\\..\\x"],
    ["an absolute URL", "https://evil.example/"],
    ["a relative path", "en/account"],
    ["a dot segment before another host", "/.//evil.example"],
    ["a climb into another host", "/de/../..//evil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an over-long path", `/de/${"a".repeat(2045)}`],
  ])("drops %s", (_what, path) => {
    expect(signInForm.parse({ code: "K7MQ-4HTP-WN3A", callbackPath: path }).callbackPath).toBeUndefined();
    expect(requestEmailLinkInput.parse({ email: "a@example.org", callbackPath: path }).callbackPath).toBeUndefined();
  });
});
