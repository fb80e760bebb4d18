// Which errors mean "the database cannot be reached right now" — as opposed to a bug or a
// refused write. They surface in different shapes depending on where they come from: Prisma's
// known request errors (P1001 …), the driver adapter's error kinds inside them, pg's own errors
// (SQLSTATE class 08 "connection exception", 57P01 admin shutdown, 57P02 crash shutdown, 57P03
// cannot connect now, 53300 too many connections), Node's socket errors, and pg's messages for a
// connection that died without a code. One list, so that route handlers, the gate and the
// request-error hook agree on what an outage is.

/** Seconds a client should wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

const PRISMA_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // server reached but timed out
  "P1008", // operations timed out
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
const PG_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Connection ended",
];

function codeOutage(code: unknown): boolean {
  return typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code));
}

/** Whether `error` (or anything it wraps) says the database is unreachable. */
export function isDatabaseOutage(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const value = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown; errors?: unknown };
  if (codeOutage(value.code)) return true;
  if (typeof value.kind === "string" && ADAPTER_KINDS.has(value.kind)) return true;
  if (typeof value.message === "string" && PG_MESSAGES.some((text) => (value.message as string).startsWith(text))) return true;
  const adapter = (value.meta as { driverAdapterError?: { cause?: unknown } } | undefined)?.driverAdapterError;
  if (adapter && isDatabaseOutage(adapter.cause, depth + 1)) return true;
  // AggregateError: every attempt (IPv4 and IPv6, say) was refused.
  if (Array.isArray(value.errors) && value.errors.length > 0 && value.errors.every((inner) => isDatabaseOutage(inner, depth + 1))) return true;
  return isDatabaseOutage(value.cause, depth + 1);
}
