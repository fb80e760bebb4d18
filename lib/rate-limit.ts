import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import pg from "pg";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

// Counters live in Postgres (table "RateLimit", created by our migrations) so that every app
// instance behind a load balancer shares them.
const globalForLimits = globalThis as unknown as { rateLimitPool?: pg.Pool };

function pool(): pg.Pool {
  if (!globalForLimits.rateLimitPool) {
    const created = new pg.Pool({ connectionString: env().DATABASE_URL, max: 2 });
    // An idle connection that the server ends (restart, failover, an administrator) is dropped
    // from the pool; without a listener, pg re-throws it and the whole process exits.
    created.on("error", (error) => logger().warn({ event: "rate_limit.connection_closed", err: { name: error.name, message: error.message } }, "rate limiter: idle database connection closed"));
    globalForLimits.rateLimitPool = created;
  }
  return globalForLimits.rateLimitPool;
}

/** Named limits: `points` attempts per `duration` seconds, then blocked for `blockDuration`. */
export const LIMITS = {
  /**
   * Sign-in attempts at one handle from one address: a guesser is stopped for 15 minutes, the
   * account's owner elsewhere is not (SECURITY.md, "Sign-in limits").
   */
  signInPerHandleAndAddress: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  /**
   * Failed sign-ins at one handle from anywhere: a slower back-off that never locks longer than
   * its 10-minute window, and keeps guessing a code's 31^8 secrets hopeless (≤ 2,880 a day).
   */
  signInFailuresPerHandle: { points: 20, duration: 10 * 60 },
  /** Joins through one invitation: a leaked poster code cannot mint accounts without end. */
  joinPerInvitation: { points: 200, duration: 60 * 60 },
  /** Invitation codes that lead nowhere, per address: guessing codes is slow. */
  invitationMissPerAddress: { points: 20, duration: 15 * 60, blockDuration: 15 * 60 },
  /**
   * Receipt codes that lead nowhere, per address (decision 032): a shelter's honest typos fit,
   * guessing one of 31^10 codes does not; a blocked address is refused every lookup.
   */
  receiptMissPerAddress: { points: 20, duration: 15 * 60, blockDuration: 15 * 60 },
  /** Switching push on (decision 031): a few phones and browsers, not a stream of endpoints to relay to. */
  pushSubscribePerPerson: { points: 20, duration: 60 * 60 },
  /** New sign-in codes a person asks for: enough for a lost paper, too few to flood the hashing. */
  newSignInCodePerPerson: { points: 5, duration: 60 * 60 },
  /** Messages from one number to a channel (decision 045): a conversation fits easily, a flood does not. */
  channelInboundPerNumber: { points: 40, duration: 60 * 60 },
  /** Messages to one municipality's channel from anyone: a busy day fits, a scripted flood is cut off. */
  channelInboundPerChannel: { points: 2000, duration: 60 * 60 },
  /** Keywords and invitation codes that lead nowhere, per number: typos fit, guessing codes does not. */
  channelCodeMissPerNumber: { points: 10, duration: 15 * 60, blockDuration: 60 * 60 },
  /** Messages we send one person a day: the conversation and the town's answers, never a stream. */
  channelSendPerContact: { points: 60, duration: 24 * 60 * 60 },
  /** Loose, per IP address: shelters share one address. */
  perAddress: { points: 300, duration: 15 * 60 },
  /** E-mail sign-in links sent to one address. */
  emailLinkPerAddress: { points: 5, duration: 60 * 60 },
  /** Reports of barriers from one IP address: enough for a shelter, too few to flood the mailbox. */
  accessibilityFeedbackPerAddress: { points: 10, duration: 60 * 60 },
  /** Reads of the open-data API (/api/v1) from one IP address: generous for a script, not a flood. */
  openDataPerAddress: { points: 600, duration: 60 },
  /** Reports by one person: plenty for honest use, too few to flood the moderators' queue. */
  reportPerPerson: { points: 20, duration: 60 * 60 },
  /** Machine translations one person asks for: enough to read a whole dialogue, too few to run up the operator's service. */
  machineTranslationsPerPerson: { points: 60, duration: 60 * 60 },
  /**
   * A claim, not a limit: who machine-translates one (text, language) now, across app instances
   * (lib/translations/machine-translate.ts). One point, released when done; it lapses on its own
   * after 2 minutes should the process die (the service is given 20 s).
   */
  machineTranslationClaim: { points: 1, duration: 2 * 60 },
  /**
   * Photos one person uploads (decision 050, 055): each is re-encoded at ~0.2–0.5 s of CPU, so
   * ten posts with three photos an hour fit, a script sending photo after photo does not.
   * Counted per photo, before any is decoded.
   */
  photoUploadsPerPerson: { points: 30, duration: 60 * 60 },
  /**
   * Lookups of similar contributions while typing (decision 051, 055), per person or, signed out,
   * per address: one every few seconds of typing fits, probing the dialogue's texts word by word does not.
   */
  similarLookupsPerPerson: { points: 120, duration: 10 * 60 },
  /** Comments by one person: a lively exchange fits, a flood that buries a page does not (settings). */
  commentsPerPersonPerMinute: {
    get points() {
      return env().COMMENTS_PER_MINUTE;
    },
    duration: 60,
  },
  commentsPerPersonPerDay: {
    get points() {
      return env().COMMENTS_PER_DAY;
    },
    duration: 24 * 60 * 60,
  },
} as const satisfies Record<string, { points: number; duration: number; blockDuration?: number }>;

export type LimitName = keyof typeof LIMITS;

const limiters = new Map<LimitName, RateLimiterPostgres>();

function limiter(name: LimitName): RateLimiterPostgres {
  let existing = limiters.get(name);
  if (!existing) {
    existing = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: "pool",
      tableName: "RateLimit",
      tableCreated: true,
      keyPrefix: name,
      ...LIMITS[name],
    });
    limiters.set(name, existing);
  }
  return existing;
}

/**
 * Counts one attempt (or `points` of them) against `name` for `key`; throws RATE_LIMITED with
 * `retryAfterSeconds` when the limit is used up.
 */
export async function consume(name: LimitName, key: string, points = 1): Promise<void> {
  try {
    await limiter(name).consume(key, points);
  } catch (result) {
    if (result instanceof RateLimiterRes) throw limited(name, result);
    throw result;
  }
}

/**
 * Counts one attempt like `consume` and says whether it was within the limit, for work that is
 * skipped, not refused, once the limit is used up.
 */
export async function withinLimit(name: LimitName, key: string): Promise<boolean> {
  try {
    await limiter(name).consume(key, 1);
    return true;
  } catch (result) {
    if (result instanceof RateLimiterRes) return false;
    throw result;
  }
}

/**
 * Throws RATE_LIMITED like `consume` when `key` has used up `name`, without counting an attempt:
 * for limits that count only failures (`consume` them once the attempt failed).
 */
export async function check(name: LimitName, key: string): Promise<void> {
  const result = await limiter(name).get(key);
  if (result && result.consumedPoints >= LIMITS[name].points) throw limited(name, result);
}

function limited(name: LimitName, result: RateLimiterRes): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
  return new AppError("RATE_LIMITED", `${name} limit reached`, {
    retryAfterSeconds,
    retryAfterMinutes: Math.ceil(retryAfterSeconds / 60),
  });
}

/** Forgets the attempts of `key`, e.g. after a successful sign-in. */
export async function reset(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
