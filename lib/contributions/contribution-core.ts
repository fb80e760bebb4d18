import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { placeInput } from "@/lib/districts/place";
import { acceptedRules, rulesSeenFields } from "@/lib/host-texts/code-of-conduct";
import { languageTagSchema } from "@/lib/i18n/language-tag";
import { completeLocales } from "@/lib/i18n/routing";
import { followOnTakingPart } from "@/lib/notifications/follows";
import { perspectiveSnapshot } from "@/lib/perspectives/perspective-snapshot";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import type { Message } from "@/lib/validation";
import { BODY_MAX, TITLE_MAX } from "./limits";

// What posting a contribution, saying it as a voice message and recording one on someone's
// behalf have in common (decision 063): the fields every contribution names, the checks against
// its dialogue, and — for a member's own post — their perspective, the code of conduct and the
// follow. Each of the three adds only what is its own.

/** What every contribution names, however it reached us. */
export const contributionInput = z.object({
  dialogueId: z.uuid(),
  kind: z.enum(["NEED", "PROPOSAL"]),
  themeId: z.uuid(),
  /** The language it is written (or said) in. */
  language: languageTagSchema,
});
type ContributionInput = z.output<typeof contributionInput>;

/** What a written one adds, posted by its author or recorded on someone's behalf. */
export const writtenContributionInput = contributionInput.extend({
  title: z.string().trim().min(1).max(TITLE_MAX),
  body: z.string().trim().min(1).max(BODY_MAX),
  /** Where it is about (decision 049): a district of the municipality, the whole town, or not said. */
  place: placeInput,
});

/** What a member's own post adds, typed or said: the code of conduct, needed for a first post in the dialogue (checkMemberPost). */
export const memberPostFields = {
  acceptCodeOfConduct: z.boolean().default(false),
  ...rulesSeenFields,
};

export type FieldErrors = Record<string, Message[]>;

/** The languages a contribution may be written in: every UI language and the dialogue's own. */
export function contributionLanguages(dialogueLanguages: readonly string[]): string[] {
  // Einfache Sprache is a way of writing the interface, not a language people write in: a text
  // by someone using it is German.
  return [...new Set<string>([...completeLocales, ...dialogueLanguages])];
}

/**
 * The theme and the language must be the dialogue's, and a meeting (a contribution recorded at
 * one) must be one of its meetings — a forged id is refused here, and by the database too.
 */
export async function dialogueFieldErrors(data: ContributionInput, meetingId?: string): Promise<FieldErrors> {
  const dialogue = await db.dialogue.findUniqueOrThrow({
    where: { id: data.dialogueId },
    select: {
      languages: true,
      themes: { where: { themeId: data.themeId }, select: { themeId: true } },
      meetings: meetingId ? { where: { id: meetingId }, select: { id: true } } : false,
    },
  });
  const fieldErrors: FieldErrors = {};
  if (dialogue.themes.length === 0) fieldErrors.themeId = [{ key: "validation.invalid" }];
  if (!contributionLanguages(dialogue.languages).includes(data.language)) fieldErrors.language = [{ key: "validation.invalid" }];
  if (meetingId && (dialogue.meetings ?? []).length === 0) fieldErrors.meetingId = [{ key: "validation.invalid" }];
  return fieldErrors;
}

/** Bad input, per field, as the one AppError; nothing when there is none. */
export function refuseFieldErrors(fieldErrors: FieldErrors): void {
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "invalid input", { fieldErrors });
}

type MemberPostInput = ContributionInput & { acceptCodeOfConduct: boolean; codeOfConductLanguage?: string; codeOfConductVersion?: string };

/**
 * A member's own post, typed or said, before anything is written: allowed, their perspective as
 * it is now (a snapshot, perspective-snapshot.ts), and the dialogue's checks. Their first post in a
 * dialogue needs the code of conduct accepted (docs/design.md, principle 5).
 */
export async function checkMemberPost(viewer: Viewer | null, data: MemberPostInput) {
  const resource = await dialogueResource(data.dialogueId);
  authorize(viewer, "contribution:create", resource);
  const userId = viewer.id;
  const [fieldErrors, membership, authorPerspective] = await Promise.all([
    dialogueFieldErrors(data),
    db.membership.findUnique({ where: { userId_dialogueId: { userId, dialogueId: data.dialogueId } }, select: { codeOfConductAcceptedAt: true } }),
    perspectiveSnapshot(db, userId, resource.municipalityId),
  ]);
  const mustAccept = !membership?.codeOfConductAcceptedAt;
  if (mustAccept && !data.acceptCodeOfConduct) fieldErrors.acceptCodeOfConduct = [{ key: "validation.required" }];
  return {
    userId,
    municipalityId: resource.municipalityId,
    authorPerspective,
    fieldErrors,
    /** Which rules, in which language, were accepted (checked to be the ones shown now); call once the input is fine. */
    acceptedRules: async () => (mustAccept ? (await acceptedRules(data.dialogueId, data)).columns : null),
  };
}

type MemberPost = Awaited<ReturnType<typeof checkMemberPost>>;

/**
 * In the post's transaction: the membership with the rules accepted (a first post; staff run
 * every dialogue of their municipality without joining, so it makes them a participant), the
 * contribution with the author's perspective, and the author following what they wrote (decision 030).
 */
export async function insertMemberContribution(
  tx: Prisma.TransactionClient,
  post: Pick<MemberPost, "userId" | "authorPerspective"> & { rules: Awaited<ReturnType<MemberPost["acceptedRules"]>> },
  data: Omit<Prisma.ContributionUncheckedCreateInput, "authorId" | "authorPerspective" | "source">,
): Promise<{ id: string; dialogueId: string }> {
  const { userId, authorPerspective, rules } = post;
  if (rules) {
    await tx.membership.upsert({
      where: { userId_dialogueId: { userId, dialogueId: data.dialogueId } },
      create: { userId, dialogueId: data.dialogueId, role: "PARTICIPANT", codeOfConductAcceptedAt: new Date(), ...rules },
      update: { codeOfConductAcceptedAt: new Date(), ...rules },
    });
  }
  const contribution = await tx.contribution.create({
    data: { ...data, authorId: userId, authorPerspective, source: "ONLINE" },
    select: { id: true, dialogueId: true },
  });
  await followOnTakingPart(tx, userId, contribution.id);
  return contribution;
}
