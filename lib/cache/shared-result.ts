import "server-only";
import type { VersionScope } from "./public-version";
import { publicVersions, versioned } from "./versioned-data";

// Aggregates over a whole municipality or dialogue (the start page's totals, results in numbers)
// cost the same SQL for every visitor, and under load that SQL dominates: the benchmark measured
// the start page at 10 requests/s, no faster than a bare server running the same queries. Each
// app instance computes such an aggregate once per version of what it counts (lib/cache/
// public-version.ts: one tiny query per call) and concurrent requests share that computation. A
// write on any instance bumps the version at its commit, so the next request computes again:
// a dialogue just opened or a support just given shows at once, everywhere (decision 037).
// One store with the dialogue pages' kept data (lib/cache/versioned-data.ts): the same versions,
// the same byte bound and the same rule that an older version never replaces a newer one.
export async function sharedResult<T>(key: string, scope: VersionScope, compute: () => Promise<T>): Promise<T> {
  const version = await publicVersions().read(scope);
  if (version === null) return compute();
  return versioned(`shared:${key}`, version, compute);
}
