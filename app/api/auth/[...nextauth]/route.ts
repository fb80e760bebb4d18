import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

// next-auth checks its own tokens and state here (e-mail link callback); the policy module
// guards our actions, this route grants nothing beyond a session for a verified address.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
