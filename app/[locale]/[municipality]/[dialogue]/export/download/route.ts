import { formInput, sameOrigin } from "@/lib/actions/form-action";
import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { publicOrigin, publicUrl } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { exportDialogue, exportInput } from "@/lib/exports/export-dialogue";
import { availableRoute } from "@/lib/health/available-route";
import { dialoguePaths, localized, withQuery } from "@/lib/routes/paths";

type Params = { locale: string; municipality: string; dialogue: string };

const NO_STORE = { "Cache-Control": "no-store" } as const;

// A POST from the export form (a plain <form method="post">, works without JavaScript): the
// export writes the export log before its first byte, so it changes state and is guarded like
// every server action — same origin (lib/actions/form-action.ts), never a GET another site
// could make a moderator's browser send.
export const POST = availableRoute(async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
  if (!(await sameOrigin())) return new Response(null, { status: 403, headers: NO_STORE });
  const { locale, municipality, dialogue: slug } = await params;
  const page = localized(locale, dialoguePaths(municipality, slug).export);
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug: municipality, dialogueSlug: slug });
  if (!dialogue) return new Response(null, { status: 404, headers: NO_STORE });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.redirect(publicUrl(withQuery(page, { error: "INVALID_INPUT" })), 303);
  }
  // The form's choices in the domain's own terms (a ticked box is true: fromFormEncoding); the dialogue, language and origin are the route's.
  const choices = formInput(exportInput.pick({ recordType: true, format: true, separator: true, includeHidden: true }), form);
  try {
    const file = await exportDialogue(viewer, { ...choices, dialogueId: dialogue.id, locale, origin: publicOrigin() });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "X-Content-Type-Options": "nosniff",
        ...NO_STORE,
      },
    });
  } catch (error) {
    // Back to the form, which names the problem in the reader's language.
    if (isAppError(error)) return Response.redirect(publicUrl(withQuery(page, { error: error.code })), 303);
    throw error;
  }
});

/** Only the form's POST exports: a link, an image or a prefetch from anywhere changes nothing. */
export function GET(): Response {
  return new Response(null, { status: 405, headers: { Allow: "POST", ...NO_STORE } });
}
