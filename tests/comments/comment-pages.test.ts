// A contribution's comments are read a page at a time (lib/comments/list-comments.ts): the page
// costs the same SQL statements and holds at most the same number of comments with 10 comments
// as with 2,500, on its first page, deep in the thread, and when a link names a reply far down
// a long thread. Links from notifications (`?comment=<id>`) land on the page that holds it.
import { describe, expect, it, vi } from "vitest";

const statements = vi.hoisted(() => ({ log: [] as string[] }));
vi.mock("@/lib/db/client", async () => (await import("@/tests/support/statement-log")).reportingClient((query) => statements.log.push(query)));

const { db } = await import("@/lib/db/client");
const { listComments, REPLIES_PER_THREAD, THREADS_PER_PAGE } = await import("@/lib/comments/list-comments");
type CommentWindow = import("@/lib/comments/list-comments").CommentWindow;
const { createContribution, createUser } = await import("@/tests/support/factories");
const { dialogueIn } = await import("@/tests/support/participation");

/**
 * A contribution with `threads` top-level comments, one a second, and `replies` replies to its
 * first one: inserted by one INSERT … SELECT generate_series each, in order of their number.
 */
async function contributionWith(threads: number, replies: number) {
  const dialogue = await dialogueIn("COLLECTING");
  const contribution = await createContribution({ dialogueId: dialogue.id, kind: "PROPOSAL" });
  const author = await createUser();
  await db.$executeRaw`
    INSERT INTO "Comment" ("id", "contributionId", "authorId", "authorPerspective", "body", "language", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${contribution.id}::uuid, ${author.id}::uuid, 'NOT_STATED', 'Kommentar ' || g, 'de',
           timestamp '2026-01-01' + g * interval '1 second', now()
    FROM generate_series(1, ${threads}::int) g`;
  const first = await db.comment.findFirstOrThrow({ where: { contributionId: contribution.id, body: "Kommentar 1" } });
  await db.$executeRaw`
    INSERT INTO "Comment" ("id", "contributionId", "parentId", "authorId", "authorPerspective", "body", "language", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${contribution.id}::uuid, ${first.id}::uuid, ${author.id}::uuid, 'NOT_STATED', 'Antwort ' || g, 'de',
           timestamp '2026-01-02' + g * interval '1 second', now()
    FROM generate_series(1, ${replies}::int) g`;
  const idOf = async (body: string) => (await db.comment.findFirstOrThrow({ where: { contributionId: contribution.id, body }, select: { id: true } })).id;
  return { contribution, idOf };
}

let small: ReturnType<typeof contributionWith> | undefined;
let large: ReturnType<typeof contributionWith> | undefined;
const smallOne = () => (small ??= contributionWith(10, 12));
const largeOne = () => (large ??= contributionWith(1000, 1500));

async function measured(contributionId: string, window: CommentWindow) {
  statements.log = [];
  const page = await listComments(contributionId, window, null);
  const count = statements.log.length;
  return { count, page, size: JSON.stringify(page).length };
}

describe("a contribution page's comments", () => {
  it.each([
    ["the first page", async () => ({})],
    ["a later page", async (idOf: (body: string) => Promise<string>) => ({ from: await idOf("Kommentar 5") })],
    ["an earlier page", async (idOf: (body: string) => Promise<string>) => ({ before: await idOf("Kommentar 9") })],
    ["the newest comments", async () => ({ last: "1" as const })],
    ["a linked reply beyond the first ones", async (idOf: (body: string) => Promise<string>) => ({ comment: await idOf("Antwort 12") })],
  ])("cost the same statements with 22 and with 2,500 comments: %s", async (_what, windowOf) => {
    const [few, many] = [await smallOne(), await largeOne()];
    const cheap = await measured(few.contribution.id, await windowOf(few.idOf));
    const dear = await measured(many.contribution.id, await windowOf(many.idOf));
    expect(dear.count).toBe(cheap.count);
    expect(dear.count).toBeLessThanOrEqual(10);
    if (process.env.SHOW_STATEMENTS) console.log(statements.log.join("\n"));
    expect(dear.page.threads.length).toBeLessThanOrEqual(THREADS_PER_PAGE);
    for (const thread of dear.page.threads) expect(thread.replies.length).toBeLessThanOrEqual(REPLIES_PER_THREAD);
    // At most a page of threads with their first replies, however long the whole thread is.
    expect(dear.size).toBeLessThan(40_000);
  });

  it("counts every comment, and the pages together show every top-level comment once, forwards and back", async () => {
    const { contribution } = await contributionWith(45, 3);
    const forwards: string[] = [];
    let page = await listComments(contribution.id, {}, null);
    expect(page.total).toBe(48);
    expect(page.earlier).toBeNull();
    forwards.push(...page.threads.map((thread) => thread.body));
    while (page.later) {
      page = await listComments(contribution.id, { from: page.later }, null);
      forwards.push(...page.threads.map((thread) => thread.body));
    }
    expect(forwards).toEqual(Array.from({ length: 45 }, (_, i) => `Kommentar ${i + 1}`));

    const backwards: string[] = [];
    page = await listComments(contribution.id, { last: "1" }, null);
    expect(page.later).toBeNull();
    backwards.unshift(...page.threads.map((thread) => thread.body));
    while (page.earlier) {
      page = await listComments(contribution.id, { before: page.earlier }, null);
      backwards.unshift(...page.threads.map((thread) => thread.body));
    }
    expect(backwards).toEqual(forwards);
  });

  it("shows a thread's first replies with a link to the next one, and opens a thread at a linked reply", async () => {
    const { contribution, idOf } = await contributionWith(30, 25);
    const first = await listComments(contribution.id, {}, null);
    const thread = first.threads[0]!;
    expect(thread.replies.map((reply) => reply.body)).toEqual(Array.from({ length: REPLIES_PER_THREAD }, (_, i) => `Antwort ${i + 1}`));
    expect(thread.earlierReplies).toBe(false);
    expect(thread.moreReplies).toBe(await idOf(`Antwort ${REPLIES_PER_THREAD + 1}`));

    const linked = await listComments(contribution.id, { comment: await idOf("Antwort 17") }, null);
    expect(linked.threads[0]?.body).toBe("Kommentar 1");
    expect(linked.threads[0]?.replies[0]?.body).toBe("Antwort 17");
    expect(linked.threads[0]?.earlierReplies).toBe(true);

    // A reply among the first ones is shown where it stands.
    const near = await listComments(contribution.id, { comment: await idOf("Antwort 3") }, null);
    expect(near.threads[0]?.replies[0]?.body).toBe("Antwort 1");
    expect(near.threads[0]?.earlierReplies).toBe(false);
  });

  it("lands a linked top-level comment from a later page at the top of its page", async () => {
    const { contribution, idOf } = await contributionWith(50, 0);
    const page = await listComments(contribution.id, { comment: await idOf("Kommentar 37") }, null);
    expect(page.threads[0]?.body).toBe("Kommentar 37");
    expect(page.earlier).not.toBeNull();
  });

  it.each([
    ["a comment of another contribution", async () => (await contributionWith(3, 0)).idOf("Kommentar 2")],
    ["an id that is none", async () => "0190a000-0000-7000-8000-000000000000"],
  ])("shows the first page for %s", async (_, commentId) => {
    const { contribution } = await contributionWith(25, 0);
    const page = await listComments(contribution.id, { comment: await commentId() }, null);
    expect(page.threads[0]?.body).toBe("Kommentar 1");
  });
});
