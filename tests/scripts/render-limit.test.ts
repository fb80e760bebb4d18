// The production server's render limit (scripts/support/render-limit.ts, RENDER_CONCURRENCY,
// decision 069): at most N page renders at once, the rest in line; a request whose client left
// while it waited is never rendered and gives its slot to the next. Until then each such request
// kept its slot for good: after a load generator stopped, the server rendered no page again.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
// Next.js's own writer of a rendered page to Node's response: it waits for "drain" between chunks.
import { pipeToNodeResponse } from "next/dist/server/pipe-readable";
import { DEFAULT_RENDER_CONCURRENCY, isPageRender, limitRenders, renderConcurrency } from "@/scripts/support/render-limit";

type Held = { url: string; finish: () => void };

/** A real HTTP server whose "renders" end only when the test says so. */
async function serverWithLimit(limit: number) {
  const started: string[] = [];
  const held: Held[] = [];
  const render = limitRenders(limit, (request, response) => {
    started.push(request.url!);
    return new Promise<void>((resolve) => {
      held.push({
        url: request.url!,
        finish: () => {
          response.end(`rendered ${request.url}`);
          resolve();
        },
      });
    });
  });
  const closed: string[] = [];
  const server = http.createServer((request, response) => {
    response.once("close", () => closed.push(request.url!));
    void render(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { base, render, started, held, closed };
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("the render limit", () => {
  it("renders at most N pages at once and the next in line when one finishes", async () => {
    const { base, render, started, held } = await serverWithLimit(2);
    const answers = ["/a", "/b", "/c"].map((path) => fetch(base + path).then((response) => response.text()));
    await vi.waitFor(() => expect(render.state()).toEqual({ rendering: 2, waiting: 1 }));
    expect(started).toEqual(["/a", "/b"]);

    held.find((h) => h.url === "/a")!.finish();
    await vi.waitFor(() => expect(started).toEqual(["/a", "/b", "/c"]));
    for (const h of held.filter((h) => h.url !== "/a")) h.finish();
    expect(await Promise.all(answers)).toEqual(["rendered /a", "rendered /b", "rendered /c"]);
    expect(render.state()).toEqual({ rendering: 0, waiting: 0 });
  });

  it("never renders a request whose client left while it waited, and keeps serving pages after", async () => {
    const { base, render, started, held, closed } = await serverWithLimit(1);
    const first = fetch(`${base}/first`).then((response) => response.text());
    await vi.waitFor(() => expect(render.state()).toEqual({ rendering: 1, waiting: 0 }));
    const leaving = new AbortController();
    const left = fetch(`${base}/left`, { signal: leaving.signal }).catch(() => "aborted");
    await vi.waitFor(() => expect(render.state()).toEqual({ rendering: 1, waiting: 1 }));
    leaving.abort();
    expect(await left).toBe("aborted");
    await vi.waitFor(() => expect(closed).toContain("/left"));

    held[0]!.finish();
    expect(await first).toBe("rendered /first");
    await vi.waitFor(() => expect(render.state()).toEqual({ rendering: 0, waiting: 0 }));
    expect(started).toEqual(["/first"]);

    // The slot came back: the next page renders.
    const next = fetch(`${base}/next`).then((response) => response.text());
    await vi.waitFor(() => expect(started).toEqual(["/first", "/next"]));
    held[1]!.finish();
    expect(await next).toBe("rendered /next");
  });

  /** A page written as Next.js writes one (its own writer: "drain" awaited between chunks), `chunks` × 64 KB. */
  const streamed = (chunks: number) => async (response: http.ServerResponse) => {
    const chunk = new Uint8Array(64 * 1024).fill(120);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({ pull: (controller) => (sent++ < chunks ? controller.enqueue(chunk) : controller.close()) });
    await pipeToNodeResponse(stream, response, Promise.resolve());
  };

  async function serverOf(limit: number, sizes: Record<string, number>) {
    const started: string[] = [];
    const render = limitRenders(limit, async (request, response) => {
      started.push(request.url!);
      await streamed(sizes[request.url!] ?? 1)(response);
    });
    const server = http.createServer((request, response) => void render(request, response));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { port: (server.address() as AddressInfo).port, render, started };
  }

  /** A connection that sends `requests` and never reads a byte of the answers. */
  async function neverReading(port: number, requests: string[]) {
    const socket = net.connect(port, "127.0.0.1");
    socket.pause();
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    socket.write(requests.map((path) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`).join(""));
    return socket;
  }

  it("frees a slot once the render waits for its client, even one that never reads", async () => {
    // 32 MB: far more than the socket's buffers hold, so the response cannot finish while unread.
    const { port, started } = await serverOf(1, { "/large": 512 });
    const stalled = await neverReading(port, ["/large"]);
    await vi.waitFor(() => expect(started).toEqual(["/large"]));

    // Its response is still being delivered, yet the next page renders.
    expect((await (await fetch(`http://127.0.0.1:${port}/next`)).arrayBuffer()).byteLength).toBe(64 * 1024);
    expect(stalled.destroyed).toBe(false);
    expect(started).toEqual(["/large", "/next"]);
    stalled.destroy();
  });

  it("cannot be filled by one connection that sends requests one after the other and reads none", async () => {
    const { port, started } = await serverOf(4, { "/a": 512, "/b": 2, "/c": 2, "/d": 2, "/e": 2 });
    const stalled = await neverReading(port, ["/a", "/b", "/c", "/d", "/e"]);
    await vi.waitFor(() => expect(started).toContain("/a"));

    expect((await (await fetch(`http://127.0.0.1:${port}/next`)).arrayBuffer()).byteLength).toBe(64 * 1024);
    expect(started).toContain("/next");
    stalled.destroy();
  });

  it("leaves Next.js's files, the API and POSTs outside the line", () => {
    const request = (method: string, url: string) => ({ method, url }) as http.IncomingMessage;
    expect(isPageRender(request("GET", "/de/musterstadt"))).toBe(true);
    expect(isPageRender(request("GET", "/_next/static/chunks/app.js"))).toBe(false);
    expect(isPageRender(request("GET", "/api/health"))).toBe(false);
    expect(isPageRender(request("POST", "/de/musterstadt"))).toBe(false);
    // A HEAD renders the whole page as a GET does: it waits in the same line.
    expect(isPageRender(request("HEAD", "/de/musterstadt"))).toBe(true);
  });

  it("reads RENDER_CONCURRENCY as a whole number ≥ 0, else takes the default", () => {
    expect(renderConcurrency({ RENDER_CONCURRENCY: "4" })).toBe(4);
    expect(renderConcurrency({ RENDER_CONCURRENCY: "0" })).toBe(0);
    const fallback = renderConcurrency({});
    expect(fallback).toBe(DEFAULT_RENDER_CONCURRENCY);
    expect(DEFAULT_RENDER_CONCURRENCY).toBeGreaterThan(0);
  });

  it.each(["", "x", "-1", "2.5"])("takes the default for RENDER_CONCURRENCY=%j", (value) => {
    expect(renderConcurrency({ RENDER_CONCURRENCY: value })).toBe(DEFAULT_RENDER_CONCURRENCY);
  });
});
