// The photo forms' 25 MB (decisions 050, 055, 061), granted by the proxy only to a post that names
// one of the photo forms' server actions — in the Next-Action header with JavaScript, in the form's
// action fields without — and comes with a running session. Any other server action posted to the
// same pages, or a photo form's post without a session or with a made-up or ended one, keeps the
// 1 MB of every other form, and its body beyond the first MB is never read.
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import proxy from "@/proxy";
import { ACTION_BODY_LIMIT_BYTES, POST_FORM_BODY_LIMIT_BYTES, VOICE_ACTION_BODY_LIMIT_BYTES } from "@/lib/security/plain-pages";
import { buildDir, PHOTO_ACTIONS, photoActionIds } from "@/lib/security/photo-actions";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import ar from "@/messages/ar.json" with { type: "json" };
import { createUser } from "../support/factories";

// Action ids as Next.js writes them (42 hex digits), one per action, in a build's manifest.
const UPDATE = "7f7ec922a3a4a2cb096084930a23cbb658e86a9bc0";
const CREATE = "7ff1c9b7afab558f92c42fec076c7e7e257c020700";
const OFFLINE = "7fa014b3ade2bd87405f945250babaeb32f8a2b46c";
const COMMENT = "7fb026d64aa9f7bda508d40f567a69121356d82b39";
const SUPPORT = "7f89126bf75a48cddd8b461fd2f03ac02b947402f2";

const CONTRIBUTION = "/ar/musterstadt/dialog/c/0190a000-0000-7000-8000-000000000000";
const MB = 1024 * 1024;
/** A running session's cookie (set in beforeAll). */
let SESSION = "";
/** The token of a session that has ended, and of one whose account is deleted. */
let ENDED = "";
let DELETED = "";

let distDir: string;
const before = process.env.NEXT_DIST_DIR;
beforeAll(async () => {
  SESSION = `next-auth.session-token=${(await createSession((await createUser()).id)).sessionToken}`;
  const ended = await createSession((await createUser()).id);
  await db.session.update({ where: { sessionToken: ended.sessionToken }, data: { expires: new Date(Date.now() - 1000) } });
  ENDED = `next-auth.session-token=${ended.sessionToken}`;
  const deletedUser = await createUser();
  DELETED = `next-auth.session-token=${(await createSession(deletedUser.id)).sessionToken}`;
  await db.user.update({ where: { id: deletedUser.id }, data: { deletedAt: new Date() } });
  distDir = mkdtempSync(path.join(tmpdir(), "photo-actions-"));
  mkdirSync(path.join(distDir, "server"));
  const entry = (filename: string, exportedName: string) => ({ workers: {}, layer: {}, filename, exportedName });
  const manifest = {
    node: {
      [UPDATE]: entry("lib/actions/contributions/contribution-page.ts", "updateContributionAction"),
      [CREATE]: entry("lib/actions/contributions/create-contribution.ts", "createContributionAction"),
      [OFFLINE]: entry("lib/actions/contributions/record-offline-contribution.ts", "recordOfflineContributionAction"),
      [COMMENT]: entry("lib/actions/contributions/contribution-page.ts", "createCommentAction"),
      [SUPPORT]: entry("lib/actions/contributions/contribution-page.ts", "supportAction"),
    },
    edge: {},
  };
  writeFileSync(path.join(distDir, "server", "server-reference-manifest.json"), JSON.stringify(manifest));
  process.env.NEXT_DIST_DIR = distDir;
});
afterAll(() => {
  if (before === undefined) delete process.env.NEXT_DIST_DIR;
  else process.env.NEXT_DIST_DIR = before;
  rmSync(distDir, { recursive: true, force: true });
});

/** A post with JavaScript: the action in the header, the body only declared. */
const fetchAction = (pathname: string, length: number, { action, cookie }: { action?: string; cookie?: string }) =>
  proxy(
    new NextRequest(`http://mitreden.test${pathname}`, {
      method: "POST",
      headers: { "content-length": String(length), "content-type": "multipart/form-data; boundary=x", ...(action ? { "next-action": action } : {}), ...(cookie ? { cookie } : {}) },
    }),
  );

