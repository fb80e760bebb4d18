import { readFileSync } from "node:fs";
import path from "node:path";

// Requests are counted per route *pattern* (`/[locale]/[municipality]/[dialogue]`), never per
// path: a path holds ids, slugs and codes, and every distinct label value is a new time series.
// The patterns are the build's own (routes-manifest.json in the build directory), matched the way
// the router matches them.

type ManifestRoute = { page: string; regex: string };
export type RouteTable = { page: string; pattern: RegExp }[];

export const UNMATCHED = "(unmatched)";

export function routeTableFrom(manifest: { staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[] }): RouteTable {
  // Static routes first: `/de/sign-in` is `/[locale]/sign-in`, not `/[locale]/[municipality]`.
  return [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((route) => ({
    page: route.page,
    pattern: new RegExp(route.regex),
  }));
}

export function routePattern(pathname: string, table: RouteTable): string {
  if (pathname.startsWith("/_next/")) {
    const [, , area = ""] = pathname.split("/");
    return /^[a-z-]+$/.test(area) ? `/_next/${area}` : "/_next";
  }
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return table.find((route) => route.pattern.test(path))?.page ?? UNMATCHED;
}

/** The running build's routes; empty (everything unmatched) where there is no build, as in tests. */
export function loadRouteTable(distDir = process.env.NEXT_DIST_DIR || ".next"): RouteTable {
  try {
    return routeTableFrom(JSON.parse(readFileSync(path.resolve(distDir, "routes-manifest.json"), "utf8")));
  } catch {
    return [];
  }
}
