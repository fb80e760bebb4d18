import { connection } from "next/server";
import { env } from "@/lib/env";
import { queueDepth } from "@/lib/jobs/queue-depth";
import { metrics } from "@/lib/metrics/registry";
import { canReadMetrics } from "@/lib/policy/policy";

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });

/** Prometheus metrics of this instance, for a scraper that presents METRICS_TOKEN (README, Operations). */
export async function GET(request: Request): Promise<Response> {
  await connection();
  const configured = env().METRICS_TOKEN;
  // Unset: as if there were no such endpoint.
  if (!configured) return plain(404, "Not Found");
  const presented = /^Bearer (\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
  if (!canReadMetrics(presented, configured)) return plain(401, "Unauthorized", { "www-authenticate": 'Bearer realm="metrics"' });
  const { registry, sources } = metrics();
  sources.queue ??= queueDepth;
  return plain(200, await registry.metrics(), { "content-type": registry.contentType });
}
