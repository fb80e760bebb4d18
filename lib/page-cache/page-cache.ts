// The rendered HTML of public pages, kept for anonymous readers (decision 037). It sits in the
// server wrapper (scripts/app-server.ts) in front of Next.js's request handler:
//
// - Only anonymous document requests use it: GET, no cookie but the remembered language (a
//   session, a flash message, anything else means the render may be personal), no Authorization, not
//   an RSC or prefetch request of the client router, and only the public routes of
//   `publicPageOf` whose municipality and dialogue slugs name real rows. Everything else goes to
//   Next.js untouched and is never stored.
// - A response is stored only when it is a 200 text/html without Set-Cookie whose
//   Content-Security-Policy carries a nonce. Its body is kept as one buffer with the offsets of
//   every occurrence of that nonce (128 random bits, made by the proxy for that one render, so
//   nothing else in the page can equal it). Each hit draws a new nonce and writes the stored
//   bytes around it in those places (views, no copy) and into the CSP header: no two responses
//   share a nonce, and text in a contribution that merely looks like a nonce stays as it was.
//   The stretches between the nonces are also kept gzipped, compressed once when stored, so a
//   browser's hit sends them around its nonce without compressing (decision 088).
// - Entries carry the version of what they show (lib/cache/public-version.ts), read before the
//   render; every request reads the current version (one tiny query, shared by concurrent
//   requests) and a newer one means a write committed since, on any instance: render again.
//   A maximum age bounds what time alone changes (an upcoming meeting becoming a past one).
// - Memory is bounded: an LRU by bytes (lru-cache), size from PAGE_CACHE_MB; an entry counts the
//   bytes it keeps alive (decision 080).
//
// Plain TypeScript with relative imports: Node runs it with its own type stripping.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate } from "node:zlib";
import { LRUCache } from "lru-cache";
import type { PublicVersions, VersionScope } from "../cache/public-version.ts";
import { compressStretches, gzipAround, type CompressedStretches } from "./gzip-around-nonces.ts";
const DECODERS: Record<string, (body: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  br: promisify(brotliDecompress),
  deflate: promisify(inflate),
};

/**
 * Response header saying what the cache did: hit, miss (rendered and stored) or pass (rendered,
 * not storable). Sent only where `showState` is set (pageCacheSettings: outside production, or
 * PAGE_CACHE_HEADER=on): in production it would tell anyone which pages others just read.
 */
export const CACHE_HEADER = "x-mitreden-cache";

export type PublicPage = { key: string; scope: VersionScope };

export type PageCacheOptions = {
  versions: PublicVersions;
  locales: readonly string[];
  /** Bytes the entries may take together (bodies and headers). */
  maxBytes: number;
  /** Entries older than this are rendered again even without a write. */
  maxAgeMs: number;
  /** Whether responses say hit or miss in CACHE_HEADER (tests, operators). */
  showState?: boolean;
};

type Entry = {
  version: string;
  storedAt: number;
  nonce: string;
  /**
   * The body as sent (UTF-8 bytes), render's nonce included, in one buffer of its own: not a view
   * into a shared pool, so what the entry keeps alive is what it counts.
   */
  body: Buffer;
  /** Byte offsets in `body` where `nonce` stands; a hit writes its own nonce in those places. */
  nonceAt: number[];
  /** `body` between its nonces (views into it). */
  stretches: Buffer[];
  /**
   * Each stretch compressed, for gzipAround: being made on the thread pool from when the entry
   * is made (`compressed` once done, or null if it failed and browsers get the body as it is).
   */
  compressing: Promise<CompressedStretches | null>;
  compressed: CompressedStretches | null;
  headers: Array<[string, string | string[]]>;
  bytes: number;
};

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<unknown> | unknown;

/**
 * Cookies that never change the render of a page whose address holds the locale: the language
 * chosen in the header only decides where `/` redirects (LANGUAGE_COOKIE of
 * lib/i18n/language-choice.ts, decision 036; a test holds the two names together).
 */
export const RENDER_NEUTRAL_COOKIES: readonly string[] = ["mitreden-language"];

