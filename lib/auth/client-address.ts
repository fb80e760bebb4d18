import "server-only";
import { headers } from "next/headers";

/**
 * The client's address as the load balancer reports it, for loose per-address rate limits only
 * (shelters share one address; never identify a person by it).
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}
