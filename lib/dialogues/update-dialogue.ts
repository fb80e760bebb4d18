import "server-only";
import { isDefaultRulesText } from "@/lib/host-texts/default-rules";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";
import { dialogueFields, orderLanguages, phaseDates } from "./dialogue-fields";
import { resolveThemeIds } from "./dialogue-themes";

export const updateDialogueInput = z.object({ dialogueId: z.uuid() }).and(dialogueFields);

/**
 * The host team edits a dialogue until it is closed. The slug stays as it was: posters and
 * shared links carry it.
 */
export async function updateDialogue(viewer: Viewer | null, input: z.input<typeof updateDialogueInput>) {
  const data = parseInput(updateDialogueInput, input);
  const resource = await dialogueResource(data.dialogueId);
  authorize(viewer, "dialogue:update", resource);
  const municipality = await db.municipality.findUniqueOrThrow({
    where: { id: resource.municipalityId },
    select: { defaultLocale: true },
  });

  return db.$transaction(async (tx) => {
    const themeIds = await resolveThemeIds(tx, resource.municipalityId, data.themeIds, data.newThemeName);
    // A theme that contributions were filed under stays: removing it would orphan them.
    const removedInUse = await tx.contribution.count({
      where: { dialogueId: data.dialogueId, themeId: { notIn: themeIds } },
    });
    if (removedInUse > 0) {
      throw new AppError("INVALID_INPUT", "theme in use", { fieldErrors: { themeIds: [{ key: "dialogueValidation.themeInUse" }] } });
    }
    await tx.dialogueTheme.deleteMany({ where: { dialogueId: data.dialogueId, themeId: { notIn: themeIds } } });
    await tx.dialogueTheme.createMany({
      data: themeIds.map((themeId) => ({ dialogueId: data.dialogueId, themeId })),
      skipDuplicates: true,
    });
    return tx.dialogue.update({
      where: { id: data.dialogueId },
      data: {
        title: data.title,
        summary: data.summary,
        description: data.description,
        languages: orderLanguages(data.languages, municipality.defaultLocale),
        // Text that is just the default rules (as the form offers them) keeps the default.
        codeOfConduct: (await isDefaultRulesText(data.codeOfConduct)) ? null : data.codeOfConduct,
        // Left out (undefined): as it was.
        teamContact: data.teamContact,
        ...phaseDates(data),
      },
      select: { id: true, slug: true, phase: true },
    });
  });
}
