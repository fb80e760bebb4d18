import "server-only";
import { env } from "@/lib/env";

/** next-auth's secret. Production must set NEXTAUTH_SECRET; `npm start` and the tests set one. */
export function authSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set (see README, Configuration).");
  return secret;
}
