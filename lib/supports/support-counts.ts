import "server-only";
import { db } from "@/lib/db/client";
import { PERSPECTIVE_ORDER, type SupportBreakdown } from "@/lib/contributions/perspectives";

/** One contribution's support, online and at meetings, per perspective (zeros included). */
export async function supportCounts(contributionId: string): Promise<SupportBreakdown> {
  const [online, atMeetings] = await Promise.all([
    db.support.groupBy({ by: ["perspective"], where: { contributionId }, _count: { _all: true } }),
    db.meetingSupport.groupBy({ by: ["perspective"], where: { contributionId }, _sum: { count: true } }),
  ]);
  const byPerspective = PERSPECTIVE_ORDER.map((perspective) => ({
    perspective,
    online: online.find((row) => row.perspective === perspective)?._count._all ?? 0,
    atMeetings: atMeetings.find((row) => row.perspective === perspective)?._sum.count ?? 0,
  }));
  return { total: byPerspective.reduce((sum, p) => sum + p.online + p.atMeetings, 0), byPerspective };
}
