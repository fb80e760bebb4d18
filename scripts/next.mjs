// `next` for the package.json scripts, with Next.js telemetry off wherever they run (not only
// in CI): Next reads NEXT_TELEMETRY_DISABLED when its CLI starts, so it is set before loading it.
process.env.NEXT_TELEMETRY_DISABLED = "1";
await import("next/dist/bin/next");
