// What this process knows about each request it is serving, under a token it gave the request
// (lib/http/track-requests.ts): the response, for its status, and whether a form post failed.
// Server code finds the token in the request header RENDER_TOKEN_HEADER (headers()); the
// server-side rendering of client components gets it as a prop from the layout.
//
// Two things Next.js keeps to itself need it:
// - a page that calls notFound() (or fails) is sent as an empty document that only JavaScript
//   fills (vercel/next.js#62228): components/feedback/error-document-fallback.tsx writes the
//   translated page into that document when the status says so;
// - the layout's title template starts with "Error:" after a form post without JavaScript failed
//   (lib/actions/form-action.ts marks it), as GOV.UK's pattern asks;
// - a confirmation a form post left (lib/flash) shows in the same answer when no redirect follows.
//
// No Node.js imports: the client component reads it while rendering on the server (in the
// browser the registry is simply empty). One Map per process on globalThis, because Next.js
// bundles server and client-side rendering separately.

export const RENDER_TOKEN_HEADER = "x-mitreden-render";

export type RenderEntry = { response: { statusCode: number }; submitFailed: boolean; flash?: string };

const KEY = Symbol.for("mitreden.render-registry");

export function renderRegistry(): Map<string, RenderEntry> {
  const holder = globalThis as unknown as Record<symbol, Map<string, RenderEntry> | undefined>;
  return (holder[KEY] ??= new Map());
}

/** The response status of the request with this token so far; null when unknown. */
export function statusOf(token: string | null | undefined): number | null {
  if (!token) return null;
  return renderRegistry().get(token)?.response.statusCode ?? null;
}

export function markSubmitFailed(token: string | null | undefined): void {
  const entry = token ? renderRegistry().get(token) : undefined;
  if (entry) entry.submitFailed = true;
}

export function submitFailed(token: string | null | undefined): boolean {
  return token ? (renderRegistry().get(token)?.submitFailed ?? false) : false;
}

export function noteFlash(token: string | null | undefined, key: string): void {
  const entry = token ? renderRegistry().get(token) : undefined;
  if (entry) entry.flash = key;
}

export function flashNoted(token: string | null | undefined): string | undefined {
  return token ? renderRegistry().get(token)?.flash : undefined;
}
