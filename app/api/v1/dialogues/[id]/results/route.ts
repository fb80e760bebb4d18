import { apiRoute, preflight } from "@/lib/open-data/api-route";
import { getOpenResults } from "@/lib/open-data/get-open-results";

export const GET = apiRoute<{ id: string }>(async (_request, { id }) => ({ data: await getOpenResults({ dialogueId: id }) }));
export const OPTIONS = preflight;
