import "server-only";
import { db } from "@/lib/db/client";
import { PERSPECTIVE_ORDER, type Perspective } from "@/lib/perspectives/perspectives";

export type MeetingSupportTally = {
  meeting: { id: string; title: string; startsAt: Date };
  counts: { perspective: Perspective; count: number }[];
};

/** Supports counted at meetings for one contribution, per meeting (latest first) and perspective (lived experience first). */
export async function listMeetingSupports(contributionId: string): Promise<MeetingSupportTally[]> {
  const rows = await db.meetingSupport.findMany({
    where: { contributionId },
    select: { perspective: true, count: true, meeting: { select: { id: true, title: true, startsAt: true } } },
  });
  return meetingSupportTallies(rows);
}

/** Rows counted at meetings as tallies per meeting (latest first) and perspective (lived experience first). */
export function meetingSupportTallies(rows: readonly { perspective: Perspective; count: number; meeting: { id: string; title: string; startsAt: Date } }[]): MeetingSupportTally[] {
  const byMeeting = new Map<string, MeetingSupportTally>();
  for (const row of rows) {
    let tally = byMeeting.get(row.meeting.id);
    if (!tally) byMeeting.set(row.meeting.id, (tally = { meeting: row.meeting, counts: [] }));
    tally.counts.push({ perspective: row.perspective, count: row.count });
  }
  const order = (perspective: Perspective) => PERSPECTIVE_ORDER.indexOf(perspective);
  return [...byMeeting.values()]
    .map((tally) => ({ ...tally, counts: tally.counts.sort((a, b) => order(a.perspective) - order(b.perspective)) }))
    .sort((a, b) => b.meeting.startsAt.getTime() - a.meeting.startsAt.getTime());
}
