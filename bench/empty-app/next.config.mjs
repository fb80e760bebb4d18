// Built by bench/run.ts into bench/tmp/ (git-ignored); never deployed.
/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || "../tmp/.empty-app-next",
  poweredByHeader: false,
};

export default nextConfig;
