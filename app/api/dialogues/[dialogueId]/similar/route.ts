import { getViewer } from "@/lib/auth/get-viewer";
import { clientAddress } from "@/lib/auth/client-address";
import { findSimilarContributions } from "@/lib/contributions/find-similar-contributions";
import { APP_ERROR_STATUS, isAppError } from "@/lib/errors";
import { availableRoute } from "@/lib/health/available-route";
import { consume } from "@/lib/rate-limit";

// The post form's island asks here while someone types (decision 051). Only whoever may post in
// the dialogue is answered (findSimilarContributions asks the policy), and only with what every
// reader of the dialogue sees anyway; never cached, never stored. Each lookup counts against the
// person (signed out: their address) in Postgres (`similarLookupsPerPerson`, decision 055):
// beyond it, 429 with Retry-After, and the island shows nothing more.
export const GET = availableRoute(async (request: Request, context: { params: Promise<{ dialogueId: string }> }): Promise<Response> => {
  const { dialogueId } = await context.params;
  const url = new URL(request.url);
  const headers = { "Cache-Control": "no-store" };
  try {
    const viewer = await getViewer();
    await consume("similarLookupsPerPerson", viewer ? `person:${viewer.id}` : `address:${await clientAddress()}`);
    const similar = await findSimilarContributions(viewer, {
      dialogueId,
      title: url.searchParams.get("title") ?? "",
      body: url.searchParams.get("body") ?? "",
    });
    return Response.json({ similar }, { headers });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const retryAfter = error.details.retryAfterSeconds;
    return Response.json(
      { error: { code: error.code } },
      { status: APP_ERROR_STATUS[error.code], headers: { ...headers, ...(typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : {}) } },
    );
  }
});
