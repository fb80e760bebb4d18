import "server-only";
import { db } from "@/lib/db/client";
import { PERSPECTIVE_ORDER, type Perspective, type SupportBreakdown } from "@/lib/perspectives/perspectives";

/** One contribution's support, online and at meetings, per perspective (zeros included). */
export async function supportCounts(contributionId: string): Promise<SupportBreakdown> {
  const [online, atMeetings] = await Promise.all([
    db.support.groupBy({ by: ["perspective"], where: { contributionId }, _count: { _all: true } }),
    db.meetingSupport.groupBy({ by: ["perspective"], where: { contributionId }, _sum: { count: true } }),
  ]);
  return supportBreakdown(
    online.map((row) => ({ perspective: row.perspective, count: row._count._all })),
    atMeetings.map((row) => ({ perspective: row.perspective, count: row._sum.count ?? 0 })),
  );
}

/** The breakdown from counts already loaded: supports online per perspective, and rows counted at meetings (summed per perspective). */
export function supportBreakdown(online: readonly { perspective: Perspective; count: number }[], atMeetings: readonly { perspective: Perspective; count: number }[]): SupportBreakdown {
  const byPerspective = PERSPECTIVE_ORDER.map((perspective) => ({
    perspective,
    online: online.filter((row) => row.perspective === perspective).reduce((sum, row) => sum + row.count, 0),
    atMeetings: atMeetings.filter((row) => row.perspective === perspective).reduce((sum, row) => sum + row.count, 0),
  }));
  return { total: byPerspective.reduce((sum, p) => sum + p.online + p.atMeetings, 0), byPerspective };
}

/** Many contributions' support at once (two queries), each in PERSPECTIVE_ORDER with zeros. */
export async function supportCountsOf(contributionIds: readonly string[]): Promise<Map<string, SupportBreakdown>> {
  const ids = [...contributionIds];
  const [online, atMeetings] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db.support.groupBy({ by: ["contributionId", "perspective"], where: { contributionId: { in: ids } }, _count: { _all: true } }),
          db.meetingSupport.groupBy({ by: ["contributionId", "perspective"], where: { contributionId: { in: ids } }, _sum: { count: true } }),
        ]);
  return new Map(
    ids.map((id) => {
      const byPerspective = PERSPECTIVE_ORDER.map((perspective) => ({
        perspective,
        online: online.find((row) => row.contributionId === id && row.perspective === perspective)?._count._all ?? 0,
        atMeetings: atMeetings.find((row) => row.contributionId === id && row.perspective === perspective)?._sum.count ?? 0,
      }));
      return [id, { total: byPerspective.reduce((sum, p) => sum + p.online + p.atMeetings, 0), byPerspective }];
    }),
  );
}
