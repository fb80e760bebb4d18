import { PERSPECTIVE_ORDER, type Perspective } from "@/lib/perspectives/perspectives";

// The small-number rule of poll results (decision 048). A poll asks people directly, and its
// question may be close to them ("Do you live in the shelter?"): a perspective group of one or
// two would show what those people answered — and that someone of that group answered at all.
// So a group's answers are published only when at least POLL_MIN_GROUP people of it answered;
// otherwise the group is listed as "fewer than POLL_MIN_GROUP" with no numbers — an empty group
// too, or "fewer than 5" next to "nobody" would tell that someone of that group answered —, and no total
// across groups is published (it would give a hidden group's numbers back by subtraction).
// Results are published only once the poll is closed and answers are final (the database
// refuses changes then), so no one can read a person's answer off the difference between two
// moments either.

export const POLL_MIN_GROUP = 5;

/** One perspective group's answers: counts per option (in position order), or hidden. */
export type GroupTally =
  | { perspective: Perspective; shown: true; people: number | null; counts: number[] }
  | { perspective: Perspective; shown: false };

/**
 * Online answers per perspective: `people` is how many answered from the group, `counts` how
 * many chose each option. Shown only when at least POLL_MIN_GROUP people of the group answered.
 */
export function onlineTally(rows: readonly { perspective: Perspective; people: number; counts: readonly number[] }[], optionCount: number): GroupTally[] {
  return PERSPECTIVE_ORDER.map((perspective) => {
    const row = rows.find((r) => r.perspective === perspective);
    const people = row?.people ?? 0;
    if (people < POLL_MIN_GROUP) return { perspective, shown: false };
    return { perspective, shown: true, people, counts: padded(row?.counts ?? [], optionCount) };
  });
}

/**
 * Hands counted at meetings per perspective (all meetings together). How many people raised
 * them is not recorded, only hands per answer: at least the sum for a single-choice poll, at
 * least the largest count for a multiple-choice one. That lower bound must reach POLL_MIN_GROUP
 * (a group without a hand counted is hidden alike).
 */
export function meetingTally(rows: readonly { perspective: Perspective; counts: readonly number[] }[], optionCount: number, multiple: boolean): GroupTally[] {
  return PERSPECTIVE_ORDER.map((perspective) => {
    const counts = padded(rows.find((r) => r.perspective === perspective)?.counts ?? [], optionCount);
    const atLeast = multiple ? Math.max(0, ...counts) : counts.reduce((sum, count) => sum + count, 0);
    if (atLeast < POLL_MIN_GROUP) return { perspective, shown: false };
    return { perspective, shown: true, people: multiple ? null : atLeast, counts };
  });
}

function padded(counts: readonly number[], length: number): number[] {
  return Array.from({ length }, (_, index) => counts[index] ?? 0);
}
