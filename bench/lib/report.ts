// bench/results.md (for people: tables, the budgets of issue 8 marked met or not) and
// bench/results.json (everything, for comparing runs).
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../lib/db/embedded";
import type { LoadResult } from "../load";
import type { LargeDataSizes } from "../seed/seed-large-data";
import type { Weight } from "./page-weight";

export type ReadRow = { scenario: string; path: string; connections: number; app: LoadResult; baseline: LoadResult; rssPeakMb: number };
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
  sql: { page: string; small: number; large: number }[];
  weights: { emptyPage: Weight; pages: { name: string; path: string; weight: Weight }[]; navigation: Weight | null } | null;
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
  list.push({ budget: "core flows work with JavaScript off", measured: "checked by the e2e specs with javaScriptEnabled: false, not by the bench", ok: null });
  const dialogue50 = r.reads.find((row) => row.scenario === "dialogue page 1" && row.connections === 50);
  list.push({
    budget: "dialogue page at 50 connections: p95 < 150 ms",
    measured: !dialogue50 ? "not run at 50 connections" : dialogue50.app.requests ? `p95 ${ms(dialogue50.app.p95)} ms` : "no response within the duration",
    ok: dialogue50 ? dialogue50.app.requests > 0 && dialogue50.app.p95 < 150 : null,
  });
  list.push({
    budget: "dialogue page at 50 connections: throughput ≥ ½ of the bare baseline",
    measured: dialogue50 ? `${rps(dialogue50.app.requestsPerSecond)} / ${rps(dialogue50.baseline.requestsPerSecond)} req/s = ${ratio(dialogue50).toFixed(2)}` : "not run",
    ok: dialogue50 ? ratio(dialogue50) >= 0.5 : null,
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

const ratio = (row: ReadRow) => row.app.requestsPerSecond / Math.max(1e-9, row.baseline.requestsPerSecond);

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
    "## Read pages: mitreden and the bare baseline (same SQL, node:http + pg)",
    "",
    "| page | conn. | req/s | p50 | p95 | p99 | baseline req/s | baseline p95 | ratio | responses | server RSS peak MB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ...r.reads.map(
      (row) =>
        `| ${row.scenario} | ${row.connections} | ${rps(row.app.requestsPerSecond)} | ${ms(row.app.p50)} | ${ms(row.app.p95)} | ${ms(row.app.p99)} | ${rps(row.baseline.requestsPerSecond)} | ${ms(row.baseline.p95)} | ${ratio(row).toFixed(2)} | ${statusSummary(row.app)} | ${row.rssPeakMb.toFixed(0)} |`,
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
    "| page | small data | large data |",
    "|---|---:|---:|",
    ...r.sql.map((row) => `| ${row.page} | ${row.small} | ${row.large} |`),
    "",
    "Counted inside the server (bench/sql-recorder.mjs wraps pg's Client#query) for one anonymous request after a warm-up request.",
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
        ? `Later navigation, dialogue page 1 → 2 (client-side): ${kb(w.navigation.total)} KB in ${w.navigation.requests} requests (RSC ${kb(w.navigation.rsc)} KB, JS ${kb(w.navigation.js)} KB).`
        : "Later navigation: no second page to navigate to.",
    );
  }
  if (r.notes.length) lines.push("", "## Notes", "", ...r.notes.map((note) => `- ${note}`));
  lines.push("");
  writeFileSync(`${out}.md`, lines.join("\n"));
  writeFileSync(`${out}.json`, `${JSON.stringify({ ...r, machine, versions: v }, null, 2)}\n`);
}
