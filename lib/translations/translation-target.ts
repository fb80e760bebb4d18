import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Resource } from "@/lib/policy/policy";

export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const TRANSLATION_TITLE_MAX = 200;
/** The database's limit (constraint translation_body_length): translations may run longer than originals. */
export const TRANSLATION_BODY_MAX = 10000;

/** What is translated: exactly one contribution or one comment. */
export const targetInput = z.object({ contributionId: z.uuid().optional(), commentId: z.uuid().optional() });
export const exactlyOneTarget = (value: { contributionId?: string; commentId?: string }) =>
  (value.contributionId === undefined) !== (value.commentId === undefined);

export type TranslationTarget = {
  kind: "contribution" | "comment";
  where: { contributionId: string } | { commentId: string };
  /** The original's language and text. */
  language: string;
  title: string | null;
  body: string;
  /** The dialogue's languages: the only ones it is translated into. */
  dialogueLanguages: string[];
  resource: Resource;
};

/**
 * The contribution or comment a translation belongs to, as the policy sees it (no owner: a
 * translation is not the author's own). Withdrawn, hidden and deleted texts are not translated.
 */
export async function translationTarget(target: { contributionId?: string; commentId?: string }): Promise<TranslationTarget> {
  const dialogue = { select: { id: true, municipalityId: true, phase: true, languages: true } } as const;
  if (target.contributionId) {
    const row = await db.contribution.findUnique({
      where: { id: target.contributionId },
      select: { id: true, title: true, body: true, language: true, withdrawnAt: true, hiddenAt: true, dialogue },
    });
    if (!row || row.withdrawnAt || row.hiddenAt) throw new AppError("NOT_FOUND", "contribution not found");
    return {
      kind: "contribution",
      where: { contributionId: row.id },
      language: row.language,
      title: row.title,
      body: row.body,
      dialogueLanguages: row.dialogue.languages,
      resource: { municipalityId: row.dialogue.municipalityId, dialogueId: row.dialogue.id, phase: row.dialogue.phase },
    };
  }
  const row = await db.comment.findUnique({
    where: { id: target.commentId },
    select: {
      id: true,
      body: true,
      language: true,
      deletedAt: true,
      hiddenAt: true,
      contribution: { select: { withdrawnAt: true, hiddenAt: true, dialogue } },
    },
  });
  if (!row || row.deletedAt || row.hiddenAt || row.contribution.withdrawnAt || row.contribution.hiddenAt) {
    throw new AppError("NOT_FOUND", "comment not found");
  }
  const { dialogue: d } = row.contribution;
  return {
    kind: "comment",
    where: { commentId: row.id },
    language: row.language,
    title: null,
    body: row.body,
    dialogueLanguages: d.languages,
    resource: { municipalityId: d.municipalityId, dialogueId: d.id, phase: d.phase },
  };
}

/** Refuses a language the dialogue does not run in, or the original's own, with a message at the field. */
export function assertTargetLanguage(target: TranslationTarget, language: string): void {
  if (language === target.language) {
    throw new AppError("INVALID_INPUT", "same language as the original", { fieldErrors: { language: [{ key: "translations.sameAsOriginal" }] } });
  }
  if (!target.dialogueLanguages.includes(language)) {
    throw new AppError("INVALID_INPUT", "not a language of the dialogue", { fieldErrors: { language: [{ key: "translations.notDialogueLanguage" }] } });
  }
}

export function alreadyTranslated(): AppError {
  return new AppError("CONFLICT", "translation exists", { fieldErrors: { language: [{ key: "translations.alreadyTranslated" }] } });
}
