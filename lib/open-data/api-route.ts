import "server-only";
import { clientAddress } from "@/lib/auth/client-address";
import { isAppError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit";
import type { Page } from "./page";

// The open-data API's one way to answer: rate-limited per address, open to any origin (it is
// read-only public data, no cookies are read), cached briefly, errors as { error: { code } }.
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
} as const;

const CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

type Context<P> = { params: Promise<P> };

export function apiRoute<P>(handler: (request: Request, params: P) => Promise<unknown>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      await consume("openDataPerAddress", await clientAddress());
      const body = await handler(request, await context.params);
      return Response.json(body, { headers: { ...CORS_HEADERS, "Cache-Control": CACHE_CONTROL } });
    } catch (error) {
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

/** A page as `{ data, links: { next } }`, the next link keeping the request's other parameters. */
export function paged<T>(request: Request, page: Page<T>) {
  let next: string | null = null;
  if (page.nextCursor) {
    const url = new URL(request.url);
    url.searchParams.set("cursor", page.nextCursor);
    next = url.toString();
  }
  return { data: page.items, links: { next } };
}
