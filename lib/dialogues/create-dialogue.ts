import "server-only";
import { rulesVersion } from "@/lib/host-texts/code-of-conduct";
import { isDefaultRulesText } from "@/lib/host-texts/default-rules";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { parseInput } from "@/lib/validation";
import { dialogueFields, orderLanguages, phaseDates } from "./dialogue-fields";
import { firstFreeSlug, slugFromTitle } from "./dialogue-slug";
import { resolveThemeIds } from "./dialogue-themes";

export const createDialogueInput = z.object({ municipalityId: z.uuid() }).and(dialogueFields);

/**
 * Staff open a new dialogue as a DRAFT with themselves as HOST. It stays a draft until a
 * co-host with lived experience of flight has joined (advance-phase.ts).
 */
export async function createDialogue(viewer: Viewer | null, input: z.input<typeof createDialogueInput>) {
  const data = parseInput(createDialogueInput, input);
  authorize(viewer, "dialogue:create", { municipalityId: data.municipalityId });
  const municipality = await db.municipality.findUnique({
    where: { id: data.municipalityId },
    select: { id: true, defaultLocale: true },
  });
  if (!municipality) throw new AppError("NOT_FOUND", "municipality not found");
  const base = slugFromTitle(data.title);
  const languages = orderLanguages(data.languages, municipality.defaultLocale);
  // The default rules, kept as they were offered, stay the default: NULL, shown in every reader's language.
  const codeOfConduct = (await isDefaultRulesText(data.codeOfConduct)) ? null : data.codeOfConduct;

  // Two dialogues with the same title created at once: the unique index refuses the second slug; take the next one.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const themeIds = await resolveThemeIds(tx, municipality.id, data.themeIds, data.newThemeName);
        const taken = await tx.dialogue.findMany({
          where: { municipalityId: municipality.id, slug: { startsWith: base } },
          select: { slug: true },
        });
        return tx.dialogue.create({
          data: {
            municipalityId: municipality.id,
            slug: firstFreeSlug(base, new Set(taken.map((d) => d.slug))),
            title: data.title,
            summary: data.summary,
            description: data.description,
            languages,
            codeOfConduct,
            teamContact: data.teamContact ?? null,
            ...phaseDates(data),
            createdById: viewer.id,
            themes: { create: themeIds.map((themeId) => ({ themeId })) },
            // The host accepted what they wrote (or kept): the rules in the dialogue's main language.
            memberships: {
              create: {
                userId: viewer.id,
                role: "HOST",
                codeOfConductAcceptedAt: new Date(),
                codeOfConductLanguage: languages[0]!,
                codeOfConductVersion: codeOfConduct === null ? "default" : rulesVersion(codeOfConduct),
              },
            },
          },
          select: { id: true, slug: true, phase: true },
        });
      });
    } catch (error) {
      const collision = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!collision || attempt >= 4) throw error;
    }
  }
}
