// The JavaScript part of issue 16 on its own, without the load scenarios of `npm run bench`:
// the gzipped JavaScript of a first visit to each given route of a running app, beside the empty
// App Router page of the same Next.js install (bench/empty-app, started here), measured in the
// same run with the same recorder as the bench's page weights (bench/lib/page-weight.ts).
//
//   npx tsx bench/js-weight.ts --app http://127.0.0.1:3990 [--reference-port 3247] \
//     [--cookie name=value] [--navigation /de/musterstadt/some-dialogue] \
//     /de /de/musterstadt read:/de/musterstadt/some-dialogue form:/de/join …
//
// --navigation also measures the bench's "later navigation" (page 1 → page 2 of that dialogue,
// what comes over the network with the browser's cache as page 1 left it; budget 30 KB).
//
// A route may be prefixed with "read:" or "form:" (budget 8 KB or 12 KB beyond the empty page;
// unprefixed routes count as read routes), and with "signed:" after that to send --cookie.
// The empty app must have been built (bench/run.ts does; or `next build bench/empty-app`);
// NEXT_DIST_DIR for it is taken from EMPTY_APP_DIST_DIR (relative to bench/empty-app).
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { NEXT_BIN } from "../scripts/next-server";
import { firstVisit, laterNavigation, openBrowser } from "./lib/page-weight";
import { waitFor } from "./lib/processes";

const BUDGET = { read: 8 * 1024, form: 12 * 1024 } as const;

const { values, positionals } = parseArgs({
  options: { app: { type: "string" }, "reference-port": { type: "string", default: "3247" }, cookie: { type: "string" }, navigation: { type: "string" } },
  allowPositionals: true,
});
if (!values.app || positionals.length === 0) throw new Error("usage: bench/js-weight.ts --app <url> [--cookie name=value] [read:|form:][signed:]/path …");

const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
delete env.NEXT_DIST_DIR;
if (process.env.EMPTY_APP_DIST_DIR) env.NEXT_DIST_DIR = process.env.EMPTY_APP_DIST_DIR;
const port = values["reference-port"];
const reference = spawn(process.execPath, [NEXT_BIN, "start", "bench/empty-app", "-p", port, "-H", "127.0.0.1"], { env, stdio: "ignore" });
const browser = await openBrowser();
try {
  await waitFor(`http://127.0.0.1:${port}`);
  const empty = await firstVisit(browser, `http://127.0.0.1:${port}/`);
  const [cookieName = "", ...cookieValue] = (values.cookie ?? "").split("=");
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const rows = [`| route | kind | JS | JS beyond empty page | budget |`, `|---|---|---:|---:|---|`, `| *empty App Router page* | – | ${kb(empty.js)} | – | – |`];
  for (const spec of positionals) {
    const kind: keyof typeof BUDGET = spec.startsWith("form:") ? "form" : "read";
    const rest = spec.replace(/^(read|form):/, "");
    const signed = rest.startsWith("signed:");
    const route = rest.replace(/^signed:/, "");
    const weight = await firstVisit(browser, `${values.app}${route}`, signed && values.cookie ? { name: cookieName, value: cookieValue.join("=") } : undefined);
    const beyond = weight.js - empty.js;
    rows.push(`| ${route}${signed ? " (signed in)" : ""} | ${kind} | ${kb(weight.js)} | ${kb(beyond)} | ${beyond <= BUDGET[kind] ? "met" : "**not met**"} (≤ ${kb(BUDGET[kind])}) |`);
  }
  console.log(rows.join("\n"));
  if (values.navigation) {
    const navigation = await laterNavigation(browser, `${values.app}${values.navigation}`);
    console.log(
      navigation
        ? `\nLater navigation ${values.navigation} page 1 → 2: ${kb(navigation.total)} KB over the network in ${navigation.requests} requests (HTML ${kb(navigation.html)}, JS ${kb(navigation.js)}, CSS ${kb(navigation.css)}, RSC ${kb(navigation.rsc)}, other ${kb(navigation.other)}); from the browser's cache: ${navigation.fromCache} (${kb(navigation.fromCacheBytes)} KB) — ${navigation.total <= 30 * 1024 ? "met" : "**not met**"} (≤ 30 KB)`
        : "\nLater navigation: no link to page 2",
    );
  }
} finally {
  await browser.close();
  reference.kill("SIGTERM");
}
