import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { metrics } from "@/lib/metrics/registry";
import { loadRouteTable, routePattern, type RouteTable } from "@/lib/metrics/route-pattern";
import { logger } from "./logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

// Every HTTP request this process serves — pages, server actions, route handlers, static files —
// through Node's own diagnostics channels: `http.server.request.start` fires before Next.js sees
// the request, `http.server.response.finish` when the last byte is handed to the socket. Next.js
// offers no hook that sees both the route and the final status of every request (the proxy runs
// before and not for /api; onRequestError only for errors), and `next start` owns the server.
//
// At the start the request gets its id (x-request-id, on the request for server code — headers()
// — and on the response for the client and any proxy); at the end one log line and one
// observation per request, labelled with the route pattern, never the path or query.

type Start = { request: IncomingMessage; response: ServerResponse };
type Finish = { request: IncomingMessage; response: ServerResponse };

const startedAt = new WeakMap<IncomingMessage, number>();
const globalForObserver = globalThis as unknown as { observingRequests?: boolean };

export function observeHttpRequests(routes: RouteTable = loadRouteTable()): void {
  if (globalForObserver.observingRequests) return;
  globalForObserver.observingRequests = true;

  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as Start;
    startedAt.set(request, performance.now());
    const id = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    request.headers[REQUEST_ID_HEADER] = id;
    response.setHeader(REQUEST_ID_HEADER, id);
  });

  subscribe("http.server.response.finish", (message) => {
    const { request, response } = message as Finish;
    const started = startedAt.get(request);
    if (started === undefined) return;
    const seconds = (performance.now() - started) / 1000;
    const method = methodLabel(request.method);
    const route = routePattern(pathnameOf(request.url), routes);
    const status = response.statusCode;
    metrics().requests.observe({ method, route, status: String(status) }, seconds);
    logger().info(
      { event: "http.request", reqId: request.headers[REQUEST_ID_HEADER], method, route, status, durationMs: Math.round(seconds * 1000) },
      "request",
    );
  });
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const methodLabel = (method: string | undefined) => (method && METHODS.has(method) ? method : "OTHER");

function pathnameOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0]!;
  return path.startsWith("/") ? path : "/";
}
