// The voice form is the one form that carries a file (decision 033): it posts to its own route
// handler (decision 046), and the proxy lets a post to it through up to 6 MB — a phone's
// three-minute recording is ~3 MB — and answers a larger one with the 413 page in the person's
// language naming that limit; every other form, the voice form's page and every server action keep
// the 1 MB limit. The photo forms' 25 MB: tests/security/photo-actions.test.ts.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import proxy from "@/proxy";
import { ACTION_BODY_LIMIT_BYTES, VOICE_ACTION_BODY_LIMIT_BYTES } from "@/lib/security/plain-pages";
import fa from "@/messages/fa.json" with { type: "json" };

const post = (pathname: string, length: number) =>
  proxy(new NextRequest(`http://mitreden.test${pathname}`, { method: "POST", headers: { "content-length": String(length) } }));

describe("a voice message's post", () => {
  it("goes through up to 6 MB to the voice form only", async () => {
    expect((await post("/fa/musterstadt/dialog/new/voice/send", 3 * 1024 * 1024)).status).toBe(200);
    expect((await post("/fa/musterstadt/dialog/new/voice/send", VOICE_ACTION_BODY_LIMIT_BYTES)).status).toBe(200);
    expect((await post("/fa/musterstadt/dialog/new/voice", ACTION_BODY_LIMIT_BYTES + 1)).status).toBe(413);
  });

  it("goes through up to 6 MB to the voice comment form too, and not to the contribution page's other pages", async () => {
    const contribution = "/fa/musterstadt/dialog/c/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    expect((await post(`${contribution}/voice-comment/send`, VOICE_ACTION_BODY_LIMIT_BYTES)).status).toBe(200);
    expect((await post(`${contribution}/voice-comment/send`, VOICE_ACTION_BODY_LIMIT_BYTES + 1)).status).toBe(413);
    expect((await post(`${contribution}/merge`, ACTION_BODY_LIMIT_BYTES + 1)).status).toBe(413);
    expect((await post(`${contribution}/voice-comment`, ACTION_BODY_LIMIT_BYTES + 1)).status).toBe(413);
  });

  it("over 6 MB is answered with the 413 page in the person's language, naming 6 MB", async () => {
    const response = await post("/fa/musterstadt/dialog/new/voice/send", VOICE_ACTION_BODY_LIMIT_BYTES + 1);
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain(fa.security.tooLargeTitle);
    expect(html).toMatch(/6 MB|۶ MB/);
  });
});
