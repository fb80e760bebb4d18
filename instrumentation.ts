// Runs once when a server process starts (not during `next build`, not in tests).
export async function register() {
  // Logs, metrics and the job queue need Node (diagnostics channels, Postgres, SMTP): not the edge runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A wrong environment (PUBLIC_URL and NEXTAUTH_URL naming different origins, say) stops the
  // start with the list of problems, rather than failing requests later (lib/env.ts).
  const { env } = await import("./lib/env");
  env();
  const { observeHttpRequests } = await import("./lib/log/observe-requests");
  observeHttpRequests();
  // A token per request for the error-document fallback and the "Error:" title (lib/http/render-registry.ts).
  const { trackRequests } = await import("./lib/http/track-requests");
  trackRequests();
  // Workers of the job queue (mail, digest) in this instance; a queue that cannot start yet does
  // not keep the app from serving (lib/jobs/workers.ts tries again).
  const { startInstanceWorkers } = await import("./lib/jobs/workers");
  startInstanceWorkers();
}

/** Errors while rendering or in a route handler: one log line with the request id and route pattern. */
export async function onRequestError(
  error: unknown,
  request: { method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Failed because the database is away: the database gate closes at once, so the requests
  // after this one get a 503 with Retry-After (lib/health/database-gate.ts).
  const { reportDatabaseError } = await import("./lib/health/database-gate");
  reportDatabaseError(error);
  const { logger } = await import("./lib/log/logger");
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  const digest = (error as { digest?: unknown }).digest;
  logger().error(
    {
      event: "http.error",
      reqId: request.headers["x-request-id"],
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      err: { name, message, digest: typeof digest === "string" ? digest : undefined },
    },
    "request failed",
  );
}
