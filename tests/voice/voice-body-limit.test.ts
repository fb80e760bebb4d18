// The voice forms post to route handlers of their own (decisions 033, 046). The proxy lets a post
// from someone signed in through up to 6 MB to the voice comment form — a phone's three-minute
// recording is ~3 MB — and up to 25 MB to the voice need form, which carries up to three photos
// beside the recording (decision 061); a larger one gets the 413 page in the person's language
// naming that limit. Every other form, the voice form's page and every server action keep the
// 1 MB limit, and so does a post without a running session. The photo forms' 25 MB:
// tests/security/photo-actions.test.ts.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import proxy from "@/proxy";
import { createSession } from "@/lib/auth/sessions";
import { ACTION_BODY_LIMIT_BYTES, POST_FORM_BODY_LIMIT_BYTES, VOICE_ACTION_BODY_LIMIT_BYTES } from "@/lib/security/plain-pages";
import fa from "@/messages/fa.json" with { type: "json" };
import { createUser } from "../support/factories";

let cookie = "";
beforeAll(async () => {
  cookie = `next-auth.session-token=${(await createSession((await createUser()).id)).sessionToken}`;
});

const post = (pathname: string, length: number, signedIn = true) =>
  proxy(new NextRequest(`http://mitreden.test${pathname}`, { method: "POST", headers: { "content-length": String(length), ...(signedIn ? { cookie } : {}) } }));

const contribution = "/fa/musterstadt/dialog/c/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

describe("a voice message's post", () => {
  it("goes through up to 25 MB to the voice need form only (the recording and its photos)", async () => {
    expect((await post("/fa/musterstadt/dialog/new/voice/send", 3 * 1024 * 1024)).status).toBe(200);
    expect((await post("/fa/musterstadt/dialog/new/voice/send", POST_FORM_BODY_LIMIT_BYTES)).status).toBe(200);
    expect((await post("/fa/musterstadt/dialog/new/voice/send", POST_FORM_BODY_LIMIT_BYTES + 1)).status).toBe(413);
    expect((await post("/fa/musterstadt/dialog/new/voice", ACTION_BODY_LIMIT_BYTES + 1)).status).toBe(413);
  });

  it("goes through up to 6 MB to the voice comment form, and not to the contribution page's other pages", async () => {
    expect((await post(`${contribution}/voice-comment/send`, VOICE_ACTION_BODY_LIMIT_BYTES)).status).toBe(200);
    expect((await post(`${contribution}/voice-comment/send`, VOICE_ACTION_BODY_LIMIT_BYTES + 1)).status).toBe(413);
    expect((await post(`${contribution}/merge`, ACTION_BODY_LIMIT_BYTES + 1)).status).toBe(413);
    expect((await post(`${contribution}/voice-comment`, ACTION_BODY_LIMIT_BYTES + 1)).status).toBe(413);
  });

  it("keeps 1 MB without a session: a recording of 3 MB is refused before it is read", async () => {
    expect((await post("/fa/musterstadt/dialog/new/voice/send", ACTION_BODY_LIMIT_BYTES, false)).status).toBe(200);
    expect((await post("/fa/musterstadt/dialog/new/voice/send", 3 * 1024 * 1024, false)).status).toBe(413);
    expect((await post(`${contribution}/voice-comment/send`, 3 * 1024 * 1024, false)).status).toBe(413);
  });

  it("over 6 MB to the voice comment form is answered with the 413 page in the person's language, naming 6 MB", async () => {
    const response = await post(`${contribution}/voice-comment/send`, VOICE_ACTION_BODY_LIMIT_BYTES + 1);
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain(fa.security.tooLargeTitle);
    expect(html).toMatch(/6 MB|۶ MB/);
  });
});
