// The validated environment: every variable the app reads, in one place (README's
// configuration table lists the same ones, and .env.example matches it).
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }),
  /** Connections per app instance; keep instances × pool below Postgres's max_connections. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * The one public origin of the app (scheme, host, port), as people and clients reach it through
   * any reverse proxy: every absolute link the app writes starts with it (publicOrigin()), and
   * https makes cookies Secure. Unset: NEXTAUTH_URL, its older name, which next-auth reads.
   */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "PUBLIC_URL must be an http(s):// URL" }).optional(),
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "NEXTAUTH_URL must be an http(s):// URL" }).optional(),
  /** Signs next-auth's tokens. `npm start` creates one in .data/ when unset. */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  /** SMTP server for e-mail (sign-in links, notifications), e.g. smtp://user:pass@host:587. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default("mitreden <noreply@localhost>"),
  /** Where reports of barriers from the accessibility statement go; unset: written to the log. */
  FEEDBACK_EMAIL: z.email().optional(),
  /** Reverse proxies of the operator's in front of the app that append to X-Forwarded-For; 0: none, the header is ignored (lib/auth/client-address.ts). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Comments (and replies) one person may write per minute, and per day (lib/rate-limit.ts). */
  COMMENTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
  COMMENTS_PER_DAY: z.coerce.number().int().min(1).max(100000).default(200),
  /** A LibreTranslate-compatible service of the operator's own; unset, no text is ever sent for machine translation. */
  LIBRETRANSLATE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LIBRETRANSLATE_API_KEY: z.string().min(1).optional(),
  /**
   * A speech-to-text service of the operator's own with OpenAI's `POST /v1/audio/transcriptions`
   * (decision 033); unset, no audio ever leaves the server. The model name is the service's own.
   */
  TRANSCRIBE_URL: z.url({ protocol: /^https?$/ }).optional(),
  TRANSCRIBE_API_KEY: z.string().min(1).optional(),
  TRANSCRIBE_MODEL: z.string().min(1).default("whisper-1"),
  /** Days the audio of a voice message is kept after a person confirmed its transcript (decision 033). */
  VOICE_AUDIO_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /** Voice messages one person may send per hour, and per day (lib/rate-limit.ts, decision 033). */
  VOICE_MESSAGES_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
  VOICE_MESSAGES_PER_DAY: z.coerce.number().int().min(1).max(100000).default(20),
  /** Megabytes of kept audio one dialogue may hold; beyond, new voice messages are refused (decision 033). */
  VOICE_STORAGE_PER_DIALOGUE_MB: z.coerce.number().int().min(1).max(1_000_000).default(500),
  /** Days the audio of a voice message no person confirmed a transcript of is kept after it was recorded (decision 033). */
  VOICE_AUDIO_UNTRANSCRIBED_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Local hour (0–23) at which the job queue runs the daily e-mail digest (once for all instances); "off" leaves it to `npm run digest`. */
  DIGEST_HOUR: z.union([z.literal("off"), z.coerce.number().int().min(0).max(23)]).default(7),
  /** Local hour (0–23) at which people who wrote in by SMS / WhatsApp / Signal get the day's news in one message (decision 052). */
  CHANNEL_BUNDLE_HOUR: z.coerce.number().int().min(0).max(23).default(17),
  /** Whether this app instance also works the job queue (lib/jobs); "off" when `npm run worker` runs elsewhere. */
  JOB_WORKERS: z.enum(["on", "off"]).default("on"),
  /**
   * Web Push (decision 031): the application server's VAPID key pair (base64url, as
   * `web-push generate-vapid-keys` prints it) and a contact (mailto: or https:) the push services
   * may write to. `npm start` keeps a generated pair in .data/ when unset; without them push is off.
   */
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{87}$/, "VAPID_PUBLIC_KEY must be a base64url P-256 public key (87 characters)").optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "VAPID_PRIVATE_KEY must be a base64url P-256 private key (43 characters)").optional(),
  VAPID_SUBJECT: z.string().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "VAPID_SUBJECT must be a mailto: or https: URL").optional(),
  /**
   * Tests only: also accept push endpoints at http://127.0.0.1:<port> (a local push service).
   * Refused when the public origin is https, so it cannot be left on in production.
   */
  PUSH_ALLOW_LOOPBACK: z.enum(["on", "off"]).default("off"),
  /**
   * The push services the server may send to, comma-separated host names ("*.example.com": any
   * name below it), or "any" for every public host. Unset: the browsers' push services
   * (lib/push/endpoint.ts KNOWN_PUSH_HOSTS).
   */
  PUSH_ALLOWED_HOSTS: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(any|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\s*,\s*(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+)*)$/, 'PUSH_ALLOWED_HOSTS must be "any" or comma-separated host names such as fcm.googleapis.com or *.push.apple.com')
    .optional(),
  /**
   * The SMS / WhatsApp / Signal channel (decision 045): 32 random bytes, base64 or hex
   * (`openssl rand -base64 32`). Encrypts the numbers people write from (AES-256-GCM) and the
   * providers' secrets, and keys the HMAC that finds a number again. Unset: no channel can be set up.
   */
  CHANNEL_ENCRYPTION_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, "CHANNEL_ENCRYPTION_KEY must be 32 bytes, as 64 hex digits or 44 base64 characters (openssl rand -base64 32)")
    .optional(),
  /** Tests only: the base of Twilio's REST API (default https://api.twilio.com), e.g. a local server. */
  TWILIO_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.twilio.com"),
  /** Bearer token for /api/metrics (Prometheus); unset, the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(32, "METRICS_TOKEN must be at least 32 characters").optional(),
  /** pino level of the JSON log on stdout. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
}).superRefine((value, context) => {
  // Two names, one origin: next-auth builds its callback links from NEXTAUTH_URL, we from PUBLIC_URL.
  if (value.PUBLIC_URL && value.NEXTAUTH_URL && new URL(value.PUBLIC_URL).origin !== new URL(value.NEXTAUTH_URL).origin) {
    context.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "PUBLIC_URL and NEXTAUTH_URL must name the same origin (or set only PUBLIC_URL)" });
  }
  // The push services refuse a key pair given by halves; say so at start, not at the first push.
  if (Boolean(value.VAPID_PUBLIC_KEY) !== Boolean(value.VAPID_PRIVATE_KEY)) {
    context.addIssue({ code: "custom", path: ["VAPID_PRIVATE_KEY"], message: "set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither" });
  }
  // Audio is personal data: it travels encrypted unless the service is on this machine or the operator's own network.
  if (value.TRANSCRIBE_URL && !isHttpsOrPrivate(value.TRANSCRIBE_URL)) {
    context.addIssue({ code: "custom", path: ["TRANSCRIBE_URL"], message: "TRANSCRIBE_URL must use https:// unless it names a loopback or private address (127.0.0.0/8, ::1, localhost, a name without a dot, 10/8, 172.16/12, 192.168/16, fc00::/7)" });
  }
  const origin = value.PUBLIC_URL ?? value.NEXTAUTH_URL;
  if (value.PUSH_ALLOW_LOOPBACK === "on" && origin?.startsWith("https:")) {
    context.addIssue({ code: "custom", path: ["PUSH_ALLOW_LOOPBACK"], message: "PUSH_ALLOW_LOOPBACK is for tests on http://127.0.0.1 and is refused with an https public origin" });
  }
});

/** https, or plain http only to a loopback or private (RFC 1918 / unique local) address. */
export function isHttpsOrPrivate(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === "https:") return true;
  const host = parsed.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1") return true;
  // A name without a dot (`whisper`, a container's name) resolves only inside the operator's network.
  if (/^[a-z0-9-]+$/.test(host) && !/^\d+$/.test(host)) return true;
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (ipv4) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  return /^f[cd][0-9a-f]{2}:/.test(host);
}

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // `PUBLIC_URL=` (an empty line in .env) means unset.
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}\nSee README.md, "Configuration".`);
  }
  cached = parsed.data;
  return cached;
}

const LOCAL_ORIGIN = "http://localhost:3000";

/**
 * The public origin, e.g. `https://mitreden.example`: the only source of absolute URLs. Never
 * the request's URL or Host header: behind a reverse proxy those name the app's internal
 * address (Next.js builds request.url from the address it listens on).
 */
export function publicOrigin(): string {
  const { PUBLIC_URL, NEXTAUTH_URL } = env();
  return new URL(PUBLIC_URL ?? NEXTAUTH_URL ?? LOCAL_ORIGIN).origin;
}

/** An absolute URL on the public origin for a path (with query) of the app. */
export function publicUrl(pathAndQuery: string): string {
  if (!pathAndQuery.startsWith("/") || pathAndQuery.startsWith("//")) throw new Error(`not an app path: ${pathAndQuery}`);
  return `${publicOrigin()}${pathAndQuery}`;
}
