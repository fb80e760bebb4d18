import { clearFlash } from "@/lib/flash/flash-proxy";

// The browser's flash cookie after a post with JavaScript, where the page showing it arrived in
// the post's own answer (components/feedback/flash-notice.tsx). Only ever removes it.
export function DELETE(): Response {
  const response = new Response(null, { status: 204 });
  clearFlash(response);
  return response;
}
