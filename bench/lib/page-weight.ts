// What a phone on prepaid data downloads: a real browser (the system Chromium through Playwright)
// opens each route with an empty cache and records every response; each body is gzipped here
// (level 6, what web servers commonly use), so the numbers do not depend on whether the server
// in front compresses. Scripts the browser skips (nomodule polyfills) are not counted, preloads
// it follows are. "Later navigation" clicks from page 1 of a dialogue to page 2 with JavaScript
// on and counts what that click fetched over the network (a document, since links are plain <a>;
// what the browser's cache answers is reported apart).
import { existsSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page, type Response } from "@playwright/test";

export type Weight = { html: number; js: number; css: number; rsc: number; other: number; total: number; requests: number };

const empty = (): Weight => ({ html: 0, js: 0, css: 0, rsc: 0, other: 0, total: 0, requests: 0 });

export async function openBrowser(): Promise<Browser> {
  const system = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return chromium.launch({ executablePath: existsSync(system) ? system : undefined, args: ["--no-sandbox", "--disable-gpu"] });
}

function recorder(page: Page) {
  let weight = empty();
  const pending: Promise<void>[] = [];
  page.on("response", (response: Response) => {
    pending.push(
      (async () => {
        if (response.status() >= 300 && response.status() < 400) return;
        // A response that arrives while the page is being closed is not part of the visit.
        if (page.isClosed()) return;
        // A body that never completes (the page went on) must not stall the count.
        const body = await Promise.race([response.body(), delay(15_000, null)]).catch(() => null);
        // A body the browser did not keep: what came over the wire (compressed or not) instead.
        const gz = body ? gzipSync(body).length : Math.max(0, (await response.request().sizes()).responseBodySize);
        const type = response.request().resourceType();
        const contentType = response.headers()["content-type"] ?? "";
        const key: keyof Weight =
          type === "document" ? "html" : type === "script" ? "js" : type === "stylesheet" ? "css" : contentType.includes("text/x-component") ? "rsc" : "other";
        weight[key] += gz;
        weight.total += gz;
        weight.requests += 1;
      })().catch(() => undefined),
    );
  });
  return {
    async take(): Promise<Weight> {
      await Promise.all(pending);
      const taken = weight;
      weight = empty();
      pending.length = 0;
      return taken;
    },
  };
}

/** Bytes of a first visit to `url` (fresh browser context, so nothing is cached). */
export async function firstVisit(browser: Browser, url: string, cookie?: { name: string; value: string }): Promise<Weight> {
  const context = await browser.newContext();
  if (cookie) await context.addCookies([{ ...cookie, url }]);
  const page = await context.newPage();
  const record = recorder(page);
  await page.goto(url, { waitUntil: "load" });
  await quiet(page);
  const weight = await record.take();
  await context.close();
  return weight;
}

/** Lets late requests (preloads, chunks) finish; a page that keeps a request open is not waited for forever. */
async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
}

/** What a later navigation fetched: a Weight of what came over the network, and what the browser's cache answered instead. */
export type NavigationWeight = Weight & { fromCache: number; fromCacheBytes: number };

/**
 * Bytes fetched by clicking from page 1 of a dialogue to page 2, in the same tab with the
 * browser's HTTP cache as a real visit leaves it. The links are plain <a> (decision 040), so the
 * click is a document request; the scripts and styles of page 1 (Next.js serves its chunks
 * `immutable` for a year) come from the browser's cache and are not downloaded again. Counted
 * through the DevTools protocol, which tells a response served from the cache (memory, disk or
 * prefetch) from one that came over the network: only the latter count, gzipped as everywhere
 * here; what the cache answered is reported beside (`fromCache`, and its bytes). A build whose
 * chunks were not cacheable, or a page 2 that needed other chunks, downloads them and counts.
 */
export async function laterNavigation(browser: Browser, url: string): Promise<NavigationWeight | null> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  await quiet(page);
  const next = page.locator('a[href*="page=2"]').first();
  if ((await next.count()) === 0) {
    await context.close();
    return null;
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const servedFromCache = new Set<string>();
  const responses = new Map<string, { type: string; mimeType: string; status: number; cached: boolean }>();
  const finished: string[] = [];
  cdp.on("Network.requestServedFromCache", ({ requestId }) => servedFromCache.add(requestId));
  cdp.on("Network.responseReceived", ({ requestId, type, response }) => {
    responses.set(requestId, {
      type,
      mimeType: response.mimeType,
      status: response.status,
      cached: Boolean(response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker),
    });
  });
  cdp.on("Network.loadingFinished", ({ requestId }) => finished.push(requestId));
  await Promise.all([page.waitForURL(/page=2/, { timeout: 30_000 }), next.click()]);
  await page.waitForLoadState("load");
  await quiet(page);
  const weight: NavigationWeight = { ...empty(), fromCache: 0, fromCacheBytes: 0 };
  for (const requestId of finished) {
    const response = responses.get(requestId);
    if (!response || (response.status >= 300 && response.status < 400)) continue;
    const { body, base64Encoded } = await cdp.send("Network.getResponseBody", { requestId }).catch(() => ({ body: "", base64Encoded: false }));
    const gz = gzipSync(Buffer.from(body, base64Encoded ? "base64" : "utf8")).length;
    if (response.cached || servedFromCache.has(requestId)) {
      weight.fromCache += 1;
      weight.fromCacheBytes += gz;
      continue;
    }
    const key: keyof Weight =
      response.type === "Document" ? "html" : response.type === "Script" ? "js" : response.type === "Stylesheet" ? "css" : response.mimeType.includes("text/x-component") ? "rsc" : "other";
    weight[key] += gz;
    weight.total += gz;
    weight.requests += 1;
  }
  await context.close();
  return weight;
}
