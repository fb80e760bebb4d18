import { apiRoute, paged, pageQuery, preflight } from "@/lib/open-data/api-route";
import { listOpenDialogues } from "@/lib/open-data/list-open-dialogues";

export const GET = apiRoute<{ slug: string }>(async (request, { slug }) =>
  paged(request, await listOpenDialogues({ ...pageQuery(request), municipalitySlug: slug })),
);
export const OPTIONS = preflight;
