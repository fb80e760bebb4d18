import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { TranslationMethod } from "@/lib/generated/prisma/enums";
import { can, type Viewer } from "@/lib/policy/policy";

export type PollTextPage = NonNullable<Awaited<ReturnType<typeof loadPollTextPage>>>;

/**
 * The page of a poll's versions in other languages (/texts/poll/<id>): the question and answers
 * as asked, each version with how it came about, and the viewer's flags — the host team writes
 * its own words (`poll-text:write`) and checks volunteers' versions (`translation:check`),
 * volunteers translate (`translation:create`, as they translate the dialogue's other texts).
 * Null for everyone else, as for nothing. Request-cached.
 */
export const loadPollTextPage = cache(async (viewer: Viewer | null, pollId: string) => {
  if (!/^[0-9a-f-]{36}$/i.test(pollId)) return null;
  const poll = await db.poll.findUnique({
    where: { id: pollId },
    select: {
      id: true,
      question: true,
      options: { orderBy: { position: "asc" }, select: { label: true } },
      texts: { orderBy: { language: "asc" }, select: { language: true, question: true, answers: true, method: true, writtenById: true, checkedAt: true } },
      dialogue: { select: { id: true, slug: true, languages: true, municipalityId: true, phase: true, municipality: { select: { slug: true } } } },
    },
  });
  if (!poll) return null;
  const { dialogue } = poll;
  const resource = { municipalityId: dialogue.municipalityId, dialogueId: dialogue.id, phase: dialogue.phase };
  const mayWrite = can(viewer, "poll-text:write", resource);
  const mayTranslate = can(viewer, "translation:create", resource);
  if (!mayWrite && !mayTranslate) return null;
  const originalLanguage = dialogue.languages[0] ?? "de";
  return {
    id: poll.id,
    original: { question: poll.question, answers: poll.options.map((option) => option.label), language: originalLanguage },
    languages: dialogue.languages,
    versions: poll.texts.filter((text) => text.language !== originalLanguage) as {
      language: string;
      question: string;
      answers: string[];
      method: TranslationMethod;
      writtenById: string | null;
      checkedAt: Date | null;
    }[],
    mayWrite,
    /** translation:check: the host team marks a volunteer's version checked, as the dialogue's other texts. */
    mayCheck: can(viewer, "translation:check", resource),
    viewerId: viewer?.id ?? null,
    page: { municipality: dialogue.municipality.slug, dialogue: dialogue.slug },
  };
});
