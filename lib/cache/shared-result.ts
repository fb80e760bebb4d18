import "server-only";
import { LRUCache } from "lru-cache";
import { isNewer, type VersionScope } from "./public-version";
import { publicVersions } from "./versioned-data";

// Aggregates over a whole municipality or dialogue (the start page's totals, results in numbers)
// cost the same SQL for every visitor, and under load that SQL dominates: the benchmark measured
// the start page at 10 requests/s, no faster than a bare server running the same queries. Each
// app instance computes such an aggregate once per version of what it counts (lib/cache/
// public-version.ts: one tiny query per call) and concurrent requests share that computation. A
// write on any instance bumps the version at its commit, so the next request computes again:
// a dialogue just opened or a support just given shows at once, everywhere (decision 037).
type Entry = { version: string; value: Promise<unknown> };
const results = new LRUCache<string, Entry>({ max: 1_000 });

export async function sharedResult<T>(key: string, scope: VersionScope, compute: () => Promise<T>): Promise<T> {
  const version = await publicVersions().read(scope);
  if (version === null) return compute();
  const cached = results.get(key);
  if (cached && cached.version === version) return cached.value as Promise<T>;
  const pending = compute();
  // A slower request that read an older version never replaces a newer result.
  if (!cached || isNewer(version, cached.version)) {
    const entry = { version, value: pending };
    results.set(key, entry);
    // A failure is not remembered: the next request tries again.
    pending.catch(() => {
      if (results.get(key) === entry) results.delete(key);
    });
  }
  return pending;
}
