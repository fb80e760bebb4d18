// The server-memory part of issue 16 on its own: the resident set of a running server (by pid)
// before, during (peak, sampled every 50 ms) and after a short autocannon load (bench/load.ts),
// then after a few seconds of quiet. Start the server as you want to compare it (NODE_OPTIONS,
// RENDER_CONCURRENCY, PAGE_CACHE_MB), e.g. the e2e server of your own build:
//
//   npx tsx bench/memory.ts --pid <server pid> --app http://127.0.0.1:3100 \
//     --path /de/musterstadt/<dialogue> [--cookie bench-cache-off=1] [--connections 50] [--duration 20]
//
// Any cookie keeps the page cache out (the render path); without one, anonymous readers hit it.
import { parseArgs } from "node:util";
import { readFileSync } from "node:fs";
import { runLoad, withMemory } from "./lib/processes";

const { values } = parseArgs({
  options: {
    pid: { type: "string" },
    app: { type: "string" },
    path: { type: "string" },
    cookie: { type: "string" },
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
  },
});
if (!values.pid || !values.app || !values.path) throw new Error("usage: bench/memory.ts --pid <pid> --app <url> --path </de/…> [--cookie name=value] [--connections 50] [--duration 20]");
const pid = Number(values.pid);
const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

const measured = await withMemory(pid, () =>
  runLoad({
    baseUrl: values.app!,
    path: values.path,
    cookie: values.cookie,
    connections: Number(values.connections),
    durationSeconds: Number(values.duration),
    warmupSeconds: Number(values.warmup),
    kind: "get",
  }),
);
await new Promise((resolve) => setTimeout(resolve, 5_000));
const { requestsPerSecond, p50, p95, errors, timeouts } = measured.result;
console.log(
  JSON.stringify({
    rssBeforeMb: Math.round(measured.rssBeforeMb),
    rssPeakMb: Math.round(measured.rssPeakMb),
    rssAfter5sMb: Math.round(rss()),
    requestsPerSecond: Math.round(requestsPerSecond),
    p50: Math.round(p50),
    p95: Math.round(p95),
    errors,
    timeouts,
  }),
);
