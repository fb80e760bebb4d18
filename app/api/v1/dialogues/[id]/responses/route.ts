import { apiRoute, HIDEABLE_CACHE_CONTROL, paged, pageQuery, preflight } from "@/lib/open-data/api-route";
import { listOpenResponses } from "@/lib/open-data/list-open-responses";

// The town's answers are texts about contributions and leave with a contribution the moderation
// hides: cached no longer than a hide may take to show, as the contributions themselves.
export const GET = apiRoute<{ id: string }>(
  async (request, { id }) => paged(request, await listOpenResponses({ ...pageQuery(request), dialogueId: id })),
  { cacheControl: HIDEABLE_CACHE_CONTROL },
);
export const OPTIONS = preflight;
