// The production server: Next.js's request handler behind node:http, with the page cache for
// anonymous readers of public pages in front (lib/page-cache/page-cache.ts, decision 037).
// scripts/next-server.ts starts it (`npm start`, the e2e server, the bench), bundled into one
// JavaScript file first so that Node's type stripper never loads in the server (decision 082);
// it and what it imports use relative `.ts` imports only, so Node can also run it as it is.
//
// Environment: PORT, MITREDEN_HOST (address to listen on, default all), DATABASE_URL, PAGE_CACHE_MB (size of
// the cache, default 64; 0 switches it off), PAGE_CACHE_MAX_AGE_SECONDS (default 300), PAGE_CACHE_HEADER
// (on: the x-mitreden-cache header in production too),
// RENDER_CONCURRENCY (page renders at once; more wait in line; scripts/support/render-limit.ts).
import http from "node:http";
import path from "node:path";
import next from "next";
import pg from "pg";
import { PublicVersions } from "../lib/cache/public-version.ts";
import { locales } from "../lib/i18n/routing.ts";
import { PageCache, pageCacheSettings } from "../lib/page-cache/page-cache.ts";
import { limitRenders, renderConcurrency } from "./support/render-limit.ts";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.MITREDEN_HOST || undefined;
const root = path.resolve(import.meta.dirname, "..");

const app = next({ dev: false, dir: root, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const settings = pageCacheSettings(process.env);
let cache: PageCache | null = null;
if (settings) {
  // Its own two connections: a version check must not wait behind the pages' queries.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  pool.on("error", () => undefined);
  const versions = new PublicVersions(async (sql, params) => (await pool.query<{ version: unknown }>(sql, params)).rows);
  cache = new PageCache({ versions, locales, ...settings });
}

// Renders of pages at once; the rest wait in line (scripts/support/render-limit.ts, decision 069).
const render = limitRenders(renderConcurrency(process.env), handle);

const server = http.createServer((request, response) => {
  const handled = cache ? cache.handle(request, response, render) : render(request, response);
  Promise.resolve(handled).catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});
// As `next start`: keep idle connections a little longer than common proxies' 60 s.
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT ?? 65_000);
// A connection on which nothing moves for 2 minutes — a client that stopped reading its page —
// is closed, and the render waiting for it ends (Node's default is never): a slow phone keeps
// its connection as long as bytes flow.
server.timeout = 120_000;
server.listen(port, hostname, () => {
  console.log(`mitreden ready on http://${hostname ?? "localhost"}:${port}${cache ? ` (page cache ${process.env.PAGE_CACHE_MB ?? 64} MB)` : " (no page cache)"}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
