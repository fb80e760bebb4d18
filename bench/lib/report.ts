// bench/results.md (for people: tables, the budgets of issue 8 marked met or not) and
// bench/results.json (everything, for comparing runs).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../lib/db/embedded";
import type { LoadResult } from "../load";
import type { LargeDataSizes } from "../seed/seed-large-data";
import type { NavigationWeight, Weight } from "./page-weight";

/** `app`: anonymous readers with the page cache on; `cacheOff`: the same requests rendered every time. */
export type ReadRow = {
  scenario: string;
  path: string;
  connections: number;
  app: LoadResult;
  cacheOff: LoadResult;
  baseline: LoadResult;
  rssPeakMb: number;
  rssPeakMbCacheOff: number;
};
/** The trivial reference page, signed-in members, rotating URLs. */
export type ExtraRow = { scenario: string; connections: number; result: LoadResult; rssPeakMb: number };
export type WriteRow = { scenario: string; connections: number; result: LoadResult | null; note?: string };

export type BenchResults = {
  date: string;
  durationSeconds: number;
  warmupSeconds: number;
  sizes: LargeDataSizes;
  seedSeconds: number;
  counts: Record<string, number>;
  largestDialogue: { slug: string; contributions: number };
  reads: ReadRow[];
  extras: ExtraRow[];
  writes: WriteRow[];
  export:
    | { available: false }
    | {
        available: true;
        contributions: number;
        status: number;
        contentType: string;
        firstByteMs: number;
        lastByteMs: number;
        bytes: number;
        lines: number;
        rssBeforeMb: number;
        rssPeakMb: number;
      };
  /**
   * Statements of one render after a write (nothing kept current, decision 091); `largeKept`: of
   * one render with the dialogue's shared data kept (absent in runs before it).
   */
  sql: { page: string; small: number; large: number; largeKept?: number }[];
  /** Statements of pages rendered for a signed-in member (large data), beside the anonymous ones of `sql`; `kept` as `largeKept`. */
  sqlSignedIn?: { page: string; statements: number; kept?: number }[];
  weights: { emptyPage: Weight; pages: { name: string; path: string; weight: Weight }[]; navigation: (Weight & Partial<Pick<NavigationWeight, "fromCache" | "fromCacheBytes">>) | null } | null;
  /** Where the CPU profile of the dialogue page render (cache off, 10 connections) was written, relative to the project. */
  cpuProfile?: string | null;
  resultsAvailable: boolean;
  /** Pages left out, and why. */
  notes: string[];
  postgres: string;
  runSeconds: number;
};

const KB = 1024;
const kb = (bytes: number) => (bytes / KB).toFixed(1);
const ms = (value: number) => value.toFixed(0);
const rps = (value: number) => value.toFixed(0);
const verdict = (ok: boolean | null) => (ok === null ? "not measured" : ok ? "**met**" : "**not met**");

type Budget = { budget: string; measured: string; ok: boolean | null };

