import { z } from "zod";
import { getLogo } from "@/lib/municipalities/get-branding";

/**
 * The municipality's logo from our own origin (no third-party request from any page): the PNG
 * re-encoded at upload (decision 036). Addressed with its version (?v=), so it may be kept a
 * year; `nosniff` (next.config.js) and a CSP without anything allowed keep it an image.
 */
export async function GET(request: Request, { params }: { params: Promise<{ municipalityId: string }> }): Promise<Response> {
  const id = z.uuid().safeParse((await params).municipalityId);
  const logo = id.success ? await getLogo(id.data) : null;
  if (!logo) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  const etag = `"${logo.updatedAt.getTime()}"`;
  const versioned = new URL(request.url).searchParams.get("v") === String(logo.updatedAt.getTime());
  const headers = {
    "Content-Type": logo.contentType,
    "Content-Disposition": "inline",
    "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
    ETag: etag,
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(logo.bytes, { status: 200, headers: { ...headers, "Content-Length": String(logo.bytes.byteLength) } });
}
