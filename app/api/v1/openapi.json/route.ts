import { apiRoute, preflight } from "@/lib/open-data/api-route";
import { openApiDocument } from "@/lib/open-data/openapi";

// Per request, like every operation of the API (rate-limited; its `servers` entry is the public origin).
export const GET = apiRoute(async () => openApiDocument());
export const OPTIONS = preflight;
