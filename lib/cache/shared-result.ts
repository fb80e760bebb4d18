import "server-only";
import { LRUCache } from "lru-cache";

// Aggregates over a whole municipality or dialogue (the start page's totals, results in numbers)
// cost the same SQL for every visitor, and under load that SQL dominates: the benchmark measured
// the start page at 10 requests/s, no faster than a bare server running the same queries. Each
// app instance computes such an aggregate at most once per `seconds` and key, and concurrent
// requests share one computation; a figure may lag behind by up to that many seconds.
const results = new LRUCache<string, Promise<unknown>>({ max: 1_000 });

export function sharedResult<T>(key: string, seconds: number, compute: () => Promise<T>): Promise<T> {
  const cached = results.get(key) as Promise<T> | undefined;
  if (cached) return cached;
  const pending = compute();
  results.set(key, pending, { ttl: seconds * 1_000 });
  // A failure is not remembered: the next request tries again.
  pending.catch(() => {
    if (results.get(key) === pending) results.delete(key);
  });
  return pending;
}

/** How long public aggregates may lag behind (seconds). */
export const PUBLIC_AGGREGATE_SECONDS = 30;
