import "server-only";
import { db } from "@/lib/db/client";
import type { PollChoice } from "@/lib/generated/prisma/enums";
import { pickPollText, type PollText, type PollTextVersion } from "./pick-poll-text";

/** An open poll as the dialogue page shows it: to answer right there, or to follow a link to. */
export type OpenPoll = {
  id: string;
  choice: PollChoice;
  closesAt: Date | null;
  options: { id: string }[];
  /** The question and answers in the reader's language (the host team's or a machine's version), else the original; `source` says which. */
  text: PollText;
  /** The language the host team asked in (the dialogue's first). */
  originalLanguage: string;
  /** The viewer's own answer (option ids), when signed in and answered. */
  mine: string[] | null;
};

type Row = {
  id: string;
  choice: PollChoice;
  closesAt: Date | null;
  question: string;
  options: { id: string; label: string }[];
  versions: PollTextVersion[] | null;
  mine: string[] | null;
};

/**
 * The polls of a dialogue that take answers now, newest first, in one statement (the dialogue
 * page counts its statements: tests/dialogues/query-count.test.ts). "Open" is poll_state() — the
 * rule the database holds answers to — so the page offers a form exactly when an answer would be
 * taken. Nothing of anyone's answers but the viewer's own. The caller has loaded the dialogue for
 * the viewer (lib/dialogues/load-dialogue.ts decides who may read it).
 */
export async function listOpenPolls(input: { dialogueId: string; originalLanguage: string; locale: string; requested?: string | null; viewerId: string | null }): Promise<OpenPoll[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT p."id"::text AS "id", p."choice"::text AS "choice", p."closesAt", p."question",
      (SELECT json_agg(json_build_object('id', o."id", 'label', o."label") ORDER BY o."position") FROM "PollOption" o WHERE o."pollId" = p."id") AS "options",
      (SELECT json_agg(json_build_object('language', t."language", 'question', t."question", 'answers', t."answers", 'method', t."method", 'checkedAt', t."checkedAt") ORDER BY t."language") FROM "PollText" t WHERE t."pollId" = p."id") AS "versions",
      (SELECT a."optionIds"::text[] FROM "PollAnswer" a WHERE a."pollId" = p."id" AND a."userId" = ${input.viewerId}::uuid) AS "mine"
    FROM "Poll" p JOIN "Dialogue" d ON d."id" = p."dialogueId"
    WHERE p."dialogueId" = ${input.dialogueId}::uuid AND "poll_state"(p, d."phase", (now() AT TIME ZONE 'UTC')) = 'open'
    ORDER BY p."createdAt" DESC, p."id" DESC`;
  return rows.map((row) => {
    const original = { question: row.question, answers: row.options.map((option) => option.label), language: input.originalLanguage };
    const { text } = pickPollText(original, row.versions ?? [], input.locale, input.requested);
    return { id: row.id, choice: row.choice, closesAt: row.closesAt, options: row.options.map(({ id }) => ({ id })), text, originalLanguage: input.originalLanguage, mine: row.mine };
  });
}
