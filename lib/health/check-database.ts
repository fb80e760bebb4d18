import "server-only";
import { logger } from "@/lib/log/logger";

const TIMEOUT_MS = 2_000;

/**
 * Whether Postgres answers `SELECT 1` within a short time. Never throws: a health check
 * that crashes tells a load balancer less than one that says "unavailable".
 */
export async function checkDatabase(timeoutMs: number = TIMEOUT_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Imported here, not at the top: an invalid DATABASE_URL throws while the client module
    // loads, and that, too, should read as "unavailable".
    const { db } = await import("@/lib/db/client");
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return true;
  } catch (error) {
    logger().warn({ event: "health.database_unavailable", err: { message: error instanceof Error ? error.message : String(error) } }, "health check: database unavailable");
    return false;
  } finally {
    clearTimeout(timer);
  }
}