/** Whether every cookie of a Cookie header is render-neutral (a request without cookies is). */
export function onlyNeutralCookies(header: string | undefined): boolean {
  if (!header) return true;
  return header.split(";").every((pair) => {
    const name = pair.split("=")[0]!.trim();
    return name === "" || RENDER_NEUTRAL_COOKIES.includes(name);
  });
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
/**
 * The pages under /<locale>/ that are not a municipality (every folder of app/[locale] but
 * [municipality]; a test holds the list to the folders). A municipality whose slug equals one
 * would be shadowed by the route, and the route (a receipt, the join page) must never be served
 * from the cache.
 */
export const LOCALE_ROUTES: ReadonlySet<string> = new Set(["accessibility", "account", "join", "notifications", "r", "sign-in", "texts", "unsubscribe"]);
/**
 * Query parameters that keep a request out of the cache: a free-text search is the reader's own
 * words, and a hit would tell the next person who typed the same words that someone searched for
 * them since the last write (a name, say).
 */
const UNCACHED_PARAMETERS = /(?:^\?|&)q=/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DIALOGUE_SUBPAGES = new Set(["results", "meetings", "responsibilities", "polls"]);
// Headers of the client router: its requests get RSC payloads or prefetches, not documents.
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"];
// Not stored: recomputed per response, or per connection.
const UNSTORED_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "set-cookie", "x-request-id", CACHE_HEADER]);

/**
 * Which public page a request asks for, or null when it may not use the cache. The key holds
 * everything of the request a public render depends on: host and protocol as forwarded (the
 * proxy checks origins by them), path and query (locale, filters, page).
 */
export function publicPageOf(request: IncomingMessage, locales: readonly string[]): PublicPage | null {
  if (request.method !== "GET") return null;
  const { headers } = request;
  if (!onlyNeutralCookies(headers.cookie) || headers.authorization) return null;
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined)) return null;
  const url = request.url ?? "";
  if (!url.startsWith("/")) return null;
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? "" : url.slice(queryAt);
  if (/[?&]_rsc=/.test(query) || UNCACHED_PARAMETERS.test(query)) return null;
  const segments = path.split("/").slice(1);
  const [locale, municipality, dialogue, sub, id, ...rest] = segments;
  if (!locale || !locales.includes(locale) || rest.length) return null;
  if (municipality !== undefined && LOCALE_ROUTES.has(municipality)) return null;
  // Slugs exactly as the database holds them (percent-encoded or upper-case forms stay uncached).
  if ([municipality, dialogue].some((slug) => slug !== undefined && !SLUG.test(slug))) return null;
  let scope: VersionScope | null = null;
  if (municipality === undefined) scope = { kind: "all" };
  else if (dialogue === undefined || (dialogue === "actors" && sub === undefined)) scope = { kind: "municipality", municipalitySlug: municipality };
  else if (sub === undefined || (DIALOGUE_SUBPAGES.has(sub) && id === undefined) || (sub === "c" && id !== undefined && UUID.test(id)))
    scope = { kind: "dialogue", municipalitySlug: municipality, dialogueSlug: dialogue };
  if (!scope) return null;
  const key = [headers.host ?? "", headers["x-forwarded-host"] ?? "", headers["x-forwarded-proto"] ?? "", path, query].join("\u0000");
  return { key, scope };
}

/** A fresh nonce like the proxy's: 128 random bits, base64. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The nonce of a page's Content-Security-Policy (`'nonce-…'` in script-src). */
export function nonceOf(policy: unknown): string | null {
  if (typeof policy !== "string") return null;
  const match = /'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(policy);
  return match ? match[1]! : null;
}

/** Byte offsets of every occurrence of `nonce` in `body` (occurrences do not overlap). */
export function offsetsOf(body: Buffer, nonce: string): number[] {
  const needle = Buffer.from(nonce, "utf8");
  const offsets: number[] = [];
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + needle.length)) offsets.push(at);
  return offsets;
}

/**
 * A copy of `bytes` in memory of its own. Buffer.from and Buffer.concat take buffers under 4 KB
 * from a shared 8 KB pool: a long-lived entry made that way would keep alive the whole pool
 * slab, with whatever short-lived bytes share it, beyond what it counts.
 */
