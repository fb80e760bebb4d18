// The request a server action or a page sees in a test: its headers and a cookie jar, set by the
// test. The stand-in for Next's request-bound modules, which need a request Next is serving:
//   vi.mock("next/headers", () => import("@/tests/support/next-request"));
//   vi.mock("next/cache", (original) => import("@/tests/support/next-request").then((stub) => stub.withoutRefresh(original)));
// and `import { request } from "@/tests/support/next-request"` to set what the next call sees.

export const request = { headers: new Headers(), cookies: new Map<string, string>() };

export async function headers(): Promise<Headers> {
  return request.headers;
}

export async function cookies() {
  return {
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  };
}

/** next/cache as it is, but for `refresh()`, which needs a request's render: a redirect after it is what such tests read. */
export async function withoutRefresh(original: () => Promise<typeof import("next/cache")>): Promise<typeof import("next/cache")> {
  return { ...(await original()), refresh: () => undefined };
}

/** Where a server action sent the browser (Next's redirect is thrown), or null when it did not. */
export async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (!digest?.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2] ?? null;
  }
}
