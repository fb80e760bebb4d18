// What a public page shows has a version in Postgres (table "PublicVersion", decision 037):
// triggers bump a row per dialogue ('d:<id>'), per municipality ('m:<id>') or 'all' at the commit
// of every write that changes a public page, and a page's version is the sum over the rows it
// depends on. Counters only grow and a commit bumps its rows together with its data, so a
// version read before a render and read again later differs exactly when a write committed in
// between — on whichever app instance it happened. Both the page cache of the server wrapper
// (lib/page-cache) and the shared aggregates of the pages (lib/cache/shared-result.ts) use it.
//
// Plain TypeScript with relative imports only: the server wrapper runs it with Node's own type
// stripping, outside the Next.js bundle.

export type VersionScope =
  /** The start page: everything. */
  | { kind: "all" }
  /** A municipality's pages: its own row and all of its dialogues'. */
  | { kind: "municipality"; municipalitySlug: string }
  /** A dialogue's pages: its row, its municipality's and 'all'. */
  | { kind: "dialogue"; municipalitySlug: string; dialogueSlug: string }
  | { kind: "dialogueId"; dialogueId: string };

/** Runs one statement and returns its rows (pg's `query`, or Prisma's `$queryRawUnsafe`). */
export type RunQuery = (sql: string, params: unknown[]) => Promise<Array<{ version: unknown }>>;

const SQL: Record<VersionScope["kind"], string> = {
  all: `SELECT coalesce(sum(version), 0)::text AS version FROM "PublicVersion"`,
  municipality: `SELECT (SELECT coalesce(sum(v.version), 0) FROM "PublicVersion" v WHERE v.scope = 'all' OR v."municipalityId" = m.id)::text AS version
    FROM "Municipality" m WHERE m.slug = $1`,
  dialogue: `SELECT (SELECT coalesce(sum(v.version), 0) FROM "PublicVersion" v WHERE v.scope IN ('all', 'm:' || m.id, 'd:' || g.id))::text AS version
    FROM "Municipality" m JOIN "Dialogue" g ON g."municipalityId" = m.id WHERE m.slug = $1 AND g.slug = $2`,
  dialogueId: `SELECT (SELECT coalesce(sum(v.version), 0) FROM "PublicVersion" v WHERE v.scope IN ('all', 'm:' || g."municipalityId", 'd:' || g.id))::text AS version
    FROM "Dialogue" g WHERE g.id = $1::uuid`,
};

function paramsOf(scope: VersionScope): unknown[] {
  switch (scope.kind) {
    case "all":
      return [];
    case "municipality":
      return [scope.municipalitySlug];
    case "dialogue":
      return [scope.municipalitySlug, scope.dialogueSlug];
    case "dialogueId":
      return [scope.dialogueId];
  }
}

export function scopeKey(scope: VersionScope): string {
  return [scope.kind, ...paramsOf(scope).map(String)].join("\u0000");
}

/** Reads versions; null when the scope names nothing (a slug that is no municipality or dialogue). */
export class PublicVersions {
  private readonly run: RunQuery;
  private readonly slots = new Map<string, { running: Promise<string | null>; next: Deferred | null }>();

  constructor(run: RunQuery) {
    this.run = run;
  }

  /**
   * The current version of a scope. Concurrent callers share a query, but only one that started
   * after they asked: a caller arriving while a query is in flight waits for the next one, so a
   * write committed before the call is always seen (a shared query started earlier might not).
   */
  read(scope: VersionScope): Promise<string | null> {
    const key = scopeKey(scope);
    const slot = this.slots.get(key);
    if (!slot) {
      const running = this.query(scope);
      const fresh = { running, next: null as Deferred | null };
      this.slots.set(key, fresh);
      void this.settle(key, scope, fresh);
      return running;
    }
    slot.next ??= deferred();
    return slot.next.promise;
  }

  private async settle(key: string, scope: VersionScope, slot: { running: Promise<string | null>; next: Deferred | null }) {
    await slot.running.catch(() => undefined);
    const waiting = slot.next;
    if (!waiting) {
      this.slots.delete(key);
      return;
    }
    slot.next = null;
    slot.running = this.query(scope);
    slot.running.then(waiting.resolve, waiting.reject);
    void this.settle(key, scope, slot);
  }

  private async query(scope: VersionScope): Promise<string | null> {
    const rows = await this.run(SQL[scope.kind], paramsOf(scope));
    const version = rows[0]?.version;
    return version === undefined || version === null ? null : String(version);
  }
}

type Deferred = { promise: Promise<string | null>; resolve: (value: string | null) => void; reject: (reason: unknown) => void };

function deferred(): Deferred {
  let resolve!: Deferred["resolve"];
  let reject!: Deferred["reject"];
  const promise = new Promise<string | null>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // A caller may not be waiting yet when a failure arrives; it still gets it through `promise`.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** Whether version `a` is newer than `b` (versions are sums of counters and only grow). */
export function isNewer(a: string, b: string): boolean {
  return BigInt(a) > BigInt(b);
}
