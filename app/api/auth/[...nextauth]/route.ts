import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { publicOrigin } from "@/lib/env";
import { availableRoute } from "@/lib/health/available-route";

// next-auth checks its own tokens and state here (e-mail link callback); the policy module
// guards our actions, this route grants nothing beyond a session for a verified address.
const handler = availableRoute(async (request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> => {
  // next-auth builds its redirects from NEXTAUTH_URL only: the one public origin (lib/env.ts),
  // also when an operator set only PUBLIC_URL.
  process.env.NEXTAUTH_URL ||= publicOrigin();
  return NextAuth(authOptions())(request, context) as Promise<Response>;
});

export { handler as GET, handler as POST };
