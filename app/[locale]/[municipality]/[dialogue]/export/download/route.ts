import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { isAppError } from "@/lib/errors";
import { exportDialogue } from "@/lib/exports/export-dialogue";

type Params = { locale: string; municipality: string; dialogue: string };

// A GET download (a plain link or form works without JavaScript): its only side effect is the
// export log entry, written before the first byte.
export async function GET(request: Request, { params }: { params: Promise<Params> }): Promise<Response> {
  const { locale, municipality, dialogue: slug } = await params;
  const url = new URL(request.url);
  const page = `/${locale}/${municipality}/${slug}/export`;
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug: municipality, dialogueSlug: slug });
  if (!dialogue) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  try {
    const file = await exportDialogue(viewer, {
      dialogueId: dialogue.id,
      recordType: url.searchParams.get("recordType") ?? undefined,
      format: url.searchParams.get("format") ?? undefined,
      separator: url.searchParams.get("separator") ?? undefined,
      includeHidden: url.searchParams.get("includeHidden") === "on",
      locale,
      origin: url.origin,
    } as Parameters<typeof exportDialogue>[1]);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    // Back to the form, which names the problem in the reader's language.
    if (isAppError(error)) return Response.redirect(new URL(`${page}?error=${error.code}`, url), 303);
    throw error;
  }
}
