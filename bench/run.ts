// `npm run bench`: builds once, runs the production server against a large municipality, drives
// it from a separate load-generator process, compares read pages with a bare node:http + pg
// baseline running the same SQL, measures the CSV export, counts SQL per page at small and large
// data, weighs what a first visit downloads, and writes bench/results.md and bench/results.json.
// Options and what each number means: bench/README.md.
import "dotenv/config";
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { dropDatabase, onServer } from "../lib/db/databases";
import { PROJECT_ROOT } from "../lib/db/embedded";
import { cloneForRun, ensureSeededTemplate, openBenchServer, preparePeople } from "./lib/database";
import { contributionForms, nextLinkTo } from "./lib/forms";
import { firstVisit, laterNavigation, openBrowser, type Weight } from "./lib/page-weight";
import { build, builtRoutes, hasBuild, runLoad, settle, startApp, startBaseline, startReference, TMP_DIR, withMemory } from "./lib/processes";
import { writeReport, type BenchResults, type ExtraRow, type ReadRow, type WriteRow } from "./lib/report";
import { afterWrite, baselinePages, CACHE_OFF_COOKIE, recordPage, type PageSql } from "./lib/sql";
import { locales } from "../lib/i18n/routing";
import type { LoadSpec } from "./load";
import { DEFAULT_SIZES, type LargeDataSizes } from "./seed/seed-large-data";
import { parseSizes } from "./seed/sizes";
import { DEFAULT_RENDER_CONCURRENCY } from "../scripts/support/render-limit";

const { values } = parseArgs({
  options: {
    ...Object.fromEntries(Object.keys(DEFAULT_SIZES).map((key) => [key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), { type: "string" as const }])),
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "10,50" },
    "no-build": { type: "boolean", default: false },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3207" },
    "baseline-port": { type: "string", default: process.env.BENCH_BASELINE_PORT ?? "3217" },
    "reference-port": { type: "string", default: "3227" },
    "sql-port": { type: "string", default: "3237" },
    "skip-weights": { type: "boolean", default: false },
    "render-concurrency": { type: "string", default: String(DEFAULT_RENDER_CONCURRENCY) },
    out: { type: "string", default: "bench/results" },
  },
});

const sizes = parseSizes(values);
const SMALL: LargeDataSizes = { dialogues: 3, contributions: 300, supports: 1500, comments: 600, people: 100, exportContributions: 0 };
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connectionLevels = String(values.connections).split(",").map(Number);
const ports = { app: Number(values.port), baseline: Number(values["baseline-port"]), reference: Number(values["reference-port"]), sql: Number(values["sql-port"]) };
const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const COOKIE = "next-auth.session-token";

mkdirSync(TMP_DIR, { recursive: true });
const cleanups: (() => Promise<void>)[] = [];
const cleanup = async () => {
  // Taken out first: Ctrl-C during a failing run must not stop things twice or skip any.
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((error: unknown) => console.error(error));
};
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
// A stray rejection in a helper library must still stop the servers this run started.
process.on("unhandledRejection", (error) => {
  console.error(error);
  void cleanup().then(() => process.exit(1));
});

