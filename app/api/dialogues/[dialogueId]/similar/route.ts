import { getViewer } from "@/lib/auth/get-viewer";
import { findSimilarContributions } from "@/lib/contributions/find-similar-contributions";
import { APP_ERROR_STATUS, isAppError } from "@/lib/errors";
import { availableRoute } from "@/lib/health/available-route";

// The post form's island asks here while someone types (decision 051). Only whoever may post in
// the dialogue is answered (findSimilarContributions asks the policy), and only with what every
// reader of the dialogue sees anyway; never cached, never stored.
export const GET = availableRoute(async (request: Request, context: { params: Promise<{ dialogueId: string }> }): Promise<Response> => {
  const { dialogueId } = await context.params;
  const url = new URL(request.url);
  const headers = { "Cache-Control": "no-store" };
  try {
    const similar = await findSimilarContributions(await getViewer(), {
      dialogueId,
      title: url.searchParams.get("title") ?? "",
      body: url.searchParams.get("body") ?? "",
    });
    return Response.json({ similar }, { headers });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: { code: error.code } }, { status: APP_ERROR_STATUS[error.code], headers });
    throw error;
  }
});
