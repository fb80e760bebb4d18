import { z } from "zod";
import { getViewer } from "@/lib/auth/get-viewer";
import { getImageFile } from "@/lib/images/image-file";
import { IMAGE_CONTENT_TYPE } from "@/lib/images/limits";

const params = z.object({ imageId: z.uuid(), size: z.enum(["phone", "large"]) });

/**
 * A photo of a contribution (decision 050), from our own origin, as re-encoded at upload: only
 * when the viewer may see it (lib/images/image-file.ts asks lib/policy), else 404 — the same
 * answer for "hidden", "withdrawn" and "no such photo". Caching never outlives a hide: a shared
 * cache may not keep it at all (`private`), and the browser asks again each time (`no-cache`,
 * answered 304 by the ETag while the photo may still be seen — a photo's bytes never change).
 * A hidden photo served to a moderator is kept nowhere (`no-store`). `nosniff` (next.config.js)
 * and the /api CSP keep it an image.
 */
export async function GET(request: Request, context: { params: Promise<{ imageId: string; size: string }> }): Promise<Response> {
  const parsed = params.safeParse(await context.params);
  const file = parsed.success ? await getImageFile(await getViewer(), parsed.data.imageId, parsed.data.size === "large" ? "LARGE" : "PHONE") : null;
  if (!parsed.success || !file) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  const etag = `"${parsed.data.imageId}-${parsed.data.size}"`;
  const headers: Record<string, string> = {
    "Content-Type": IMAGE_CONTENT_TYPE,
    "Content-Disposition": "inline",
    "Cache-Control": file.hidden ? "private, no-store" : "private, no-cache",
    "Cross-Origin-Resource-Policy": "same-origin",
    Vary: "Cookie",
  };
  if (!file.hidden) headers.ETag = etag;
  if (!file.hidden && request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(file.bytes), { status: 200, headers: { ...headers, "Content-Length": String(file.bytes.byteLength) } });
}
