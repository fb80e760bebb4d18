// Whether pages can be served at all: while Postgres is away, proxy.ts answers page requests
// with 503 and a short "back in a moment" page (Retry-After), instead of every page failing
// into the error boundary with a 500. Status codes cannot be set from React error boundaries;
// the proxy can. To keep the cost off the request path, the answer is what the last probe
// found, and a probe runs in the background at most once a second per app instance (one
// `SELECT 1`). Two failed probes in a row close the gate (a single slow answer on a busy
// machine must not turn everyone away), so a fault shows after about two seconds; one answer
// opens it again, by itself.
import pg from "pg";

const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;
const FAILURES_TO_CLOSE = 2;

type Gate = { reachable: boolean; failures: number; probedAt: number; probing: boolean; pool?: pg.Pool };
const gate = ((globalThis as unknown as { databaseGate?: Gate }).databaseGate ??= {
  reachable: true,
  failures: 0,
  probedAt: 0,
  probing: false,
});

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
    // A connection that dies while idle (Postgres restarted) is dropped; the next probe reconnects.
    gate.pool.on("error", () => {});
  }
  return gate.pool;
}

async function probe(): Promise<void> {
  const probes = pool();
  if (!probes) return;
  gate.probing = true;
  try {
    await probes.query({ text: "SELECT 1", query_timeout: PROBE_TIMEOUT_MS } as pg.QueryConfig);
    if (!gate.reachable) console.warn("database gate: the database answers again");
    gate.reachable = true;
    gate.failures = 0;
  } catch (error) {
    gate.failures += 1;
    if (gate.reachable && gate.failures >= FAILURES_TO_CLOSE) {
      console.warn(`database gate: database unavailable: ${error instanceof Error ? error.message : String(error)}`);
      gate.reachable = false;
    }
  } finally {
    gate.probedAt = Date.now();
    gate.probing = false;
  }
}

/** The last probe's answer; starts a new probe in the background when that one is stale. */
export function databaseReachable(now = Date.now()): boolean {
  if (!gate.probing && now - gate.probedAt >= PROBE_EVERY_MS) void probe();
  return gate.reachable;
}
