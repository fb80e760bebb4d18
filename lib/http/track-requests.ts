import { randomUUID } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { RENDER_TOKEN_HEADER, renderRegistry } from "./render-registry";

// Gives every request this process serves a token of our own (replacing any header of that name
// a client sent) and keeps its response in the render registry until the response closes
// (lib/http/render-registry.ts says why). Started once from instrumentation.ts.

type Start = { request: IncomingMessage; response: ServerResponse };

const globalForTracker = globalThis as unknown as { trackingRequests?: boolean };

export function trackRequests(): void {
  if (globalForTracker.trackingRequests) return;
  globalForTracker.trackingRequests = true;
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as Start;
    const token = randomUUID();
    request.headers[RENDER_TOKEN_HEADER] = token;
    const registry = renderRegistry();
    registry.set(token, { response, submitFailed: false });
    response.once("close", () => registry.delete(token));
  });
}
