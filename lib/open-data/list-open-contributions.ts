import { pickDistrictName, type DistrictNames } from "@/lib/districts/district-names";
import { shownDistricts } from "@/lib/districts/shown-district";
import "server-only";
import { db } from "@/lib/db/client";
import { PERSPECTIVE_ORDER, type PerspectiveSupport } from "@/lib/perspectives/perspectives";
import { PERSPECTIVE_SHOWN_SELECT, publicPerspective } from "@/lib/perspectives/public-perspective";
import type { ContributionKind, ContributionSource, ContributionStatus, Perspective } from "@/lib/generated/prisma/enums";
import { publishedDialoguePage } from "./get-open-dialogue";
import { toPage, type Page, type PageInput } from "./page";
import { visibleContribution } from "@/lib/policy/visibility";
import { listedPhotos, type ListedPhoto } from "@/lib/images/listed-photos";

/**
 * A contribution as open data: whose voice (source, and the perspective where its author shows
 * it) but never whose account, no name, no recorder or interpreter; support per perspective,
 * online and at meetings apart. The contribution's page names its author, so a private
 * perspective here would name it too (docs/decisions/024-private-perspective.md).
 */
export type OpenContribution = {
  id: string;
  kind: ContributionKind;
  status: ContributionStatus;
  theme: { id: string; key: string | null; name: string };
  language: string;
  title: string;
  body: string;
  /** The district it names, in the dialogue's language, only where at least FEW_CONTRIBUTIONS of the dialogue name it (decision 049). */
  district: string | null;
  /** Null where the author keeps it private. */
  perspective: Perspective | null;
  source: ContributionSource;
  meetingId: string | null;
  createdAt: Date;
  supports: PerspectiveSupport[];
  /** Its visible photos: description and addresses, never the bytes, never a hidden one (decision 055). */
  photos: ListedPhoto[];
};

function districtNameOf(district: { names: DistrictNames } | undefined, language: string): string | null {
  return district ? pickDistrictName(district.names, language, language).name : null;
}

/** The visible (neither hidden nor withdrawn) contributions of a published dialogue. */
export async function listOpenContributions(input: PageInput & { dialogueId: string }): Promise<Page<OpenContribution>> {
  const { dialogueId, limit, where, ...args } = await publishedDialoguePage(input);
  const rows = await db.contribution.findMany({
    ...args,
    where: { ...where, ...visibleContribution.where, dialogueId },
    select: {
      id: true,
      kind: true,
      status: true,
      theme: { select: { id: true, key: true, name: true } },
      language: true,
      title: true,
      body: true,
      dialogue: { select: { languages: true } },
      authorPerspective: true,
      voiceShowsPerspective: true,
      author: { select: PERSPECTIVE_SHOWN_SELECT },
      source: true,
      meetingId: true,
      createdAt: true,
    },
  });
  const { items, nextCursor } = toPage(rows, limit);
  const ids = items.map((item) => item.id);
  const [online, atMeetings, districts, photos] = await Promise.all([
    db.support.groupBy({ by: ["contributionId", "perspective"], where: { contributionId: { in: ids } }, _count: { _all: true } }),
    db.meetingSupport.groupBy({ by: ["contributionId", "perspective"], where: { contributionId: { in: ids } }, _sum: { count: true } }),
    // Named only where the district is shown on the pages too (decision 049).
    shownDistricts(ids),
    listedPhotos(ids),
  ]);
  const count = (id: string, perspective: Perspective) => ({
    online: online.find((row) => row.contributionId === id && row.perspective === perspective)?._count._all ?? 0,
    atMeetings: atMeetings.find((row) => row.contributionId === id && row.perspective === perspective)?._sum.count ?? 0,
  });
  return {
    items: items.map(({ authorPerspective, author, voiceShowsPerspective, dialogue, ...item }) => ({
      ...item,
      district: districtNameOf(districts.get(item.id), dialogue.languages[0] ?? "de"),
      perspective: publicPerspective(authorPerspective, author, voiceShowsPerspective, item.source !== "ONLINE"),
      supports: PERSPECTIVE_ORDER.map((perspective) => ({ perspective, ...count(item.id, perspective) })),
      photos: photos.get(item.id) ?? [],
    })),
    nextCursor,
  };
}
