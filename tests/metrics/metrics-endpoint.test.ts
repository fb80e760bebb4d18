// /api/metrics answers only a scraper with METRICS_TOKEN (404 when none is configured, 401 for a
// wrong or missing one) and exposes the request, pool and queue metrics in Prometheus's format.
import { describe, expect, it } from "vitest";

const TOKEN = "metrics-token-for-tests-0123456789abcdefgh";
process.env.METRICS_TOKEN = TOKEN;

const { GET } = await import("@/app/api/metrics/route");
const { canReadMetrics } = await import("@/lib/policy/policy");
const { db } = await import("@/lib/db/client");
const { enqueue } = await import("@/lib/jobs/job-queue");
const { QUEUES } = await import("@/lib/jobs/queues");

const scrape = (authorization?: string) =>
  GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

describe("/api/metrics", () => {
  it.each([
    ["no token", undefined],
    ["a wrong token", `Bearer ${TOKEN.slice(0, -1)}x`],
    ["a longer token", `Bearer ${TOKEN}x`],
    ["the token without the Bearer scheme", TOKEN],
  ])("refuses %s with 401", async (_case, authorization) => {
    const answer = await scrape(authorization);
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toContain("Bearer");
    expect(await answer.text()).not.toContain("http_request");
  });

  it("exposes request, database pool and queue metrics to the scraper with the token", async () => {
    await db.$queryRaw`SELECT 1`;
    await enqueue(QUEUES.dailyDigest, {});
    const answer = await scrape(`Bearer ${TOKEN}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/plain");
    const text = await answer.text();
    const names = ["http_request_duration_seconds", "db_pool_connections", "db_pool_max_connections", "job_queue_jobs", "process_cpu_seconds_total"];
    expect(names.filter((name) => !text.includes(`# TYPE ${name} `)), "metrics without their # TYPE line").toEqual([]);
    expect(text).toMatch(/job_queue_jobs\{queue="digest\.daily",state="created"\} 1/);
    expect(text).toMatch(/db_pool_connections\{state="total"\} [1-9]/);
  });
});

describe("canReadMetrics (the policy's rule for the scraper)", () => {
  it.each([
    [TOKEN, TOKEN, true],
    [TOKEN, undefined, false],
    [null, TOKEN, false],
    ["", TOKEN, false],
    [TOKEN.slice(0, 10), TOKEN, false],
    [`${TOKEN}a`, TOKEN, false],
  ])("%s against %s → %s", (presented, configured, allowed) => {
    expect(canReadMetrics(presented, configured)).toBe(allowed);
  });
});
