import { CORS_HEADERS } from "@/lib/open-data/api-route";
import { exportJsonSchema } from "@/lib/open-data/openapi";

export function GET(): Response {
  return Response.json(exportJsonSchema(), { headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=3600" } });
}
