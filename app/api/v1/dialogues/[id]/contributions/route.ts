import { apiRoute, HIDEABLE_CACHE_CONTROL, paged, pageQuery, preflight } from "@/lib/open-data/api-route";
import { listOpenContributions } from "@/lib/open-data/list-open-contributions";

// The contributions carry their photos' descriptions: cached no longer than a hide may take to show.
export const GET = apiRoute<{ id: string }>(
  async (request, { id }) => paged(request, await listOpenContributions({ ...pageQuery(request), dialogueId: id })),
  { cacheControl: HIDEABLE_CACHE_CONTROL },
);
export const OPTIONS = preflight;