/**
 * A form posted without JavaScript as React writes it: `$ACTION_REF_1` and its descriptor
 * `$ACTION_1:0` = {"id":…,"bound":"$@1"} for a bound action (`extra` adds more fields after it),
 * then a photo of `photoBytes`; sent with its length, or in pieces without one (chunked).
 * `read` counts the bytes the proxy took from the body.
 */
async function formPost(
  pathname: string,
  { action, cookie, photoBytes = 2 * MB, extra = [], chunked = false, read }: { action: string; cookie?: string; photoBytes?: number; extra?: [string, string][]; chunked?: boolean; read?: { bytes: number } },
) {
  const form = new FormData();
  form.set("$ACTION_REF_1", "");
  form.set("$ACTION_1:0", JSON.stringify({ id: action, bound: "$@1" }));
  form.set("$ACTION_1:1", JSON.stringify([{ locale: "ar" }]));
  form.set("$ACTION_KEY", "k1");
  for (const [key, value] of extra) form.append(key, value);
  form.set("title", "منحدر مكسور");
  form.set("photo1", new Blob([new Uint8Array(photoBytes).fill(7)], { type: "image/jpeg" }), "ramp.jpg");
  form.set("photo1Alt", "المدخل");
  const encoded = new Request("http://mitreden.test/", { method: "POST", body: form });
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  const type = encoded.headers.get("content-type")!;
  const headers: Record<string, string> = { "content-type": type, ...(cookie ? { cookie } : {}) };
  if (chunked) {
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.byteLength) return controller.close();
        const chunk = bytes.slice(offset, offset + 64 * 1024);
        if (read) read.bytes += chunk.byteLength;
        controller.enqueue(chunk);
        offset += 64 * 1024;
      },
    });
    return proxy(new NextRequest(`http://mitreden.test${pathname}`, { method: "POST", headers, body, duplex: "half" }));
  }
  return proxy(new NextRequest(`http://mitreden.test${pathname}`, { method: "POST", headers: { ...headers, "content-length": String(bytes.byteLength) }, body: bytes }));
}

