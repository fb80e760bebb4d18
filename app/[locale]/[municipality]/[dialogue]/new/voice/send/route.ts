import { sameOrigin } from "@/lib/actions/form-action";
import { getViewer } from "@/lib/auth/get-viewer";
import { publicOrigin, publicUrl } from "@/lib/env";
import { availableRoute } from "@/lib/health/available-route";
import { dialoguePaths, localized, withQuery } from "@/lib/routes/paths";
import { withFailureCookie, postVoiceForm } from "@/lib/voice/voice-upload";

type Params = { locale: string; municipality: string; dialogue: string };

const NO_STORE = { "Cache-Control": "no-store" } as const;

// The voice form's POST (decision 046): a plain multipart <form method="post">, with or without
// JavaScript. Guarded like every server action — same origin (lib/actions/form-action.ts) — and
// authorized inside createVoiceContribution through lib/policy. It carries up to three photos
// beside the recording (decision 061): the proxy lets up to 25 MB through to this path, from
// someone signed in (lib/security/plain-pages.ts); server actions keep Next.js's 1 MB.
export const POST = availableRoute(async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
  if (!(await sameOrigin())) return new Response(null, { status: 403, headers: NO_STORE });
  const { locale, municipality, dialogue } = await params;
  const paths = dialoguePaths(municipality, dialogue);
  const voicePage = localized(locale, paths.newVoice);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response(null, { status: 303, headers: { Location: publicUrl(voicePage), ...NO_STORE } });
  }
  const result = await postVoiceForm(await getViewer(), form);
  if (result.ok) return new Response(null, { status: 303, headers: { Location: publicUrl(localized(locale, paths.contribution(result.contributionId))), ...NO_STORE } });
  const kind = form.get("kind") === "PROPOSAL" ? "PROPOSAL" : "NEED";
  return new Response(null, {
    status: 303,
    headers: withFailureCookie({ Location: publicUrl(withQuery(voicePage, { kind, failed: result.failureId })), ...NO_STORE }, result.cookie, voicePage, publicOrigin().startsWith("https:")),
  });
});

/** Only the form posts here. */
export function GET(): Response {
  return new Response(null, { status: 405, headers: { Allow: "POST", ...NO_STORE } });
}
