import { apiRoute, preflight } from "@/lib/open-data/api-route";
import { getOpenDialogue } from "@/lib/open-data/get-open-dialogue";

export const GET = apiRoute<{ id: string }>(async (_request, { id }) => ({ data: await getOpenDialogue({ dialogueId: id }) }));
export const OPTIONS = preflight;
