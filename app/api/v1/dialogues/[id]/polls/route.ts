import { apiRoute, preflight } from "@/lib/open-data/api-route";
import { listOpenPolls } from "@/lib/open-data/list-open-polls";

export const GET = apiRoute<{ id: string }>(async (_request, { id }) => ({ data: await listOpenPolls({ dialogueId: id }) }));
export const OPTIONS = preflight;