function budgets(r: BenchResults): Budget[] {
  const list: Budget[] = [];
  const w = r.weights;
  if (w) {
    const beyond = Math.max(...w.pages.map((p) => p.weight.js - w.emptyPage.js));
    const worstJs = w.pages.find((p) => p.weight.js - w.emptyPage.js === beyond)!;
    list.push({
      budget: "participant routes ship ≤ 15 KB gzipped JS beyond an empty App Router page",
      measured: `worst: ${worstJs.name} +${kb(beyond)} KB (empty page: ${kb(w.emptyPage.js)} KB)`,
      ok: beyond <= 15 * KB,
    });
    const total = Math.max(...w.pages.map((p) => p.weight.total));
    list.push({
      budget: "≤ 250 KB in total on a first visit",
      measured: `worst: ${w.pages.find((p) => p.weight.total === total)!.name} ${kb(total)} KB`,
      ok: total <= 250 * KB,
    });
    list.push({
      budget: "≤ 30 KB per later navigation between dialogue pages",
      measured: w.navigation ? `${kb(w.navigation.total)} KB (page 1 → page 2)` : "no second page",
      ok: w.navigation ? w.navigation.total <= 30 * KB : null,
    });
  }
  if (w) {
    // Issue 16: read routes ≤ 8 KB, form routes ≤ 12 KB gzipped JS beyond the empty App Router page.
    for (const [kind, limit] of [["read", 8], ["form", 12]] as const) {
      const pages = w.pages.filter((p) => routeKind(p.name) === kind);
      if (!pages.length) continue;
      const worst = pages.reduce((a, b) => (b.weight.js > a.weight.js ? b : a));
      list.push({
        budget: `${kind} routes ship ≤ ${limit} KB gzipped JS beyond the empty App Router page (${pages.map((p) => p.name).join(", ")})`,
        measured: `worst: ${worst.name} +${kb(worst.weight.js - w.emptyPage.js)} KB; ${pages.map((p) => `${p.name} +${kb(p.weight.js - w.emptyPage.js)}`).join(", ")}`,
        ok: worst.weight.js - w.emptyPage.js <= limit * KB,
      });
    }
  }
  const anonymousDialogue = r.sql.find((row) => row.page === "dialogue page 1");
  const memberDialogue = r.sqlSignedIn?.find((row) => row.page === "dialogue page 1");
  list.push({
    budget: "dialogue page: ≤ 5 SQL statements anonymous, ≤ 7 signed-in (large data, cache off)",
    measured: `anonymous ${anonymousDialogue?.large ?? "–"}, signed-in ${memberDialogue?.statements ?? "–"}`,
    ok: anonymousDialogue && memberDialogue ? anonymousDialogue.large <= 5 && memberDialogue.statements <= 7 : null,
  });
  list.push({ budget: "core flows work with JavaScript off", measured: "checked by the e2e specs with javaScriptEnabled: false, not by the bench", ok: null });
  // Issue 16's budgets: the cached page against the baseline, the render path (cache off) against
  // the trivial page of the same run, signed-in members, memory, deep pages.
  const read = (scenario: string, connections: number) => r.reads.find((row) => row.scenario === scenario && row.connections === connections);
  const extra = (prefix: string, connections: number) => r.extras.find((row) => row.scenario.startsWith(prefix) && row.connections === connections);
  const d50 = read("dialogue page 1", 50);
  const d10 = read("dialogue page 1", 10);
  const trivial50 = extra("trivial dynamic page", 50);
  const member50 = extra("dialogue page 1, signed-in member", 50);
  list.push({
    budget: "cached anonymous dialogue page at 50 connections: p95 < 100 ms",
    measured: d50 ? `p95 ${ms(d50.app.p95)} ms` : "not run at 50 connections",
    ok: d50 ? d50.app.requests > 0 && d50.app.p95 < 100 : null,
  });
  list.push({
    budget: "cached anonymous dialogue page at 50 connections: throughput ≥ 1.0× the bare baseline",
    measured: d50 ? `${rps(d50.app.requestsPerSecond)} / ${rps(d50.baseline.requestsPerSecond)} req/s = ${ratio(d50).toFixed(2)}` : "not run",
    ok: d50 ? ratio(d50) >= 1 : null,
  });
  list.push({
    budget: "render path (cache off): dialogue page ≥ 0.5× the trivial dynamic page at 50 connections",
    measured: d50 && trivial50 ? `${rps(d50.cacheOff.requestsPerSecond)} / ${rps(trivial50.result.requestsPerSecond)} req/s = ${(d50.cacheOff.requestsPerSecond / Math.max(1e-9, trivial50.result.requestsPerSecond)).toFixed(2)}` : "not run",
    ok: d50 && trivial50 ? d50.cacheOff.requestsPerSecond >= 0.5 * trivial50.result.requestsPerSecond : null,
  });
  list.push({
    budget: "render path (cache off): dialogue page ≥ 100 req/s and p95 ≤ 500 ms at 50 connections",
    measured: d50 ? `${rps(d50.cacheOff.requestsPerSecond)} req/s, p95 ${ms(d50.cacheOff.p95)} ms` : "not run",
    ok: d50 ? d50.cacheOff.requests > 0 && d50.cacheOff.requestsPerSecond >= 100 && d50.cacheOff.p95 <= 500 : null,
  });
  list.push({
    budget: "render path (cache off): dialogue page p95 < 150 ms at 10 connections",
    measured: d10 ? `p95 ${ms(d10.cacheOff.p95)} ms` : "not run",
    ok: d10 ? d10.cacheOff.requests > 0 && d10.cacheOff.p95 < 150 : null,
  });
  list.push({
    budget: "signed-in dialogue page within 1.3× of the anonymous cache-off p95 (50 connections)",
    measured: d50 && member50 ? `p95 ${ms(member50.result.p95)} vs ${ms(d50.cacheOff.p95)} ms` : "not run",
    ok: d50 && member50 ? member50.result.requests > 0 && member50.result.p95 <= 1.3 * d50.cacheOff.p95 : null,
  });
  const at50 = [...r.reads.flatMap((row) => (row.connections === 50 ? [row.rssPeakMb, row.rssPeakMbCacheOff] : [])), ...r.extras.flatMap((row) => (row.connections === 50 ? [row.rssPeakMb] : []))];
  list.push({
    budget: "server RSS ≤ 400 MB at 50 connections",
    measured: at50.length ? `peak ${Math.max(...at50).toFixed(0)} MB` : "not run at 50 connections",
    ok: at50.length ? Math.max(...at50) <= 400 : null,
  });
  const deep50 = r.reads.find((row) => /^dialogue page \d+$/.test(row.scenario) && row.scenario !== "dialogue page 1" && row.connections === 50);
  list.push({
    budget: "deep page within 1.2× of page 1 (cache off, 50 connections, throughput)",
    measured: d50 && deep50 ? `${deep50.scenario}: ${rps(deep50.cacheOff.requestsPerSecond)} vs ${rps(d50.cacheOff.requestsPerSecond)} req/s` : "not run",
    ok: d50 && deep50 ? deep50.cacheOff.requestsPerSecond * 1.2 >= d50.cacheOff.requestsPerSecond : null,
  });
  const grown = r.sql.filter((row) => row.large > row.small);
  list.push({
    budget: "SQL statements per page do not grow with the data",
    measured: grown.length ? `grew on: ${grown.map((g) => `${g.page} ${g.small}→${g.large}`).join(", ")}` : "same on every page",
    ok: grown.length === 0,
  });
  const e = r.export;
  if (e.available) {
    const full = e.contributions >= 50_000;
    list.push({
      budget: "50,000-contribution CSV export in < 10 s, server memory growing < 150 MB",
      measured: `${e.contributions} contributions: ${(e.lastByteMs / 1000).toFixed(1)} s, +${(e.rssPeakMb - e.rssBeforeMb).toFixed(0)} MB${full ? "" : " (fewer than 50,000: run with --export-contributions 50000)"}`,
      ok: full ? e.lastByteMs < 10_000 && e.rssPeakMb - e.rssBeforeMb < 150 : null,
    });
  } else {
    list.push({ budget: "50,000-contribution CSV export in < 10 s, server memory growing < 150 MB", measured: "export route not available", ok: null });
  }
  return list;
}

