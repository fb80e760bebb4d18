// Renders of pages at once in the production server (scripts/app-server.ts, RENDER_CONCURRENCY):
// on 2 cores more concurrent renders add no throughput, but each holds its rows, React tree,
// payload and HTML in memory, and a render that takes seconds under load has them promoted into
// V8's old space, which grows and stays (bench/causes.md, decision 069). The rest wait in line,
// first come first served. A slot is held while the render works, not while a slow client reads
// what it wrote. A request whose client left while it waited is not rendered at all:
// its slot goes to the next (before, every such request kept its slot for good — after a load
// generator stopped, the server answered no page again).
// Node runs this with its own type stripping: no TypeScript-only syntax that emits code.
import type { IncomingMessage, ServerResponse } from "node:http";

export type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export type RenderLimit = Handler & {
  /** Renders running now, and requests waiting for one. */
  state: () => { rendering: number; waiting: number };
};

/** GET and HEAD pages (a HEAD renders the whole page too): not Next.js's static files and not the API (health checks, uploads, auth). */
export const isPageRender = (request: IncomingMessage): boolean =>
  (request.method === "GET" || request.method === "HEAD") && !request.url?.startsWith("/_next/") && !request.url?.startsWith("/api/");

/** `handle` with at most `limit` page renders at once (0: no limit). */
export function limitRenders(limit: number, handle: Handler, isPage: (request: IncomingMessage) => boolean = isPageRender): RenderLimit {
  let rendering = 0;
  const line: Array<() => void> = [];
  // A finished render hands its slot straight to the next in line.
  const release = () => {
    const next = line.shift();
    if (next) next();
    else rendering -= 1;
  };
  const limited = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!limit || !isPage(request)) return handle(request, response);
    // Listened for from the start: a client that leaves while waiting closes the response now,
    // not once its turn has come.
    let left = false;
    let freed = () => {};
    const free = new Promise<void>((resolve) => (freed = resolve));
    response.once("finish", freed);
    response.once("close", () => {
      left = !response.writableFinished;
      freed();
    });
    // The render no longer needs the slot once it waits for its client: when it has handed the
    // response its last bytes, or when the client has not taken the bytes before (Next.js then
    // waits for "drain"). The rest waits in Node's buffers for a phone on a slow line — or a
    // client that never reads — without holding a slot: four such clients would otherwise stop
    // every page of the site.
    const write = response.write;
    response.write = function (this: ServerResponse, ...args: unknown[]) {
      const taken = (write as (...a: unknown[]) => boolean).apply(this, args);
      if (!taken) freed();
      return taken;
    } as ServerResponse["write"];
    const end = response.end;
    response.end = function (this: ServerResponse, ...args: unknown[]) {
      freed();
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse["end"];

    if (rendering < limit) rendering += 1;
    else await new Promise<void>((resolve) => line.push(resolve));
    let held = true;
    const giveBack = () => {
      if (held) release();
      held = false;
    };
    try {
      if (left || response.destroyed) return;
      const handled = handle(request, response);
      await Promise.race([free, handled]);
      giveBack();
      await handled;
    } finally {
      giveBack();
    }
  };
  return Object.assign(limited, { state: () => ({ rendering, waiting: line.length }) });
}

/**
 * The default of RENDER_CONCURRENCY (decision 069): with the old space bounded (scripts/next-server.ts),
 * 4 renders at once kept the dialogue page's throughput at 50 connections and at 200 kept the
 * server answering 3× faster than no limit, whose renders in flight crowded the bounded heap.
 */
export const DEFAULT_RENDER_CONCURRENCY = 4;

/** RENDER_CONCURRENCY: a whole number ≥ 0 (0: no limit); unset or not a number: the default. */
export function renderConcurrency(env: Record<string, string | undefined>): number {
  const value = Number(env.RENDER_CONCURRENCY);
  return env.RENDER_CONCURRENCY !== undefined && env.RENDER_CONCURRENCY.trim() !== "" && Number.isInteger(value) && value >= 0 ? value : DEFAULT_RENDER_CONCURRENCY;
}
