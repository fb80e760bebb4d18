// proxy.ts in front of every page: a strict policy with a fresh nonce, handed on to Next.js on
// the request; a clear 413 for bodies over the server-action limit (declared or counted); 403 for
// forms posted from another site; 503 while the database is away (the fault itself:
// e2e/faults-postgres-restart.spec.ts).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import proxy from "@/proxy";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/security/plain-pages";
import en from "@/messages/en.json" with { type: "json" };
import ar from "@/messages/ar.json" with { type: "json" };

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("the Content-Security-Policy of pages", () => {
  it("has a fresh nonce per request, on the response and on the request Next.js renders", async () => {
    const first = await proxy(new NextRequest("http://mitreden.test/de/musterstadt"));
    const second = await proxy(new NextRequest("http://mitreden.test/de/musterstadt"));
    const policy = first.headers.get("content-security-policy");
    expect(nonceOf(policy)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonceOf(policy));
    // NextResponse.next({ request: { headers } }) passes overridden request headers this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(policy));
  });

  it("is strict for scripts in production, and loosened only for the dev server", () => {
    const production = contentSecurityPolicy("abc");
    expect(production).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(production).not.toContain("unsafe-");
    expect(contentSecurityPolicy("abc", { dev: true })).toContain("'unsafe-eval'");
  });

  it.each(["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"])("says %s", (directive) => {
    expect(contentSecurityPolicy("abc")).toContain(`${directive};`);
  });

  it("also covers redirects (the language negotiation)", async () => {
    const redirect = await proxy(new NextRequest("http://mitreden.test/", { headers: { "accept-language": "en" } }));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("bodies over the server-action limit", () => {
  const post = (pathname: string, length: number) =>
    proxy(new NextRequest(`http://mitreden.test${pathname}`, { method: "POST", headers: { "content-length": String(length) } }));

  it("are answered with 413 and a page in the person's language", async () => {
    const response = await post("/ar/musterstadt/dialog/meetings", ACTION_BODY_LIMIT_BYTES + 1);
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`<h1>${ar.security.tooLargeTitle}</h1>`);
    expect(response.headers.get("content-security-policy")).toContain("'nonce-");
  });

  it("leave posts within the limit to the server action", async () => {
    const response = await post("/en/musterstadt/dialog/meetings", ACTION_BODY_LIMIT_BYTES);
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain(en.security.tooLargeTitle);
  });
});

describe("bodies sent without Content-Length (chunked)", () => {
  /** A POST whose body arrives in 64 KiB pieces without a declared length. */
  const chunked = (pathname: string, bytes: number) => {
    let left = bytes;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (left <= 0) return controller.close();
        const size = Math.min(left, 64 * 1024);
        left -= size;
        controller.enqueue(new Uint8Array(size).fill(120));
      },
    });
    return proxy(new NextRequest(`http://mitreden.test${pathname}`, { method: "POST", body, duplex: "half" }));
  };

  it("are counted, and answered with 413 and the page in the person's language when over the limit", async () => {
    const response = await chunked("/fa/musterstadt/dialog/meetings", 3 * ACTION_BODY_LIMIT_BYTES);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('<html lang="fa" dir="rtl">');
  });

  it("are left to the server action within the limit", async () => {
    const response = await chunked("/en/musterstadt/dialog/meetings", ACTION_BODY_LIMIT_BYTES);
    expect(response.status).toBe(200);
  });
});

describe("form posts from another site", () => {
  const post = (origin: string | null, extra: Record<string, string> = {}) =>
    proxy(
      new NextRequest("http://mitreden.test/en/sign-in", {
        method: "POST",
        headers: { host: "mitreden.test", "content-length": "10", ...(origin === null ? {} : { origin }), ...extra },
      }),
    );

  it.each([
    ["a foreign site", "https://evil.example"],
    ['the origin "null" (a sandboxed frame)', "null"],
    ["a look-alike host", "http://mitreden.test.evil.example"],
  ])("from %s are answered with 403 and a page that says why", async (_what, origin) => {
    const response = await post(origin);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain(`<h1>${en.security.forbiddenTitle}</h1>`);
  });

  it("pass from the site itself, and without any Origin (the form wrapper refuses those with a message)", async () => {
    expect((await post("http://mitreden.test")).status).toBe(200);
    expect((await post(null)).status).toBe(200);
  });
});
