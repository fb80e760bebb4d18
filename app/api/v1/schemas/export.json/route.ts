import { apiRoute, preflight } from "@/lib/open-data/api-route";
import { exportJsonSchema } from "@/lib/open-data/openapi";

// Per request, like every operation of the API (rate-limited; its `$id` is on the public origin).
export const GET = apiRoute(async () => exportJsonSchema());
export const OPTIONS = preflight;
