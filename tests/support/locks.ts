import { db } from "@/lib/db/client";

/**
 * Polls pg_stat_activity until at least `backends` backends of this database wait for a lock (no
 * timing involved): how a test knows that a statement it started is queued behind another.
 */
export async function waitUntilSomeoneWaitsForALock(backends = 1): Promise<void> {
  for (;;) {
    const [row] = await db.$queryRaw<{ waiting: bigint }[]>`
      SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row && row.waiting >= BigInt(backends)) return;
  }
}
