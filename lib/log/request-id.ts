import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

// A request id from a proxy in front is kept when it is a plain token (so log lines of the proxy
// and the app can be joined), and replaced otherwise: it goes into every log line, so it must not
// carry anything a client chose to smuggle in (line breaks, JSON, personal data of any length).
const SAFE = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(incoming: string | string[] | undefined | null): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SAFE.test(value) ? value : randomUUID();
}
