// The app behind a reverse proxy that rewrites Host to the app's internal address (and sends no
// X-Forwarded-Host), as many operators run it: every absolute URL the app writes — API paging
// links, the OpenAPI server, schema ids, the calendar's URL and UIDs, the JSON export's $schema,
// redirects of pages, forms, exports and next-auth — is on the one public origin (PUBLIC_URL),
// never the internal one; and forms posted from the public origin work. This spec runs its own
// production server (same build as the rest of the run) on a database of its own.
import { randomBytes } from "node:crypto";
import { createServer, request as forward, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { dropDatabase } from "../lib/db/databases";
import { cloneTemplate, ensureTemplate, startTestServer, type TestServer } from "../lib/db/test-databases";
import { DEMO_ACCOUNTS, runSeed } from "../prisma/seed";
import { DIALOGUES } from "../prisma/seed/dialogues";
import { startNext } from "../scripts/next-server";
import { freePort } from "../tests/support/processes";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const PUBLIC = "https://mitreden.example";
const INTERNAL_HOST = "app.internal:8080";
// Over https the session cookie is __Host- prefixed (lib/auth/sessions.ts).
const COOKIE = "__Host-next-auth.session-token";
const moderator = DEMO_ACCOUNTS.find((account) => account.displayName === "Miriam Hoffmann")!;

let database: TestServer;
let databaseName: string;
let app: { stop: () => Promise<void> };
let appPort: number;
let proxy: Server;
let base: string;

test.beforeAll(async () => {
  database = await startTestServer();
  databaseName = `mitreden_proxy_${randomBytes(4).toString("hex")}`;
  const databaseUrl = await cloneTemplate(database.serverUrl, await ensureTemplate(database.serverUrl), databaseName);
  await runSeed(databaseUrl);
  appPort = await freePort();
  app = startNext({
    port: appPort,
    databaseUrl,
    host: "127.0.0.1",
    env: { NODE_ENV: "production", PUBLIC_URL: PUBLIC, NEXTAUTH_URL: "", NEXTAUTH_SECRET: "proxy-".padEnd(64, "x") },
  });
  // The reverse proxy: everything to the app, Host rewritten, TLS ended here (X-Forwarded-Proto).
  proxy = createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers, host: INTERNAL_HOST, "x-forwarded-proto": "https" };
    const upstream = forward({ host: "127.0.0.1", port: appPort, method: incoming.method, path: incoming.url, headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on("error", () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  const proxyPort = await freePort();
  await new Promise<void>((resolve) => proxy.listen(proxyPort, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${proxyPort}`;
  await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
});

test.afterAll(async () => {
  proxy?.close();
  await app?.stop();
  if (databaseName) await dropDatabase(database.serverUrl, databaseName).catch(() => {});
  await database?.stop();
});

/** Every absolute http(s) URL in a text. */
const absoluteUrls = (text: string) => [...text.matchAll(/https?:\/\/[^\s"'<>\\]+/g)].map(([url]) => url);
/** No trace of the addresses the app itself is reached at. */
function expectNoInternalAddress(text: string) {
  expect(text).not.toContain(INTERNAL_HOST);
  expect(text).not.toContain(`127.0.0.1:${appPort}`);
  expect(text).not.toContain(`localhost:${appPort}`);
}

test("the open-data API's links, server and schema ids are on the public origin", async () => {
  const first = (await (await fetch(`${base}/api/v1/municipalities/musterstadt/dialogues?limit=1`)).json()) as { links: { next: string | null } };
  expect(first.links.next).toMatch(new RegExp(`^${PUBLIC}/api/v1/municipalities/musterstadt/dialogues\\?limit=1&cursor=`));

  const dialogues = (await (await fetch(`${base}/api/v1/municipalities/musterstadt/dialogues`)).json()) as { data: { id: string; slug: string }[] };
  const collecting = dialogues.data.find((dialogue) => dialogue.slug === DIALOGUES.collecting.slug)!;
  const page = await fetch(`${base}/api/v1/dialogues/${collecting.id}/contributions?limit=2`);
  const text = await page.text();
  expectNoInternalAddress(text);
  const { links } = JSON.parse(text) as { links: { next: string } };
  expect(links.next.startsWith(`${PUBLIC}/api/v1/dialogues/${collecting.id}/contributions?limit=2&cursor=`)).toBe(true);
  // A client follows the link through the proxy (the public origin is the proxy's address here).
  expect((await fetch(links.next.replace(PUBLIC, base))).status).toBe(200);

  const openapi = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as { servers: { url: string }[] };
  expect(openapi.servers.map((server) => server.url)).toEqual([PUBLIC]);
  const schema = (await (await fetch(`${base}/api/v1/schemas/export.json`)).json()) as { $id: string };
  expect(schema.$id).toBe(`${PUBLIC}/api/v1/schemas/export.json`);
});

test("the calendar's URLs and event UIDs are on the public origin", async () => {
  const response = await fetch(`${base}/en/musterstadt/${DIALOGUES.collecting.slug}/meetings/calendar.ics`);
  expect(response.status).toBe(200);
  const calendar = (await response.text()).replace(/\r\n[ \t]/g, ""); // unfold long lines
  expectNoInternalAddress(calendar);
  const urls = calendar.split("\r\n").filter((line) => line.startsWith("URL"));
  const uids = calendar.split("\r\n").filter((line) => line.startsWith("UID:"));
  expect(uids.length).toBeGreaterThan(0);
  for (const line of urls) expect(line).toMatch(new RegExp(`^URL[^:]*:${PUBLIC}/en/musterstadt/`));
  for (const line of uids) expect(line.endsWith("@mitreden.example")).toBe(true);
});

test("redirects of pages and next-auth are relative or on the public origin", async () => {
  for (const path of ["/", "/musterstadt", "/api/auth/signin"]) {
    const response = await fetch(`${base}${path}`, { redirect: "manual", headers: { "accept-language": "en" } });
    expect(response.status, path).toBeGreaterThanOrEqual(300);
    expect(response.status, path).toBeLessThan(400);
    const location = response.headers.get("location")!;
    expect(location.startsWith("/") || location.startsWith(`${PUBLIC}/`), `${path} → ${location}`).toBe(true);
  }
});

test("a moderator signs in through the proxy and exports: form, redirects and $schema on the public origin", async () => {
  // The sign-in form, posted as a browser without JavaScript would, from the public origin.
  const html = await (await fetch(`${base}/en/sign-in`)).text();
  expectNoInternalAddress(html.replace(/https?:\/\/[^\s"'<>]*\.w3\.org[^\s"'<>]*/g, ""));
  const form = html.match(/<form[^>]*>(?:(?!<\/form>)[\s\S])*name="code"[\s\S]*?<\/form>/)?.[0];
  if (!form) throw new Error("no sign-in form");
  const body = new FormData();
  for (const [tag] of form.matchAll(/<input[^>]*>/g)) {
    const attr = (name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1] ?? "";
    if (attr("name")) body.append(attr("name"), attr("name") === "code" ? moderator.signInCode : attr("value").replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
  }
  const signedIn = await fetch(`${base}/en/sign-in`, { method: "POST", body, redirect: "manual", headers: { origin: PUBLIC } });
  expect(signedIn.status).toBe(303);
  const location = signedIn.headers.get("location")!;
  expect(location.startsWith("/") || location.startsWith(`${PUBLIC}/`), location).toBe(true);
  const token = signedIn.headers.getSetCookie().find((cookie) => cookie.startsWith(`${COOKIE}=`))?.split(";")[0];
  expect(token).toBeDefined();

  const download = `${base}/en/musterstadt/${DIALOGUES.deliberating.slug}/export/download`;
  const exported = await fetch(download, {
    method: "POST",
    body: new URLSearchParams({ format: "json" }),
    headers: { cookie: token!, origin: PUBLIC },
  });
  expect(exported.status).toBe(200);
  const json = await exported.text();
  expect((JSON.parse(json) as { $schema: string }).$schema).toBe(`${PUBLIC}/api/v1/schemas/export.json`);
  expectNoInternalAddress(json);
  for (const url of absoluteUrls(json)) expect(url.startsWith(`${PUBLIC}/`) || !url.includes(INTERNAL_HOST), url).toBe(true);

  const refused = await fetch(download, {
    method: "POST",
    body: new URLSearchParams({ format: "pdf" }),
    headers: { cookie: token!, origin: PUBLIC },
    redirect: "manual",
  });
  expect(refused.status).toBe(303);
  expect(refused.headers.get("location")).toBe(`${PUBLIC}/en/musterstadt/${DIALOGUES.deliberating.slug}/export?error=INVALID_INPUT`);

  // The same POST from another site is refused, even through the proxy.
  const foreign = await fetch(download, { method: "POST", body: new URLSearchParams({ format: "csv" }), headers: { cookie: token!, origin: "https://evil.example" } });
  expect(foreign.status).toBe(403);
});
