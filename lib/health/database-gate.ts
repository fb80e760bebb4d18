// Whether requests can be served at all: while Postgres is away, proxy.ts answers page requests
// and the route handlers answer API, calendar, export and auth requests with 503 and
// Retry-After, instead of failing one by one into a 500. Status codes cannot be set from React
// error boundaries; the proxy and the route wrappers can.
//
// The gate closes at once when anything in this process meets a connection error
// (./database-outage.ts): a pool's idle connection ended by a shutting-down server (57P01 is
// sent to every connection before Postgres stops, so the gate is closed before the next
// request arrives), a query or probe refused, or a failed request reported by the request-error
// hook (instrumentation.ts). A probe (`SELECT 1` on a connection of its own) runs at most once a
// second per app instance; when the last one is older than that, the next request waits for a
// fresh one (a round trip of under a millisecond on a healthy database), so a quiet instance
// does not answer from a stale belief either. A probe that is merely slow does not close the
// gate on its own: two in a row do (a busy machine must not turn everyone away). One answer
// opens it again, by itself.
import pg from "pg";
import { isDatabaseOutage, RETRY_AFTER_SECONDS } from "./database-outage";

export { RETRY_AFTER_SECONDS } from "./database-outage";

const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;
const SLOW_PROBES_TO_CLOSE = 2;

type Gate = { reachable: boolean; failures: number; probedAt: number; probing?: Promise<void>; pool?: pg.Pool };
// On globalThis: proxy.ts and the route handlers are separate bundles with separate module
// instances in one process; they must share one gate.
const gate = ((globalThis as unknown as { databaseGateState?: Gate }).databaseGateState ??= {
  reachable: true,
  failures: 0,
  probedAt: 0,
});

/** Prisma's messages quote the calling code first; the cause is their last line. */
function lastLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").filter((line) => line.trim()).at(-1) ?? message;
}

/** Closes the gate now: something met a connection error. Ignores errors that are no outage. */
export function reportDatabaseError(error: unknown): boolean {
  if (!isDatabaseOutage(error)) return false;
  if (gate.reachable) console.warn(`database gate: database unavailable: ${lastLine(error)}`);
  gate.reachable = false;
  return true;
}

function pool(): pg.Pool | null {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  if (!gate.pool) {
    gate.pool = new pg.Pool({
      connectionString: url,
      max: 1,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
    });
    // The idle probe connection is the first to hear of a shutdown (57P01): close at once.
    gate.pool.on("error", (error) => void reportDatabaseError(error));
  }
  return gate.pool;
}

async function probe(): Promise<void> {
  const probes = pool();
  if (!probes) return;
  try {
    await probes.query({ text: "SELECT 1", query_timeout: PROBE_TIMEOUT_MS } as pg.QueryConfig);
    if (!gate.reachable) console.warn("database gate: the database answers again");
    gate.reachable = true;
    gate.failures = 0;
  } catch (error) {
    gate.failures += 1;
    if (!reportDatabaseError(error) && gate.failures >= SLOW_PROBES_TO_CLOSE && gate.reachable) {
      console.warn(`database gate: database unavailable: ${lastLine(error)}`);
      gate.reachable = false;
    }
  } finally {
    gate.probedAt = Date.now();
  }
}

function startProbe(): Promise<void> {
  gate.probing ??= probe().finally(() => {
    gate.probing = undefined;
  });
  return gate.probing;
}

/** A probe now (or the one under way); the gate holds its answer afterwards. */
export function probeDatabase(): Promise<void> {
  return startProbe();
}

/**
 * Whether the database can be used for this request. Closed: answers at once (a probe runs in
 * the background to notice the way back). Open with a probe older than a second: waits for a
 * fresh probe, shared by every request that arrives meanwhile.
 */
export async function databaseAvailable(now = Date.now()): Promise<boolean> {
  const stale = now - gate.probedAt >= PROBE_EVERY_MS;
  if (!gate.reachable) {
    if (stale) void startProbe();
    return false;
  }
  if (stale) await startProbe();
  return gate.reachable;
}

/** Ends the probe connection (tests, before their database is dropped). */
export async function closeDatabaseGate(): Promise<void> {
  const { pool } = gate;
  gate.pool = undefined;
  await pool?.end();
}

/** The headers of every 503 answer while the database is away. */
export const UNAVAILABLE_HEADERS = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } as const;
