// A fingerprint of everything the database holds, but sessions and rate-limit counters (which a
// refused request may legitimately touch): equal before and after means nothing changed.
import { db } from "@/lib/db/client";

const IGNORED = new Set(["Session", "RateLimit", "VerificationToken", "_prisma_migrations"]);

export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS "name" FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    if (IGNORED.has(name)) continue;
    const [row] = await db.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS "digest" FROM "${name}" t`,
    );
    fingerprint[name] = row!.digest;
  }
  return fingerprint;
}
