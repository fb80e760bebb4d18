// A member's contribution page sends a comment's forms only when a link asks for one (decision
// 089): with 30 comments it sent, folded under each, a report form, a translation form with its
// language select, and a reply form per thread — 147 KB of its 176 KB of markup, and again in
// the RSC payload. Now each comment carries links ("?comment=…&act=…") and the page renders the
// one named form, for that comment alone, where the viewer may use it. The whole page is rendered
// here with React's HTML renderer, the German catalogue and a signed-in member's session.
import { createElement, type ComponentProps, type ReactNode } from "react";
import { prerender } from "react-dom/static";
import { NextIntlClientProvider } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";

process.env.NEXTAUTH_SECRET ??= "comment-forms-on-demand-test-secret-0123456789";
const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined) }),
}));
// next-intl's request config exists only inside Next.js: the same catalogue through our translator.
vi.mock("next-intl/server", async () => {
  const { translatorFor } = await import("@/lib/i18n/translator");
  const { loadMessages } = await import("@/lib/i18n/messages");
  return {
    getLocale: async () => "de",
    getMessages: async () => loadMessages("de"),
    getTranslations: async (given: string | { namespace: string; locale?: string }) =>
      typeof given === "string" ? translatorFor("de", given) : translatorFor(given.locale ?? "de", given.namespace),
  };
});

const { default: ContributionPage } = await import("@/app/[locale]/[municipality]/[dialogue]/c/[contributionId]/page");
const { createSession, sessionCookieName } = await import("@/lib/auth/sessions");
const { db } = await import("@/lib/db/client");
const { createContribution, createUser } = await import("@/tests/support/factories");
const { dialogueIn, participant } = await import("@/tests/support/participation");
const messages = (await import("@/messages/de.json")).default;

// One page of the thread (lib/comments/list-comments.ts): 20 threads, the member's own among
// them, and 10 replies in the first five.
const COMMENTS = 30;
let params: { locale: string; municipality: string; dialogue: string; contributionId: string };
let threads: string[];
let replies: string[];
let own: string;

beforeAll(async () => {
  const dialogue = await dialogueIn("COLLECTING");
  const need = await createContribution({ dialogueId: dialogue.id });
  const slugs = await db.dialogue.findUniqueOrThrow({ where: { id: dialogue.id }, select: { slug: true, municipality: { select: { slug: true } } } });
  params = { locale: "de", municipality: slugs.municipality.slug, dialogue: slugs.slug, contributionId: need.id };
  const member = await participant(dialogue.id);
  const others = await Promise.all(Array.from({ length: 5 }, () => createUser({ perspective: "LIVED_EXPERIENCE" })));
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
  const comment = async (minute: number, authorId: string, parentId: string | null = null) =>
    (
      await db.comment.create({
        data: { contributionId: need.id, parentId, authorId, authorPerspective: "LIVED_EXPERIENCE", language: "de", body: `Kommentar ${minute}: Im Haus 3 gibt es kein WLAN.`, createdAt: at(minute) },
        select: { id: true },
      })
    ).id;
  threads = [];
  for (let index = 0; index < 19; index++) threads.push(await comment(index, others[index % others.length]!.id));
  own = await comment(19, member.id);
  replies = [];
  for (let index = 0; index < 10; index++) replies.push(await comment(30 + index, others[(index + 1) % others.length]!.id, threads[index % 5]!));
  const { sessionToken } = await createSession(member.id);
  request.cookies.set(sessionCookieName(), sessionToken);
});

/** The page's HTML as the server renders it for the member, with `query` in its address. */
async function html(query: Record<string, string> = {}): Promise<string> {
  const page = (await ContributionPage({ params: Promise.resolve(params), searchParams: Promise.resolve(query) })) as ReactNode;
  const provider = createElement(NextIntlClientProvider, { locale: "de", messages, timeZone: "Europe/Berlin" } as ComponentProps<typeof NextIntlClientProvider>, page);
  const { prelude } = await prerender(provider);
  return new Response(prelude).text();
}

const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;
/** The forms of comments by kind, by the hidden fields that name what they act on (a translation's chooses a language). */
function commentForms(page: string) {
  return {
    report: [...page.matchAll(/name="itemType" value="comment"\/><input type="hidden" name="itemId" value="([^"]+)"/g)].map((match) => match[1]),
    translate: [...page.matchAll(/name="commentId" value="([^"]+)"\/>(?:(?!<\/form>).)*?<select[^>]*name="language"/gs)].map((match) => match[1]),
    reply: [...page.matchAll(/name="parentId" value="([^"]+)"/g)].map((match) => match[1]),
  };
}

describe("a member's contribution page with many comments", () => {
  it("sends no comment form, each comment's actions as links, and stays small", async () => {
    const page = await html();
    expect(commentForms(page)).toEqual({ report: [], translate: [], reply: [] });
    // Every comment by another can be reported and translated; every thread answered.
    expect(count(page, /act=report#comment-/g)).toBe(COMMENTS - 1);
    expect(count(page, /act=translate#comment-/g)).toBe(COMMENTS);
    expect(count(page, /act=reply#comment-/g)).toBe(20);
    // The contribution's own forms stay on the page: one each.
    expect(count(page, /name="itemType" value="contribution"/g)).toBe(1);
    // Measured 2026-12-07 in this render (React's HTML alone, no RSC payload): 143,960 bytes with
    // every comment's forms folded in (the code before decision 089), 44,936 with links.
    expect(Buffer.byteLength(page)).toBeLessThan(60_000);
  });

  it.each([
    ["report", () => threads[5]!, "report"],
    ["report", () => replies[1]!, "report"],
    ["translate", () => threads[7]!, "translate"],
    ["translate", () => own, "translate"],
    ["reply", () => threads[2]!, "reply"],
  ] as const)("renders the %s form a link asks for, for that comment alone", async (act, commentId, kind) => {
    const page = await html({ comment: commentId(), act });
    const forms = commentForms(page);
    expect(forms).toEqual({ report: [], translate: [], reply: [], [kind]: [commentId()] });
    // Open in place: the one open fold on the page, below the comment.
    const open = [...page.matchAll(/<details[^>]* open=""/g)].map((match) => match.index);
    expect(open).toHaveLength(1);
    expect(open[0]).toBeGreaterThan(page.indexOf(`id="comment-${commentId()}"`));
  });

  it.each([
    ["a report of the member's own comment", () => ({ comment: own, act: "report" })],
    ["a reply to a reply (only a thread is answered)", () => ({ comment: replies[0]!, act: "reply" })],
    ["an act the page does not know", () => ({ comment: threads[0]!, act: "edit" })],
    ["an act without a comment", () => ({ act: "report" })],
  ])("renders no comment form for %s", async (_case, query) => {
    expect(commentForms(await html(query()))).toEqual({ report: [], translate: [], reply: [] });
  });

  it("gives a reader who is not signed in neither links nor forms, whatever the address asks", async () => {
    const token = request.cookies.get(sessionCookieName())!;
    request.cookies.delete(sessionCookieName());
    try {
      const page = await html({ comment: threads[0]!, act: "report" });
      expect(commentForms(page)).toEqual({ report: [], translate: [], reply: [] });
      expect(count(page, /act=/g)).toBe(0);
    } finally {
      request.cookies.set(sessionCookieName(), token);
    }
  });
});
