import { env } from "@/lib/env";
import { queueDepth } from "@/lib/jobs/queue-depth";
import { metrics } from "@/lib/metrics/registry";
import { canReadMetrics } from "@/lib/policy/policy";

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });

// Never prerendered: every scrape reads the numbers of that moment.
export const dynamic = "force-dynamic";

/** Prometheus metrics of this instance, for a scraper that presents METRICS_TOKEN (README, Operations). */
export async function GET(request: Request): Promise<Response> {
  const configured = env().METRICS_TOKEN;
  // Unset: as if there were no such endpoint.
  if (!configured) return plain(404, "Not Found");
  const presented = /^Bearer (\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
  if (!canReadMetrics(presented, configured)) return plain(401, "Unauthorized", { "www-authenticate": 'Bearer realm="metrics"' });
  const { registry, sources } = metrics();
  sources.queue ??= queueDepth;
  return plain(200, await registry.metrics(), { "content-type": registry.contentType });
}
