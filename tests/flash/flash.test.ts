// The flash message after a form post (lib/flash): what the cookie carries cannot be forged to
// show other words or markup, it expires, and the proxy passes it to exactly one page and clears
// it in that page's answer, which no cache may keep.
import { createHmac } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";

const SECRET = "test-secret-for-flash-messages-0123456789";
process.env.NEXTAUTH_SECRET = SECRET;

vi.mock("next/headers", () => import("@/tests/support/next-request"));

import { clearFlash, takeFlash } from "@/lib/flash/flash-proxy";
import { currentFlash, setFlash } from "@/lib/flash/flash";
import { FLASH_COOKIE, FLASH_HEADER, FLASH_KEYS, FLASH_MAX_AGE, readFlash, signFlash } from "@/lib/flash/flash-token";
import { request } from "@/tests/support/next-request";

const forged = (payload: string, secret = SECRET) => `${payload}.${createHmac("sha256", secret).update(`flash:${payload}`).digest("base64url")}`;
const inAMinute = () => Math.floor(Date.now() / 1000) + 60;

describe("the flash cookie's value", () => {
  it.each(FLASH_KEYS)("reads back %s", (key) => {
    expect(readFlash(signFlash(key, SECRET), SECRET)).toBe(key);
  });

  it.each([
    ["another key under a genuine signature", () => signFlash("posted", SECRET).replace(/^posted/, "hidden")],
    ["markup as the key, signed with the right secret", () => forged(`<img src=x onerror=alert(1)>.${inAMinute()}`)],
    ["a key we do not have, signed with the right secret", () => forged(`welcome.${inAMinute()}`)],
    ["a genuine key signed with another secret", () => forged(`posted.${inAMinute()}`, "another-secret-0123456789-0123456789")],
    ["a value without signature", () => `posted.${inAMinute()}`],
    ["an empty value", () => ""],
    ["a very long value", () => `posted.${inAMinute()}.${"a".repeat(500)}`],
  ])("refuses %s", (_, value) => {
    expect(readFlash(value(), SECRET)).toBeNull();
  });

  it("expires", () => {
    const value = signFlash("commented", SECRET, Date.now());
    expect(readFlash(value, SECRET, Date.now() + (FLASH_MAX_AGE - 1) * 1000)).toBe("commented");
    expect(readFlash(value, SECRET, Date.now() + (FLASH_MAX_AGE + 1) * 1000)).toBeNull();
  });
});

describe("a flash on its way from the post to the next page", () => {
  beforeEach(() => {
    request.headers = new Headers();
    request.cookies.clear();
  });

  /** The proxy's part for a request carrying these cookies and headers. */
  function throughProxy(cookie: string | undefined, sent: Record<string, string> = {}) {
    const forwarded = new Headers(sent);
    const taken = takeFlash({ cookies: { get: (name) => (name === FLASH_COOKIE && cookie !== undefined ? { value: cookie } : undefined) } }, forwarded);
    const response = new Response("page");
    if (taken.clear) clearFlash(response);
    return { forwarded, response };
  }

  it("is shown by the next page once, and its cookie is cleared in that answer, which no cache keeps", async () => {
    await setFlash("commented");
    const cookie = request.cookies.get(FLASH_COOKIE);
    expect(cookie).toBeDefined();

    const first = throughProxy(cookie);
    request.headers = first.forwarded;
    expect(await currentFlash()).toBe("commented");
    expect(first.response.headers.get("set-cookie")).toMatch(new RegExp(`^${FLASH_COOKIE}=; Path=/; Max-Age=0`));
    expect(first.response.headers.get("cache-control")).toBe("private, no-store");

    // The browser dropped the cookie: the page after shows nothing.
    const second = throughProxy(undefined);
    request.headers = second.forwarded;
    expect(await currentFlash()).toBeNull();
    expect(second.response.headers.get("set-cookie")).toBeNull();
  });

  it("drops a flash header the client sent itself, and a forged cookie (still clearing it)", async () => {
    const { forwarded, response } = throughProxy(forged(`<b>free text</b>.${inAMinute()}`, "not-the-secret-0123456789-0123456789"), {
      [FLASH_HEADER]: signFlash("posted", "not-the-secret-0123456789-0123456789"),
    });
    expect(forwarded.has(FLASH_HEADER)).toBe(false);
    request.headers = forwarded;
    expect(await currentFlash()).toBeNull();
    expect(response.headers.get("set-cookie")).toContain("Max-Age=0");
  });

  it("does not trust a header that bypassed the proxy unless it is signed", async () => {
    request.headers = new Headers({ [FLASH_HEADER]: "posted" });
    expect(await currentFlash()).toBeNull();
  });
});
