import "server-only";
import { env, publicOrigin } from "@/lib/env";
import { KNOWN_PUSH_HOSTS, type AllowedPushHosts } from "./endpoint";

export type Vapid = { publicKey: string; privateKey: string; subject: string };

/**
 * The application server's VAPID keys (decision 031), or null when none are configured: then push
 * is off (the account page says so) and everything else works as before. The subject defaults to
 * the public origin when it is https (push services want a way to reach the operator).
 */
export function vapidKeys(): Vapid | null {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT } = env();
  if (!VAPID_PUBLIC_KEY || !VAPID_PRIVATE_KEY) return null;
  const origin = publicOrigin();
  const subject = VAPID_SUBJECT ?? (origin.startsWith("https:") ? origin : "mailto:push@mitreden.invalid");
  return { publicKey: VAPID_PUBLIC_KEY, privateKey: VAPID_PRIVATE_KEY, subject };
}

export function pushAllowsLoopback(): boolean {
  return env().PUSH_ALLOW_LOOPBACK === "on";
}

/** PUSH_ALLOWED_HOSTS: the push services devices may name (checked when saving and when sending). */
export function pushAllowedHosts(): AllowedPushHosts {
  const setting = env().PUSH_ALLOWED_HOSTS;
  if (!setting) return KNOWN_PUSH_HOSTS;
  return setting === "any" ? "any" : setting.split(",").map((host) => host.trim());
}

/** The endpoint checks with this server's settings. */
export function pushEndpointRules(): { allowLoopback: boolean; allowedHosts: AllowedPushHosts } {
  return { allowLoopback: pushAllowsLoopback(), allowedHosts: pushAllowedHosts() };
}
