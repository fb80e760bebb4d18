// Named read scenarios of the bench, measured against each other in alternating rounds, with the
// server's CPU time per request beside the throughput (bench/README.md, "Comparing scenarios"):
//
//   npx tsx bench/compare.ts --scenarios page1,member,deep --rounds 4 --lock /tmp/heavy.lock
//
// Throughput on a shared 2-core machine moves with everything else that runs; the CPU time the
// server process spends per request (user + system, /proc/<pid>/stat, read before and after a
// fixed number of requests) moves far less, and PostgreSQL's beside it. Each round runs every
// scenario once per connection level, the order turned by one each round, so a drift of the
// machine falls on all of them; the ratios are formed within a round. Uses the build in
// bench/tmp/.next (`npm run bench` makes it) and the seeded template of `npm run bench`.
import "dotenv/config";
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { dropDatabase } from "../lib/db/databases";
import { PROJECT_ROOT } from "../lib/db/embedded";
import { cloneForRun, ensureSeededTemplate, openBenchServer, preparePeople } from "./lib/database";
import { nextLinkTo } from "./lib/forms";
import { DIST_DIR, postgresCpu, processCpuMs, sameBackends, runLoad, settle, startApp } from "./lib/processes";
import { CACHE_OFF_COOKIE, recordPage } from "./lib/sql";
import type { LoadResult, LoadSpec } from "./load";
import { DEFAULT_SIZES } from "./seed/seed-large-data";
import { parseSizes } from "./seed/sizes";
import { DEFAULT_RENDER_CONCURRENCY } from "../scripts/support/render-limit";

const { values } = parseArgs({
  options: {
    ...Object.fromEntries(Object.keys(DEFAULT_SIZES).map((key) => [key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), { type: "string" as const }])),
    scenarios: { type: "string", default: "page1,member,deep" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "50,10" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    port: { type: "string", default: "3207" },
    "sql-port": { type: "string", default: "3237" },
    database: { type: "string", default: "mitreden_bench_compare" },
    lock: { type: "string" },
    "render-concurrency": { type: "string", default: String(DEFAULT_RENDER_CONCURRENCY) },
    "node-options": { type: "string" },
    out: { type: "string", default: "bench/tmp/compare.json" },
  },
});

