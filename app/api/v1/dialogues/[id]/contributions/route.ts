import { apiRoute, paged, pageQuery, preflight } from "@/lib/open-data/api-route";
import { listOpenContributions } from "@/lib/open-data/list-open-contributions";

export const GET = apiRoute<{ id: string }>(async (request, { id }) =>
  paged(request, await listOpenContributions({ ...pageQuery(request), dialogueId: id })),
);
export const OPTIONS = preflight;
