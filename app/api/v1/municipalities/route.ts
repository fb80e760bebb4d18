import { apiRoute, paged, pageQuery, preflight } from "@/lib/open-data/api-route";
import { listOpenMunicipalities } from "@/lib/open-data/list-open-municipalities";

export const GET = apiRoute(async (request) => paged(request, await listOpenMunicipalities(pageQuery(request))));
export const OPTIONS = preflight;
