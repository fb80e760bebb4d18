import "server-only";
import { AppError, isAppError } from "@/lib/errors";
import { consume, reset } from "@/lib/rate-limit";

/** Machine translations one process runs at once; more are refused ("try again in a moment"). */
export const MACHINE_TRANSLATIONS_AT_ONCE = 4;

// The pieces of work this process is machine-translating now, by key: whoever asks for the same
// key meanwhile waits for the same answer, holding no database connection.
const globalForTranslations = globalThis as unknown as { machineTranslationsInFlight?: Map<string, Promise<unknown>> };
const inFlight = (globalForTranslations.machineTranslationsInFlight ??= new Map());

/**
 * Machine-translates one piece of work once, whoever asks (decision 026): concurrent requests in
 * this process for the same `key` share one run; across processes, one claims the key (a row in
 * RateLimit, `machineTranslationClaim`, taken and released in short statements) and the others
 * get what it stored, or are told to try again in a moment. At most MACHINE_TRANSLATIONS_AT_ONCE
 * keys per process. `stored` reads the result once it exists (null while it does not);
 * `translate` asks the service and stores, holding no connection while the service works.
 */
export async function machineTranslationOnce<T>(key: string, work: { stored: () => Promise<T | null>; translate: () => Promise<T> }): Promise<T> {
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  if (inFlight.size >= MACHINE_TRANSLATIONS_AT_ONCE) throw new AppError("UNAVAILABLE", "too many machine translations at once; try again in a moment");
  const run = claimed(key, work).finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}

async function claimed<T>(key: string, { stored, translate }: { stored: () => Promise<T | null>; translate: () => Promise<T> }): Promise<T> {
  try {
    await consume("machineTranslationClaim", key);
  } catch (error) {
    if (!isAppError(error, "RATE_LIMITED")) throw error;
    // Another instance is translating this: its result, if it is there, else later.
    const made = await stored();
    if (made) return made;
    throw new AppError("UNAVAILABLE", "this text is being machine-translated; try again in a moment");
  }
  try {
    const made = await stored();
    if (made) return made;
    return await translate();
  } finally {
    await reset("machineTranslationClaim", key);
  }
}
