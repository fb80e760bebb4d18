import { Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// The process's Prometheus metrics (docs/decisions/019-logs-and-metrics.md). One registry per
// process, kept on globalThis: Next.js bundles this module into several server chunks, and the
// request observer (instrumentation.ts) and /api/metrics must share it.

export type PoolStats = { total: number; idle: number; waiting: number; max: number };
export type QueueDepth = { queue: string; state: string; count: number };

/** Where the gauges read from when scraped; filled in by the modules that own the pools. */
export type MetricSources = {
  pool?: () => PoolStats | undefined;
  queue?: () => Promise<QueueDepth[]>;
};

type Metrics = { registry: Registry; requests: Histogram<"method" | "route" | "status">; sources: MetricSources };

const globalForMetrics = globalThis as unknown as { metrics?: Metrics };

export function metrics(): Metrics {
  if (globalForMetrics.metrics) return globalForMetrics.metrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sources: MetricSources = {};
  const requests = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP requests by method, route pattern and status, until the response was sent (_count gives the rate).",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "db_pool_connections",
    help: "Connections of the app's database pool: total open, idle, and requests waiting for one.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = sources.pool?.();
      if (!stats) return;
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  new Gauge({
    name: "db_pool_max_connections",
    help: "Size limit of the app's database pool (DATABASE_POOL_SIZE).",
    registers: [registry],
    collect() {
      const stats = sources.pool?.();
      if (stats) this.set(stats.max);
    },
  });
  new Gauge({
    name: "job_queue_jobs",
    help: "Jobs in the queue by kind and state (created and retry are waiting, active are running, failed ran out of attempts).",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { queue, state, count } of (await sources.queue?.()) ?? []) this.set({ queue, state }, count);
    },
  });
  globalForMetrics.metrics = { registry, requests, sources };
  return globalForMetrics.metrics;
}
