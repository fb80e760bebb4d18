import "server-only";
import { databaseAvailable, reportDatabaseError, UNAVAILABLE_HEADERS } from "./database-gate";

// The one wrapper for route handlers that need the database (calendar, exports, own data, auth,
// unsubscribe; the open-data API has its own in lib/open-data/api-route.ts on top of the same
// pieces): 503 with Retry-After while the database is away — judged by the gate before the
// handler runs, and by the error when a query fails on the way — never a 500.

/** The 503 answer while the database is away: `{ error: { code: "UNAVAILABLE" } }`, like every API error. */
export function unavailable(headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code: "UNAVAILABLE" } }, { status: 503, headers: { ...headers, ...UNAVAILABLE_HEADERS } });
}

export function availableRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    if (!(await databaseAvailable())) return unavailable();
    try {
      return await handler(...args);
    } catch (error) {
      if (reportDatabaseError(error)) return unavailable();
      throw error;
    }
  };
}
