import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ModerationActionType } from "@/lib/generated/prisma/enums";
import { locales } from "@/lib/i18n/routing";
import type { Resource, SignedInPermission } from "@/lib/policy/policy";
import { publishedDialogue, visibleContribution } from "@/lib/policy/visibility";

/** The fields a translation may carry besides its body. */
export type TranslatedFields = { title: string | null; summary: string | null; place: string | null; codeOfConduct: string | null; body: string };

/**
 * How long each field of a translation may be. The body's is the database's limit (constraint
 * translation_body_length): translations may run longer than originals.
 */
export const TRANSLATION_MAX: Record<keyof TranslatedFields, number> = { title: 300, summary: 1000, place: 500, codeOfConduct: 20000, body: 10000 };

/** Every kind of text that can be translated, and the Translation column that points at it. */
export const SUBJECTS = {
  contribution: "contributionId",
  comment: "commentId",
  response: "responseId",
  moderationAction: "moderationActionId",
  dialogue: "dialogueId",
  meeting: "meetingId",
  actor: "actorId",
  municipality: "municipalityId",
} as const;
export type Subject = keyof typeof SUBJECTS;
export type SubjectColumn = (typeof SUBJECTS)[Subject];
/** The Translation columns that name its subject, as a select. */
export const subjectSelect = Object.fromEntries(Object.values(SUBJECTS).map((column) => [column, true])) as { [C in SubjectColumn]: true };
/** A stored translation's subject as input: the one column that is set (translation_has_one_target). */
export const storedSubject = (row: Record<SubjectColumn, string | null>): TargetInput =>
  Object.fromEntries(Object.values(SUBJECTS).flatMap((column) => (row[column] ? [[column, row[column]]] : [])));

/** What is translated: exactly one text of any subject. */
export const targetInput = z.object({
  contributionId: z.uuid().optional(),
  commentId: z.uuid().optional(),
  responseId: z.uuid().optional(),
  moderationActionId: z.uuid().optional(),
  dialogueId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  municipalityId: z.uuid().optional(),
});
export type TargetInput = z.output<typeof targetInput>;
export const exactlyOneTarget = (value: TargetInput) => Object.values(SUBJECTS).filter((column) => value[column] !== undefined).length === 1;

export type TranslationTarget = {
  kind: Subject;
  where: Partial<Record<SubjectColumn, string>>;
  /** The original's language and its fields (null where the subject has no such field). */
  language: string;
  original: TranslatedFields;
  /** The languages volunteers translate it into: the dialogue's, or for a municipality's texts the UI languages. */
  languages: string[];
  resource: Resource;
  /**
   * Who may read it decides who may translate it: texts shown to everyone (volunteers translate,
   * any signed-in reader asks for a machine translation), or a moderation reason shown only to the
   * person it concerns (moderators translate; that person and moderators ask for a machine one).
   */
  permissions: { create: SignedInPermission; check: SignedInPermission; request: SignedInPermission };
};

const PUBLIC = { create: "translation:create", check: "translation:check", request: "translation:request" } as const;
const PRIVATE = { create: "report:resolve", check: "report:resolve", request: "translation:request:private" } as const;
/** The moderation actions whose reason the moderated item's author reads. */
const AUTHOR_READS: ReadonlySet<ModerationActionType> = new Set(["HIDE", "UNHIDE", "REVIEW_REQUESTED", "REVIEW_UPHELD", "REVIEW_REVERSED"]);
const dialogueSelect = { select: { id: true, municipalityId: true, phase: true, languages: true } } as const;
type DialogueRow = { id: string; municipalityId: string; phase: Resource["phase"]; languages: string[] };
const fields = (partial: Partial<TranslatedFields> & { body: string }): TranslatedFields => ({ title: null, summary: null, place: null, codeOfConduct: null, ...partial });
const inDialogue = (d: DialogueRow, ownerId?: string | null): Pick<TranslationTarget, "languages" | "resource"> => ({
  languages: d.languages,
  resource: { municipalityId: d.municipalityId, dialogueId: d.id, phase: d.phase, ...(ownerId !== undefined ? { ownerId } : {}) },
});
const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);

/** The column and id of the one subject named in the input. */
export function subjectOf(input: TargetInput): { kind: Subject; column: SubjectColumn; id: string } {
  for (const [kind, column] of Object.entries(SUBJECTS) as [Subject, SubjectColumn][]) {
    const id = input[column];
    if (id !== undefined) return { kind, column, id };
  }
  throw new AppError("INVALID_INPUT", "no text named");
}

/**
 * The text a translation belongs to, as the policy sees it (no owner, except for a moderation
 * reason: it is shown to the person it concerns). Withdrawn, hidden and deleted texts, and texts
 * of empty fields, are not translated.
 */
