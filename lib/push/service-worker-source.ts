// The service worker that shows push notifications (served at /push-sw.js by
// app/push-sw.js/route.ts). Plain ES2020 in a string: it runs in the browser as it is, with no
// bundler, and the response is small for prepaid data. The payload was rendered on the server in
// the receiver's language (lib/push/push-payload.ts); the worker only shows it, and on a click
// opens the link — a path on this origin, nothing else (a payload cannot send anyone away; the
// rule is lib/routes/local-path.ts's, written into the source).
import { LOCAL_PATH } from "@/lib/routes/local-path";

export const SERVICE_WORKER_SOURCE = `"use strict";
const LOCAL_PATH = ${LOCAL_PATH};
const fallback = { title: "mitreden", body: "", url: "/", lang: "", dir: "auto", tag: "mitreden" };

function sameOriginPath(value) {
  if (typeof value !== "string" || !LOCAL_PATH.test(value)) return "/";
  const url = new URL(value, self.location.origin);
  return url.origin === self.location.origin ? url.pathname + url.search + url.hash : "/";
}

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let data = fallback;
  try {
    data = Object.assign({}, fallback, event.data ? event.data.json() : {});
  } catch (error) {
    data = fallback;
  }
  const dir = data.dir === "rtl" || data.dir === "ltr" ? data.dir : "auto";
  event.waitUntil(
    self.registration.showNotification(String(data.title), {
      body: String(data.body),
      lang: String(data.lang),
      dir,
      tag: String(data.tag),
      data: { url: sameOriginPath(data.url) },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(sameOriginPath(event.notification.data && event.notification.data.url), self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if (client.url === target && "focus" in client) return client.focus();
      }
      return self.clients.openWindow(target);
    }),
  );
});
`;