export function ownCopy(bytes: Uint8Array): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

export class PageCache {
  private readonly options: PageCacheOptions;
  private readonly entries: LRUCache<string, Entry>;
  /** What one entry may count: a quarter of the cache. */
  private readonly maxEntryBytes: number;
  /** Renders in flight per key: concurrent misses at the same version wait for one render. */
  private readonly flights = new Map<string, { version: string; entry: Promise<Entry | null> }>();

  constructor(options: PageCacheOptions) {
    this.options = options;
    this.maxEntryBytes = Math.max(1, Math.floor(options.maxBytes / 4));
    this.entries = new LRUCache<string, Entry>({
      maxSize: Math.max(1, options.maxBytes),
      maxEntrySize: this.maxEntryBytes,
      sizeCalculation: (entry) => entry.bytes,
    });
  }

  /**
   * How many entries and bytes are held (for tests and metrics): `bytes` as the LRU counts them,
   * `retainedBytes` the memory their bodies keep alive (the backing stores of their buffers).
   */
  stats(): { entries: number; bytes: number; retainedBytes: number } {
    const backings = new Set<ArrayBufferLike>();
    for (const entry of this.entries.values()) for (const piece of [entry.body, ...(entry.compressed?.pieces ?? [])]) backings.add(piece.buffer);
    let retainedBytes = 0;
    for (const backing of backings) retainedBytes += backing.byteLength;
    return { entries: this.entries.size, bytes: this.entries.calculatedSize, retainedBytes };
  }

  async handle(request: IncomingMessage, response: ServerResponse, next: Handler): Promise<void> {
    const page = publicPageOf(request, this.options.locales);
    if (!page) return void (await next(request, response));
    let version: string | null;
    try {
      version = await this.options.versions.read(page.scope);
    } catch {
      // The database is away: Next.js's proxy answers with its 503 page.
      return void (await next(request, response));
    }
    if (version === null) return void (await next(request, response));

    const entry = this.entries.get(page.key);
    if (entry && entry.version === version && Date.now() - entry.storedAt < this.options.maxAgeMs) {
      return this.serve(entry, request, response);
    }
    const flight = this.flights.get(page.key);
    if (flight && flight.version === version) {
      const shared = await flight.entry.catch(() => null);
      if (shared) return this.serve(shared, request, response);
      // That render cannot be stored, failed, or waits for its client: this one renders for itself
      // and, stored, for those after it.
    }
    const { entry: rendered, forWaiters, delivered } = this.renderAndCapture(request, response, next, version);
    const own = { version, entry: forWaiters };
    this.flights.set(page.key, own);
    try {
      const stored = await rendered;
      if (stored) {
        const current = this.entries.get(page.key);
        if (!current || BigInt(stored.version) >= BigInt(current.version)) {
          this.entries.set(page.key, stored);
          void this.compressOnce(page.key, stored);
        }
      }
    } finally {
      if (this.flights.get(page.key) === own) this.flights.delete(page.key);
    }
    await delivered;
  }