const COOKIE = "next-auth.session-token";
const started = Date.now();
const log = (line: string) => console.log(`[compare ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const rounds = Number(values.rounds);
const levels = String(values.connections).split(",").map(Number);
const duration = Number(values.duration);
const warmup = Number(values.warmup);

if (!existsSync(path.join(PROJECT_ROOT, DIST_DIR, "BUILD_ID"))) {
  console.error(`no build in ${DIST_DIR}: run npm run bench once, or NEXT_DIST_DIR=${DIST_DIR} node scripts/next.mjs build`);
  process.exit(1);
}

type Scenario = { name: string; path: string; cookie: string };
type Row = {
  round: number;
  connections: number;
  scenario: string;
  result: LoadResult;
  /** Server process CPU ms per answered request, and its database's PostgreSQL backends' beside it (null when one exited meanwhile). */
  cpuMsPerRequest: number;
  postgresCpuMsPerRequest: number | null;
  bytesPerResponse: number;
};

const server = await openBenchServer(log);
const template = await ensureSeededTemplate(server.serverUrl, "mitreden_bench_large", parseSizes(values), log);
const database = String(values.database);
const url = await cloneForRun(server.serverUrl, "mitreden_bench_large", database);
const dialogue = template.summary.largestDialogue;
const people = await preparePeople(url, dialogue.id, 1);
const app = await startApp(Number(values.port), url, Number(values["sql-port"]), {
  RENDER_CONCURRENCY: String(values["render-concurrency"]),
  ...(values["node-options"] ? { NODE_OPTIONS: String(values["node-options"]) } : {}),
});
const stop = async () => {
  await app.stop();
  await dropDatabase(server.serverUrl, database);
  await server.stop();
};
process.on("SIGINT", () => void stop().then(() => process.exit(130)));

try {
  const base = `/de/grossstadt/${dialogue.slug}`;
  const deep = Math.min(500, Math.floor((dialogue.contributions * 0.97) / 20));
  const member = `${COOKIE}=${people.participants[0]!.token}`;
  const known: Record<string, () => Promise<Scenario>> = {
    page1: async () => ({ name: "dialogue page 1, cache off", path: base, cookie: CACHE_OFF_COOKIE }),
    member: async () => ({ name: "dialogue page 1, signed-in member", path: base, cookie: member }),
    deep: async () => ({
      name: `dialogue page ${deep} by page ${deep - 1}'s next link, cache off`,
      path: await nextLinkTo(app.baseUrl, `${base}?page=${deep - 1}`, `${base}?page=${deep}`),
      cookie: CACHE_OFF_COOKIE,
    }),
    typed: async () => ({ name: `dialogue page ${deep} typed (?page=${deep}), cache off`, path: `${base}?page=${deep}`, cookie: CACHE_OFF_COOKIE }),
    contribution: async () => ({ name: "contribution with comments, cache off", path: `${base}/c/${people.mostCommented.id}`, cookie: CACHE_OFF_COOKIE }),
    "member-contribution": async () => ({ name: "contribution with comments, signed-in member", path: `${base}/c/${people.mostCommented.id}`, cookie: member }),
    join: async () => ({ name: "trivial dynamic page (/de/join)", path: "/de/join", cookie: CACHE_OFF_COOKIE }),
  };
  const scenarios: Scenario[] = [];
  for (const key of String(values.scenarios).split(",")) {
    if (!known[key]) throw new Error(`unknown scenario ${key}; known: ${Object.keys(known).join(", ")}`);
    scenarios.push(await known[key]());
  }
  // A first request of each, so that the statements of the server's start are not counted below.
  for (const scenario of scenarios) await (await fetch(`${app.baseUrl}${scenario.path}`, { headers: { cookie: scenario.cookie } })).arrayBuffer();
  for (const scenario of scenarios) {
    const page = await recordPage(app.baseUrl, Number(values["sql-port"]), scenario.path, scenario.cookie);
    const html = await (await fetch(`${app.baseUrl}${scenario.path}`, { headers: { cookie: scenario.cookie } })).text();
    log(`${scenario.name} — ${scenario.path}, ${page.statements} statements, ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB of HTML`);
  }

  const rows: Row[] = [];
  const spec = (scenario: Scenario, connections: number, extra: Partial<LoadSpec>): LoadSpec => ({
    baseUrl: app.baseUrl,
    connections,
    durationSeconds: duration,
    warmupSeconds: 0,
    kind: "get",
    path: scenario.path,
    cookie: scenario.cookie,
    ...extra,
  });
  for (let round = 1; round <= rounds; round += 1) {
    const release = values.lock ? await holdLock(String(values.lock)) : async () => {};
    try {
      for (const connections of levels) {
        const order = scenarios.map((_, i) => scenarios[(i + round - 1) % scenarios.length]!);
        for (const scenario of order) {
          await settle(app.baseUrl);
          // The warm-up also tells how many requests make about `duration` seconds.
          const warm = await runLoad(spec(scenario, connections, { durationSeconds: warmup }));
          const amount = Math.max(connections * 4, Math.round(warm.requestsPerSecond * duration));
          await settle(app.baseUrl);
          const cpu = processCpuMs(app.pid);
          const postgres = postgresCpu(database);
          const result = await runLoad(spec(scenario, connections, { amount }));
          const postgresAfter = postgresCpu(database);
          // Nothing is left in flight after a fixed number of requests; the health checks of
          // settle() are part of the idle server's cost, not of a render.
          const row: Row = {
            round,
            connections,
            scenario: scenario.name,
            result,
            cpuMsPerRequest: (processCpuMs(app.pid) - cpu) / result.requests,
            postgresCpuMsPerRequest: sameBackends(postgres, postgresAfter) ? (postgresAfter.ms - postgres.ms) / result.requests : null,
            bytesPerResponse: result.bytesPerSecond / result.requestsPerSecond,
          };
          rows.push(row);
          const bad = result.errors + result.timeouts + Object.entries(result.statusCodes).filter(([code]) => code !== "200").reduce((n, [, count]) => n + count, 0);
          log(
            `round ${round}, ${connections} conn., ${scenario.name}: ${result.requestsPerSecond.toFixed(1)} req/s, p95 ${result.p95.toFixed(0)} ms, ` +
              `server CPU ${row.cpuMsPerRequest.toFixed(1)} ms/req, PostgreSQL ${row.postgresCpuMsPerRequest?.toFixed(1) ?? "–"} ms/req (${result.requests} requests${bad ? `, ${bad} not 200` : ""})`,
          );
        }
      }
    } finally {
      await release();
    }
    writeFileSync(path.resolve(PROJECT_ROOT, String(values.out)), JSON.stringify({ scenarios, rows }, null, 2));
  }

  // Medians over the rounds, and each scenario against the first one, paired within a round.
  const median = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const lines = ["", "| connections | scenario | req/s | p95 ms | server CPU ms/req | PostgreSQL CPU ms/req | ÷ first: req/s | ÷ first: p95 | ÷ first: CPU |", "|---|---|---|---|---|---|---|---|---|"];
  for (const connections of levels) {
    const of = (scenario: Scenario) => rows.filter((row) => row.connections === connections && row.scenario === scenario.name);
    const first = of(scenarios[0]!);
    for (const scenario of scenarios) {
      const own = of(scenario);
      const ratio = (pick: (row: Row) => number) => median(own.map((row) => pick(row) / pick(first.find((f) => f.round === row.round)!)));
      lines.push(
        `| ${connections} | ${scenario.name} | ${median(own.map((r) => r.result.requestsPerSecond)).toFixed(1)} | ${median(own.map((r) => r.result.p95)).toFixed(0)} | ` +
          `${median(own.map((r) => r.cpuMsPerRequest)).toFixed(1)} | ${median(own.flatMap((r) => (r.postgresCpuMsPerRequest === null ? [] : [r.postgresCpuMsPerRequest]))).toFixed(1)} | ` +
          `${ratio((r) => r.result.requestsPerSecond).toFixed(2)} | ${ratio((r) => r.result.p95).toFixed(2)} | ${ratio((r) => r.cpuMsPerRequest).toFixed(2)} |`,
      );
    }
  }
  console.log(`${lines.join("\n")}\n\nmedians of ${rounds} rounds; every row in ${String(values.out)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stop();
  process.exit(process.exitCode ?? 0);
}

/** Holds an flock on `file` (as `flock file command` does) until the returned function is called. */
async function holdLock(file: string): Promise<() => Promise<void>> {
  const child = spawn("flock", [file, "sh", "-c", "echo locked; exec cat >/dev/null"], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => (chunk.toString().includes("locked") ? resolve() : undefined));
    child.on("exit", (code) => reject(new Error(`flock ${file} exited with ${code}`)));
  });
  return async () => {
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.stdin.end();
    await exited;
  };
}
