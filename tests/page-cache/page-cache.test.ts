// The page cache of public pages (lib/page-cache, decision 037), in front of a stand-in for
// Next.js that renders like it: a fresh nonce per render in the CSP header and on its scripts,
// the dialogue's contributions from the real database, gzip when asked, the signed-in person's
// name when a session cookie comes. Two caches (two app instances) share one database.
// The same properties against the real production server: e2e/page-cache.spec.ts.
import { readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import net, { type AddressInfo } from "node:net";
// Next.js's own writer of a rendered page to Node's response: it waits for "drain" between chunks.
import { pipeToNodeResponse } from "next/dist/server/pipe-readable";
import { randomBytes } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { PublicVersions } from "@/lib/cache/public-version";
import { LANGUAGE_COOKIE } from "@/lib/i18n/language-choice";
import { acceptsGzip, CACHE_HEADER, createNonce, LOCALE_ROUTES, PageCache, pageCacheSettings, publicPageOf, RENDER_NEUTRAL_COOKIES } from "@/lib/page-cache/page-cache";
import { createContribution, createDialogue, createMunicipality, openDialogue } from "@/tests/support/factories";

const LOCALES = ["de", "ar"] as const;
let renders = 0;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** What Next.js does for a page, reduced: nonce, CSP, data from the database, a personal line when signed in. */
async function standIn(request: http.IncomingMessage, response: http.ServerResponse) {
  renders += 1;
  const nonce = createNonce();
  const [, locale, municipalitySlug, dialogueSlug] = (request.url ?? "").split("?")[0]!.split("/");
  const rows = dialogueSlug
    ? await db.contribution.findMany({
        where: { dialogue: { slug: dialogueSlug, municipality: { slug: municipalitySlug } } },
        orderBy: { createdAt: "asc" },
        select: { title: true },
      })
    : [];
  const session = /session-token=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
  if (request.url?.includes("set-cookie")) response.setHeader("set-cookie", "flash=1; Path=/");
  const html = [
    `<!DOCTYPE html><html lang="${locale}"><head><script nonce="${nonce}">self.x=1</script><style nonce="${nonce}"></style></head><body>`,
    session ? `<p id="who">Angemeldet als ${escapeHtml(session)}</p>` : "",
    `<ul>${rows.map((row) => `<li>${escapeHtml(row.title)}</li>`).join("")}</ul>`,
    `<script nonce="${nonce}">self.__next_f.push([1,${JSON.stringify(JSON.stringify({ nonce }))}])</script></body></html>`,
  ].join("");
  response.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'nonce-${nonce}'`);
  response.setHeader("content-type", "text/html; charset=utf-8");
  response.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
  response.statusCode = request.url?.includes("missing") ? 404 : 200;
  if (/gzip/.test(String(request.headers["accept-encoding"] ?? ""))) {
    response.setHeader("content-encoding", "gzip");
    // Streamed in two writes, as Next.js does.
    const zipped = gzipSync(html);
    response.write(zipped.subarray(0, 10));
    response.end(zipped.subarray(10));
  } else {
    response.write(html.slice(0, 50));
    response.end(html.slice(50));
  }
}

type Instance = { url: string; cache: PageCache; close: () => Promise<void> };
const pools: pg.Pool[] = [];

type Render = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>;

async function instance(maxBytes = 8 * 1024 * 1024, { showState = true, render = standIn }: { showState?: boolean; render?: Render } = {}): Promise<Instance> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  pools.push(pool);
  const versions = new PublicVersions(async (sql, params) => (await pool.query<{ version: unknown }>(sql, params)).rows);
  const cache = new PageCache({ versions, locales: LOCALES, maxBytes, maxAgeMs: 60_000, showState });
  const server = http.createServer((request, response) => void cache.handle(request, response, render));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cache,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Got = { status: number; body: string; headers: http.IncomingHttpHeaders; policyNonce: string | null; state: string | undefined; received: number; raw: Buffer };

function get(base: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Got> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const sent = Buffer.concat(chunks);
        const received = sent.length;
        const raw = response.headers["content-encoding"] === "gzip" ? gunzipSync(sent) : sent;
        const policy = String(response.headers["content-security-policy"] ?? "");
        resolve({
          status: response.statusCode ?? 0,
          body: raw.toString("utf8"),
          headers: response.headers,
          policyNonce: /'nonce-([^']+)'/.exec(policy)?.[1] ?? null,
          state: response.headers[CACHE_HEADER] as string | undefined,
          received,
          raw: sent,
        });
      });
    });
    request.on("error", reject);
    request.end();
  });
}

/** Every nonce attribute and flight-data nonce in a body. */
const bodyNonces = (body: string) => [...body.matchAll(/nonce="([^"]+)"|\\"nonce\\":\\"([^\\"]+)\\"/g)].map((match) => match[1] ?? match[2]);

let a: Instance;
let b: Instance;
let page: string;
let dialogueId: string;

beforeAll(async () => {
  const municipality = await createMunicipality();
  const dialogue = await createDialogue({ municipalityId: municipality.id });
  await openDialogue(dialogue.id);
  dialogueId = dialogue.id;
  page = `/de/${municipality.slug}/${dialogue.slug}`;
  await createContribution({ dialogueId, title: "Mehr Deutschkurse am Abend" });
  a = await instance();
  b = await instance();
});

afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await Promise.all(pools.map((pool) => pool.end()));
});

describe("cached public pages under a strict CSP", () => {
  it("two consecutive cached responses carry different nonces, and each header matches its body", async () => {
    const first = await get(a.url, page);
    const second = await get(a.url, page);
    const third = await get(a.url, page, { "accept-encoding": "gzip" });
    expect([first.state, second.state, third.state]).toEqual(["miss", "hit", "hit"]);
    const nonces = [first, second, third].map((response) => response.policyNonce);
    expect(new Set(nonces).size).toBe(3);
    const responses = { first, second, third };
    const seen = Object.entries(responses).map(([which, response]) => {
      const inBody = bodyNonces(response.body);
      return { which, count: inBody.length, nonces: [...new Set(inBody)], text: response.body.includes("Mehr Deutschkurse am Abend") };
    });
    expect(seen).toEqual(Object.entries(responses).map(([which, response]) => ({ which, count: 4, nonces: [response.policyNonce], text: true })));
    // Nothing of the first render's nonce is left in a later response.
    expect(second.body).not.toContain(first.policyNonce!);
    expect(third.headers["content-encoding"]).toBe("gzip");
    expect(String(third.headers.vary)).toMatch(/accept-encoding/i);
  });

  it.each([
    ["as they are", {}],
    ["gzipped", { "accept-encoding": "gzip" }],
  ])("a hit sends the stored page byte for byte but for its own nonce, with the length it sends, in any script (%s)", async (_how, headers: Record<string, string>) => {
    await createContribution({ dialogueId, title: "دورات لغة مسائية — вечерние курсы — 夜间课程" });
    const arabic = `/ar${page.slice("/de".length)}`;
    const [miss, hit] = [await get(a.url, arabic, headers), await get(a.url, arabic, headers)];
    expect([miss.state, hit.state]).toEqual(["miss", "hit"]);
    expect(hit.body).toContain("دورات لغة مسائية — вечерние курсы — 夜间课程");
    expect(hit.body.split(hit.policyNonce!).join("NONCE")).toBe(miss.body.split(miss.policyNonce!).join("NONCE"));
    expect(Number(hit.headers["content-length"])).toBe(hit.received);
  });

  it("a browser's hits send the page as compressed once when stored: two differ only in their nonces and checksum", async () => {
    await createContribution({ dialogueId, title: "Ein Treffpunkt für Frauen am Nachmittag" });
    const gzip = { "accept-encoding": "gzip, deflate, br, zstd" };
    const miss = await get(a.url, page, gzip);
    const [first, second] = [await get(a.url, page, gzip), await get(a.url, page, gzip)];
    expect([miss.state, first.state, second.state]).toEqual(["miss", "hit", "hit"]);
    expect(first.body).toContain("Ein Treffpunkt für Frauen am Nachmittag");
    // Each nonce stands in the compressed bytes as it is (a stored block); compressing per hit
    // would code it, and everything after it, differently for every nonce.
    const sameBut = (hit: Got) => hit.raw.subarray(0, -8).toString("latin1").split(hit.policyNonce!).join("NONCE");
    expect(first.raw.length).toBe(second.raw.length);
    expect(sameBut(first)).toBe(sameBut(second));
    expect(first.raw.subarray(-4)).toEqual(second.raw.subarray(-4));
  });

  it("a contribution that contains nonce-looking text, even an earlier response's nonce, is not rewritten into a valid nonce", async () => {
    const seen = await get(a.url, page);
    const hostile = `<script nonce="${seen.policyNonce}">alert(1)</script> nonce="AAAAAAAAAAAAAAAAAAAAAA==" 'nonce-${seen.policyNonce}'`;
    await createContribution({ dialogueId, title: hostile });
    const after = [await get(a.url, page), await get(a.url, page)];
    expect(after.map((response) => response.state)).toEqual(["miss", "hit"]);
    // The text stays exactly as written, escaped, with the old (dead) nonce, never the live one.
    const found = after.map((response) => {
      const userText = response.body.slice(response.body.indexOf("<ul>"), response.body.indexOf("</ul>"));
      return {
        state: response.state,
        escaped: response.body.includes(escapeHtml(hostile)),
        oldNonceLive: response.body.includes(`<script nonce="${seen.policyNonce}">alert(1)`),
        liveNonceInText: userText.includes(response.policyNonce!),
        pageNonces: [...new Set(bodyNonces(response.body.replace(userText, "")))],
      };
    });
    expect(found).toEqual(after.map((response) => ({ state: response.state, escaped: true, oldNonceLive: false, liveNonceInText: false, pageNonces: [response.policyNonce] })));
  });

  it("requests with a cookie are never served from the cache nor stored, and a cached page never shows a signed-in person", async () => {
    const signedIn = await get(b.url, page, { cookie: "next-auth.session-token=Erika-Mustermann" });
    expect(signedIn.state).toBeUndefined();
    expect(signedIn.body).toContain("Angemeldet als Erika-Mustermann");
    const anonymous = await get(b.url, page);
    expect(anonymous.state).toBe("miss");
    expect(anonymous.body).not.toContain("Erika-Mustermann");
    // Now cached: a signed-in request still renders for itself.
    const again = await get(b.url, page, { cookie: "next-auth.session-token=Max-Muster" });
    expect(again.state).toBeUndefined();
    expect(again.body).toContain("Angemeldet als Max-Muster");
    const otherCookies: Record<string, string | undefined> = {};
    for (const cookie of ["mitreden-flash=saved", "anything=1", `${LANGUAGE_COOKIE}=ar; mitreden-flash=saved`]) otherCookies[cookie] = (await get(b.url, page, { cookie })).state;
    expect(otherCookies, "any other cookie: neither served from the cache nor stored").toEqual({
      "mitreden-flash=saved": undefined,
      "anything=1": undefined,
      [`${LANGUAGE_COOKIE}=ar; mitreden-flash=saved`]: undefined,
    });
    // The remembered language alone changes no page whose address holds the locale.
    expect(RENDER_NEUTRAL_COOKIES).toEqual([LANGUAGE_COOKIE]);
    expect((await get(b.url, page, { cookie: `${LANGUAGE_COOKIE}=ar` })).state).toBe("hit");
    const hit = await get(b.url, page);
    expect(hit.state).toBe("hit");
    expect(hit.body).not.toMatch(/Angemeldet|Max-Muster|Erika/);
  });

  it("a write on one instance is seen by the next read on the other", async () => {
    expect((await get(a.url, page)).state).toMatch(/hit|miss/);
    expect((await get(b.url, page)).state).toMatch(/hit|miss/);
    expect((await get(b.url, page)).state).toBe("hit");
    // Instance A's write (any connection to the shared database).
    await createContribution({ dialogueId, title: "Ein Spielplatz am Fluss" });
    const onB = await get(b.url, page);
    expect(onB.state).toBe("miss");
    expect(onB.body).toContain("Ein Spielplatz am Fluss");
    const onA = await get(a.url, page);
    expect(onA.body).toContain("Ein Spielplatz am Fluss");
  });

  it("non-GET requests, client-router requests, error pages and responses that set a cookie never touch the cache", async () => {
    expect((await get(a.url, page, {}, "POST")).state).toBeUndefined();
    expect((await get(a.url, page, {}, "HEAD")).state).toBeUndefined();
    expect((await get(a.url, page, { rsc: "1" })).state).toBeUndefined();
    expect((await get(a.url, `${page}?_rsc=abc`)).state).toBeUndefined();
    const rendersBefore = renders;
    const cookieSetting = [await get(a.url, `${page}?set-cookie=1`), await get(a.url, `${page}?set-cookie=1`)];
    expect(cookieSetting.map((response) => response.state)).toEqual(["miss", "miss"]);
    expect(renders - rendersBefore).toBe(2);
    const missing = [await get(a.url, `${page}/c/00000000-0000-0000-0000-000000000000?missing=1`), await get(a.url, `${page}/c/00000000-0000-0000-0000-000000000000?missing=1`)];
    expect(missing.map((response) => [response.status, response.state])).toEqual([[404, "miss"], [404, "miss"]]);
  });

  const request = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers }) as unknown as http.IncomingMessage;
  const scope = (url: string) => publicPageOf(request(url), LOCALES)?.scope ?? null;

  it.each(["/de/musterstadt/wohnen", "/de/musterstadt/wohnen?theme=x&page=3", "/de/musterstadt/wohnen/results", "/de/musterstadt/wohnen/meetings", "/de/musterstadt/wohnen/responsibilities", "/de/musterstadt/wohnen/c/0193c0de-0000-7000-8000-000000000001"])(
    "caches %s as a page of its dialogue",
    (url) => {
      expect(scope(url)).toEqual({ kind: "dialogue", municipalitySlug: "musterstadt", dialogueSlug: "wohnen" });
    },
  );

  it.each(["/", "/xx/musterstadt", "/de/Musterstadt", "/de/m%C3%BCnchen", "/de/musterstadt/wohnen/manage", "/de/musterstadt/wohnen/new", "/de/musterstadt/wohnen/c/1/receipt", "/de/musterstadt/wohnen/c/not-an-id", "/api/v1/x", "/de/musterstadt/actors/manage"])(
    "never caches %s: not an exact public route",
    (url) => {
      expect(scope(url)).toBeNull();
    },
  );

  // A search is the reader's own words: a hit would tell that someone searched them (security review).
  it.each(["/de/musterstadt/wohnen?q=Nour", "/de/musterstadt/wohnen?sort=new&q=x"])("never caches a search: %s", (url) => {
    expect(scope(url)).toBeNull();
  });

  // A route under /<locale>/ is never taken for a municipality, even if one had its slug (a receipt, the join page).
  it.each([...LOCALE_ROUTES])("never takes /de/%s/… for a municipality's page", (route) => {
    expect(scope(`/de/${route}/wohnen/c/0193c0de-0000-7000-8000-000000000001`), route).toBeNull();
  });

  it("only exact public routes of existing municipalities and dialogues are cacheable", () => {
    expect(scope("/de")).toEqual({ kind: "all" });
    expect(scope("/ar/musterstadt")).toEqual({ kind: "municipality", municipalitySlug: "musterstadt" });
    expect(scope("/ar/musterstadt/actors")).toEqual({ kind: "municipality", municipalitySlug: "musterstadt" });
    expect(publicPageOf(request("/de", { authorization: "Bearer x" }), LOCALES)).toBeNull();
    expect(publicPageOf(request("/de", { "next-router-prefetch": "1" }), LOCALES)).toBeNull();
    expect(scope("/de/musterstadt/wohnen?sort=new&quality=1")).not.toBeNull();
    const localeFolders = readdirSync(path.resolve(import.meta.dirname, "../../app/[locale]"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("[") && !entry.name.startsWith("("))
      .map((entry) => entry.name);
    expect([...LOCALE_ROUTES].sort()).toEqual(localeFolders.sort());
    // Host and forwarded host are part of the key.
    expect(publicPageOf(request("/de", { host: "a" }), LOCALES)?.key).not.toBe(publicPageOf(request("/de", { host: "b" }), LOCALES)?.key);
  });

  // The municipality's page is paged by a keyset cursor (decision 070): each page of its list is
  // a page of its own in the cache, kept under the municipality's version.
  it("caches each page of a municipality's list under its own key and the municipality's version", () => {
    const pages = ["/de/musterstadt", "/de/musterstadt?page=2&after=WyJDT0xMRUNUSU5HIl0", "/de/musterstadt?page=2&after=WyJERUxJQkVSQVRJTkciXQ", "/de/musterstadt?page=2&before=WyJDT0xMRUNUSU5HIl0"];
    expect(pages.map(scope)).toEqual(pages.map(() => ({ kind: "municipality", municipalitySlug: "musterstadt" })));
    const keys = pages.map((url) => publicPageOf(request(url), LOCALES)?.key);
    expect(new Set(keys).size).toBe(pages.length);
    expect(scope("/de/musterstadt?page=2&after=x&q=Nour")).toBeNull();
  });

  it("keeps its memory within the size set, dropping the least recently used pages", async () => {
    const small = await instance(16 * 1024);
    try {
      for (let page_ = 1; page_ <= 20; page_++) await get(small.url, `${page}?page=${page_}`);
      const { bytes, entries } = small.cache.stats();
      expect(bytes).toBeLessThanOrEqual(16 * 1024);
      expect(entries).toBeGreaterThan(0);
      expect(entries).toBeLessThan(20);
      expect((await get(small.url, `${page}?page=20`)).state).toBe("hit");
      expect((await get(small.url, `${page}?page=1`)).state).toBe("miss");
    } finally {
      await small.close();
    }
  });

  it("holds a page in memory of its own, so what an entry keeps alive is no more than what it counts", async () => {
    const one = await instance();
    try {
      await get(one.url, page);
      // The stand-in's page is under 4 KB: made by Buffer.concat or Buffer.from, it would be a view
      // into an 8 KB pool slab shared with short-lived buffers, all of it kept alive by the entry.
      const { entries, bytes, retainedBytes } = one.cache.stats();
      expect(entries).toBe(1);
      expect(retainedBytes).toBeGreaterThan(0);
      expect(retainedBytes).toBeLessThanOrEqual(bytes);
    } finally {
      await one.close();
    }
  });

  it("concurrent misses of one page at one version render it once, each response with its own nonce", async () => {
    await createContribution({ dialogueId }); // a new version: the next requests miss
    const rendersBefore = renders;
    const responses = await Promise.all(Array.from({ length: 8 }, () => get(a.url, page)));
    expect(renders - rendersBefore).toBe(1);
    expect(new Set(responses.map((response) => response.policyNonce)).size).toBe(8);
    expect(responses.map((response) => [...new Set(bodyNonces(response.body))])).toEqual(responses.map((response) => [response.policyNonce]));
  });
});

/** A page of `bytes` of random text (as good as incompressible), with its nonce in a script. */
const randomPage = (bytes: number): Render =>
  async (_request, response) => {
    renders += 1;
    const nonce = createNonce();
    response.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}'`);
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end(`<!DOCTYPE html><html><head><script nonce="${nonce}"></script></head><body><p>${randomBytes(bytes).toString("base64url")}</p></body></html>`);
  };