  /**
   * Lets Next.js answer as always, keeping a copy of what it sent. `entry` (what may be stored)
   * settles as soon as the render has handed over its last bytes; `delivered` once Next.js is
   * done with the response. `forWaiters` is what the readers waiting for this render get: the
   * entry, or nothing (they render for themselves) as soon as the render waits for its client —
   * a first reader on a slow line, or one who never reads, must not hold up everyone else.
   */
  private renderAndCapture(
    request: IncomingMessage,
    response: ServerResponse,
    next: Handler,
    version: string,
  ): { entry: Promise<Entry | null>; forWaiters: Promise<Entry | null>; delivered: Promise<void> } {
    const chunks: Buffer[] = [];
    let captured = 0;
    let tooLarge = false;
    const limit = this.maxEntryBytes;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (tooLarge || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      captured += buffer.length;
      if (captured > limit) {
        tooLarge = true;
        chunks.length = 0;
      } else chunks.push(buffer);
    };
    const write = response.write;
    const end = response.end;
    let blocked = () => {};
    const waitsForClient = new Promise<null>((resolve) => (blocked = () => resolve(null)));
    response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      const taken = (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      // Not taken: Next.js waits for "drain", i.e. for this client to read.
      if (!taken) blocked();
      return taken;
    } as ServerResponse["write"];
    let ended = () => {};
    const endCalled = new Promise<boolean>((resolve) => (ended = () => resolve(true)));
    response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      ended();
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as ServerResponse["end"];
    // Makes writeHead(status, headers) merge its headers where getHeaders() sees them (a header
    // set once does, even when it is removed again before anything is sent).
    response.setHeader(CACHE_HEADER, "miss");
    if (!this.options.showState) response.removeHeader(CACHE_HEADER);

    const finished = new Promise<boolean>((resolve) => {
      response.once("finish", () => resolve(true));
      response.once("close", () => resolve(response.writableFinished));
    });
    const delivered = Promise.resolve(next(request, response)).then(() => undefined);
    // Whichever comes first: the last bytes handed over (complete), or the response finished or
    // closed. Not Next.js's handler returning: it may return before the response is written.
    const entry = Promise.race([endCalled, finished]).then((complete) =>
      this.entryOf(response, chunks, complete && !tooLarge, version),
    );
    return { entry, forWaiters: Promise.race([entry, waitsForClient]), delivered };
  }

  /** The rendered response as an entry of the cache, if it may be stored. */
  private async entryOf(response: ServerResponse, chunks: Buffer[], complete: boolean, version: string): Promise<Entry | null> {
    const headers = response.getHeaders();
    if (!complete || response.statusCode !== 200) return null;
    if (headers["set-cookie"] !== undefined) return null;
    if (!String(headers["content-type"] ?? "").startsWith("text/html")) return null;
    const nonce = nonceOf(headers["content-security-policy"]);
    if (!nonce) return null;
    let received: Buffer = Buffer.concat(chunks);
    const encoding = String(headers["content-encoding"] ?? "identity").toLowerCase();
    if (encoding !== "identity") {
      const decode = DECODERS[encoding];
      if (!decode) return null;
      received = await decode(received);
    }
    const body = ownCopy(received);
    const stored = Object.entries(headers as OutgoingHttpHeaders).flatMap(([name, value]): Array<[string, string | string[]]> => {
      if (UNSTORED_HEADERS.has(name) || value === undefined) return [];
      return [[name, Array.isArray(value) ? value.map(String) : String(value)]];
    });
    const headerBytes = stored.reduce((sum, [name, value]) => sum + name.length + String(value).length, 0);
    const nonceAt = offsetsOf(body, nonce);
    const nonceLength = Buffer.byteLength(nonce, "utf8");
    const stretches = stretchesOf(body, nonceAt, nonceLength);
    // The body's bytes as held, headers as characters, and the offsets; 200 for the rest. The
    // compressed stretches add theirs once made (compressOnce).
    const bytes = body.byteLength + headerBytes + 8 * nonceAt.length + 200;
    return { version, storedAt: Date.now(), nonce, body, nonceAt, stretches, compressing: compressStretches(stretches, nonceLength).catch(() => null), compressed: null, headers: stored, bytes };
  }

  /**
   * Once the stored page's stretches are compressed, they are what a browser's hit sends, and
   * the entry counts their bytes: stored again as a new object, since the LRU weighs an entry only
   * when its value changes. A page that would then outgrow an entry's limit stays without them
   * (browsers get it uncompressed) rather than leaving the cache. Compressed once, off the
   * render's slot, instead of on every hit of a browser.
   */
  private async compressOnce(key: string, entry: Entry): Promise<void> {
    const compressed = await entry.compressing;
    if (this.entries.peek(key) !== entry) return;
    const bytes = entry.bytes + (compressed?.pieces.reduce((sum, piece) => sum + piece.byteLength, 0) ?? 0);
    const kept = compressed && bytes <= this.maxEntryBytes ? compressed : null;
    this.entries.set(key, { ...entry, compressing: Promise.resolve(kept), compressed: kept, bytes: kept ? bytes : entry.bytes });
  }


