// Whether a request's session cookie names a session that is still running, asked by the proxy
// before it lets a post carry more than 1 MB (decision 061): a made-up cookie must not make
// the proxy, or the action behind it, take in 25 MB. One indexed lookup on Session's unique
// token, as getViewer asks it (lib/auth/get-viewer.ts: not ended, account not deleted), on a
// small pool of its own: the proxy is a bundle of its own, and Prisma's client is not loaded there.
//
// Pure (no server-only modules): the proxy uses it.
import pg from "pg";
import { reportDatabaseError } from "@/lib/health/database-gate";
import { SESSION_COOKIES } from "./sign-in-redirect";

const LOOKUP_TIMEOUT_MS = 2_000;

// On globalThis: the proxy and the route handlers are separate bundles in one process.
const state = globalThis as unknown as { liveSessionPool?: pg.Pool };

function pool(): pg.Pool | null {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  if (!state.liveSessionPool) {
    state.liveSessionPool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: LOOKUP_TIMEOUT_MS, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    state.liveSessionPool.on("error", (error) => void reportDatabaseError(error));
  }
  return state.liveSessionPool;
}

/**
 * Whether one of the request's session cookies names a running session of an account that is not
 * deleted. No cookie: false without asking. The database away: false (the post keeps 1 MB; the
 * gate behind answers 503 anyway).
 */
export async function hasLiveSession(cookies: { get(name: string): { value: string } | undefined }): Promise<boolean> {
  const tokens = SESSION_COOKIES.map((name) => cookies.get(name)?.value).filter((token): token is string => !!token && token.length <= 200);
  if (tokens.length === 0) return false;
  const sessions = pool();
  if (!sessions) return false;
  try {
    const { rowCount } = await sessions.query({
      text: `SELECT 1 FROM "Session" s JOIN "User" u ON u.id = s."userId"
             WHERE s."sessionToken" = ANY($1::text[]) AND s.expires > (now() AT TIME ZONE 'UTC') AND u."deletedAt" IS NULL LIMIT 1`,
      values: [tokens],
      query_timeout: LOOKUP_TIMEOUT_MS,
    } as pg.QueryConfig);
    return (rowCount ?? 0) > 0;
  } catch (error) {
    reportDatabaseError(error);
    return false;
  }
}

/** Ends the pool (tests, shutdown). */
export async function closeLiveSessions(): Promise<void> {
  const open = state.liveSessionPool;
  state.liveSessionPool = undefined;
  await open?.end();
}
