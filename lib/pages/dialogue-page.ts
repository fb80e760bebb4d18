import "server-only";
import { filtersToQuery, parseContributionFilters, type ContributionFilters } from "@/lib/contributions/contribution-filters";
import { cursorQuery, listContributions, parsePageNumber, type ContributionPage } from "@/lib/contributions/list-contributions";
import { getDistrictMap, type DistrictTally } from "@/lib/districts/get-district-map";
import { listDistricts } from "@/lib/districts/list-districts";
import type { Viewer } from "@/lib/policy/policy";
import { listOpenPolls, type OpenPoll } from "@/lib/polls/list-open-polls";
import { loadDialogue, type DialogueForViewer } from "@/lib/dialogues/load-dialogue";

export type DialoguePageData = DialogueForViewer & {
  filters: ContributionFilters;
  /** The list's own query (filters and page), for links and forms that come back to this list position. */
  listQuery: Record<string, string>;
  contributions: ContributionPage;
  /** The municipality's districts with this dialogue's counts (decision 049); empty without districts or in a draft. */
  districts: DistrictTally[];
  /** The polls that take answers now (a draft has none). */
  openPolls: OpenPoll[];
};

const NO_CONTRIBUTIONS: Omit<ContributionPage, "page"> = { items: [], pageCount: 1, total: 0, cursors: { first: null, last: null } };

/**
 * Everything app/[locale]/[municipality]/[dialogue]/page.tsx shows, for `viewer`: the dialogue
 * (request-cached, shared with generateMetadata), its permission flags and one page of its
 * contributions, and the polls open now. What the page renders comes from here and nowhere else
 * (tests/dialogues/query-count.test.ts counts these statements).
 */
export async function loadDialoguePage(
  viewer: Viewer | null,
  input: { locale: string; municipality: string; dialogue: string },
  query: Record<string, string | string[] | undefined>,
): Promise<DialoguePageData | null> {
  const loaded = await loadDialogue(viewer, { municipalitySlug: input.municipality, dialogueSlug: input.dialogue });
  if (!loaded) return null;
  const { dialogue } = loaded;
  const page = parsePageNumber(query.page);
  // Page links carry a keyset cursor, so a deep page costs what page 1 costs (listContributions).
  const cursor = cursorQuery(query, page);
  const districtIds = (await listDistricts(dialogue.municipality.id)).map((district) => district.id);
  const filters = parseContributionFilters(query, { themeIds: dialogue.themes.map((theme) => theme.id), languages: dialogue.languages, districtIds });
  // A draft has no visible contributions (listContributions would find none): no statement for it.
  const [contributions, map, openPolls] =
    dialogue.phase === "DRAFT"
      ? [{ ...NO_CONTRIBUTIONS, page }, { districts: [] as DistrictTally[] }, []]
      : await Promise.all([
          listContributions({ dialogueId: dialogue.id, page, locale: input.locale, filters, viewerId: viewer?.id ?? null, ...cursor }),
          districtIds.length > 0 ? getDistrictMap({ municipalityId: dialogue.municipality.id, dialogueId: dialogue.id }) : { districts: [] },
          listOpenPolls({
            dialogueId: dialogue.id,
            originalLanguage: dialogue.languages[0] ?? "de",
            locale: input.locale,
            requested: typeof query.text === "string" ? query.text : null,
            viewerId: viewer?.id ?? null,
          }),
        ]);
  const listQuery = { ...filtersToQuery(filters), ...(page > 1 ? { page: String(page), ...cursor } : {}) };
  return { ...loaded, filters, listQuery, contributions, districts: map.districts, openPolls };
}
