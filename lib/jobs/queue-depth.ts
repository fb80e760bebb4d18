import "server-only";
import { db } from "@/lib/db/client";
import type { QueueDepth } from "@/lib/metrics/registry";
import { QUEUES } from "./queues";

const STATES = ["created", "retry", "active", "failed"] as const;

/** Jobs per kind and state right now (zero rows included, so a series never disappears). */
export async function queueDepth(): Promise<QueueDepth[]> {
  const rows = await db.$queryRaw<{ queue: string; state: string; count: number }[]>`
    SELECT name AS queue, state::text AS state, count(*)::int AS count
    FROM pgboss.job
    WHERE state IN ('created', 'retry', 'active', 'failed')
    GROUP BY name, state`;
  const found = new Map(rows.map((row) => [`${row.queue} ${row.state}`, row.count]));
  return Object.values(QUEUES).flatMap((queue) =>
    STATES.map((state) => ({ queue, state, count: found.get(`${queue} ${state}`) ?? 0 })),
  );
}
