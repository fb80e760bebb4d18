// The validated environment: every variable the app reads, in one place (README's
// configuration table lists the same ones, and .env.example matches it).
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }),
  /** Connections per app instance; keep instances × pool below Postgres's max_connections. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** The public address of the app; https makes cookies Secure. */
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
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
  /** Local hour (0–23) at which each app instance sends the daily e-mail digest; "off" leaves it to `npm run digest`. */
  DIGEST_HOUR: z.union([z.literal("off"), z.coerce.number().int().min(0).max(23)]).default(7),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}\nSee README.md, "Configuration".`);
  }
  cached = parsed.data;
  return cached;
}