describe("the photo forms' 25 MB", () => {
  it("are granted to a photo form's post with JavaScript (Next-Action) and a session, on each of the three photo pages", async () => {
    expect((await fetchAction(CONTRIBUTION, 20 * MB, { action: UPDATE, cookie: SESSION })).status).toBe(200);
    expect((await fetchAction("/ar/musterstadt/dialog/new", POST_FORM_BODY_LIMIT_BYTES, { action: CREATE, cookie: SESSION })).status).toBe(200);
    expect((await fetchAction("/ar/musterstadt/dialog/new/offline", POST_FORM_BODY_LIMIT_BYTES, { action: OFFLINE, cookie: `__Host-${SESSION}` })).status).toBe(200);
    // Never beyond 25 MB.
    expect((await fetchAction(CONTRIBUTION, POST_FORM_BODY_LIMIT_BYTES + 1, { action: UPDATE, cookie: SESSION })).status).toBe(413);
  });

  it("are granted to a photo form posted without JavaScript, with its length or in pieces", async () => {
    expect((await formPost(CONTRIBUTION, { action: UPDATE, cookie: SESSION })).status).toBe(200);
    expect((await formPost(CONTRIBUTION, { action: UPDATE, cookie: SESSION, chunked: true })).status).toBe(200);
    expect((await formPost("/ar/musterstadt/dialog/new", { action: CREATE, cookie: SESSION })).status).toBe(200);
  });

  it("are not granted to any other action posted to a photo page: 413 naming 1 MB, in the person's language", async () => {
    const comment = await fetchAction(CONTRIBUTION, 2 * MB, { action: COMMENT, cookie: SESSION });
    expect(comment.status).toBe(413);
    const html = await comment.text();
    expect(html).toContain(ar.security.tooLargeTitle);
    expect(html).toMatch(/[1١] MB/);
    // Signed in: the post is too large; the page does not say the person is signed out.
    expect(html).not.toContain(ar.security.signedOutTitle);
    expect(html).not.toMatch(/25|٢٥/);
    expect((await fetchAction(CONTRIBUTION, 2 * MB, { action: "not-an-action", cookie: SESSION })).status).toBe(413);
    expect((await formPost(CONTRIBUTION, { action: SUPPORT, cookie: SESSION })).status).toBe(413);
    expect((await formPost(CONTRIBUTION, { action: COMMENT, cookie: SESSION, chunked: true })).status).toBe(413);
    // React runs the last action a form names: a photo action named first does not carry another.
    expect((await formPost(CONTRIBUTION, { action: UPDATE, cookie: SESSION, extra: [[`$ACTION_ID_${COMMENT}`, ""]] })).status).toBe(413);
    expect((await formPost(CONTRIBUTION, { action: UPDATE, cookie: SESSION, extra: [["$ACTION_REF_2", ""]] })).status).toBe(413);
    // A form that names no action, or a body that is no form.
    expect((await fetchAction(CONTRIBUTION, 2 * MB, { cookie: SESSION })).status).toBe(413);
  });

  it("are not granted without a session cookie, whatever the post names", async () => {
    expect((await fetchAction(CONTRIBUTION, 2 * MB, { action: UPDATE })).status).toBe(413);
    expect((await fetchAction("/ar/musterstadt/dialog/new", 2 * MB, { action: CREATE, cookie: "other=abc" })).status).toBe(413);
    expect((await formPost(CONTRIBUTION, { action: UPDATE })).status).toBe(413);
  });

  it.each([
    ["made up", () => "next-auth.session-token=made-up-by-a-script"],
    ["made up, under the https name", () => "__Host-next-auth.session-token=made-up-by-a-script"],
    ["ended", () => ENDED],
    ["of a deleted account", () => DELETED],
  ])("are not granted to a session cookie %s, and the body beyond 1 MB is not read", async (_, cookie) => {
    // With JavaScript: the body is declared only; the answer names 1 MB before anything is read.
    const declared = await fetchAction(CONTRIBUTION, 20 * MB, { action: UPDATE, cookie: cookie() });
    expect(declared.status).toBe(413);
    // The person is told they are no longer signed in, not that their text is too long, and is
    // led to sign in and come back to the form (the page's own address, with its language).
    const page = await declared.text();
    expect(page).toContain(`<h1>${ar.security.signedOutTitle}</h1>`);
    expect(page).not.toContain(ar.security.tooLargeTitle);
    expect(page).toContain(`href="/ar/sign-in?callbackPath=${encodeURIComponent(CONTRIBUTION)}"`);
    // Without JavaScript, in pieces: a 20 MB photo form is read no further than the first MB (and one piece).
    const read = { bytes: 0 };
    expect((await formPost(CONTRIBUTION, { action: UPDATE, cookie: cookie(), photoBytes: 20 * MB, chunked: true, read })).status).toBe(413);
    expect(read.bytes).toBeLessThanOrEqual(MB + 2 * 64 * 1024);
    // The same post with a running session is read whole and granted.
    const whole = { bytes: 0 };
    expect((await formPost(CONTRIBUTION, { action: UPDATE, cookie: SESSION, photoBytes: 20 * MB, chunked: true, read: whole })).status).toBe(200);
    expect(whole.bytes).toBeGreaterThan(20 * MB);
    // The voice need form's 25 MB and the voice comment form's 6 MB need a running session too;
    // signing in leads back to the page of the form, not to the address it posts to.
    const voice = await fetchAction("/ar/musterstadt/dialog/new/voice/send", 3 * MB, { cookie: cookie() });
    expect(voice.status).toBe(413);
    expect(await voice.text()).toContain(`href="/ar/sign-in?callbackPath=${encodeURIComponent("/ar/musterstadt/dialog/new/voice")}"`);
    const voiceComment = await fetchAction(`${CONTRIBUTION}/voice-comment/send`, 3 * MB, { cookie: cookie() });
    expect(voiceComment.status).toBe(413);
    expect(await voiceComment.text()).toContain(`href="/ar/sign-in?callbackPath=${encodeURIComponent(CONTRIBUTION)}"`);
  });

  it("leave every post within 1 MB to the action, and every other page at its own limit", async () => {
    expect((await fetchAction(CONTRIBUTION, ACTION_BODY_LIMIT_BYTES, { action: COMMENT })).status).toBe(200);
    expect((await formPost(CONTRIBUTION, { action: SUPPORT, photoBytes: 100 * 1024 })).status).toBe(200);
    expect((await fetchAction(`${CONTRIBUTION}/merge`, 2 * MB, { action: UPDATE, cookie: SESSION })).status).toBe(413);
    expect((await fetchAction("/ar/musterstadt/dialog/c/anything", 2 * MB, { action: UPDATE, cookie: SESSION })).status).toBe(413);
    // The voice need form carries photos beside its recording (decision 061), the voice comment form a recording only.
    expect((await fetchAction("/ar/musterstadt/dialog/new/voice/send", POST_FORM_BODY_LIMIT_BYTES, { cookie: SESSION })).status).toBe(200);
    expect((await fetchAction("/ar/musterstadt/dialog/new/voice/send", POST_FORM_BODY_LIMIT_BYTES + 1, { cookie: SESSION })).status).toBe(413);
    expect((await fetchAction(`${CONTRIBUTION}/voice-comment/send`, VOICE_ACTION_BODY_LIMIT_BYTES, { cookie: SESSION })).status).toBe(200);
    expect((await fetchAction(`${CONTRIBUTION}/voice-comment/send`, VOICE_ACTION_BODY_LIMIT_BYTES + 1, { cookie: SESSION })).status).toBe(413);
  });
});

