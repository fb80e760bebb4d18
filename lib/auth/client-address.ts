import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** Set by scripts/support/peer-address.mjs from the TCP connection; a client cannot choose it. */
export const PEER_HEADER = "x-mitreden-peer-address";

/**
 * The client's address, for loose per-address rate limits only (shelters share one address;
 * never identify a person by it).
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return addressFrom({ peer: h.get(PEER_HEADER), forwardedFor: h.get("x-forwarded-for") }, env().TRUSTED_PROXY_HOPS) ?? "unknown";
}

/**
 * The address of the connection (`peer`) is the only one nobody can forge. Each reverse proxy
 * appends the address it saw to X-Forwarded-For, and the client can write anything before
 * that: with `hops` proxies of our own in front, the client is the entry `hops` places from the
 * right of the chain "X-Forwarded-For entries, then the peer". With 0 (the default: no proxy),
 * X-Forwarded-For is ignored altogether.
 *
 * Without the peer header (the server was not started through scripts/next-server.ts), the
 * last X-Forwarded-For entry stands in for it: Next.js fills it with the socket's address when
 * the client sent none.
 */
export function addressFrom(request: { peer: string | null; forwardedFor: string | null }, hops: number): string | null {
  const forwarded = (request.forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  // Without the peer, Next.js's own entry (or the last proxy's) stands last in its place.
  const chain = request.peer ? [...forwarded, request.peer] : forwarded;
  const fromRight = request.peer ? hops : Math.max(0, hops - 1);
  // A request that passed fewer proxies than configured did not come through them all: the
  // leftmost entry is then as good as any.
  return chain[Math.max(0, chain.length - 1 - fromRight)] ?? null;
}
