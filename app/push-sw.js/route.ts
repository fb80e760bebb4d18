import { SERVICE_WORKER_SOURCE } from "@/lib/push/service-worker-source";

// The push service worker (decision 031), same-origin at the root so its scope is the whole site.
// Its own strict policy: it loads and connects to nothing; browsers check it for updates, so it is
// revalidated rather than cached for long.
export const dynamic = "force-static";

export function GET() {
  return new Response(SERVICE_WORKER_SOURCE, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "no-cache",
      "Content-Security-Policy": "default-src 'none'; script-src 'self'; connect-src 'none'",
      "Service-Worker-Allowed": "/",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
