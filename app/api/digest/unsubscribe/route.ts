import { isAppError } from "@/lib/errors";
import { availableRoute } from "@/lib/health/available-route";
import { unsubscribeFromDigest } from "@/lib/notifications/unsubscribe";

// One-click unsubscribe from the mail program (List-Unsubscribe-Post, RFC 8058): the mail
// program POSTs here without a session or an Origin; the signed token is the proof. A GET does
// nothing, so scanners that open links unsubscribe nobody (people use the page linked in the text).
export const POST = availableRoute(async (request: Request): Promise<Response> => {
  const url = new URL(request.url);
  try {
    await unsubscribeFromDigest({ user: url.searchParams.get("user") ?? "", token: url.searchParams.get("token") ?? "" });
    return new Response(null, { status: 204 });
  } catch (error) {
    if (isAppError(error)) return new Response(null, { status: 400 });
    throw error;
  }
});
