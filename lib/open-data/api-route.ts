import "server-only";
import { clientAddress } from "@/lib/auth/client-address";
import { publicUrl } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { databaseAvailable, reportDatabaseError, UNAVAILABLE_HEADERS } from "@/lib/health/database-gate";
import { consume } from "@/lib/rate-limit";
import type { Page } from "./page";

// The open-data API's one way to answer: rate-limited per address, open to any origin (it is
// read-only public data, no cookies are read), cached briefly (what can be hidden more briefly), errors as { error: { code } }
// (the OpenAPI document's shared Error schema), 503 with Retry-After while the database is away.
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
} as const;

/** Open data in general: a minute in any cache, and a stale copy while a fresh one is fetched. */
export const CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

/**
 * Answers that carry anything the moderation can hide — a contribution's title or text, its
 * photos' descriptions, the town's answers to it (decision 055): a moderator's hide reaches every
 * shared cache within 30 seconds, and no cache serves a copy older than that (must-revalidate, no
 * stale-while-revalidate) — the photo itself is kept by no shared cache at all (decision 050).
 */
export const HIDEABLE_CACHE_CONTROL = "public, max-age=30, must-revalidate";

type Context<P> = { params: Promise<P> };

export function apiRoute<P>(handler: (request: Request, params: P) => Promise<unknown>, { cacheControl = CACHE_CONTROL }: { cacheControl?: string } = {}) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    const unavailable = () =>
      Response.json({ error: { code: "UNAVAILABLE" } }, { status: 503, headers: { ...CORS_HEADERS, ...UNAVAILABLE_HEADERS } });
    if (!(await databaseAvailable())) return unavailable();
    try {
      await consume("openDataPerAddress", await clientAddress());
      const body = await handler(request, await context.params);
      return Response.json(body, { headers: { ...CORS_HEADERS, "Cache-Control": cacheControl } });
    } catch (error) {
      if (reportDatabaseError(error)) return unavailable();
      if (!isAppError(error)) throw error;
      const retryAfter = error.details.retryAfterSeconds;
      return Response.json(
        { error: { code: error.code } },
        {
          status: error.status,
          headers: {
            ...CORS_HEADERS,
            "Cache-Control": "no-store",
            ...(typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : {}),
          },
        },
      );
    }
  };
}

/** The answer to a CORS preflight. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/** The paging query of a request: `?cursor=<id>&limit=<n>`. */
export function pageQuery(request: Request): { cursor?: string; limit?: string } {
  const { searchParams } = new URL(request.url);
  return { cursor: searchParams.get("cursor") ?? undefined, limit: searchParams.get("limit") ?? undefined };
}

/**
 * A page as `{ data, links: { next } }`, the next link keeping the request's other parameters,
 * on the public origin (request.url names the app's own address, not the one clients use).
 */
export function paged<T>(request: Request, page: Page<T>) {
  let next: string | null = null;
  if (page.nextCursor) {
    const { pathname, searchParams } = new URL(request.url);
    searchParams.set("cursor", page.nextCursor);
    next = publicUrl(`${pathname}?${searchParams}`);
  }
  return { data: page.items, links: { next } };
}
