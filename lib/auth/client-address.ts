import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The client's address, for loose per-address rate limits only (shelters share one address;
 * never identify a person by it).
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return addressFrom(h.get("x-forwarded-for"), env().TRUSTED_PROXY_HOPS) ?? h.get("x-real-ip") ?? "unknown";
}

/**
 * X-Forwarded-For lists the client's claims first and each proxy appends the address it saw,
 * so only the entries our own proxies added can be trusted: the one `hops` from the right
 * (with one load balancer in front, the last entry). Without a proxy, Next.js fills the header
 * with the socket's address when the client sent none; a client that sends one can choose its
 * "address", which is why these limits are loose and never the only protection.
 */
export function addressFrom(forwardedFor: string | null, hops: number): string | null {
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return entries[Math.max(0, entries.length - Math.max(1, hops))] ?? null;
}
