// What a phone on prepaid data downloads: a real browser (the system Chromium through Playwright)
// opens each route with an empty cache and records every response; each body is gzipped here
// (level 6, what web servers commonly use), so the numbers do not depend on whether the server
// in front compresses. Scripts the browser skips (nomodule polyfills) are not counted, preloads
// it follows are. "Later navigation" clicks from page 1 of a dialogue to page 2 with JavaScript
// on and counts what that click fetched (RSC payload and any new chunks).
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

/** Bytes fetched by clicking from page 1 of a dialogue to page 2 (client-side navigation). */
export async function laterNavigation(browser: Browser, url: string): Promise<Weight | null> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const record = recorder(page);
  await page.goto(url, { waitUntil: "load" });
  await quiet(page);
  await record.take();
  const next = page.locator('a[href*="page=2"]').first();
  if ((await next.count()) === 0) {
    await context.close();
    return null;
  }
  // The click fetches the page's RSC payload (and any chunks it needs); wait until it arrived.
  const [payload] = await Promise.all([page.waitForResponse((response) => response.url().includes("page=2"), { timeout: 30_000 }), next.click()]);
  const headers = await payload.request().allHeaders();
  await page.waitForURL(/page=2/, { timeout: 30_000 });
  await quiet(page);
  const weight = await record.take();
  // The browser does not always keep the body of a payload the router streamed: fetch the same
  // request again (same RSC headers) and count that.
  const again = await fetch(payload.url(), {
    headers: Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(":") && !["host", "connection", "content-length"].includes(name))),
  });
  const rsc = gzipSync(Buffer.from(await again.arrayBuffer())).length;
  weight.total += rsc - weight.rsc;
  weight.rsc = rsc;
  await context.close();
  return weight;
}
