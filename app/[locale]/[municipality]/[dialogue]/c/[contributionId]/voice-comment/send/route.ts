import { z } from "zod";
import { formInput, sameOrigin } from "@/lib/actions/form-action";
import { getViewer } from "@/lib/auth/get-viewer";
import { createVoiceComment, createVoiceCommentInput } from "@/lib/comments/create-voice-comment";
import { publicOrigin, publicUrl } from "@/lib/env";
import { availableRoute } from "@/lib/health/available-route";
import { dialoguePaths, localized, withQuery } from "@/lib/routes/paths";
import { fromFormEncoding } from "@/lib/validation";
import { withFailureCookie, postVoiceUpload } from "@/lib/voice/voice-upload";

type Params = { locale: string; municipality: string; dialogue: string; contributionId: string };

const NO_STORE = { "Cache-Control": "no-store" } as const;

// The voice comment form's POST (decision 046), as the voice contribution's (…/new/voice/send):
// same origin, authorized inside createVoiceComment through lib/policy, up to 6 MB let through by
// the proxy to this path alone. The contribution is the one in the address, whatever the form says.
export const POST = availableRoute(async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
  if (!(await sameOrigin())) return new Response(null, { status: 403, headers: NO_STORE });
  const { locale, municipality, dialogue, contributionId } = await params;
  if (!z.uuid().safeParse(contributionId).success) return new Response(null, { status: 404, headers: NO_STORE });
  const paths = dialoguePaths(municipality, dialogue);
  const formPage = localized(locale, paths.voiceComment(contributionId));
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response(null, { status: 303, headers: { Location: publicUrl(formPage), ...NO_STORE } });
  }
  const viewer = await getViewer();
  // The form's fields through the domain's schema (an empty reply-to is none: fromFormEncoding); the contribution is the address's.
  const { parentId } = formInput(createVoiceCommentInput, form);
  const result = await postVoiceUpload(form, (values, bytes) => createVoiceComment(viewer, { ...(fromFormEncoding(createVoiceCommentInput, values) as z.input<typeof createVoiceCommentInput>), contributionId }, bytes));
  if (result.ok) return new Response(null, { status: 303, headers: { Location: publicUrl(localized(locale, paths.comment(contributionId, result.value.id))), ...NO_STORE } });
  return new Response(null, {
    status: 303,
    headers: withFailureCookie({ Location: publicUrl(withQuery(localized(locale, paths.voiceComment(contributionId, parentId)), { failed: result.failureId })), ...NO_STORE }, result.cookie, formPage, publicOrigin().startsWith("https:")),
  });
});

/** Only the form posts here. */
export function GET(): Response {
  return new Response(null, { status: 405, headers: { Allow: "POST", ...NO_STORE } });
}
