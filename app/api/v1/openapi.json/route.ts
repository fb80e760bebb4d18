import { CORS_HEADERS } from "@/lib/open-data/api-route";
import { openApiDocument } from "@/lib/open-data/openapi";

// Static: the same document for everyone, built once at build time.
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=3600" } });
}