export async function translationTarget(input: TargetInput): Promise<TranslationTarget> {
  const { kind, column, id } = subjectOf(input);
  const where = { [column]: id };
  const base = { kind, where, permissions: PUBLIC } as const;
  switch (kind) {
    case "contribution": {
      const row = await db.contribution.findUnique({
        where: { id },
        select: { title: true, body: true, language: true, withdrawnAt: true, mergedAt: true, hiddenAt: true, dialogue: dialogueSelect },
      });
      if (!row || !visibleContribution.holds(row)) throw notFound(kind);
      return { ...base, language: row.language, original: fields({ title: row.title, body: row.body }), ...inDialogue(row.dialogue, undefined) };
    }
    case "comment": {
      const row = await db.comment.findUnique({
        where: { id },
        select: { body: true, language: true, deletedAt: true, hiddenAt: true, contribution: { select: { withdrawnAt: true, mergedAt: true, hiddenAt: true, dialogue: dialogueSelect } } },
      });
      if (!row || row.deletedAt || row.hiddenAt || !visibleContribution.holds(row.contribution)) throw notFound(kind);
      return { ...base, language: row.language, original: fields({ body: row.body }), ...inDialogue(row.contribution.dialogue) };
    }
    case "response": {
      const row = await db.response.findUnique({
        where: { id },
        select: { body: true, language: true, contribution: { select: { withdrawnAt: true, mergedAt: true, hiddenAt: true, dialogue: dialogueSelect } } },
      });
      if (!row || !visibleContribution.holds(row.contribution)) throw notFound(kind);
      const { dialogue } = row.contribution;
      return { ...base, language: row.language ?? dialogue.languages[0]!, original: fields({ body: row.body }), ...inDialogue(dialogue) };
    }
    case "moderationAction": {
      const row = await db.moderationAction.findUnique({
        where: { id },
        select: {
          type: true,
          reason: true,
          reasonLanguage: true,
          contribution: { select: { authorId: true } },
          comment: { select: { authorId: true } },
          dialogue: dialogueSelect,
        },
      });
      if (!row) throw notFound(kind);
      // The person a reason concerns is the author of the item, and only for the reasons they are
      // shown: a hide, an unhide and the steps of a review. Every other reason (a dismissed
      // report, a mediation) is the moderators' alone (security review, decision 030).
      const concerns = AUTHOR_READS.has(row.type) ? (row.comment?.authorId ?? row.contribution?.authorId ?? null) : null;
      return {
        ...base,
        permissions: PRIVATE,
        language: row.reasonLanguage ?? row.dialogue.languages[0]!,
        original: fields({ body: row.reason }),
        ...inDialogue(row.dialogue, concerns),
      };
    }
    case "dialogue": {
      const row = await db.dialogue.findUnique({
        where: { id },
        select: { id: true, municipalityId: true, phase: true, languages: true, title: true, summary: true, description: true, codeOfConduct: true },
      });
      if (!row) throw notFound(kind);
      return {
        ...base,
        language: row.languages[0]!,
        original: fields({ title: row.title, summary: row.summary, codeOfConduct: row.codeOfConduct, body: row.description }),
        ...inDialogue(row),
      };
    }
    case "meeting": {
      const row = await db.meeting.findUnique({ where: { id }, select: { title: true, description: true, place: true, dialogue: dialogueSelect } });
      if (!row || !row.description?.trim()) throw notFound(kind);
      return { ...base, language: row.dialogue.languages[0]!, original: fields({ title: row.title, place: row.place, body: row.description }), ...inDialogue(row.dialogue) };
    }
    case "actor": {
      const row = await db.actor.findUnique({
        where: { id },
        select: { description: true, members: { select: { userId: true } }, municipality: { select: { id: true, defaultLocale: true } } },
      });
      if (!row || !row.description?.trim()) throw notFound(kind);
      const resource = { ...(await municipalityTextResource(row.municipality.id)), memberIds: row.members.map((member) => member.userId) };
      return { ...base, language: row.municipality.defaultLocale, original: fields({ body: row.description }), languages: [...locales], resource };
    }
    case "municipality": {
      const row = await db.municipality.findUnique({ where: { id }, select: { id: true, introduction: true, defaultLocale: true } });
      if (!row || !row.introduction?.trim()) throw notFound(kind);
      return { ...base, language: row.defaultLocale, original: fields({ body: row.introduction }), languages: [...locales], resource: await municipalityTextResource(row.id) };
    }
  }
}

/**
 * The policy's resource for the municipality's own texts (its introduction, its actors'
 * descriptions): whoever joined one of its published dialogues translates them as a volunteer
 * (decision 026). Pages ask with it whether to offer "Translate".
 */
export async function municipalityTextResource(municipalityId: string): Promise<Resource> {
  const dialogues = await db.dialogue.findMany({ where: { municipalityId, ...publishedDialogue.where }, select: { id: true } });
  return { municipalityId, publishedDialogueIds: dialogues.map((dialogue) => dialogue.id) };
}

/** Refuses a language the text is not translated into, or the original's own, with a message at the field. */
export function assertTargetLanguage(target: Pick<TranslationTarget, "language" | "languages">, language: string): void {
  if (language === target.language) {
    throw new AppError("INVALID_INPUT", "same language as the original", { fieldErrors: { language: [{ key: "translations.sameAsOriginal" }] } });
  }
  if (!target.languages.includes(language)) {
    throw new AppError("INVALID_INPUT", "not a language of the dialogue", { fieldErrors: { language: [{ key: "translations.notDialogueLanguage" }] } });
  }
}

export function alreadyTranslated(): AppError {
  return new AppError("CONFLICT", "translation exists", { fieldErrors: { language: [{ key: "translations.alreadyTranslated" }] } });
}