try {
  if (values["no-build"] && hasBuild()) log("reusing the build in bench/tmp (--no-build)");
  else build(log);

  const server = await openBenchServer(log);
  cleanups.push(server.stop);
  const large = await ensureSeededTemplate(server.serverUrl, "mitreden_bench_large", sizes, log);
  const small = await ensureSeededTemplate(server.serverUrl, "mitreden_bench_small", SMALL, log);
  const largeUrl = await cloneForRun(server.serverUrl, "mitreden_bench_large", "mitreden_bench_run");
  const smallUrl = await cloneForRun(server.serverUrl, "mitreden_bench_small", "mitreden_bench_run_small");
  // The seeded templates stay for the next run; this run's copies go.
  cleanups.push(() => dropDatabase(server.serverUrl, "mitreden_bench_run"), () => dropDatabase(server.serverUrl, "mitreden_bench_run_small"));
  const largeDialogue = large.summary.largestDialogue;
  const people = await preparePeople(largeUrl, largeDialogue.id, 200);
  const smallPeople = await preparePeople(smallUrl, small.summary.largestDialogue.id, 1);

  const dialoguePath = `/de/grossstadt/${largeDialogue.slug}`;
  // Routes built by other work in progress are measured when the build has them.
  const resultsAvailable = builtRoutes().has("/[locale]/[municipality]/[dialogue]/results/page");
  const exportAvailable = builtRoutes().has("/[locale]/[municipality]/[dialogue]/export/download/route");
  const deepPage = Math.min(500, Math.floor((largeDialogue.contributions * 0.97) / 20));
  // The small data set has few pages: its "deep" page is page 2, under the same name.
  // The deep page as a reader reaches it: by the list's "next" link, which carries the keyset
  // cursor of the page before (decision 070). Typed as an address (`?page=500` alone) the list
  // falls back to OFFSET: measured as a scenario of its own below.
  const readPages = (dialogue: string, contributionId: string, deep: number) => [
    { name: "start page", path: "/de" },
    { name: "dialogue page 1", path: `/de/grossstadt/${dialogue}` },
    { name: `dialogue page ${deepPage}`, path: `/de/grossstadt/${dialogue}?page=${deep}`, linkedFrom: `/de/grossstadt/${dialogue}?page=${deep - 1}` },
    { name: "contribution with comments", path: `/de/grossstadt/${dialogue}/c/${contributionId}` },
    ...(resultsAvailable ? [{ name: "results page", path: `/de/grossstadt/${dialogue}/results` }] : []),
  ];
  const largePages = readPages(largeDialogue.slug, people.mostCommented.id, deepPage);
  const smallPages = readPages(small.summary.largestDialogue.slug, smallPeople.mostCommented.id, 2);

  // SQL statements per page, small data, then large data (the large ones also feed the baseline).
  log("counting SQL statements per page on small data …");
  let app = await startApp(ports.app, smallUrl, ports.sql);
  cleanups.push(() => app.stop());
  const notes: string[] = [];
  // Each page as the first render after a write: every statement its data takes (decision 091).
  const record = async (pages: typeof smallPages, databaseUrl: string) => {
    const recorded = new Map<string, PageSql>();
    for (const page of pages) {
      try {
        if (page.linkedFrom) page.path = await nextLinkTo(app.baseUrl, page.linkedFrom, page.path);
        recorded.set(page.name, await recordPage(app.baseUrl, ports.sql, page.path, CACHE_OFF_COOKIE, afterWrite(databaseUrl)));
      } catch (error) {
        notes.push(`${page.name} (${page.path}) left out: ${(error as Error).message}`);
        log(`${page.name} left out: ${(error as Error).message}`);
      }
    }
    return recorded;
  };
  const smallSql = await record(smallPages, smallUrl);
  await app.stop();
  log("counting SQL statements per page on large data …");
  // The measured server; RENDER_CONCURRENCY as asked (default: production's, decision 069).
  app = await startApp(ports.app, largeUrl, ports.sql, { RENDER_CONCURRENCY: String(values["render-concurrency"]) });
  const largeSql = await record(largePages, largeUrl);
  // And with nothing written since the render before: what the instance keeps is current.
  const largeKept = new Map<string, number>();
  for (const page of largePages.filter((p) => largeSql.has(p.name))) largeKept.set(page.name, (await recordPage(app.baseUrl, ports.sql, page.path)).statements);
  // The same pages for a signed-in member (never cached): issue 16's "≤ 7 signed-in".
  const memberCookie = `${COOKIE}=${people.participants[0]!.token}`;
  const sqlSignedIn: { page: string; statements: number; kept: number }[] = [];
  for (const page of largePages.filter((p) => p.name === "dialogue page 1" || p.name === "contribution with comments")) {
    try {
      sqlSignedIn.push({
        page: page.name,
        statements: (await recordPage(app.baseUrl, ports.sql, page.path, memberCookie, afterWrite(largeUrl))).statements,
        kept: (await recordPage(app.baseUrl, ports.sql, page.path, memberCookie)).statements,
      });
    } catch (error) {
      notes.push(`${page.name} signed in left out: ${(error as Error).message}`);
    }
  }
  const measuredPages = largePages.filter((page) => smallSql.has(page.name) && largeSql.has(page.name));
  const pagesFile = path.join(TMP_DIR, "baseline-pages.json");
  writeFileSync(pagesFile, JSON.stringify(baselinePages([...largeSql.values()])));
  const baseline = await startBaseline(ports.baseline, largeUrl, pagesFile);
  cleanups.push(baseline.stop);

  const spec = (baseUrl: string, connections: number, extra: Partial<LoadSpec>): LoadSpec => ({
    baseUrl,
    connections,
    durationSeconds: duration,
    warmupSeconds: warmup,
    kind: "get",
    cookieName: COOKIE,
    ...extra,
  });

  const reads: ReadRow[] = [];
  for (const page of measuredPages) {
    for (const connections of connectionLevels) {
      log(`${page.name} at ${connections} connections …`);
      await settle(app.baseUrl);
      // Anonymous readers, page cache on (the server's default) …
      const measured = await withMemory(app.pid, () => runLoad(spec(app.baseUrl, connections, { path: page.path })));
      await settle(app.baseUrl);
      // … and the same render path with the cache off (a cookie the app ignores keeps the cache out).
      const off = await withMemory(app.pid, () => runLoad(spec(app.baseUrl, connections, { path: page.path, cookie: CACHE_OFF_COOKIE })));
      // The app may still be working off queued requests; they must not slow the baseline.
      await settle(app.baseUrl);
      const bare = await runLoad(spec(baseline.baseUrl, connections, { path: page.path }));
      reads.push({
        scenario: page.name,
        path: page.path,
        connections,
        app: measured.result,
        cacheOff: off.result,
        baseline: bare,
        rssPeakMb: measured.rssPeakMb,
        rssPeakMbCacheOff: off.rssPeakMb,
      });
    }
  }

  // Beside the read pages: a trivial dynamic page in our layout and proxy (the same-run reference
  // of the render path), a signed-in member (never cached), and URLs that rotate through filters,
  // pages and locales so that no single cached entry stays hot.
  const member = `${COOKIE}=${people.participants[0]!.token}`;
  const rotating = locales.flatMap((locale) =>
    ["needs", "newest", "supported"].flatMap((sort) => [1, 2, 3, 4].map((n) => `/${locale}/grossstadt/${largeDialogue.slug}?sort=${sort}&page=${n}`)),
  );
  const extraScenarios: { scenario: string; path?: string; paths?: string[]; cookie?: string }[] = [
    { scenario: "trivial dynamic page (/de/join: our layout and proxy, never cached)", path: "/de/join" },
    { scenario: `dialogue page ${deepPage} typed as an address (?page=${deepPage}, no cursor: OFFSET), cache off`, path: `${dialoguePath}?page=${deepPage}`, cookie: CACHE_OFF_COOKIE },
    { scenario: "dialogue page 1, signed-in member", path: dialoguePath, cookie: member },
    { scenario: "contribution with comments, signed-in member", path: `${dialoguePath}/c/${people.mostCommented.id}`, cookie: member },
    { scenario: `rotating URLs (${rotating.length}: sorts, pages, ${locales.length} locales), cache on`, paths: rotating },
    { scenario: `rotating URLs (${rotating.length}: sorts, pages, ${locales.length} locales), cache off`, paths: rotating, cookie: CACHE_OFF_COOKIE },
  ];
  const extras: ExtraRow[] = [];
  for (const extra of extraScenarios) {
    for (const connections of connectionLevels) {
      log(`${extra.scenario} at ${connections} connections …`);
      await settle(app.baseUrl);
      const measured = await withMemory(app.pid, () => runLoad(spec(app.baseUrl, connections, { path: extra.path, paths: extra.paths, cookie: extra.cookie })));
      extras.push({ scenario: extra.scenario, connections, result: measured.result, rssPeakMb: measured.rssPeakMb });
    }
  }

  // Writes, as a browser without JavaScript sends them.
  const participant = people.participants[0]!;
  const formPage = `${dialoguePath}/c/${people.contributionIds[0]}`;
  const html = await (await fetch(`${app.baseUrl}${formPage}`, { headers: { cookie: `${COOKIE}=${participant.token}` } })).text();
  const forms = contributionForms(html, `${dialoguePath}/c/{contributionId}`);
  const writes: WriteRow[] = [];
  const writeShared = { tokens: people.participants.map((p) => p.token), contributionIds: people.contributionIds };
  for (const [scenario, kind, form] of [
    ["give and withdraw support", "support", forms.support],
    ["post a comment", "comment", forms.comment],
  ] as const) {
    for (const connections of connectionLevels) {
      if (!form) {
        writes.push({ scenario, connections, result: null, note: "form not found on the contribution page" });
        continue;
      }
      log(`${scenario} at ${connections} connections …`);
      await settle(app.baseUrl);
      writes.push({ scenario, connections, result: await runLoad(spec(app.baseUrl, connections, { kind, form, ...writeShared })) });
    }
  }

  // The CSV export of the largest dialogue (the export dialogue when seeded).
  let exportRun: BenchResults["export"] = { available: false };
  const exportDialogue = large.summary.exportDialogue ?? largeDialogue;
  if (exportAvailable) {
    log(`CSV export of ${exportDialogue.contributions} contributions …`);
    await settle(app.baseUrl);
    const url = `${app.baseUrl}/de/grossstadt/${exportDialogue.slug}/export/download`;
    const measured = await withMemory(app.pid, async () => {
      const begin = performance.now();
      // The export form's POST (the export is logged): same origin, as the browser sends it.
      const response = await fetch(url, {
        method: "POST",
        body: new URLSearchParams({ recordType: "contributions", format: "csv" }),
        headers: { cookie: `${COOKIE}=${people.staff.token}`, origin: app.baseUrl },
        redirect: "manual",
      });
      let firstByteMs = 0;
      let bytes = 0;
      let lines = 0;
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!firstByteMs) firstByteMs = performance.now() - begin;
        bytes += value.length;
        for (const byte of value) if (byte === 10) lines += 1;
      }
      return { status: response.status, contentType: response.headers.get("content-type") ?? "", firstByteMs, lastByteMs: performance.now() - begin, bytes, lines };
    });
    exportRun = { available: true, contributions: exportDialogue.contributions, ...measured.result, rssBeforeMb: measured.rssBeforeMb, rssPeakMb: measured.rssPeakMb };
  }

  // What a first visit downloads, against the empty App Router app.
  let weights: BenchResults["weights"] = null;
  if (!values["skip-weights"]) {
    log("weighing first visits (Chromium) …");
    const reference = await startReference(ports.reference);
    cleanups.push(reference.stop);
    const browser = await openBrowser();
    cleanups.push(() => browser.close());
    const signedIn = { name: COOKIE, value: participant.token };
    const routes: { name: string; path: string; signedIn?: boolean }[] = [
      { name: "start page", path: "/de" },
      { name: "municipality", path: "/de/grossstadt" },
      { name: "dialogue page", path: dialoguePath },
      { name: "contribution (visitor)", path: formPage },
      { name: "contribution (member)", path: formPage, signedIn: true },
      { name: "new contribution (member)", path: `${dialoguePath}/new`, signedIn: true },
      ...(resultsAvailable ? [{ name: "results page", path: `${dialoguePath}/results` }] : []),
      { name: "join with a code", path: "/de/join" },
      { name: "sign in", path: "/de/sign-in" },
      { name: "account (member)", path: "/de/account", signedIn: true },
    ];
    const emptyPage = await firstVisit(browser, `${reference.baseUrl}/`);
    const pages: { name: string; path: string; weight: Weight }[] = [];
    for (const route of routes) {
      pages.push({ name: route.name, path: route.path, weight: await firstVisit(browser, `${app.baseUrl}${route.path}`, route.signedIn ? signedIn : undefined) });
    }
    const navigation = await laterNavigation(browser, `${app.baseUrl}${dialoguePath}`);
    weights = { emptyPage, pages, navigation };
  }

  // One CPU profile of the dialogue page's render path, kept beside the results: a server of its
  // own started with --cpu-prof (Node writes the profile when the server exits), the cache-off
  // dialogue scenario at 10 connections for the measured duration. Open it in Chrome DevTools
  // (Performance, "Load profile") or speedscope.
  log("CPU profile of the dialogue page render (cache off) …");
  await app.stop();
  const profileDir = path.join(TMP_DIR, "cpu-profile");
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const profiled = await startApp(ports.app, largeUrl, ports.sql, {
    RENDER_CONCURRENCY: String(values["render-concurrency"]),
    NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}`,
  });
  cleanups.push(() => profiled.stop());
  await runLoad(spec(profiled.baseUrl, 10, { path: dialoguePath, cookie: CACHE_OFF_COOKIE }));
  await profiled.stop();
  const profileFile = readdirSync(profileDir).find((name) => name.includes(`.${profiled.pid}.`) && name.endsWith(".cpuprofile"));
  const cpuProfile = profileFile ? `${String(values.out)}-dialogue-render.cpuprofile` : null;
  if (profileFile && cpuProfile) copyFileSync(path.join(profileDir, profileFile), path.resolve(PROJECT_ROOT, cpuProfile));
  else notes.push("the CPU profile of the dialogue page was not written");

  const results: BenchResults = {
    date: new Date().toISOString(),
    durationSeconds: duration,
    warmupSeconds: warmup,
    sizes,
    seedSeconds: large.summary.seconds,
    counts: large.summary.counts,
    largestDialogue: largeDialogue,
    reads,
    extras,
    writes,
    export: exportRun,
    sql: measuredPages.map((page) => ({ page: page.name, small: smallSql.get(page.name)!.statements, large: largeSql.get(page.name)!.statements, largeKept: largeKept.get(page.name) })),
    sqlSignedIn,
    notes,
    weights,
    cpuProfile,
    resultsAvailable,
    postgres: await onServer(server.serverUrl, async (client) => (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v),
    runSeconds: (Date.now() - started) / 1000,
  };
  const out = path.resolve(PROJECT_ROOT, String(values.out));
  await writeReport(out, results);
  log(`wrote ${path.relative(PROJECT_ROOT, out)}.md and .json in ${results.runSeconds.toFixed(0)} s`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
  // Pools and timers of libraries must not keep a finished run alive.
  process.exit(process.exitCode ?? 0);
}
