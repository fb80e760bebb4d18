import pino, { type DestinationStream, type Logger } from "pino";

// One JSON line per event on stdout (docs/decisions/019-logs-and-metrics.md). What goes in is
// chosen field by field where it is logged: ids of requests, jobs and queues, route patterns,
// status codes, durations, counts — never e-mail addresses, display names, codes, tokens, IP
// addresses or query strings. The redact list is a second line of defence for field names that
// would carry such values if someone logged a whole object.
export const REDACTED_FIELDS = [
  "email",
  "*.email",
  "to",
  "*.to",
  "displayName",
  "*.displayName",
  "code",
  "*.code",
  "token",
  "*.token",
  "url",
  "*.url",
  "ip",
  "*.ip",
  "headers",
  "*.headers",
];

export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL || "info"): Logger {
  return pino(
    {
      level,
      base: { service: "mitreden" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_FIELDS, censor: "[redacted]" },
    },
    destination,
  );
}

// One logger per process: Next.js bundles this module into several server chunks.
const globalForLog = globalThis as unknown as { logger?: Logger };

export function logger(): Logger {
  globalForLog.logger ??= createLogger();
  return globalForLog.logger;
}

/** For tests: every line from now on goes to `destination`. */
export function replaceLogger(destination: DestinationStream, level?: string): void {
  globalForLog.logger = createLogger(destination, level);
}