/** Issue 16 sorts the weighed routes: pages that only read, and pages whose point is a form. */
export function routeKind(name: string): "read" | "form" {
  return /member|join|sign in/.test(name) ? "form" : "read";
}

const ratio = (row: ReadRow) => row.app.requestsPerSecond / Math.max(1e-9, row.baseline.requestsPerSecond);
/** The ratio in the table; none where the baseline completed (nearly) nothing, as with a page's unshared aggregates replayed. */
const shownRatio = (row: ReadRow) => (row.baseline.requestsPerSecond < 1 ? "–" : ratio(row).toFixed(2));

function statusSummary(result: LoadResult): string {
  if (result.requests === 0) return "none completed within the duration";
  const codes = Object.entries(result.statusCodes).map(([code, count]) => `${code}×${count}`);
  if (result.errors) codes.push(`errors×${result.errors}`);
  if (result.timeouts) codes.push(`timeouts×${result.timeouts}`);
  return codes.join(", ");
}

function versions() {
  const version = (name: string) => (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  return { node: process.version, next: version("next"), react: version("react"), prisma: version("@prisma/client"), autocannon: version("autocannon") };
}

export async function writeReport(out: string, r: BenchResults): Promise<void> {
  const v = versions();
  const cpu = os.cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model ?? "CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${os.type()} ${os.release()}`;
  const lines: string[] = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` on ${r.date} (run took ${(r.runSeconds / 60).toFixed(1)} min). How it works: bench/README.md.`,
    "",
    `- Machine: ${machine}; server, load generator, baseline and PostgreSQL ${r.postgres} share it.`,
    `- Versions: Node ${v.node}, Next.js ${v.next}, React ${v.react}, Prisma ${v.prisma}, autocannon ${v.autocannon}.`,
    `- Data: ${Object.entries(r.sizes).map(([k, n]) => `${k} ${n}`).join(", ")} (seeded in ${r.seedSeconds.toFixed(0)} s). Largest dialogue: ${r.largestDialogue.contributions} contributions.`,
    `- Each scenario: ${r.warmupSeconds} s warm-up, then ${r.durationSeconds} s measured; latencies in ms.`,
    "",
    "## Budgets",
    "",
    "| budget | measured | |",
    "|---|---|---|",
    ...budgets(r).map((b) => `| ${b.budget} | ${b.measured} | ${verdict(b.ok)} |`),
    "",
    "## Read pages: mitreden (page cache on and off) and the bare baseline (same SQL, node:http + pg)",
    "",
    "Cache on: anonymous readers as they come (after the warm-up, nearly every request is a hit). Cache off: the same requests with a cookie the app ignores, which keeps them away from the cache — every one is rendered. Baseline: a bare node:http + pg server replaying each request's statements as the page's first render after a write sends them (every statement its data takes, aggregates the app shares per version included: the start and results pages' are slow that way, which is why the app shares them). Ratio: cache on ÷ baseline.",
    "",
    "| page | conn. | cache on req/s | p50 | p95 | p99 | RSS MB | cache off req/s | p50 | p95 | p99 | RSS MB | baseline req/s | baseline p95 | ratio | responses (on / off) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...r.reads.map(
      (row) =>
        `| ${row.scenario} | ${row.connections} | ${rps(row.app.requestsPerSecond)} | ${ms(row.app.p50)} | ${ms(row.app.p95)} | ${ms(row.app.p99)} | ${row.rssPeakMb.toFixed(0)} | ${rps(row.cacheOff.requestsPerSecond)} | ${ms(row.cacheOff.p50)} | ${ms(row.cacheOff.p95)} | ${ms(row.cacheOff.p99)} | ${row.rssPeakMbCacheOff.toFixed(0)} | ${rps(row.baseline.requestsPerSecond)} | ${ms(row.baseline.p95)} | ${shownRatio(row)} | ${statusSummary(row.app)} / ${statusSummary(row.cacheOff)} |`,
    ),
    "",
    "## Reference page, signed-in members, rotating URLs",
    "",
    "| scenario | conn. | req/s | p50 | p95 | p99 | responses | server RSS peak MB |",
    "|---|---:|---:|---:|---:|---:|---|---:|",
    ...r.extras.map(
      (row) =>
        `| ${row.scenario} | ${row.connections} | ${rps(row.result.requestsPerSecond)} | ${ms(row.result.p50)} | ${ms(row.result.p95)} | ${ms(row.result.p99)} | ${statusSummary(row.result)} | ${row.rssPeakMb.toFixed(0)} |`,
    ),
    ...(r.resultsAvailable ? [] : ["", "The results page did not exist when this ran: not measured."]),
    "",
    "## Writes (plain form posts, as without JavaScript; different people)",
    "",
    "| scenario | conn. | req/s | p50 | p95 | p99 | responses |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...r.writes.map((row) =>
      row.result
        ? `| ${row.scenario} | ${row.connections} | ${rps(row.result.requestsPerSecond)} | ${ms(row.result.p50)} | ${ms(row.result.p95)} | ${ms(row.result.p99)} | ${statusSummary(row.result)} |`
        : `| ${row.scenario} | ${row.connections} | – | – | – | – | ${row.note ?? "not run"} |`,
    ),
    "",
    "A successful post answers 303 (post/redirect/get); support requests alternate give and withdraw.",
    "",
    "## CSV export of the largest dialogue",
    "",
    ...(r.export.available
      ? [
          "| contributions | status | first byte ms | last byte ms | MB | lines | server RSS before → peak MB |",
          "|---:|---:|---:|---:|---:|---:|---|",
          `| ${r.export.contributions} | ${r.export.status} | ${ms(r.export.firstByteMs)} | ${ms(r.export.lastByteMs)} | ${(r.export.bytes / 1024 ** 2).toFixed(1)} | ${r.export.lines} | ${r.export.rssBeforeMb.toFixed(0)} → ${r.export.rssPeakMb.toFixed(0)} |`,
        ]
      : ["The export route did not exist when this ran: not measured."]),
    "",
    "## SQL statements per page",
    "",
    "Fewer statements on large data can happen where a page skips a query that has nothing to look up; more would be a query per row.",
    "",
    "| page | small data | large data | large data, signed-in member | large data, kept: anonymous / signed in |",
    "|---|---:|---:|---:|---:|",
    ...r.sql.map((row) => {
      const member = r.sqlSignedIn?.find((m) => m.page === row.page);
      return `| ${row.page} | ${row.small} | ${row.large} | ${member?.statements ?? "–"} | ${row.largeKept ?? "–"} / ${member?.kept ?? "–"} |`;
    }),
    "",
    "Counted inside the server (bench/sql-recorder.mjs wraps pg's Client#query) for one request after a warm-up request, with the page cache kept out (a cached page sends one version query). The first columns are each the first render after a write (the bench bumps the version of everything before it): nothing the instance keeps is current, so every statement the page's data takes is sent, and the budgets and the baseline's replay take these. The last column is a render with nothing written since the one before: the dialogue's shared data kept (decision 091).",
  ];
  if (r.weights) {
    const w = r.weights;
    lines.push(
      "",
      "## What a first visit downloads (gzipped KB, empty cache, Chromium)",
      "",
      "| route | HTML | JS | CSS | RSC | other | total | JS beyond empty page | requests |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
      `| *empty App Router page (reference)* | ${kb(w.emptyPage.html)} | ${kb(w.emptyPage.js)} | ${kb(w.emptyPage.css)} | ${kb(w.emptyPage.rsc)} | ${kb(w.emptyPage.other)} | ${kb(w.emptyPage.total)} | – | ${w.emptyPage.requests} |`,
      ...w.pages.map(
        ({ name, weight }) =>
          `| ${name} | ${kb(weight.html)} | ${kb(weight.js)} | ${kb(weight.css)} | ${kb(weight.rsc)} | ${kb(weight.other)} | ${kb(weight.total)} | ${kb(weight.js - w.emptyPage.js)} | ${weight.requests} |`,
      ),
      "",
      w.navigation
        ? `Later navigation, dialogue page 1 → 2 (a plain link: a document request, in the same tab): ${kb(w.navigation.total)} KB over the network in ${w.navigation.requests} requests (HTML ${kb(w.navigation.html)} KB, JS ${kb(w.navigation.js)} KB, RSC ${kb(w.navigation.rsc)} KB, other ${kb(w.navigation.other)} KB); ${w.navigation.fromCache ?? 0} more (${kb(w.navigation.fromCacheBytes ?? 0)} KB gzipped) answered by the browser's cache, not counted.`
        : "Later navigation: no second page to navigate to.",
    );
  }
  if (r.cpuProfile) {
    lines.push("", "## CPU profile", "", `The server's CPU profile during the dialogue page at 10 connections, cache off (the render path): \`${r.cpuProfile}\` (Chrome DevTools → Performance → Load profile, or speedscope).`);
  }
  // The causes of budgets not met are analysis, not measurement: kept by hand in bench/causes.md
  // (which names the run and commit each figure comes from) and copied into every report.
  const causes = path.join(PROJECT_ROOT, "bench", "causes.md");
  if (existsSync(causes)) lines.push("", readFileSync(causes, "utf8").trim());
  if (r.notes.length) lines.push("", "## Notes", "", ...r.notes.map((note) => `- ${note}`));
  lines.push("");
  writeFileSync(`${out}.md`, lines.join("\n"));
  writeFileSync(`${out}.json`, `${JSON.stringify({ ...r, machine, versions: v }, null, 2)}\n`);
}
