// The SQL a page sends, as bench/sql-recorder.mjs inside the server saw it: counted per page,
// and grouped into waves (statements the app had in flight at the same time) for the baseline.
import pg from "pg";
import type { BaselinePage, Statement } from "../baseline-server";

/**
 * A cookie that means nothing to the app: the request renders as an anonymous one, but any cookie
 * keeps it away from the page cache (lib/page-cache) — the cache-off runs and the SQL counts.
 */
export const CACHE_OFF_COOKIE = "bench-cache-off=1";

type Recorded = Statement & { start: number; end: number };

export type PageSql = { path: string; statements: number; waves: Statement[][] };

/**
 * Requests `path` with the recorder on (after one request to warm caches) and returns its SQL.
 * Three times, keeping the one with the fewest statements: a timer in the server (the digest
 * schedule, a pool's keep-alive) may send a statement of its own while a page is recorded.
 * `before` runs ahead of each recorded request: `afterWrite` makes each one the first render
 * after a write, which finds nothing the instance keeps (decision 091) and sends every statement
 * the page's data takes.
 */
export async function recordPage(
  baseUrl: string,
  sqlPort: number,
  path: string,
  cookie: string = CACHE_OFF_COOKIE,
  before?: () => Promise<void>,
): Promise<PageSql> {
  const headers = { cookie };
  await (await fetch(`${baseUrl}${path}`, { headers })).arrayBuffer();
  let best: Recorded[] | null = null;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await before?.();
    await fetch(`http://127.0.0.1:${sqlPort}/start`);
    const response = await fetch(`${baseUrl}${path}`, { headers });
    await response.arrayBuffer();
    const log = (await (await fetch(`http://127.0.0.1:${sqlPort}/stop`)).json()) as Recorded[];
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    if (!best || log.length < best.length) best = log;
  }
  return { path, statements: best!.length, waves: waves(best!) };
}

/**
 * A write as the app's triggers make one that touches every public page: the version of scope
 * 'all' goes up (lib/cache/public-version.ts), so nothing an instance keeps, and no cached page,
 * is current any more.
 */
export function afterWrite(databaseUrl: string): () => Promise<void> {
  return async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`INSERT INTO "PublicVersion" (scope, version) VALUES ('all', 1) ON CONFLICT (scope) DO UPDATE SET version = "PublicVersion".version + 1`);
    } finally {
      await client.end();
    }
  };
}

function waves(log: Recorded[]): Statement[][] {
  const sorted = [...log].sort((a, b) => a.start - b.start);
  const result: Statement[][] = [];
  let current: Recorded[] = [];
  let currentEnd = -Infinity;
  for (const entry of sorted) {
    // A statement that began before everything in flight had finished ran alongside it.
    if (current.length > 0 && entry.start >= currentEnd) {
      result.push(current.map(({ text, values }) => ({ text, values })));
      current = [];
      currentEnd = -Infinity;
    }
    current.push(entry);
    currentEnd = Math.max(currentEnd, entry.end);
  }
  if (current.length) result.push(current.map(({ text, values }) => ({ text, values })));
  return result;
}

export function baselinePages(pages: PageSql[]): BaselinePage[] {
  return pages.map(({ path, waves }) => ({ path, waves }));
}
