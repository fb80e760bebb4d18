// The one same-origin rule: server actions (lib/actions/form-action.ts), state-changing route
// handlers, and proxy.ts, which answers a foreign form post with 403 before Next.js's own check
// would answer it with 500. Pure, so the proxy can use it without the server-only modules.

/**
 * Whether a request's Origin is the app's public origin (PUBLIC_URL; what a browser sends behind
 * a reverse proxy that rewrites Host), or names the host it was sent to (behind a load balancer,
 * the first host in X-Forwarded-Host). Host names compare case-insensitively.
 */
export function isSameOrigin(request: {
  origin: string | null;
  host: string | null;
  forwardedHost?: string | null;
  publicOrigin?: string;
}): boolean {
  const { origin } = request;
  if (!origin || origin === "null") return false;
  let claimed: URL;
  try {
    claimed = new URL(origin);
  } catch {
    return false;
  }
  if (request.publicOrigin && claimed.origin === new URL(request.publicOrigin).origin) return true;
  const host = (request.forwardedHost?.split(",")[0]?.trim() || request.host?.trim())?.toLowerCase();
  return !!host && claimed.host === host;
}