  private async serve(entry: Entry, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const gzip = acceptsGzip(request.headers["accept-encoding"]);
    const nonce = createNonce();
    const nonceBytes = Buffer.from(nonce, "utf8");
    // Only the first hits after a render wait for the compressing (5–10 ms for a dialogue page).
    const stored = gzip ? (entry.compressed ?? (await entry.compressing)) : null;
    // The proxy's nonces and ours are alike (128 bits, base64); were they not, the page goes as it is.
    const compressed = stored?.gapLength === nonceBytes.byteLength ? stored : null;
    const stamp = (value: string) => value.split(entry.nonce).join(nonce);
    // The stored page's stretches between its nonces, as views (no copy), with the new nonce
    // between them; for a browser, their compressed forms around it (gzipAround): no hit
    // allocates or compresses a body.
    const pieces = compressed ? gzipAround(entry.stretches, compressed, nonceBytes) : entry.stretches.flatMap((stretch, index) => (index ? [nonceBytes, stretch] : [stretch]));
    for (const [name, value] of entry.headers) response.setHeader(name, Array.isArray(value) ? value.map(stamp) : stamp(value));
    if (compressed) response.setHeader("content-encoding", "gzip");
    const vary = String(response.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) response.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    response.setHeader("content-length", pieces.reduce((sum, piece) => sum + piece.byteLength, 0));
    if (this.options.showState) response.setHeader(CACHE_HEADER, "hit");
    response.statusCode = 200;
    // Corked, the pieces leave in one writev; end() uncorks.
    response.cork();
    for (const piece of pieces) if (piece.byteLength) response.write(piece);
    response.end();
  }
}

/**
 * Whether an Accept-Encoding allows gzip (RFC 9110 §12.5.3): named (or as x-gzip) with a weight
 * above 0, or covered by `*` above 0 when not named. `gzip;q=0` refuses it.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const weights = new Map<string, number>();
  for (const entry of String(header ?? "").split(",")) {
    const [coding = "", ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    if (!coding) continue;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(coding === "x-gzip" ? "gzip" : coding, Number.isFinite(weight) ? weight : 0);
  }
  const gzip = weights.get("gzip") ?? weights.get("*");
  return gzip !== undefined && gzip > 0;
}

/** `body` between the nonces at `nonceAt`, as views into it. */
function stretchesOf(body: Buffer, nonceAt: readonly number[], nonceLength: number): Buffer[] {
  const stretches: Buffer[] = [];
  let from = 0;
  for (const at of nonceAt) {
    stretches.push(body.subarray(from, at));
    from = at + nonceLength;
  }
  stretches.push(body.subarray(from));
  return stretches;
}

/**
 * The cache as the environment configures it: PAGE_CACHE_MB (0 switches it off),
 * PAGE_CACHE_MAX_AGE_SECONDS, and PAGE_CACHE_HEADER=on to send CACHE_HEADER in production too
 * (the e2e server does; outside production it is always sent).
 */
export function pageCacheSettings(env: NodeJS.ProcessEnv): { maxBytes: number; maxAgeMs: number; showState: boolean } | null {
  const megabytes = env.PAGE_CACHE_MB === undefined || env.PAGE_CACHE_MB === "" ? 64 : Number(env.PAGE_CACHE_MB);
  if (!Number.isFinite(megabytes) || megabytes < 0) throw new Error("PAGE_CACHE_MB must be a number of megabytes (0: no page cache)");
  if (megabytes === 0) return null;
  const seconds = env.PAGE_CACHE_MAX_AGE_SECONDS === undefined || env.PAGE_CACHE_MAX_AGE_SECONDS === "" ? 300 : Number(env.PAGE_CACHE_MAX_AGE_SECONDS);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error("PAGE_CACHE_MAX_AGE_SECONDS must be a positive number of seconds");
  const showState = env.NODE_ENV !== "production" || env.PAGE_CACHE_HEADER === "on";
  return { maxBytes: Math.floor(megabytes * 1024 * 1024), maxAgeMs: seconds * 1000, showState };
}
