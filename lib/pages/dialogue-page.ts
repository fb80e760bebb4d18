import "server-only";
import { lookup, remember, versioned } from "@/lib/cache/versioned-data";
import { db } from "@/lib/db/client";
import { languageTagSchema } from "@/lib/i18n/language-tag";
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
 *
 * What every reader sees alike — the dialogue, the list page, the open polls, the districts — is
 * kept per version of the dialogue (lib/cache/versioned-data.ts, decision 091): a render that
 * finds them kept sends the version's statement and, for a signed-in viewer, one statement for
 * their own follow and cases (loadDialogue) and one for their own supports, contributions and
 * answers among those shown. A part not kept is loaded as before, with the viewer's own marks in
 * the same statement, and kept without them.
 */
export async function loadDialoguePage(
  viewer: Viewer | null,
  input: { locale: string; municipality: string; dialogue: string },
  query: Record<string, string | string[] | undefined>,
): Promise<DialoguePageData | null> {
  const loaded = await loadDialogue(viewer, { municipalitySlug: input.municipality, dialogueSlug: input.dialogue });
  if (!loaded) return null;
  const { dialogue, publicVersion: version } = loaded;
  const page = parsePageNumber(query.page);
  // Page links carry a keyset cursor, so a deep page costs what page 1 costs (listContributions).
  const cursor = cursorQuery(query, page);
  const districtIds = (await versioned(`districts:${dialogue.id}`, version, () => listDistricts(dialogue.municipality.id))).map((district) => district.id);
  const filters = parseContributionFilters(query, { themeIds: dialogue.themes.map((theme) => theme.id), languages: dialogue.languages, districtIds });
  const listQuery = { ...filtersToQuery(filters), ...(page > 1 ? { page: String(page), ...cursor } : {}) };
  // A draft has no visible contributions (listContributions would find none): no statement for it.
  if (dialogue.phase === "DRAFT") {
    return { ...loaded, filters, listQuery, contributions: { ...NO_CONTRIBUTIONS, page }, districts: [], openPolls: [] };
  }
  const viewerId = viewer?.id ?? null;
  const listInput = { dialogueId: dialogue.id, page, locale: input.locale, filters, viewerId, ...cursor };
  const pollsInput = {
    dialogueId: dialogue.id,
    originalLanguage: dialogue.languages[0] ?? "de",
    locale: input.locale,
    // Only a language tag can be asked for (anything else means the reader's own language): the
    // kept polls' key holds nothing else a visitor typed.
    requested: typeof query.text === "string" && query.text.length <= 35 && languageTagSchema.safeParse(query.text).success ? query.text : null,
    viewerId,
  };
  // A free-text search is never kept: the words are the reader's, and a fast answer would tell
  // the next person who typed them that someone searched for them since the last write.
  const listKey = filters.q ? null : `list:${JSON.stringify([dialogue.id, input.locale, page, cursor, filters])}`;
  const pollsKey = `polls:${JSON.stringify([dialogue.id, input.locale, pollsInput.requested])}`;
  const keptList = listKey === null ? undefined : lookup<ContributionPage>(listKey, version);
  const keptPolls = lookup<OpenPoll[]>(pollsKey, version);
  const [listed, polls, map] = await Promise.all([
    keptList ?? loadAndKeep(listKey, version, listContributions(listInput), everyonesPage),
    keptPolls ?? loadAndKeep(pollsKey, version, listOpenPolls(pollsInput), everyonesPolls, closesFirst),
    districtIds.length > 0
      ? versioned(`district-map:${dialogue.id}`, version, () => getDistrictMap({ municipalityId: dialogue.municipality.id, dialogueId: dialogue.id }))
      : { districts: [] as DistrictTally[] },
  ]);
  let contributions = listed;
  let openPolls = polls;
  // The viewer's own marks on the parts that came kept (a loaded part has them already).
  const markContributions = keptList !== undefined && viewerId !== null ? listed.items.map((item) => item.id) : [];
  const markPolls = keptPolls !== undefined && viewerId !== null ? polls.map((poll) => poll.id) : [];
  if (viewerId !== null && markContributions.length + markPolls.length > 0) {
    const own = await ownMarks(viewerId, markContributions, markPolls);
    if (markContributions.length > 0) {
      contributions = { ...listed, items: listed.items.map((item) => ({ ...item, supported: own.supported.has(item.id), mine: own.mine.has(item.id) })) };
    }
    if (markPolls.length > 0) openPolls = polls.map((poll) => ({ ...poll, mine: own.answers.get(poll.id) ?? null }));
  }
  return { ...loaded, filters, listQuery, contributions, districts: map.districts, openPolls };
}

/** Keeps what every reader may see of `loading` (when it has a key) and returns it whole. */
function loadAndKeep<T>(key: string | null, version: string, loading: Promise<T>, everyones: (value: T) => T, expiresAt?: (value: T) => number): Promise<T> {
  if (key !== null) remember(key, version, loading.then(everyones), expiresAt);
  return loading;
}

const everyonesPage = (page: ContributionPage): ContributionPage => ({ ...page, items: page.items.map((item) => ({ ...item, supported: false, mine: false })) });
const everyonesPolls = (polls: OpenPoll[]): OpenPoll[] => polls.map((poll) => ({ ...poll, mine: null }));
/**
 * Open polls are kept until shortly before the first of them closes — the database decides "open"
 * by its own clock, which may run a little ahead of this process's — and a poll that opens by its
 * time shows within MAX_AGE_MS.
 */
const CLOCK_MARGIN_MS = 5_000;
const closesFirst = (polls: OpenPoll[]): number => Math.min(Infinity, ...polls.map((poll) => (poll.closesAt?.getTime() ?? Infinity) - CLOCK_MARGIN_MS));

type OwnMarks = { supported: Set<string>; mine: Set<string>; answers: Map<string, string[]> };

/** The viewer's own supports and contributions, and answers to the polls, among those shown: one statement. */
async function ownMarks(viewerId: string, contributionIds: string[], pollIds: string[]): Promise<OwnMarks> {
  const [row] = await db.$queryRaw<{ supported: string[]; mine: string[]; answers: Record<string, string[]> }[]>`
    SELECT
      ARRAY(SELECT s."contributionId"::text FROM "Support" s WHERE s."userId" = ${viewerId}::uuid AND s."contributionId" = ANY(${contributionIds}::uuid[])) AS "supported",
      ARRAY(SELECT c."id"::text FROM "Contribution" c WHERE c."authorId" = ${viewerId}::uuid AND c."id" = ANY(${contributionIds}::uuid[])) AS "mine",
      (SELECT coalesce(json_object_agg(a."pollId", a."optionIds"::text[]), '{}'::json) FROM "PollAnswer" a
        WHERE a."userId" = ${viewerId}::uuid AND a."pollId" = ANY(${pollIds}::uuid[])) AS "answers"`;
  return { supported: new Set(row?.supported ?? []), mine: new Set(row?.mine ?? []), answers: new Map(Object.entries(row?.answers ?? {})) };
}
