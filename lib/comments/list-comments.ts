import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { voice, type PublicPerson } from "@/lib/contributions/get-contribution";
import { PERSPECTIVE_SHOWN_SELECT } from "@/lib/perspectives/public-perspective";

// A contribution's comments, a page at a time, so that its page costs the same with ten
// comments and with ten thousand: THREADS_PER_PAGE top-level comments in the order they were
// written, each with at most REPLIES_PER_THREAD of its replies. Pages are found by keyset (the
// first comment shown, or the one before which to show), never by offset, so the last page
// costs what the first does. The queries are the same few whatever the thread's length.

export const THREADS_PER_PAGE = 20;
export const REPLIES_PER_THREAD = 10;

/** Which part of the thread to show, from the page's query; anything unusable shows the first page. */
export const commentWindowInput = z.object({
  /** The first top-level comment shown ("later comments"). */
  from: z.uuid().optional().catch(undefined),
  /** Show the top-level comments just before this one ("earlier comments"). */
  before: z.uuid().optional().catch(undefined),
  /** A linked comment (notifications, moderation): the page that holds it, its replies from it. */
  comment: z.uuid().optional().catch(undefined),
  /** The newest comments. */
  last: z.literal("1").optional().catch(undefined),
});
export type CommentWindow = z.output<typeof commentWindowInput>;

const commentSelect = {
  id: true,
  parentId: true,
  body: true,
  language: true,
  /** A voice comment pending its transcript (decision 046). */
  awaitingTranscript: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenCategory: true,
  authorPerspective: true,
  author: { select: { id: true, displayName: true, ...PERSPECTIVE_SHOWN_SELECT } },
} satisfies Prisma.CommentSelect;

type Row = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;
export type CommentView = Omit<Row, "authorPerspective" | "author"> & { author: PublicPerson };
export type CommentThreadView = CommentView & {
  replies: CommentView[];
  /** Replies before the first one shown (the thread was opened at a linked reply). */
  earlierReplies: boolean;
  /** The next reply not shown, to link to with `?comment=`; null when all are shown. */
  moreReplies: string | null;
};
export type CommentPage = {
  /** Every comment and reply of the contribution, deleted ones included (they keep their place). */
  total: number;
  threads: CommentThreadView[];
  /** `before=` for the page of earlier comments, or null on the first page. */
  earlier: string | null;
  /** `from=` for the page of later comments, or null on the last page. */
  later: string | null;
};

type Key = { id: string; createdAt: Date };
const atOrAfter = (key: Key) => ({ OR: [{ createdAt: { gt: key.createdAt } }, { createdAt: key.createdAt, id: { gte: key.id } }] });
const before = (key: Key) => ({ OR: [{ createdAt: { lt: key.createdAt } }, { createdAt: key.createdAt, id: { lt: key.id } }] });
const ascending = [{ createdAt: "asc" as const }, { id: "asc" as const }];
const descending = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/**
 * One page of the comments of a contribution the caller has already found visible
 * (getContribution). A deleted comment keeps its place (its replies stay) but not its words;
 * a hidden one too, for all but its author.
 */
export async function listComments(contributionId: string, window: CommentWindow, viewerId: string | null): Promise<CommentPage> {
  const topLevel = { contributionId, parentId: null };
  const totalQuery = db.comment.count({ where: { contributionId } });

  // Where the page starts: a linked comment (its thread, and the reply itself), or a keyset.
  let anchor: Key | null = null;
  let linkedReply: (Key & { parentId: string }) | null = null;
  let mode: "first" | "from" | "before" | "last" = window.last ? "last" : "first";
  if (window.comment) {
    const linked = await db.comment.findFirst({
      where: { id: window.comment, contributionId },
      select: { id: true, createdAt: true, parentId: true, parent: { select: { id: true, createdAt: true } } },
    });
    if (linked) {
      mode = "from";
      anchor = linked.parent ?? linked;
      if (linked.parentId) linkedReply = { id: linked.id, createdAt: linked.createdAt, parentId: linked.parentId };
    }
  } else if (window.from || window.before) {
    anchor = await db.comment.findFirst({ where: { ...topLevel, id: window.from ?? window.before }, select: { id: true, createdAt: true } });
    if (anchor) mode = window.from ? "from" : "before";
  }

  let threads: Row[];
  let earlier: string | null = null;
  let later: string | null = null;
  if (mode === "first" || mode === "from") {
    const [rows, previous] = await Promise.all([
      db.comment.findMany({ where: { ...topLevel, ...(anchor ? atOrAfter(anchor) : {}) }, orderBy: ascending, take: THREADS_PER_PAGE + 1, select: commentSelect }),
      anchor ? db.comment.findFirst({ where: { ...topLevel, ...before(anchor) }, select: { id: true } }) : null,
    ]);
    threads = rows.slice(0, THREADS_PER_PAGE);
    later = rows[THREADS_PER_PAGE]?.id ?? null;
    earlier = previous && threads[0] ? threads[0].id : null;
  } else {
    const rows = await db.comment.findMany({
      where: { ...topLevel, ...(anchor ? before(anchor) : {}) },
      orderBy: descending,
      take: THREADS_PER_PAGE + 1,
      select: commentSelect,
    });
    threads = rows.slice(0, THREADS_PER_PAGE).reverse();
    earlier = rows.length > THREADS_PER_PAGE && threads[0] ? threads[0].id : null;
    later = anchor?.id ?? null;
  }

  const replies = await repliesOf(threads.map((thread) => thread.id), linkedReply);
  const total = await totalQuery;
  const shown = (row: Row): CommentView => view(row, viewerId);
  return {
    total,
    earlier,
    later,
    threads: threads.map((thread) => {
      const window = replies.get(thread.id) ?? { rows: [], earlierReplies: false };
      return {
        ...shown(thread),
        replies: window.rows.slice(0, REPLIES_PER_THREAD).map(shown),
        earlierReplies: window.earlierReplies,
        moreReplies: window.rows[REPLIES_PER_THREAD]?.id ?? null,
      };
    }),
  };
}

