import "server-only";
import { env } from "@/lib/env";
import { sendDigests } from "./send-digest";

const globalForDigest = globalThis as unknown as { digestTimer?: NodeJS.Timeout };

/** Milliseconds from `now` to the next `hour`:00 local time (tomorrow's when that has passed). */
export function untilNextHour(now: Date, hour: number): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

/**
 * Sends the digest every day at DIGEST_HOUR in this process (started from instrumentation.ts).
 * Every app instance runs it; the claims in sendDigests make that safe. The timer does not keep
 * the process alive, and a failed run is logged and tried again the next day.
 */
export function scheduleDailyDigest(): void {
  const hour = env().DIGEST_HOUR;
  if (hour === "off" || globalForDigest.digestTimer) return;
  const plan = () => {
    globalForDigest.digestTimer = setTimeout(() => {
      sendDigests()
        .then(({ mails, notifications }) => console.warn(`[digest] sent ${mails} mails with ${notifications} notifications`))
        .catch((error: unknown) => console.warn("[digest] failed:", error))
        .finally(plan);
    }, untilNextHour(new Date(), hour));
    globalForDigest.digestTimer.unref();
  };
  plan();
}
