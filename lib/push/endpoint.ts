import { BlockList, isIP } from "node:net";

// The server POSTs to whatever endpoint a browser's push subscription names, so an endpoint is
// an SSRF risk: someone could subscribe "https://10.0.0.5/admin" and have our workers call it.
// Endpoints are therefore checked twice (decision 031): when a device is saved (the URL's shape)
// and when a push is sent (the address the name resolves to, at connect time — lib/push/transport.ts),
// so a name that later resolves to a private address (DNS rebinding) is refused too.

export const MAX_ENDPOINT_LENGTH = 1024;

/**
 * Addresses no push service has: loopback, private, link-local, shared, documentation, multicast,
 * reserved. Two lists: node's BlockList matches an IPv4 address against IPv6 rules as ::ffff:a.b.c.d,
 * so the ::ffff:0:0/96 rule below would refuse every IPv4 address in a shared list.
 */
const NOT_PUBLIC_V4 = new BlockList();
const NOT_PUBLIC_V6 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) NOT_PUBLIC_V4.addSubnet(network, prefix, "ipv4");
// IPv6 (IANA special-purpose registry). Every form that embeds an IPv4 address is refused whole —
// IPv4-compatible ::/96 (so [::7f00:1] is 127.0.0.1), IPv4-mapped ::ffff:0:0/96, IPv4-translated
// ::ffff:0:0:0/96, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32 —
// since no push service is reached through one, and judging the embedded address is easy to get wrong.
for (const [network, prefix] of [
  ["::", 96], ["::ffff:0:0", 96], ["::ffff:0:0:0", 96], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64],
  ["2001::", 23], ["2001:db8::", 32], ["2002::", 16], ["3fff::", 20], ["5f00::", 16], ["fc00::", 7], ["fe80::", 10],
  ["fec0::", 10], ["ff00::", 8],
] as const) NOT_PUBLIC_V6.addSubnet(network, prefix, "ipv6");

/** Whether `address` (an IPv4 or IPv6 literal) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // An IPv4 address written as IPv6 in dotted form (::ffff:10.0.0.1, ::10.0.0.1): never public here.
  if (family === 6 && address.includes(".")) return false;
  return family === 4 ? !NOT_PUBLIC_V4.check(address, "ipv4") : !NOT_PUBLIC_V6.check(address, "ipv6");
}

export const LOOPBACK_TEST_HOST = "127.0.0.1";

/**
 * The push services of the browsers people use (PUSH_ALLOWED_HOSTS when unset): Chrome/Android,
 * Firefox, Edge/Windows, Safari/iPhone. "*." matches any name below, not the name itself.
 */
export const KNOWN_PUSH_HOSTS = ["fcm.googleapis.com", "*.push.services.mozilla.com", "*.notify.windows.com", "web.push.apple.com", "*.push.apple.com"] as const;

export type AllowedPushHosts = readonly string[] | "any";

/** Whether `host` (lower case) is one of `allowed` ("any": every public host). */
export function pushHostAllowed(host: string, allowed: AllowedPushHosts): boolean {
  if (allowed === "any") return true;
  return allowed.some((pattern) => (pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern));
}

export type EndpointCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Whether a push endpoint may be saved and called: an https URL on port 443 of a public host (a
 * name with a dot, not a private or loopback address) that is one of `allowedHosts`
 * (PUSH_ALLOWED_HOSTS; the known push services by default), no credentials, at most 1024 characters.
 * With `allowLoopback` (PUSH_ALLOW_LOOPBACK, tests only) also http://127.0.0.1:<port>/…
 */
export function checkPushEndpoint(
  endpoint: string,
  { allowLoopback = false, allowedHosts = KNOWN_PUSH_HOSTS }: { allowLoopback?: boolean; allowedHosts?: AllowedPushHosts } = {},
): EndpointCheck {
  if (endpoint.length > MAX_ENDPOINT_LENGTH) return { ok: false, reason: "too long" };
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, reason: "not a URL" };
  }
  if (url.username || url.password) return { ok: false, reason: "credentials in the URL" };
  if (allowLoopback && url.protocol === "http:" && url.hostname === LOOPBACK_TEST_HOST) return { ok: true, url };
  if (url.protocol !== "https:") return { ok: false, reason: "not https" };
  if (url.port !== "" && url.port !== "443") return { ok: false, reason: "not port 443" };
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (isIP(host) !== 0) {
    if (!isPublicAddress(host)) return { ok: false, reason: "private address" };
  } else if (!host.includes(".") || /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain)\.?$/.test(host)) {
    return { ok: false, reason: "not a public host name" };
  }
  // Only the push services we know (PUSH_ALLOWED_HOSTS), so the server is no blind POST relay.
  if (!pushHostAllowed(host, allowedHosts)) return { ok: false, reason: "not an allowed push service" };
  return { ok: true, url };
}