type ReplyRow = Omit<Row, "author"> & { authorId: string; authorName: string; authorShows: boolean; authorDeletedAt: Date | null };

/**
 * The first REPLIES_PER_THREAD + 1 replies of each thread with their authors (one statement, an
 * index range per thread; issue 16: it was three — the ids, the rows, their people); for the
 * thread of a linked reply that is not among them, the replies from it on.
 */
async function repliesOf(threadIds: string[], linkedReply: (Key & { parentId: string }) | null) {
  const windows = new Map<string, { rows: Row[]; earlierReplies: boolean }>();
  if (threadIds.length === 0) return windows;
  const [first, fromLinked] = await Promise.all([
    db.$queryRaw<ReplyRow[]>(Prisma.sql`
      SELECT r.* FROM unnest(${threadIds}::uuid[]) AS t("id")
      CROSS JOIN LATERAL (
        SELECT c."id", c."parentId", c."body", c."language", c."awaitingTranscript", c."createdAt", c."editedAt", c."deletedAt",
          c."hiddenCategory"::text AS "hiddenCategory", c."authorPerspective"::text AS "authorPerspective", u."id" AS "authorId", u."displayName" AS "authorName",
          u."showPerspective" AS "authorShows", u."deletedAt" AS "authorDeletedAt"
        FROM "Comment" c JOIN "User" u ON u."id" = c."authorId"
        WHERE c."parentId" = t."id" ORDER BY c."createdAt", c."id" LIMIT ${REPLIES_PER_THREAD + 1}
      ) r`),
    linkedReply
      ? db.comment.findMany({
          where: { parentId: linkedReply.parentId, ...atOrAfter(linkedReply) },
          orderBy: ascending,
          take: REPLIES_PER_THREAD + 1,
          select: commentSelect,
        })
      : [],
  ]);
  const firstRows: Row[] = first.map(({ authorId, authorName, authorShows, authorDeletedAt, ...reply }) => ({
    ...reply,
    author: { id: authorId, displayName: authorName, showPerspective: authorShows, deletedAt: authorDeletedAt },
  }));
  // A linked reply among the first ones is shown where it is; otherwise its thread opens at it.
  const openAtLinked = linkedReply !== null && !firstRows.some((row) => row.id === linkedReply.id);
  const rows = [...(openAtLinked ? firstRows.filter((row) => row.parentId !== linkedReply.parentId) : firstRows), ...(openAtLinked ? fromLinked : [])].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const row of rows) {
    const threadId = row.parentId!;
    const opened = openAtLinked && threadId === linkedReply.parentId;
    const window = windows.get(threadId) ?? { rows: [], earlierReplies: opened };
    window.rows.push(row);
    windows.set(threadId, window);
  }
  return windows;
}

function view(row: Row, viewerId: string | null): CommentView {
  const { authorPerspective, author, ...comment } = row;
  // A deleted comment keeps its place but not its words; a hidden one too, for all but its author.
  const withoutWords = comment.deletedAt !== null || (comment.hiddenCategory !== null && author.id !== viewerId);
  return {
    ...comment,
    body: withoutWords ? "" : comment.body,
    author: voice(author, authorPerspective),
  };
}
