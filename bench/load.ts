// The load generator, run by bench/run.ts as a process of its own so it never shares an event
// loop (or a core's time slice accounting) with the server it measures:
//
//   tsx bench/load.ts <spec.json>     → prints one JSON result line on stdout
//
// A warm-up run first (its numbers are dropped), then the measured run. autocannon reports no
// 95th percentile, so every response time is kept and the percentiles are computed here.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

/** A form posted the way a browser without JavaScript posts it (multipart, same Origin). */
export type FormTemplate = { path: string; fields: [string, string][] };

export type LoadSpec = {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /**
   * Send exactly this many requests instead of loading for `durationSeconds`: every request sent
   * is answered and counted, none is left in flight at the end (bench/compare.ts divides the
   * server's CPU time by them).
   */
  amount?: number;
  /** GET of one path; or alternating give/withdraw of supports; or new comments. */
  kind: "get" | "support" | "comment";
  path?: string;
  /** GET these in turn (the rotating-URL scenario), instead of one `path`. */
  paths?: string[];
  cookie?: string;
  form?: FormTemplate;
  /** Session tokens of different people, used in turn. */
  tokens?: string[];
  contributionIds?: string[];
  cookieName?: string;
  /** The Accept-Encoding of a page request: a browser's (BROWSER_ACCEPT_ENCODING) unless set; "" sends none. */
  acceptEncoding?: string;
};

/**
 * What Chromium asks for with every page (Android's included): readers' pages come gzipped, from
 * the page cache and from Next.js alike, so the bench asks as they do. Until 2026-12-07 it sent
 * no Accept-Encoding and measured the uncompressed path, which no browser takes.
 */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export type LoadResult = {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  bytesPerSecond: number;
};

const BOUNDARY = "----mitredenbench7MA4YWxkTrZu0gW";

function multipart(fields: [string, string][]): string {
  return (
    fields.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${BOUNDARY}--\r\n`
  );
}

function requestsFor(spec: LoadSpec): autocannon.Request[] {
  const acceptEncoding = spec.acceptEncoding ?? BROWSER_ACCEPT_ENCODING;
  const getHeaders = { ...(spec.cookie ? { cookie: spec.cookie } : {}), ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}) };
  if (spec.kind === "get" && spec.paths) {
    let next = 0;
    return [{ setupRequest: () => ({ method: "GET", path: spec.paths![next++ % spec.paths!.length]!, headers: getHeaders }) } as autocannon.Request];
  }
  if (spec.kind === "get") return [{ method: "GET", path: spec.path!, headers: getHeaders }];
  const form = spec.form!;
  const tokens = spec.tokens!;
  const contributions = spec.contributionIds!;
  let turn = 0;
  const post = (values: Record<string, string>, token: string): autocannon.Request => ({
    method: "POST",
    path: form.path.replace("{contributionId}", values.contributionId!),
    headers: {
      // Requests built in setupRequest carry no Host of their own; Next compares it with Origin.
      host: new URL(spec.baseUrl).host,
      origin: spec.baseUrl,
      cookie: `${spec.cookieName}=${token}`,
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body: multipart(form.fields.map(([name, value]) => [name, values[name] ?? value])),
  });
  type Context = { token?: string; contributionId?: string };
  if (spec.kind === "support") {
    // Each connection gives a support as one person and takes it back again: different people,
    // different contributions, and the tallies stay where they were.
    return [
      {
        setupRequest: (_request: autocannon.Request, context: Context) => {
          turn += 1;
          context.token = tokens[turn % tokens.length]!;
          context.contributionId = contributions[(turn * 7) % contributions.length]!;
          return post({ contributionId: context.contributionId, intent: "give" }, context.token);
        },
      } as autocannon.Request,
      {
        setupRequest: (_request: autocannon.Request, context: Context) =>
          post({ contributionId: context.contributionId!, intent: "withdraw" }, context.token!),
      } as autocannon.Request,
    ];
  }
  return [
    {
      setupRequest: () => {
        turn += 1;
        const body = `Bench-Kommentar ${turn}: Das betrifft uns im Stadtteil auch, danke fürs Aufschreiben.`;
        return post({ contributionId: contributions[turn % contributions.length]!, body }, tokens[turn % tokens.length]!);
      },
    } as autocannon.Request,
  ];
}

async function run(spec: LoadSpec, seconds: number, keep: boolean): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.baseUrl,
        connections: spec.connections,
        ...(keep && spec.amount ? { amount: spec.amount } : { duration: seconds }),
        requests: requestsFor(spec),
        timeout: 30,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    if (keep) instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = (stats as { count: number }).count;
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / (keep && spec.amount ? result.duration : seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies[latencies.length - 1] ?? 0,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    bytesPerSecond: result.throughput.average,
  };
}

const spec = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as LoadSpec;
if (spec.warmupSeconds > 0) await run(spec, spec.warmupSeconds, false);
process.stdout.write(`${JSON.stringify(await run(spec, spec.durationSeconds, true))}\n`);
