// The Content-Security-Policy of every page, with a fresh nonce per request (proxy.ts sets it on
// the request, where Next.js reads the nonce for its own scripts, and on the response). Pages
// render dynamically (they read the session cookie), so each response carries its own nonce.
// Route handlers under /api get a static policy from next.config.js instead.

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts only with this request's nonce ('strict-dynamic' lets Next's nonced loader load its
 * chunks); no inline event handlers, no `javascript:` URLs, no eval (except for the dev server's
 * fast refresh). Styles are our own stylesheet plus nonced <style>; style attributes in the HTML
 * are refused too (React sets styles through the DOM, which CSP does not restrict). The
 * development server is looser (eval for fast refresh, inline styles): never run it in public.
 */
export function contentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // The dev server injects its styles without a nonce (a nonce would switch 'unsafe-inline' off).
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // blob: for the voice recorder's "listen before sending" (components/voice/voice-recorder.tsx).
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ].join("; ");
}
