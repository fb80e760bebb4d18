// Every HTTP request gets an id (kept from a proxy when it is a plain token), one JSON log line
// and one observation labelled with the route pattern — never the path, query or anything the
// client sent. Real HTTP against a node:http server, observed as the app's server is.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { replaceLogger } from "@/lib/log/logger";
import { observeHttpRequests } from "@/lib/log/observe-requests";
import { requestIdFrom } from "@/lib/log/request-id";
import { metrics } from "@/lib/metrics/registry";
import { routePattern, routeTableFrom, UNMATCHED } from "@/lib/metrics/route-pattern";

// The shape of Next's routes-manifest.json (static routes, then dynamic ones with their regexes).
const ROUTES = routeTableFrom({
  staticRoutes: [{ page: "/api/health", regex: "^/api/health(?:/)?$" }],
  dynamicRoutes: [
    { page: "/[locale]/sign-in", regex: "^/([^/]+?)/sign\\-in(?:/)?$" },
    { page: "/[locale]/[municipality]", regex: "^/([^/]+?)/([^/]+?)(?:/)?$" },
  ],
});

const lines: Record<string, unknown>[] = [];
let server: Server;
let base: string;
const seenByHandler: string[] = [];

beforeAll(async () => {
  replaceLogger(new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) }) as never, "info");
  observeHttpRequests(ROUTES);
  server = createServer((request, response) => {
    seenByHandler.push(String(request.headers["x-request-id"]));
    response.statusCode = request.url?.startsWith("/de/sign-in") ? 200 : 404;
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const requestLines = () => lines.filter((line) => line.event === "http.request");

describe("observing HTTP requests", () => {
  it("gives each request an id, on the request for server code and on the response", async () => {
    const answer = await fetch(`${base}/de/sign-in?code=K7MQ-4HTP-WN3A`);
    const id = answer.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenByHandler.at(-1)).toBe(id);
  });

  it.each([
    ["a plain token from a proxy is kept", "lb-7f3a9c2e41d0", "lb-7f3a9c2e41d0"],
    ["one with characters outside the token alphabet is replaced", 'x"}\n{"event":"forged', null],
    ["an e-mail address is replaced", "anna.mueller@example.org", null],
    ["a very long one is replaced", "a".repeat(300), null],
  ])("%s", async (_case, sent, kept) => {
    const answer = await fetch(`${base}/api/health`, { headers: { "x-request-id": sent.replace(/\n/g, " ") } });
    const id = answer.headers.get("x-request-id");
    if (kept) expect(id).toBe(kept);
    else expect(id).not.toBe(sent.replace(/\n/g, " "));
    expect(requestIdFrom(id)).toBe(id);
  });

  it("logs one JSON line per request with route pattern, status and duration, and nothing from the path or query", async () => {
    lines.length = 0;
    await (await fetch(`${base}/de/sign-in?code=K7MQ-4HTP-WN3A&email=anna.mueller%40example.org`)).text();
    await (await fetch(`${base}/de/musterstadt-geheim`)).text();
    // The line is written when the server has finished the response, which may be just after the client has it.
    await vi.waitFor(() => expect(requestLines()).toHaveLength(2));
    const [signIn, municipality] = requestLines();
    expect(signIn).toMatchObject({ level: "info", method: "GET", route: "/[locale]/sign-in", status: 200, reqId: expect.any(String) });
    expect(signIn!.durationMs).toEqual(expect.any(Number));
    expect(municipality).toMatchObject({ route: "/[locale]/[municipality]", status: 404 });
    const text = JSON.stringify(lines);
    expect(["K7MQ", "anna", "example.org", "musterstadt-geheim", "127.0.0.1", "code="].filter((secret) => text.includes(secret))).toEqual([]);
  });

  it("counts requests per route pattern, method and status in the histogram", async () => {
    lines.length = 0;
    await (await fetch(`${base}/en/sign-in`)).text();
    await vi.waitFor(() => expect(requestLines()).toHaveLength(1));
    const exposition = await metrics().registry.metrics();
    expect(exposition).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/\[locale\]\/sign-in",status="200"\} \d+/);
    expect(exposition).not.toContain("/en/sign-in");
  });
});

describe("routePattern", () => {
  it.each([
    ["/de/sign-in", "/[locale]/sign-in"],
    ["/de/sign-in/", "/[locale]/sign-in"],
    ["/api/health", "/api/health"],
    ["/de/musterstadt", "/[locale]/[municipality]"],
    ["/_next/static/chunks/app-1234.js", "/_next/static"],
    ["/_next/../../etc", "/_next"],
    ["/a/b/c/d", UNMATCHED],
  ])("%s → %s", (path, pattern) => {
    expect(routePattern(path, ROUTES)).toBe(pattern);
  });
});