describe("the compressed form of a stored page", () => {
  const gzip = { "accept-encoding": "gzip, deflate, br, zstd" };

  it("is counted against the cache's size once made, so what the cache keeps alive stays within what it counts", async () => {
    const own = await instance(8 * 1024 * 1024, { render: randomPage(48 * 1024) });
    try {
      await createContribution({ dialogueId }); // a new version: the first request renders
      await get(own.url, page, gzip);
      const stored = own.cache.stats().bytes;
      expect((await get(own.url, page, gzip)).headers["content-encoding"]).toBe("gzip");
      // Random text hardly compresses: the compressed stretches add about the page's size again.
      await vi.waitFor(() => expect(own.cache.stats().bytes).toBeGreaterThan(stored + 48 * 1024));
      const { bytes, retainedBytes } = own.cache.stats();
      expect(retainedBytes).toBeLessThanOrEqual(bytes);
    } finally {
      await own.close();
    }
  });

  it("is left out when page and compressed form together would outgrow an entry's limit, and the page stays cached", async () => {
    // An entry may count a quarter of 1 MB; this page alone is ~200 KB, twice that is too much.
    const own = await instance(1024 * 1024, { render: randomPage(150 * 1024) });
    try {
      await createContribution({ dialogueId });
      const rendersBefore = renders;
      const first = await get(own.url, page, gzip);
      await vi.waitFor(() => expect(own.cache.stats().entries).toBe(1));
      const hits = [await get(own.url, page, gzip), await get(own.url, page, gzip)];
      expect([first.state, ...hits.map((hit) => hit.state)]).toEqual(["miss", "hit", "hit"]);
      expect(renders - rendersBefore).toBe(1);
      expect(hits[1]!.headers["content-encoding"]).toBeUndefined();
      expect(hits[1]!.body).toBe(first.body.split(first.policyNonce!).join(hits[1]!.policyNonce!));
    } finally {
      await own.close();
    }
  });
});