describe("the photo actions' ids", () => {
  it("are read from the build's manifest: the photo forms' actions and no other", () => {
    expect([...photoActionIds()].sort()).toEqual([UPDATE, CREATE, OFFLINE].sort());
    expect(photoActionIds(path.join(distDir, "missing")).size).toBe(0);
  });

  it("are found in the project's build, whatever folder the server was started from", async () => {
    // next.config.js, which the server loads from the project's folder, names the build's folder as an absolute path.
    const project = path.resolve(import.meta.dirname, "../..");
    const before = { dist: process.env.NEXT_DIST_DIR, build: process.env.MITREDEN_BUILD_DIR };
    process.env.NEXT_DIST_DIR = ".next-somewhere";
    await import(/* @vite-ignore */ pathToFileURL(path.join(project, "next.config.js")).href);
    expect(process.env.MITREDEN_BUILD_DIR).toBe(path.join(project, ".next-somewhere"));
    // The server started from another folder reads the manifest from there.
    const cwd = process.cwd();
    const other = mkdtempSync(path.join(tmpdir(), "elsewhere-"));
    try {
      process.chdir(other);
      process.env.MITREDEN_BUILD_DIR = distDir;
      process.env.NEXT_DIST_DIR = "no-such-build";
      expect(buildDir()).toBe(distDir);
      expect([...photoActionIds()].sort()).toEqual([UPDATE, CREATE, OFFLINE].sort());
    } finally {
      process.chdir(cwd);
      rmSync(other, { recursive: true, force: true });
      process.env.NEXT_DIST_DIR = before.dist;
      if (before.build === undefined) delete process.env.MITREDEN_BUILD_DIR;
      else process.env.MITREDEN_BUILD_DIR = before.build;
    }
  });

  it.each(PHOTO_ACTIONS)("name a server action that is exported: $exportedName in $filename", ({ filename, exportedName }) => {
    const source = readFileSync(path.resolve(filename), "utf8");
    expect(source.startsWith('"use server";')).toBe(true);
    expect(source).toContain(`export const ${exportedName} = `);
  });
});
