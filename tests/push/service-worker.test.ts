// The push service worker (lib/push/service-worker-source.ts) run as the browser runs it, in a
// context of its own: it shows the server's words with their language and direction, and a click
// opens the notification's page on this origin — never another site, whatever the payload says.
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { SERVICE_WORKER_SOURCE } from "@/lib/push/service-worker-source";

type Handler = (event: Record<string, unknown>) => void;

function worker() {
  const handlers: Record<string, Handler> = {};
  const shown: { title: string; options: Record<string, unknown> }[] = [];
  const opened: string[] = [];
  const waits: Promise<unknown>[] = [];
  const self = {
    location: { origin: "https://mitreden.example" },
    addEventListener: (name: string, handler: Handler) => (handlers[name] = handler),
    skipWaiting: () => Promise.resolve(),
    registration: { showNotification: (title: string, options: Record<string, unknown>) => (shown.push({ title, options }), Promise.resolve()) },
    clients: { claim: () => Promise.resolve(), matchAll: () => Promise.resolve([]), openWindow: (url: string) => (opened.push(url), Promise.resolve(null)) },
  };
  runInNewContext(SERVICE_WORKER_SOURCE, { self, URL });
  const waitUntil = (promise: Promise<unknown>) => void waits.push(promise);
  return {
    push: async (payload: unknown) => {
      handlers.push!({ data: { json: () => payload }, waitUntil });
      await Promise.all(waits);
      return shown.at(-1)!;
    },
    click: async (data: unknown) => {
      handlers.notificationclick!({ notification: { data, close: () => {} }, waitUntil });
      await Promise.all(waits);
      return opened.at(-1);
    },
  };
}

describe("the push service worker", () => {
  it("shows the notification as the server wrote it, right to left for Arabic", async () => {
    const sw = worker();
    const shown = await sw.push({ title: "mitreden", body: "تعليق جديد على «\u2068WLAN\u2069»", url: "/ar/m/d/c/1?comment=2#comment-2", lang: "ar", dir: "rtl", tag: "notification-1" });
    expect(shown).toEqual({
      title: "mitreden",
      options: { body: "تعليق جديد على «\u2068WLAN\u2069»", lang: "ar", dir: "rtl", tag: "notification-1", data: { url: "/ar/m/d/c/1?comment=2#comment-2" } },
    });
    expect(await sw.click(shown.options.data)).toBe("https://mitreden.example/ar/m/d/c/1?comment=2#comment-2");
  });

  it.each(["https://evil.example/x", "//evil.example/x", "/\\evil.example", "/.//evil.example", "/de/../..//evil.example", "javascript:alert(1)", 42])("never opens another site (%s)", async (url) => {
    const sw = worker();
    const shown = await sw.push({ title: "mitreden", body: "x", url, lang: "de", dir: "sideways", tag: "t" });
    expect(shown.options).toMatchObject({ dir: "auto", data: { url: "/" } });
    expect(await sw.click({ url })).toBe("https://mitreden.example/");
  });
});
