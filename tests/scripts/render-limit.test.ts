// The production server's render limit (scripts/support/render-limit.ts, RENDER_CONCURRENCY,
// decision 069): at most N page renders at once, the rest in line; a request whose client left
// while it waited is never rendered and gives its slot to the next. Until then each such request
// kept its slot for good: after a load generator stopped, the server rendered no page again.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
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

  it("frees a slot once the render has handed over its last bytes, even if its client never reads them", async () => {
    const started: string[] = [];
    // 16 MB: far more than the socket's buffers hold, so the response cannot finish while unread.
    const body = Buffer.alloc(16 * 1024 * 1024, 120);
    const render = limitRenders(1, async (request, response) => {
      started.push(request.url!);
      response.end(request.url === "/large" ? body : "small");
    });
    const server = http.createServer((request, response) => void render(request, response));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    // A client that asks for the large page and never reads a byte of it.
    const stalled = net.connect(port, "127.0.0.1");
    stalled.pause();
    await new Promise<void>((resolve) => stalled.once("connect", resolve));
    stalled.write("GET /large HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await vi.waitFor(() => expect(started).toEqual(["/large"]));

    // Its response is still being delivered, yet the next page renders.
    expect(await (await fetch(`http://127.0.0.1:${port}/next`)).text()).toBe("small");
    expect(stalled.destroyed).toBe(false);
    expect(started).toEqual(["/large", "/next"]);
    stalled.destroy();
  });

  it("leaves Next.js's files, the API and other methods outside the line", () => {
    const request = (method: string, url: string) => ({ method, url }) as http.IncomingMessage;
    expect(isPageRender(request("GET", "/de/musterstadt"))).toBe(true);
    expect(isPageRender(request("GET", "/_next/static/chunks/app.js"))).toBe(false);
    expect(isPageRender(request("GET", "/api/health"))).toBe(false);
    expect(isPageRender(request("POST", "/de/musterstadt"))).toBe(false);
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