describe("which readers get the page gzipped", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["gzip", true],
    ["GZIP", true],
    ["x-gzip", true],
    ["br;q=1.0, gzip;q=0.8, *;q=0.1", true],
    ["*", true],
    ["gzip;q=0", false],
    ["gzip; q=0.000", false],
    ["*;q=0", false],
    ["br, *;q=0.5, gzip;q=0", false],
    ["br, deflate", false],
    ["identity", false],
    ["", false],
    [undefined, false],
  ])("Accept-Encoding %j: %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe("a reader who never reads", () => {
  it("holds up no one: a reader waiting for the same render renders for itself once that render waits for its client", async () => {
    let largeRenders = 0;
    const filler = new Uint8Array(64 * 1024).fill(120); // "x"
    // A 32 MB page, written chunk by chunk as Next.js writes: far more than a socket's buffers hold.
    const large: Render = async (_request, response) => {
      largeRenders += 1;
      const nonce = createNonce();
      response.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}'`);
      response.setHeader("content-type", "text/html; charset=utf-8");
      const encoder = new TextEncoder();
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(encoder.encode(`<!DOCTYPE html><html><head><script nonce="${nonce}"></script></head><body><!--`));
          if (sent++ < 512) controller.enqueue(filler);
          else {
            controller.enqueue(encoder.encode("--></body></html>"));
            controller.close();
          }
        },
      });
      await pipeToNodeResponse(stream, response, Promise.resolve());
    };
    const own = await instance(256 * 1024 * 1024, { render: large });
    await createContribution({ dialogueId }); // a new version: the first request renders
    const { host, port } = new URL(own.url);
    const stalled = net.connect(Number(port), "127.0.0.1");
    stalled.pause();
    await new Promise<void>((resolve) => stalled.once("connect", resolve));
    stalled.write(`GET ${page} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    await vi.waitFor(() => expect(largeRenders).toBe(1));

    const waiting = await get(own.url, page);
    expect(waiting.status).toBe(200);
    expect(waiting.body.length).toBe(512 * 64 * 1024 + waiting.body.indexOf("<!--") + "<!--".length + "--></body></html>".length);
    expect(largeRenders).toBe(2);
    expect(stalled.destroyed).toBe(false);
    stalled.destroy();

    // The page is still cached: the second render, delivered, was stored and serves the next reader.
    const next = await get(own.url, page);
    expect([next.state, largeRenders]).toEqual(["hit", 2]);
    await own.close();
  });
});

describe("a render that returns before its response is written", () => {
  it("is stored all the same, as Next.js's handler may return before the last bytes are out", async () => {
    let early = 0;
    const returnsFirst: Render = async (request, response) => {
      early += 1;
      // The handler is done; the response is written on a later turn.
      setImmediate(() => void standIn(request, response));
    };
    const own = await instance(8 * 1024 * 1024, { render: returnsFirst });
    await createContribution({ dialogueId }); // a new version: the first request renders
    const first = await get(own.url, page);
    const second = await get(own.url, page);
    expect([first.status, first.state, second.state, early]).toEqual([200, "miss", "hit", 1]);
    await own.close();
  });
});

describe("the cache's hit-or-miss header", () => {
  it("is sent only outside production, or in production when PAGE_CACHE_HEADER=on", () => {
    expect(pageCacheSettings({ NODE_ENV: "production" })?.showState).toBe(false);
    expect(pageCacheSettings({ NODE_ENV: "production", PAGE_CACHE_HEADER: "1" })?.showState).toBe(false);
    expect(pageCacheSettings({ NODE_ENV: "production", PAGE_CACHE_HEADER: "on" })?.showState).toBe(true);
    expect(pageCacheSettings({ NODE_ENV: "development" })?.showState).toBe(true);
    expect(pageCacheSettings({ NODE_ENV: "test" })?.showState).toBe(true);
  });

  it("is not sent without the setting, while pages are still cached with every header of their render", async () => {
    // A render that passes its headers to writeHead, as Next.js may: they are stored all the same.
    const render: Render = async (request, response) => {
      renders += 1;
      const nonce = createNonce();
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": `script-src 'self' 'nonce-${nonce}'`,
        "x-rendered": "writeHead",
      });
      response.end(`<!DOCTYPE html><html lang="de"><body><script nonce="${nonce}">self.x=1</script></body></html>`);
    };
    const quiet = await instance(8 * 1024 * 1024, { showState: false, render });
    try {
      const before = renders;
      const first = await get(quiet.url, page);
      const second = await get(quiet.url, page);
      expect(renders - before).toBe(1);
      const seen = [first, second].map((response) => ({
        status: response.status,
        state: response.headers[CACHE_HEADER] ?? null,
        rendered: response.headers["x-rendered"],
        nonces: bodyNonces(response.body),
      }));
      expect(seen).toEqual([first, second].map((response) => ({ status: 200, state: null, rendered: "writeHead", nonces: [response.policyNonce] })));
      expect(second.policyNonce).not.toBe(first.policyNonce);
    } finally {
      await quiet.close();
    }
  });
});
