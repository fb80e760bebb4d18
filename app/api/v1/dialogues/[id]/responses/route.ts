import { apiRoute, paged, pageQuery, preflight } from "@/lib/open-data/api-route";
import { listOpenResponses } from "@/lib/open-data/list-open-responses";

export const GET = apiRoute<{ id: string }>(async (request, { id }) =>
  paged(request, await listOpenResponses({ ...pageQuery(request), dialogueId: id })),
);
export const OPTIONS = preflight;
